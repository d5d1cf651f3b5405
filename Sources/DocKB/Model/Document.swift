import Foundation

/// A parsed Markdown document: front matter, blocks in order, the heading
/// tree, and what the parser noticed on the way. Line numbers are those of
/// the source file (front matter included).
public struct Document: Hashable, Codable, Sendable {
    /// Path relative to the source folder, `/`-separated (`core/clients/x.md`).
    public var path: String
    public var sha256: String
    public var frontMatter: FrontMatter
    public var blocks: [Block]
    public var sections: [Section]
    public var diagnostics: [Diagnostic]

    public init(path: String, sha256: String, frontMatter: FrontMatter, blocks: [Block],
                sections: [Section], diagnostics: [Diagnostic]) {
        self.path = path
        self.sha256 = sha256
        self.frontMatter = frontMatter
        self.blocks = blocks
        self.sections = sections
        self.diagnostics = diagnostics
    }

    /// The title readers see: the first level-1 heading, else front matter's title,
    /// else the file name.
    public var title: String {
        if let h1 = sections.first(where: { $0.level == 1 }) { return h1.heading }
        if let t = frontMatter.title, !t.isEmpty { return t }
        return (path as NSString).lastPathComponent
    }

    public func location(_ line: Int) -> SourceLocation { SourceLocation(path: path, line: line) }

    /// The innermost section that contains `line`, if any.
    public func section(containing line: Int) -> Section? {
        sections.last(where: { $0.line <= line })
    }

    /// The sections from the outermost down to `section` itself.
    public func ancestry(of section: Section) -> [Section] {
        var chain = [section]
        var current = section
        while let parent = current.parent {
            current = sections[parent]
            chain.insert(current, at: 0)
        }
        return chain
    }

    /// The top-level blocks of one section, up to the next heading (of any level).
    public func blocks(of section: Section) -> ArraySlice<Block> {
        blocks[section.blockRange]
    }

    /// Blocks before the first heading.
    public var preamble: ArraySlice<Block> {
        blocks[0..<(sections.first.map { $0.blockRange.lowerBound - 1 } ?? blocks.count)]
    }

    /// Every anchor a link may target in this document.
    public var anchors: Set<String> {
        var all = Set<String>()
        for section in sections { all.formUnion(section.anchors) }
        all.formUnion(extraAnchors)
        return all
    }

    /// Explicit `<a name>` anchors that are not inside headings.
    public var extraAnchors: [String] {
        var names: [String] = []
        forEachInlines { inlines, _ in
            inlines.walk { if case .html(let raw) = $0, let n = InlineHTML.anchorName(raw) { names.append(n) } }
        }
        for block in blocks { if case .html(let raw) = block.kind, let n = InlineHTML.anchorName(raw) { names.append(n) } }
        return names
    }

    /// The plain text (white space collapsed) of every run `forEachInlines`
    /// visits, with its line. Several readers of a document scan all of its
    /// text; they share this instead of each rebuilding it.
    public func inlineTexts() -> [(text: String, line: Int)] {
        var texts: [(text: String, line: Int)] = []
        forEachInlines { content, line in texts.append((content.plainText.collapsingWhitespace, line)) }
        return texts
    }

    /// Calls `visit` with every run of inline content outside headings
    /// (paragraphs, list items, table cells, alerts), with its line.
    public func forEachInlines(_ visit: ([Inline], Int) -> Void) {
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let c): visit(c, block.line)
                case .list(let l): for item in l.items { walk(item.blocks) }
                case .table(let t):
                    for row in [t.header] + t.rows { for cell in row.cells { visit(cell, row.line) } }
                case .alert(let a): walk(a.blocks)
                case .quote(let b): walk(b)
                case .heading, .code, .html, .include, .thematicBreak: break
                }
            }
        }
        walk(blocks)
    }
}

