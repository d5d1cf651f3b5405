/// A block of a parsed document, with the lines it spans in the source file.
public struct Block: Hashable, Codable, Sendable {
    public var kind: Kind
    public var line: Int
    public var endLine: Int

    public init(_ kind: Kind, line: Int, endLine: Int) {
        self.kind = kind
        self.line = line
        self.endLine = endLine
    }

    public indirect enum Kind: Hashable, Codable, Sendable {
        case heading(Heading)
        case paragraph([Inline])
        case list(ListBlock)
        case table(Table)
        /// A DocFX alert: a block quote opening with `[!NOTE]`, `[!TIP]`, ...
        case alert(Alert)
        case quote([Block])
        case code(language: String, text: String)
        /// A raw HTML block; HTML comments (`<!-- 4963362 -->`) land here too.
        case html(String)
        /// `[!INCLUDE [name](path)]` standing alone as a paragraph.
        case include(Include)
        case thematicBreak
    }
}

public struct Heading: Hashable, Codable, Sendable {
    public var level: Int
    public var content: [Inline]
    /// Anchors written into the heading (`<a name="BKMK_x"></a>`).
    public var explicitAnchors: [String]
    /// The identifier DocFX generates from the heading text, made unique
    /// within the document (`-1`, `-2` suffixes as DocFX does).
    public var slug: String

    public init(level: Int, content: [Inline], explicitAnchors: [String], slug: String) {
        self.level = level
        self.content = content
        self.explicitAnchors = explicitAnchors
        self.slug = slug
    }

    public var text: String { content.plainText.collapsingWhitespace }
    /// The anchor links prefer: the explicit one when the author wrote one.
    public var anchor: String { explicitAnchors.first ?? slug }
    public var anchors: [String] { explicitAnchors + (explicitAnchors.contains(slug) ? [] : [slug]) }
}

public struct ListBlock: Hashable, Codable, Sendable {
    public var ordered: Bool
    public var start: Int
    public var items: [ListItem]

    public init(ordered: Bool, start: Int, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.items = items
    }
}

public struct ListItem: Hashable, Codable, Sendable {
    public var line: Int
    public var blocks: [Block]

    public init(line: Int, blocks: [Block]) {
        self.line = line
        self.blocks = blocks
    }

    /// The item's own text: its leading paragraph (nested lists excluded).
    public var leadContent: [Inline] {
        for block in blocks { if case .paragraph(let c) = block.kind { return c } }
        return []
    }

    /// Lists nested directly inside this item.
    public var nestedLists: [ListBlock] {
        blocks.compactMap { if case .list(let l) = $0.kind { return l } else { return nil } }
    }
}

public struct Table: Hashable, Codable, Sendable {
    public enum Alignment: String, Codable, Sendable { case none, left, center, right }

    public var header: TableRow
    public var rows: [TableRow]
    public var alignments: [Alignment]

    public init(header: TableRow, rows: [TableRow], alignments: [Alignment]) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
    }

    /// Header texts, lower-cased and trimmed: what classification looks at.
    public var headerNames: [String] {
        header.cells.map { $0.plainText.collapsingWhitespace.lowercased() }
    }

    /// True for the `|||` header rows of older articles, which carry no names;
    /// such tables use their first body row as the header in practice.
    public var hasEmptyHeader: Bool { headerNames.allSatisfy(\.isEmpty) }
}

public struct TableRow: Hashable, Codable, Sendable {
    public var line: Int
    public var cells: [[Inline]]

    public init(line: Int, cells: [[Inline]]) {
        self.line = line
        self.cells = cells
    }
}

public struct Alert: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case note, tip, important, caution, warning
    }

    public var kind: Kind
    public var blocks: [Block]

    public init(kind: Kind, blocks: [Block]) {
        self.kind = kind
        self.blocks = blocks
    }
}

public struct Include: Hashable, Codable, Sendable {
    public var name: String
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }
}
