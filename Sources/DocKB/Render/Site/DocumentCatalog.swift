import Foundation

/// The documents of the site, by path, with what links and citations need:
/// their pages, their anchors (matched without regard to case, as DocFX
/// authors write `#BKMK_x` for `<a name="bkmk_x">`), and section extents.
///
/// It works on outlines; a document's content is loaded only when a page
/// shows it (its own page, a page that includes it, a related section), so
/// an incremental build renders without parsing every document again.
final class DocumentCatalog: @unchecked Sendable {
    /// Every document, sorted by path.
    let outlines: [DocumentOutline]
    private let byPath: [String: DocumentOutline]
    private let anchorsByPath: [String: [String: String]]
    /// By document, the index of the first section with an anchor, by the
    /// anchor lower-cased: citations look sections up tens of thousands of times.
    private let sectionByAnchor: [String: [String: Int]]
    private let load: @Sendable (String) -> Document?
    private let lock = NSLock()
    private var loaded: [String: Document] = [:]

    /// URL prefixes (`/sccm/`) under which site-absolute links point into the set.
    let siteBasePaths: [String]
    /// The build's link resolution over these documents: pages link where the knowledge base says.
    let linkResolver: LinkResolver
    /// The build's records of each document's links, by destination as written.
    private let resolvedLinks: [String: [String: LinkRecord]]
    private let pathsByLowercase: [String: String]

