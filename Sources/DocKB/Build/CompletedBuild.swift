import Foundation

// What the pipeline hands from one stage to the next, and to the site.

/// One source document after parsing, extraction and link resolution.
public struct ParsedDocument: Sendable {
    public var document: Document
    /// Made once: link resolution, the knowledge base and the site all read it.
    public var outline: DocumentOutline
    public var facts: ExtractedFacts
    public var links: [LinkRecord]
}

/// What a finished build hands to the stage that publishes the site.
public struct CompletedBuild: Sendable {
    public var sourceFolder: URL
    public var outputFolder: URL
    /// The knowledge base this build wrote, readable while `publish` runs:
    /// committed, but possibly not yet on disk nor under its final name.
    public var knowledgeBase: URL
    /// Waits until that knowledge base is on disk and moves it into place.
    /// A publisher calls it before it makes its output visible, so a site is
    /// never ahead of the knowledge base; the build calls it after `publish`
    /// in any case.
    public var placeKnowledgeBase: @Sendable () throws -> Void
    /// Every document, in source order (sorted by relative path).
    public var outlines: [DocumentOutline]
    /// The content of the document at a path: parsed by this build already,
    /// or parsed on demand (safe to call from several threads).
    public var load: @Sendable (String) -> Document?
    /// Every document's links as the build resolved them, by path.
    public var links: [String: [LinkRecord]]
    /// The resolution itself, so pages link where the knowledge base says.
    public var linkResolver: LinkResolver
    /// Identifies the sources the build read (see `BuildHistoryEntry`).
    public var sourcesSHA256: String
    /// Set when, since the previous build, only prose changed (see `ProseOnlyChange`).
    public var proseOnly: ProseOnlyChange?
    public var report: BuildReport
}

/// What changed since the previous build when that is only prose: the bytes
/// of some documents, not their facts nor what pages made from facts read of
/// their outlines (titles, front matter, headings with their anchors and
/// lines; see `IncrementalChange.factPageView`). Those pages are then the
/// same as the previous build's, unless they quote the text of one of these documents.
public struct ProseOnlyChange: Sendable, Equatable {
    /// The sources the previous build read: the pages to keep must be that build's.
    public var previousSourcesSHA256: String
    public var documents: Set<String>
}

/// Publishes the static site from the knowledge base just committed. The
/// build calls it last, so a site is only ever made from a complete
/// knowledge base, while that goes to disk (see `CompletedBuild.placeKnowledgeBase`).
public protocol SitePublisher: Sendable {
    func publish(_ build: CompletedBuild) throws
    /// True when the site in `output` was published from these sources, so
    /// a build that changes nothing can skip publishing.
    func isCurrent(output: URL, sourcesSHA256: String) -> Bool
}

extension SitePublisher {
    /// A publisher that keeps no record of what it published is never behind.
    public func isCurrent(output: URL, sourcesSHA256: String) -> Bool { true }
}
