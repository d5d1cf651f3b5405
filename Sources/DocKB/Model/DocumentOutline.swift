/// What other documents need to know about a document: its title, sections,
/// anchors, includes and links — everything but its content.
///
/// Link resolution and the site's citations work on outlines, so an
/// incremental build can keep the outline of an unchanged document (stored in
/// the knowledge base) instead of parsing the document again.
public struct DocumentOutline: Hashable, Codable, Sendable {
    public struct Link: Hashable, Codable, Sendable {
        public var destination: String
        /// The link's text as a reader sees it.
        public var text: String
        public var line: Int
    }

    public var path: String
    public var sha256: String
    public var title: String
    public var frontMatter: FrontMatter
    /// With their heading inlines: the exact heading ids DocFX publishes come from them.
    public var sections: [Section]
    /// `<a name>` anchors outside headings, in document order.
    public var extraAnchors: [String]
    /// `[!INCLUDE]` targets as written, in document order.
    public var includes: [String]
    /// Every link, in reading order.
    public var links: [Link]
    /// True when raw HTML in the document has an `href`: such links are not
    /// in `links` (only the site's HTML sanitizer reads them), so what they
    /// lead to can change with any document's anchors.
    public var hasRawHTMLLinks = false

    public var anchors: Set<String> {
        var all = Set(extraAnchors)
        for section in sections { all.formUnion(section.anchors) }
        return all
    }

    public func section(containing line: Int) -> Section? {
        sections.last(where: { $0.line <= line })
    }

    /// The section and the sections enclosing it, outermost first.
    public func ancestry(of section: Section) -> [Section] {
        var chain = [section]
        var current = section
        while let parent = current.parent, sections.indices.contains(parent) {
            current = sections[parent]
            chain.insert(current, at: 0)
        }
        return chain
    }
}

extension Document {
    private static func hasHref(_ raw: String) -> Bool {
        raw.range(of: "href", options: .caseInsensitive) != nil
    }

    public var outline: DocumentOutline {
        var includes: [String] = []
        var rawLinks = false
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .include(let include): includes.append(include.path)
                case .html(let raw): if Self.hasHref(raw) { rawLinks = true }
                case .list(let list): for item in list.items { walk(item.blocks) }
                case .alert(let alert): walk(alert.blocks)
                case .quote(let inner): walk(inner)
                default: break
                }
            }
        }
        walk(blocks)
        var links: [DocumentOutline.Link] = []
        InlineRuns.forEach(in: blocks) { inline, line in
            switch inline {
            case .link(let destination, _, let content):
                links.append(.init(destination: destination, text: content.plainText.collapsingWhitespace, line: line))
            case .html(let raw) where Self.hasHref(raw):
                rawLinks = true
            default:
                break
            }
        }
        return DocumentOutline(path: path, sha256: sha256, title: title, frontMatter: frontMatter, sections: sections,
                               extraAnchors: extraAnchors, includes: includes, links: links, hasRawHTMLLinks: rawLinks)
    }
}
