/// Visits every inline of a document (headings, paragraphs, table cells,
/// list items, alerts and quotes, at any nesting depth) with the source line
/// it sits on.
///
/// Blocks only know their first line; inside a paragraph the line is advanced
/// at each soft or hard break and by the newlines of multi-line raw HTML, so a
/// link or comment in the third line of a paragraph is reported there.
enum InlineRuns {
    static func forEach(in blocks: [Block], _ visit: (Inline, Int) -> Void) {
        for block in blocks {
            switch block.kind {
            case .heading(let h): forEach(h.content, startingAt: block.line, visit)
            case .paragraph(let c): forEach(c, startingAt: block.line, visit)
            case .list(let l): for item in l.items { forEach(in: item.blocks, visit) }
            case .table(let t):
                for row in [t.header] + t.rows {
                    for cell in row.cells { forEach(cell, startingAt: row.line, visit) }
                }
            case .alert(let a): forEach(in: a.blocks, visit)
            case .quote(let b): forEach(in: b, visit)
            case .code, .html, .include, .thematicBreak: break
            }
        }
    }

    static func forEach(_ inlines: [Inline], startingAt line: Int, _ visit: (Inline, Int) -> Void) {
        var line = line
        walk(inlines, &line, visit)
    }

    private static func walk(_ inlines: [Inline], _ line: inout Int, _ visit: (Inline, Int) -> Void) {
        for inline in inlines {
            visit(inline, line)
            switch inline {
            case .strong(let c), .emphasis(let c), .strikethrough(let c), .link(_, _, let c):
                walk(c, &line, visit)
            case .softBreak, .lineBreak:
                line += 1
            case .html(let raw):
                line += raw.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            case .text, .code, .image:
                break
            }
        }
    }
}
