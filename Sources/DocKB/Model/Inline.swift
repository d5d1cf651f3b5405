/// Inline content of a paragraph, heading, list item or table cell, as a tree.
///
/// Kept as a tree (not flattened text) so the renderer can reproduce the
/// markup and the extractors can see what was bold (UI labels, permission and
/// object names) or code (file names, command-line parameters).
public indirect enum Inline: Hashable, Codable, Sendable {
    case text(String)
    case code(String)
    case strong([Inline])
    case emphasis([Inline])
    case strikethrough([Inline])
    case link(destination: String, title: String, content: [Inline])
    case image(source: String, title: String, alt: String)
    /// Raw inline HTML such as `<br />`, `<a name="x"></a>` or `<!-- 1234 -->`.
    case html(String)
    case softBreak
    case lineBreak
}

extension Inline {
    /// Text as a reader sees it: markup removed, `<br />` as a line break,
    /// comments and other tags dropped.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .strong(let c), .emphasis(let c), .strikethrough(let c): return c.plainText
        case .link(_, _, let c): return c.plainText
        case .image(_, _, let alt): return alt
        case .html: return breaksLine ? "\n" : ""
        case .softBreak: return " "
        case .lineBreak: return "\n"
        }
    }

    /// A hard line break: Markdown's, or `<br />` written as HTML.
    public var breaksLine: Bool {
        switch self {
        case .lineBreak: return true
        case .html(let raw): return InlineHTML.isLineBreak(raw)
        default: return false
        }
    }

    /// `plainText` appended to `out`, so nested inlines build one string
    /// instead of one per level.
    func appendPlainText(to out: inout String) {
        switch self {
        case .strong(let c), .emphasis(let c), .strikethrough(let c), .link(_, _, let c):
            for inline in c { inline.appendPlainText(to: &out) }
        default: out += plainText
        }
    }

    /// Markdown-like text that keeps inline markup (`**bold**`, `` `code` ``,
    /// links, `<br />`, comments), for storage in the lossless layer.
    public var markdown: String {
        switch self {
        case .text(let s): return s
        case .code(let s):
            let fence = s.contains("`") ? "``" : "`"
            return fence + s + fence
        case .strong(let c): return "**" + c.markdown + "**"
        case .emphasis(let c): return "*" + c.markdown + "*"
        case .strikethrough(let c): return "~~" + c.markdown + "~~"
        case .link(let d, _, let c): return "[" + c.markdown + "](" + d + ")"
        case .image(let s, _, let alt): return "![" + alt + "](" + s + ")"
        case .html(let raw): return raw
        case .softBreak: return "\n"
        case .lineBreak: return "  \n"
        }
    }
}

extension Array where Element == Inline {
    /// Extraction asks for this once per cell, item and paragraph, and most
    /// hold a single text: that one is returned as it is, the others built in one string.
    public var plainText: String {
        if count == 1 { return self[0].plainText }
        var out = ""
        for inline in self { inline.appendPlainText(to: &out) }
        return out
    }
    public var markdown: String { map(\.markdown).joined() }

    /// The content cut at its hard line breaks (a table cell's `<br />`), empty lines left out.
    public var lines: [[Inline]] { split(whereSeparator: \.breaksLine).map(Array.init) }

    /// Every inline in document order, descending into containers.
    public func walk(_ visit: (Inline) -> Void) {
        for inline in self {
            visit(inline)
            switch inline {
            case .strong(let c), .emphasis(let c), .strikethrough(let c), .link(_, _, let c):
                c.walk(visit)
            default: break
            }
        }
    }

    /// Texts of the bold spans (UI labels, permission and object names).
    public var strongTexts: [String] {
        var out: [String] = []
        walk { if case .strong(let c) = $0 { out.append(c.plainText) } }
        return out
    }

    /// Texts of the code spans (file names, command-line parameters).
    public var codeTexts: [String] {
        var out: [String] = []
        walk { if case .code(let s) = $0 { out.append(s) } }
        return out
    }
}

/// Small helpers for the raw HTML that DocFX documents put inline.
public enum InlineHTML {
    /// `<br>`, `<br/>` or `</br>` in any letter case, spaces anywhere. Read as
    /// bytes: every raw HTML inline is asked this whenever text is made of it.
    public static func isLineBreak(_ raw: String) -> Bool {
        var bytes: [UInt8] = []
        for byte in raw.utf8 where byte != 0x20 {
            // No other character lower-cases into `<br/>`, so anything else is no line break.
            guard bytes.count < 5 else { return false }
            bytes.append(byte.asciiLowercased)
        }
        return bytes.elementsEqual("<br>".utf8) || bytes.elementsEqual("<br/>".utf8) || bytes.elementsEqual("</br>".utf8)
    }

    public static func isComment(_ raw: String) -> Bool {
        raw.trimmingWhitespaceAndNewlines.hasPrefix("<!--")
    }

    /// `name` or `id` of an `<a name="x">` / `<a id="x">` anchor tag, if any.
    public static func anchorName(_ raw: String) -> String? {
        // Most raw HTML is no anchor (<br/>, <sup>, comments): turned away
        // by its bytes before Foundation's case-insensitive search.
        guard mayOpenAnchor(raw), let open = raw.range(of: "<a ", options: [.caseInsensitive]) else { return nil }
        let rest = raw[open.upperBound...]
        for attribute in ["name", "id"] {
            guard let r = rest.range(of: attribute + "=", options: .caseInsensitive) else { continue }
            var value = rest[r.upperBound...]
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            value = value.dropFirst()
            guard let end = value.firstIndex(of: quote) else { continue }
            let name = String(value[..<end]).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return nil
    }

    /// Whether `raw` has "<a " or "<A " somewhere, the start `anchorName` looks for.
    private static func mayOpenAnchor(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            return (0..<(bytes.count - 2)).contains { i in
                bytes[i] == UInt8(ascii: "<") && bytes[i + 1] | 0x20 == UInt8(ascii: "a") && bytes[i + 2] == UInt8(ascii: " ")
            }
        }
    }
}

import Foundation
