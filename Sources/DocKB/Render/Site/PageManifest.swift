import Foundation

/// What the previous render knew about each document page: a digest of
/// everything the page is made from, and what rendering it noticed. A page
/// whose digest is unchanged is not rendered again; its warnings and linked
/// fact lines come from here, so the site report stays the same.
struct PageManifest: Equatable {
    static let fileName = ".dockb-pages"
    /// Where dockb kept it as JSON before: removed by the next render.
    static let formerFileName = ".dockb-pages.json"

    struct Page: Equatable {
        var digest: String
        var warnings: [Diagnostic]
        /// The fact lines the page links from, by document (its own, and those it includes).
        var linkedLines: [String: [Int]]
    }

    /// By document path.
    var pages: [String: Page] = [:]

    /// The pages made from facts and outlines (entity and reference pages,
    /// diagrams) as the render that wrote this manifest made them.
    struct FactPages: Equatable {
        /// The sources of that render.
        var sourcesSHA256: String
        /// Digest of what every page has (dockb's identity, the navigation, the site's base paths).
        var shared: String
        /// The documents whose text these pages quote (related sections).
        var quoted: [String]
        var files: [String]
        var pages: Int
        var entityPages: Int
        var diagrams: Int

        /// True when these pages are what a render of the current sources
        /// would make: since the sources they were made from, only prose
        /// changed, in documents they do not quote, and every file is still there.
        func isCurrent(after change: ProseOnlyChange?, shared: String, quotedNow: Set<String>, in root: URL) -> Bool {
            guard let change, change.previousSourcesSHA256 == sourcesSHA256, self.shared == shared else { return false }
            guard change.documents.isDisjoint(with: quoted), change.documents.isDisjoint(with: quotedNow) else { return false }
            return files.allSatisfy { FileManager.default.fileExists(atPath: root.path + "/" + $0) }
        }

        /// The same pages, recorded as made for the sources `sourcesSHA256`.
        func rendered(_ sourcesSHA256: String?, quoting quotedNow: Set<String>) -> FactPages? {
            guard let sourcesSHA256 else { return nil }
            var copy = self
            copy.sourcesSHA256 = sourcesSHA256
            copy.quoted = quotedNow.union(quoted).sorted()
            return copy
        }
    }

    var factPages: FactPages?

    /// The manifest beside the site in `root`; an empty one (every page
    /// rendered again) when there is none or it cannot be read.
    static func read(from root: URL) -> PageManifest {
        guard let data = FileManager.default.contents(atPath: root.path + "/" + fileName),
              let manifest = try? PageManifestCoding.decode(data) else { return PageManifest() }
        return manifest
    }

    func encoded() -> Data { PageManifestCoding.encode(self) }

    /// The fact lines a page links from, by document.
    static func lines(_ keys: Set<RenderLog.FactCitationKey>) -> [String: [Int]] {
        Dictionary(grouping: keys, by: \.path).mapValues { $0.map(\.line).sorted() }
    }

    /// What links written as raw HTML can lead to: every document's path,
    /// anchors (DocFX's exact heading ids too) and includes. Part of the
    /// digest of a page with such links, which the build's link records do not cover.
    static func linkTargets(of outlines: [DocumentOutline]) -> String {
        var parts: [String] = []
        for outline in outlines {
            parts.append(([outline.path] + outline.linkTargetAnchors.sorted() + outline.includes).joined(separator: " "))
        }
        return MarkdownParser.sha256(of: Data(parts.joined(separator: "\n").utf8))
    }

    /// Everything a document's page is made from besides the page template:
    /// the document's bytes, the facts its lines link to, where each of its
    /// links leads now, and the same for the files it includes. `shared` holds
    /// what every page has (dockb's identity, the navigation); `linkTargets`
    /// (see `linkTargets(of:)`) counts for pages with raw HTML links.
    static func digest(of outline: DocumentOutline, model: SiteModel, links: [String: [LinkRecord]]?, shared: String,
                       linkTargets: String = "") -> String {
        var parts = [shared]
        var visited: Set<String> = []
        func add(_ outline: DocumentOutline) {
            guard visited.insert(outline.path).inserted else { return }
            parts.append("document \(outline.path) \(outline.sha256)")
            if outline.hasRawHTMLLinks { parts.append("raw links \(linkTargets)") }
            for (line, links) in (model.factLinks[outline.path] ?? [:]).sorted(by: { $0.key < $1.key }) {
                for link in links { parts.append("fact \(line) \(link.kindLabel) \(link.name) \(link.page)#\(link.fragment)") }
            }
            if let resolved = links?[outline.path] {
                // Where the build's resolution leads is where the page's links lead.
                for link in resolved {
                    parts.append("link \(link.destination) \(link.status.rawValue) \(link.targetPath ?? "") \(link.targetAnchor ?? "")")
                }
            } else {
                let resolver = PageLinkResolver(catalog: model.catalog, documentPath: outline.path,
                                                pagePath: SitePaths.page(forDocument: outline.path))
                for link in outline.links { parts.append("link \(link.destination) \(resolver.resolve(link.destination))") }
            }
            for include in DocumentIndex.includePaths(of: outline) {
                if let path = model.catalog.documentPath(matching: include), let included = model.catalog.outline(at: path) {
                    add(included)
                } else {
                    parts.append("missing include \(include)")
                }
            }
        }
        add(outline)
        return MarkdownParser.sha256(of: Data(parts.joined(separator: "\n").utf8))
    }
}
