import Foundation

/// The build pipeline's last stage: renders the static site into the output
/// folder from the knowledge base just written and the parsed documents, and
/// makes it visible once that knowledge base is in place.
///
/// `publish` cannot return anything to the pipeline, so the site report goes
/// to `onReport` (the command prints its summary).
public struct StaticSitePublisher: SitePublisher {
    /// URL prefixes of site-absolute links; nil uses the build's (the source
    /// folder's own name and the prefixes its documents' links show to be theirs).
    public var siteBasePaths: [String]?
    public var onReport: @Sendable (SiteReport) -> Void

    public init(siteBasePaths: [String]? = nil, onReport: @escaping @Sendable (SiteReport) -> Void = { _ in }) {
        self.siteBasePaths = siteBasePaths
        self.onReport = onReport
    }

    public func publish(_ build: CompletedBuild) throws {
        // Unless told otherwise, pages resolve links exactly as the build did.
        let renderer = SiteRenderer(databasePath: build.knowledgeBase.path,
                                    siteBasePaths: siteBasePaths ?? build.linkResolver.siteBasePaths)
        onReport(try renderer.render(outlines: build.outlines, load: build.load, links: build.links, to: build.outputFolder,
                                     sourcesSHA256: build.sourcesSHA256, proseOnly: build.proseOnly,
                                     linkResolver: siteBasePaths == nil ? build.linkResolver : nil,
                                     beforeCommit: build.placeKnowledgeBase))
    }

    public func isCurrent(output: URL, sourcesSHA256: String) -> Bool {
        SiteRenderer.isCurrent(output, sourcesSHA256: sourcesSHA256)
    }
}