    convenience init(documents: [Document], siteBasePaths: [String] = []) {
        let byPath = Dictionary(documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.init(outlines: documents.map(\.outline), siteBasePaths: siteBasePaths, load: { byPath[$0] })
    }

    /// `load` returns the full document at a path of `outlines`; it may be
    /// called from several threads.
    /// `linkResolver`, the build's, spares making another over the same
    /// outlines; `resolvedLinks`, the records it made of every document's
    /// links, spares resolving them again for the pages.
    init(outlines: [DocumentOutline], siteBasePaths: [String] = [], load: @escaping @Sendable (String) -> Document?,
         linkResolver: LinkResolver? = nil, resolvedLinks: [String: [LinkRecord]]? = nil) {
        self.outlines = outlines.sorted { $0.path < $1.path }
        self.load = load
        self.siteBasePaths = siteBasePaths.compactMap { base in
            let trimmed = base.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            return trimmed.isEmpty ? nil : "/" + trimmed.lowercased() + "/"
        }
        self.linkResolver = linkResolver ?? LinkResolver(outlines: self.outlines, siteBasePaths: self.siteBasePaths)
        // Only records of the resolver given: another resolver could read a link otherwise.
        self.resolvedLinks = linkResolver == nil ? [:] : (resolvedLinks ?? [:]).mapValues { records in
            Dictionary(records.map { ($0.destination, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var lowercase: [String: String] = [:]
        for outline in self.outlines where lowercase[outline.path.lowercased()] == nil {
            lowercase[outline.path.lowercased()] = outline.path
        }
        pathsByLowercase = lowercase
        // Per document, on all cores: the corpus has 30,000 anchors and sections.
        let perOutline = ParallelPages.map(self.outlines.count) { [outlines = self.outlines] position in
            Self.lookups(of: outlines[position])
        }
        var byPath: [String: DocumentOutline] = [:]
        var anchors: [String: [String: String]] = [:]
        var sections: [String: [String: Int]] = [:]
        var headings: [(document: DocumentOutline, section: Section, heading: MethodMatcher.Heading)] = []
        for (outline, lookups) in zip(self.outlines, perOutline) {
            byPath[outline.path] = outline
            anchors[outline.path] = lookups.anchors
            sections[outline.path] = lookups.sections
            headings += lookups.installHeadings.map { (outline, $0.section, $0.heading) }
        }
        self.byPath = byPath
        self.anchorsByPath = anchors
        self.sectionByAnchor = sections
        installHeadings = headings
    }

    /// Where `destination`, written in the document at `documentPath`, leads:
    /// the build's record when it has one (a link's resolution depends only
    /// on its destination and document), else worked out now.
    func resolveLink(_ destination: String, in documentPath: String) -> LinkRecord {
        resolvedLinks[documentPath]?[destination]
            ?? linkResolver.resolve(destination, text: "", line: 0, in: documentPath)
    }

    /// One document's anchors and sections by lower-cased anchor, and its
    /// sections below the title that speak of installing.
    private static func lookups(of outline: DocumentOutline)
        -> (anchors: [String: String], sections: [String: Int], installHeadings: [(section: Section, heading: MethodMatcher.Heading)]) {
        var lookup: [String: String] = [:]
        var sectionLookup: [String: Int] = [:]
        // Sections first, in order, so the first spelling of an anchor wins.
        for section in outline.sections {
            for anchor in section.anchors {
                let key = anchor.lowercased()
                guard lookup[key] == nil else { continue }
                lookup[key] = anchor
                sectionLookup[key] = section.index
            }
        }
        for anchor in outline.extraAnchors where lookup[anchor.lowercased()] == nil {
            lookup[anchor.lowercased()] = anchor
        }
        let headings = outline.sections.compactMap { section -> (section: Section, heading: MethodMatcher.Heading)? in
            guard section.level > 1, let heading = MethodMatcher.Heading(section.heading) else { return nil }
            return (section, heading)
        }
        return (lookup, sectionLookup, headings)
    }

    func outline(at path: String) -> DocumentOutline? { byPath[path] }

    /// Every section below the title whose heading speaks of installing or
    /// upgrading, in document order: the only ones an installation method's
    /// page can relate to, prepared once for all methods.
    let installHeadings: [(document: DocumentOutline, section: Section, heading: MethodMatcher.Heading)]

    /// The whole document, loaded on first use.
    func document(at path: String) -> Document? {
        guard byPath[path] != nil else { return nil }
        if let document = lock.withLock({ () -> Document? in
            requested?.insert(path)
            return loaded[path]
        }) { return document }
        guard let document = load(path) else { return nil }
        lock.withLock { loaded[path] = document }
        return document
    }

    private var requested: Set<String>?

    /// From now on, remember which documents' content pages ask for, until
    /// `endRecording`: the site keeps pages whose inputs did not change, so
    /// it must know which documents' text a page quotes.
    func beginRecording() {
        lock.withLock { requested = [] }
    }

    /// The documents whose content was asked for since `beginRecording`.
    func endRecording() -> Set<String> {
        lock.withLock {
            defer { requested = nil }
            return requested ?? []
        }
    }

    /// The path of the document `path` names, matched exactly, else ignoring
    /// case (DocFX builds on case-insensitive file systems).
    func documentPath(matching path: String) -> String? {
        byPath[path] != nil ? path : pathsByLowercase[path.lowercased()]
    }

    func page(forDocument path: String) -> String { SitePaths.page(forDocument: path) }

    /// The anchor as the target document spells it, if it has it.
    func anchor(_ anchor: String, in path: String) -> String? {
        anchorsByPath[path]?[anchor.lowercased()]
    }

    /// The section an anchor names, for citations ("Title › Section").
    func section(anchor: String, in path: String) -> Section? {
        guard let index = sectionByAnchor[path]?[anchor.lowercased()], let outline = byPath[path],
              outline.sections.indices.contains(index) else { return nil }
        return outline.sections[index]
    }

    /// The innermost section containing `line` of the document at `path`.
    func section(containing line: Int, in path: String) -> Section? {
        byPath[path]?.section(containing: line)
    }

    /// Lines covered by a section and its sub-sections: from its heading up to
    /// the next heading of the same or a higher level.
    func lineRange(of section: Section, in path: String) -> ClosedRange<Int> {
        guard let outline = byPath[path] else { return section.line...section.line }
        let next = outline.sections.dropFirst(section.index + 1).first { $0.level <= section.level }
        return section.line...((next?.line ?? Int.max) - 1)
    }

    /// A citation's human-readable place: document title and section heading.
    func citationLabel(_ citation: FactCitation, titles: [String: String]) -> (document: String, section: String?) {
        let title = byPath[citation.documentPath]?.title ?? titles[citation.documentPath] ?? citation.documentPath
        let section = self.section(anchor: citation.anchor, in: citation.documentPath)
            ?? self.section(containing: citation.line, in: citation.documentPath)
        let heading = section.flatMap { $0.level == 1 ? nil : $0.heading }
        return (title, heading)
    }

    /// The fragment a citation links to: the cited anchor when the page has it,
    /// else the anchor of the section containing the line.
    func citationFragment(_ citation: FactCitation) -> String? {
        if let exact = anchor(citation.anchor, in: citation.documentPath) { return exact }
        return section(containing: citation.line, in: citation.documentPath)?.anchor
    }
}
