/// Finds table rows whose cell count differs from their header's. cmark-gfm
/// pads a short row with empty cells and drops the cells of a long row past
/// the header without a word, so the converter reads each body row's source
/// line again, splits it as the table extension does, and reports the
/// difference: a dropped cell is text that reaches neither the knowledge base
/// nor the site.
struct RaggedRows {
    /// A row's source line compared with its header.
    struct Finding: Equatable {
        let line: Int
        let cells: Int
        /// The dropped cells' text, trimmed and joined with " | " (empty when they were empty).
        let dropped: String
    }

    private let source: [UInt8]
    private var lines: [Range<Int>]?
    private var findings: [Finding] = []

    init(source: [UInt8]) { self.source = source }

    /// Compares the body row on `line` (1-based) with a header of `columns` cells.
    mutating func check(line: Int, columns: Int) {
        guard let bytes = lineBytes(line) else { return }
        let cells = Self.cells(of: bytes)
        guard cells.count != columns else { return }
        var dropped = ""
        if cells.count > columns {
            dropped = cells[columns...].map { range in
                var cell = bytes[range]
                while let first = cell.first, Self.isSpace(first) { cell.removeFirst() }
                while let last = cell.last, Self.isSpace(last) { cell.removeLast() }
                return String(decoding: cell, as: UTF8.self)
            }.filter { !$0.isEmpty }.joined(separator: " | ")
        }
        findings.append(Finding(line: line, cells: cells.count, dropped: dropped))
    }

    /// A table's notes, then its findings are cleared. Each row that drops
    /// text gets its own note (up to `lossyNotesPerTable`, then one for the
    /// rest); rows that lose nothing (short rows, empty cells past the header)
    /// share one note at the first of them.
    mutating func takeNotes(columns: Int) -> [(line: Int, message: String)] {
        defer { findings.removeAll() }
        let lossy = findings.filter { !$0.dropped.isEmpty }
        let harmless = findings.filter { $0.dropped.isEmpty }
        var notes: [(line: Int, message: String)] = lossy.prefix(Self.lossyNotesPerTable).map { finding in
            let shown = finding.dropped.count > 80 ? finding.dropped.prefix(79) + "…" : Substring(finding.dropped)
            return (finding.line, Self.counts(finding, columns) + "the cells past the header are dropped (\(shown))")
        }
        if lossy.count > Self.lossyNotesPerTable {
            let rest = lossy.count - Self.lossyNotesPerTable
            notes.append((lossy[Self.lossyNotesPerTable].line,
                          "\(rest) more \(rest == 1 ? "row" : "rows") of this table have cells past the header, which are dropped"))
        }
        if let first = harmless.first {
            var message = Self.counts(first, columns)
                + (first.cells > columns ? "the empty cells past the header are dropped" : "the missing cells are read as empty")
            let more = harmless.count - 1
            if more > 0 {
                message += "; \(more) more \(more == 1 ? "row of this table differs" : "rows of this table differ") from the header"
            }
            notes.append((first.line, message))
        }
        return notes.sorted { $0.line < $1.line }
    }

    static let lossyNotesPerTable = 20

    private static func counts(_ finding: Finding, _ columns: Int) -> String {
        "table row has \(finding.cells) \(finding.cells == 1 ? "cell" : "cells"), its header \(columns): "
    }

    /// The cells of one table row's line as cmark-gfm's table extension splits
    /// them: container prefixes (indentation, `>`) and an optional leading and
    /// trailing pipe aside, cells end at each `|` that does not follow a
    /// backslash. (Its cell scanner takes the longest match, in which a
    /// backslash always takes the pipe after it as an escaped character.)
    static func cells(of line: ArraySlice<UInt8>) -> [Range<Int>] {
        var start = line.startIndex
        var end = line.endIndex
        while start < end, line[start] == UInt8(ascii: " ") || line[start] == UInt8(ascii: "\t")
            || line[start] == UInt8(ascii: ">") { start += 1 }
        while end > start, isSpace(line[end - 1]) { end -= 1 }
        if start < end, line[start] == UInt8(ascii: "|") { start += 1 }
        var cells: [Range<Int>] = []
        var cellStart = start
        var index = start
        while index < end {
            if line[index] == UInt8(ascii: "|"), index == start || line[index - 1] != UInt8(ascii: "\\") {
                cells.append(cellStart..<index)
                cellStart = index + 1
            }
            index += 1
        }
        if cellStart < end { cells.append(cellStart..<end) }
        return cells
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }

    /// The bytes of a 1-based line, without its line ending (lines end as
    /// cmark-gfm's do: `LineCursor`). They are found on first use, as most
    /// documents have no table.
    private mutating func lineBytes(_ line: Int) -> ArraySlice<UInt8>? {
        if lines == nil {
            var cursor = LineCursor(source)
            var ranges: [Range<Int>] = []
            while let next = cursor.next() { ranges.append(next.content.indices) }
            lines = ranges
        }
        guard let lines, line >= 1, line <= lines.count else { return nil }
        return source[lines[line - 1]]
    }
}