/// One heading and the blocks under it until the next heading.
public struct Section: Hashable, Codable, Sendable {
    public var index: Int
    public var parent: Int?
    public var level: Int
    public var heading: String
    public var content: [Inline]
    public var explicitAnchors: [String]
    public var slug: String
    public var line: Int
    /// Indices into `Document.blocks` of the blocks after the heading.
    public var blockRange: Range<Int>

    public init(index: Int, parent: Int?, level: Int, heading: String, content: [Inline],
                explicitAnchors: [String], slug: String, line: Int, blockRange: Range<Int>) {
        self.index = index
        self.parent = parent
        self.level = level
        self.heading = heading
        self.content = content
        self.explicitAnchors = explicitAnchors
        self.slug = slug
        self.line = line
        self.blockRange = blockRange
    }

    public var anchor: String { explicitAnchors.first ?? slug }
    public var anchors: [String] { explicitAnchors + (explicitAnchors.contains(slug) ? [] : [slug]) }
}

/// YAML front matter. Known keys are typed; every scalar key is kept in `fields`.
public struct FrontMatter: Hashable, Codable, Sendable {
    public var fields: [String: String]

    public init(fields: [String: String] = [:]) { self.fields = fields }

    public var title: String? { fields["title"] }
    public var description: String? { fields["description"] }
    public var msDate: String? { fields["ms.date"] }
    public var author: String? { fields["author"] }
}

extension String {
    /// Runs of white space (including newlines) folded to one space, trimmed.
    ///
    /// White space is what `Character.isWhitespace` says it is. That property
    /// looks every character up in the Unicode tables, which made this the
    /// most expensive call of a corpus build; an ASCII character is decided
    /// by its byte instead, with the same answer.
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without the trip
    /// through UTF-16 when both ends are visible ASCII (nearly always).
    public var trimmingWhitespaceAndNewlines: String {
        guard let first = utf8.first, let last = utf8.last,
              first > 0x20, first < 0x7F, last > 0x20, last < 0x7F else {
            return trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return self
    }

    public var collapsingWhitespace: String {
        switch utf8.withContiguousStorageIfAvailable(Self.asciiShape) {
        case .collapsed?:
            // Most cells and sentences: nothing to fold, and no copy made.
            return self
        case .uncollapsed?:
            if let collapsed = utf8.withContiguousStorageIfAvailable(Self.collapsingASCIIWhitespace) ?? nil {
                return collapsed
            }
            return collapsingWhitespaceCharacters
        case .notASCII?, nil:
            return collapsingWhitespaceCharacters
        }
    }

    private enum ASCIIShape { case collapsed, uncollapsed, notASCII }

    /// Whether ASCII `bytes` already are their collapsed form: single spaces
    /// between words, none at either end, no other white space.
    private static func asciiShape(_ bytes: UnsafeBufferPointer<UInt8>) -> ASCIIShape {
        var shape = ASCIIShape.collapsed
        var afterSpace = true
        for byte in bytes {
            guard byte < 0x80 else { return .notASCII }
            if byte == UInt8(ascii: " ") {
                if afterSpace { shape = .uncollapsed }
                afterSpace = true
            } else if isASCIIWhitespace(byte) {
                shape = .uncollapsed
                afterSpace = true
            } else {
                afterSpace = false
            }
        }
        return afterSpace && !bytes.isEmpty ? .uncollapsed : shape
    }

    /// Only for text that is all ASCII (nil otherwise), where every character
    /// is one byte except `\r\n`, which is white space like its two bytes.
    private static func collapsingASCIIWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if isASCIIWhitespace(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Character by character; only characters outside ASCII consult the Unicode tables.
    private var collapsingWhitespaceCharacters: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for character in self {
            let isSpace = character.asciiValue.map(Self.isASCIIWhitespace) ?? character.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the
    /// ASCII characters with the Unicode White_Space property.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
    }
}

extension UInt8 {
    /// `A`-`Z` as `a`-`z`, every other byte as it is: lower-casing UTF-8 text
    /// byte by byte where only ASCII letters matter.
    var asciiLowercased: UInt8 {
        (0x41...0x5A).contains(self) ? self | 0x20 : self
    }
}
