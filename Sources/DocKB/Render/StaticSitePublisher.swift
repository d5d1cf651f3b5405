import Foundation

/// The build pipeline's last stage: renders the static site into the output
/// folder from the knowledge base just written and the parsed documents.
///
/// `publish` cannot return anything to the pipeline, so the site report goes
/// to `onReport` (the command prints its summary).
public struct StaticSitePublisher: SitePublisher {
    /// URL prefixes of site-absolute links; nil uses the source folder's own
    /// name, as the build's link resolution does.
    public var siteBasePaths: [String]?
    public var onReport: @Sendable (SiteReport) -> Void

    public init(siteBasePaths: [String]? = nil, onReport: @escaping @Sendable (SiteReport) -> Void = { _ in }) {
        self.siteBasePaths = siteBasePaths
        self.onReport = onReport
    }

    public func publish(_ build: CompletedBuild) throws {
        let renderer = SiteRenderer(databasePath: build.knowledgeBase.path,
                                    siteBasePaths: siteBasePaths ?? [build.sourceFolder.lastPathComponent])
        onReport(try renderer.render(outlines: build.outlines, load: build.load, links: build.links, to: build.outputFolder,
                                     sourcesSHA256: build.sourcesSHA256, proseOnly: build.proseOnly))
    }

    public func isCurrent(output: URL, sourcesSHA256: String) -> Bool {
        SiteRenderer.isCurrent(output, sourcesSHA256: sourcesSHA256)
    }
}
