import Foundation

/// The documents of the site, by path, with what links and citations need:
/// their pages, their anchors (matched without regard to case, as DocFX
/// authors write `#BKMK_x` for `<a name="bkmk_x">`), and section extents.
struct DocumentCatalog {
    let documents: [Document]
    private let byPath: [String: Document]
    private let anchorsByPath: [String: [String: String]]

    /// URL prefixes (`/sccm/`) under which site-absolute links point into the set.
    let siteBasePaths: [String]
    private let pathsByLowercase: [String: String]

    init(documents: [Document], siteBasePaths: [String] = []) {
        self.documents = documents.sorted { $0.path < $1.path }
        self.siteBasePaths = siteBasePaths.compactMap { base in
            let trimmed = base.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            return trimmed.isEmpty ? nil : "/" + trimmed.lowercased() + "/"
        }
        var lowercase: [String: String] = [:]
        for document in self.documents where lowercase[document.path.lowercased()] == nil {
            lowercase[document.path.lowercased()] = document.path
        }
        pathsByLowercase = lowercase
        var byPath: [String: Document] = [:]
        var anchors: [String: [String: String]] = [:]
        for document in self.documents {
            byPath[document.path] = document
            var lookup: [String: String] = [:]
            // Sections first, in order, so the first spelling of an anchor wins.
            for section in document.sections {
                for anchor in section.anchors where lookup[anchor.lowercased()] == nil {
                    lookup[anchor.lowercased()] = anchor
                }
            }
            for anchor in document.extraAnchors where lookup[anchor.lowercased()] == nil {
                lookup[anchor.lowercased()] = anchor
            }
            anchors[document.path] = lookup
        }
        self.byPath = byPath
        self.anchorsByPath = anchors
    }

    func document(at path: String) -> Document? { byPath[path] }

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
        guard let document = byPath[path], let exact = self.anchor(anchor, in: path) else { return nil }
        return document.sections.first { $0.anchors.contains(exact) }
    }

    /// The innermost section containing `line` of the document at `path`.
    func section(containing line: Int, in path: String) -> Section? {
        byPath[path]?.section(containing: line)
    }

    /// Lines covered by a section and its sub-sections: from its heading up to
    /// the next heading of the same or a higher level.
    func lineRange(of section: Section, in path: String) -> ClosedRange<Int> {
        guard let document = byPath[path] else { return section.line...section.line }
        let next = document.sections.dropFirst(section.index + 1).first { $0.level <= section.level }
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
