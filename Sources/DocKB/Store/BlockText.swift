import Foundation

/// Flattens blocks into the two text forms the lossless layer stores:
/// plain text (what a reader sees, for search and display) and Markdown-like
/// text (inline markup kept, so nothing the author wrote is lost).
enum BlockText {
    /// Plain text of `blocks`, one line per paragraph, row or item.
    static func plain(_ blocks: some Sequence<Block>) -> String {
        blocks.map(plain).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func plain(_ block: Block) -> String {
        switch block.kind {
        case .heading(let h): return h.text
        case .paragraph(let c): return c.plainText.blockTextTrimmed
        case .list(let l): return l.items.map { plain($0.blocks) }.joined(separator: "\n")
        case .table(let t):
            return ([t.header] + t.rows).map { row in
                row.cells.map { $0.plainText.collapsingWhitespace }.joined(separator: " | ")
            }.joined(separator: "\n")
        case .alert(let a): return plain(a.blocks)
        case .quote(let b): return plain(b)
        case .code(_, let text): return text.blockTextTrimmed
        case .include(let i): return i.name
        case .html, .thematicBreak: return ""
        }
    }

    /// `plain(blocks)`, with the source line each of its lines comes from: a
    /// paragraph's first line, a list item's, a table row's. A paragraph
    /// broken by hard line breaks, or a code block, gives each of its lines
    /// the block's first line.
    static func plainWithLines(_ blocks: some Sequence<Block>) -> (text: String, lines: [Int]) {
        var texts: [String] = []
        var lines: [Int] = []
        for block in blocks {
            let own = plainWithLines(block)
            guard !own.text.isEmpty else { continue }
            texts.append(own.text)
            lines += own.lines
        }
        return (texts.joined(separator: "\n"), lines)
    }

    private static func plainWithLines(_ block: Block) -> (text: String, lines: [Int]) {
        switch block.kind {
        case .list(let l):
            var texts: [String] = []
            var lines: [Int] = []
            for item in l.items {
                let own = plainWithLines(item.blocks)
                texts.append(own.text)
                // An item with no text is still one (empty) line of the list's.
                lines += own.lines.isEmpty ? [item.line] : own.lines
            }
            return (texts.joined(separator: "\n"), lines)
        case .table(let t): return (plain(block), ([t.header] + t.rows).map(\.line))
        case .alert(let a): return plainWithLines(a.blocks)
        case .quote(let b): return plainWithLines(b)
        case .heading, .paragraph, .code, .include, .html, .thematicBreak:
            let text = plain(block)
            return (text, Array(repeating: block.line, count: text.utf8.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }))
        }
    }

    /// Markdown-like text of `blocks`, blank line between blocks.
    static func markdown(_ blocks: some Sequence<Block>) -> String {
        blocks.map(markdown).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    static func markdown(_ block: Block) -> String {
        switch block.kind {
        case .heading(let h):
            return String(repeating: "#", count: max(1, h.level)) + " " + h.content.markdown.blockTextTrimmed
        case .paragraph(let c): return c.markdown.blockTextTrimmed
        case .list(let l):
            return l.items.enumerated().map { offset, item in
                let marker = l.ordered ? "\(l.start + offset). " : "- "
                return marker + indented(markdown(item.blocks), by: marker.count)
            }.joined(separator: "\n")
        case .table(let t):
            let rows = ([t.header] + t.rows).map { row in
                "| " + row.cells.map { $0.markdown.blockTextTrimmed }.joined(separator: " | ") + " |"
            }
            let rule = "|" + Array(repeating: "---|", count: max(1, t.header.cells.count)).joined()
            return ([rows[0], rule] + rows.dropFirst()).joined(separator: "\n")
        case .alert(let a):
            return quoted("[!\(a.kind.rawValue.uppercased())]\n" + markdown(a.blocks))
        case .quote(let b): return quoted(markdown(b))
        case .code(let language, let text):
            return "```" + language + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "```"
        case .html(let raw): return raw.blockTextTrimmed
        case .include(let i): return "[!INCLUDE [\(i.name)](\(i.path))]"
        case .thematicBreak: return "---"
        }
    }

    private static func indented(_ text: String, by width: Int) -> String {
        let pad = String(repeating: " ", count: width)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
            .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : pad + $0.element }
            .joined(separator: "\n")
    }

    private static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + $0 }
            .joined(separator: "\n")
    }
}

extension BlockText {
    /// `text` without leading and trailing white space. Foundation's
    /// `trimmingCharacters` goes through NSString and UTF-16 on Linux, and was
    /// a quarter of the write time of a large build; this stays on the UTF-8
    /// scalars and checks Unicode properties only for non-ASCII ones.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isWhitespace($0) }) ?? first
        return String(scalars[first...last])
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }
}

private extension String {
    var blockTextTrimmed: String { BlockText.trimmed(self) }
}
