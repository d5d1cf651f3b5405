/// DocFX's additions to CommonMark, recognized on the converted model:
/// alerts (`> [!NOTE]`), `[!INCLUDE [name](path)]` paragraphs, and anchors
/// written into headings (`## <a name="x"></a> Title`).
enum DocFXBlocks {
    /// A paragraph, split where whole lines are `[!INCLUDE [name](path)]`: DocFX reads
    /// such a line as an include block even inside a run of text lines.
    static func paragraph(_ content: [Inline], line: Int, endLine: Int) -> [Block] {
        let mayInclude = content.contains { if case .text(let text) = $0 { containsIncludeOpening(text) } else { false } }
        let lines = mayInclude ? sourceLines(of: content) : []
        guard lines.contains(where: { include(in: $0.inlines) != nil }) else {
            return [Block(.paragraph(content), line: line, endLine: endLine)]
        }
        var blocks: [Block] = []
        var pending: [Inline] = []
        var pendingStart = line
        func flushText(before nextLine: Int) {
            while let last = pending.last, last == .softBreak || last == .lineBreak { pending.removeLast() }
            if !pending.isEmpty {
                blocks.append(Block(.paragraph(pending), line: pendingStart, endLine: max(pendingStart, nextLine - 1)))
            }
            pending = []
        }
        for sourceLine in lines {
            let number = line + sourceLine.offset
            if let include = include(in: sourceLine.inlines) {
                flushText(before: number)
                blocks.append(Block(.include(include), line: number, endLine: number))
            } else {
                if pending.isEmpty { pendingStart = number }
                pending += sourceLine.inlines + (sourceLine.lineEnd.map { [$0] } ?? [])
            }
        }
        flushText(before: endLine + 1)
        return blocks
    }

    /// Whether `text` contains `[!`: a byte scan, as this runs for every paragraph.
    private static func containsIncludeOpening(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "["), byte == UInt8(ascii: "!") { return true }
            previous = byte
        }
        return false
    }

    /// The paragraph's inlines cut at its line breaks, with each line's offset from the first.
    private static func sourceLines(of content: [Inline]) -> [(offset: Int, inlines: [Inline], lineEnd: Inline?)] {
        var lines: [(offset: Int, inlines: [Inline], lineEnd: Inline?)] = []
        var current: [Inline] = []
        var offset = 0, currentOffset = 0
        for inline in content {
            switch inline {
            case .softBreak, .lineBreak:
                lines.append((currentOffset, current, inline))
                current = []
                offset += 1
                currentOffset = offset
            case .html(let raw):
                current.append(inline)
                offset += raw.reduce(0) { $1.isNewline ? $0 + 1 : $0 }  // multi-line inline HTML
            default:
                current.append(inline)
            }
        }
        lines.append((currentOffset, current, nil))
        return lines
    }

    /// cmark sees `[!INCLUDE [name](path)]` as the text `[!INCLUDE `, a link and the
    /// text `]`; DocFX also accepts `[!include+[name](path)]`.
    static func include(in content: [Inline]) -> Include? {
        guard content.count == 3,
              case .text(let opening) = content[0],
              case .link(let path, _, let name) = content[1],
              case .text(let closing) = content[2],
              closing.trimmingWhitespace == "]"
        else { return nil }
        var marker = opening.trimmingWhitespace.lowercased()[...]
        guard marker.hasPrefix("[!include") else { return nil }
        marker = marker.dropFirst("[!include".count)
        if marker.first == "+" { marker = marker.dropFirst() }
        guard marker.allSatisfy(\.isWhitespace) else { return nil }
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
