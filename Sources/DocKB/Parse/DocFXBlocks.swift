/// DocFX's additions to CommonMark, recognized on the converted model:
/// alerts (`> [!NOTE]`), `[!INCLUDE [name](path)]` paragraphs, and anchors
/// written into headings (`## <a name="x"></a> Title`).
enum DocFXBlocks {
    /// A paragraph, or an include when the paragraph is nothing but `[!INCLUDE [name](path)]`.
    static func paragraph(_ content: [Inline]) -> Block.Kind {
        if let include = include(in: content) { return .include(include) }
        return .paragraph(content)
    }

    /// cmark sees `[!INCLUDE [name](path)]` as the text `[!INCLUDE `, a link and the text `]`.
    static func include(in content: [Inline]) -> Include? {
        guard content.count == 3,
              case .text(let opening) = content[0],
              case .link(let path, _, let name) = content[1],
              case .text(let closing) = content[2],
              closing.trimmingWhitespace == "]"
        else { return nil }
        let marker = opening.trimmingWhitespace
        guard marker.count >= 9, marker.lowercased().hasPrefix("[!include"),
              marker.dropFirst(9).allSatisfy(\.isWhitespace)
        else { return nil }
        return Include(name: name.plainText.collapsingWhitespace, path: path)
    }

    /// An alert when the quote's first paragraph opens with `[!NOTE]`, `[!TIP]`,
    /// `[!IMPORTANT]`, `[!CAUTION]` or `[!WARNING]` in any letter case; the marker
    /// and the line break after it are removed. Other quotes (`[!div ...]` too) stay quotes.
    static func quote(_ blocks: [Block]) -> Block.Kind {
        guard let first = blocks.first, case .paragraph(let content) = first.kind,
              case .text(let text)? = content.first,
              let (kind, rest) = alertMarker(text)
        else { return .quote(blocks) }

        var remaining = Array(content.dropFirst())
        var startsOnNextLine = false
        let restText = rest.drop(while: { $0 == " " || $0 == "\t" })
        if !restText.isEmpty {
            remaining.insert(.text(String(restText)), at: 0)
        } else if let next = remaining.first, next == .softBreak || next == .lineBreak {
            remaining.removeFirst()
            startsOnNextLine = true
        }
        var body = blocks
        if remaining.isEmpty {
            body.removeFirst()
        } else {
            body[0].kind = .paragraph(remaining)
            // The paragraph's text now starts below the marker line.
            if startsOnNextLine { body[0].line = min(body[0].line + 1, body[0].endLine) }
        }
        return .alert(Alert(kind: kind, blocks: body))
    }

    /// Splits `[!KIND]` off the start of `text`.
    static func alertMarker(_ text: String) -> (Alert.Kind, Substring)? {
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let name = text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()
        guard let kind = Alert.Kind(rawValue: name) else { return nil }
        return (kind, text[text.index(after: close)...])
    }

    /// A heading with its explicit anchors (kept in `content` as HTML, which
    /// `Heading.text` ignores) and the unique slug DocFX would give it.
    static func heading(level: Int, content: [Inline], slugger: inout HeadingSlugger) -> Heading {
        var anchors: [String] = []
        content.walk { inline in
            if case .html(let raw) = inline, let name = InlineHTML.anchorName(raw), !anchors.contains(name) {
                anchors.append(name)
            }
        }
        return Heading(level: level, content: content, explicitAnchors: anchors,
                       slug: slugger.uniqueSlug(for: content))
    }
}

extension StringProtocol {
    var trimmingWhitespace: Substring {
        let string = self[...]
        guard let start = string.firstIndex(where: { !$0.isWhitespace }),
              let end = string.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return Substring(string[start...end])
    }
}
