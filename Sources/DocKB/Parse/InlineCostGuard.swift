/// Keeps cmark-gfm's inline parser out of its polynomial case.
///
/// cmark-gfm 0.29.0.gfm.6 (the version Debian ships; CVE-2023-22486) walks
/// back over the emphasis delimiters still open in a paragraph each time a
/// link closes, so a paragraph's parse time grows with (emphasis markers) ×
/// (links) and faster: a single line of `*a* [b](c) ` repeated takes 1.2 s at
/// 110 kB, 18 s at 330 kB, and would take hours at 10 MB.
///
/// Before parsing, each run of non-blank lines outside fenced code (a
/// paragraph cannot be longer) is scored by its runs of `*` or `_` times its
/// `]`. The corpus's highest score is under 4,000; above `limit` (where
/// cmark-gfm needs a few milliseconds) every `[` of the run is escaped with a
/// backslash. Without an opening bracket no link closes, so the walk never
/// happens and the run parses in linear time; its links (and any `[` inside
/// code spans, which then show the backslash) read as text, everything else
/// keeps its markup, and a warning names the lines.
enum InlineCostGuard {
    static let limit = 1_000_000

    static func apply(_ bytes: [UInt8]) -> (bytes: [UInt8], notes: [(line: Int, message: String)]) {
        let lines = lines(of: bytes)
        var runs: [Run] = []
        var current: Run?
        var fence: (marker: UInt8, length: Int)?
        for (index, line) in lines.enumerated() {
            let content = bytes[contentStart(of: line, in: bytes)..<line.end]
            let fenceMark = fenceMarker(content)
            let blank = bytes[line.start..<line.end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if fence != nil || fenceMark != nil || blank {
                if let mark = fenceMark {
                    if fence == nil { fence = mark } else if mark.marker == fence!.marker, mark.length >= fence!.length { fence = nil }
                }
                if let run = current { runs.append(run) }
                current = nil
                continue
            }
            if current == nil { current = Run(firstLine: index) }
            current!.lastLine = index
            current!.count(bytes[line.start..<line.end])
        }
        if let run = current { runs.append(run) }

        let hostile = runs.filter { $0.score > limit }
        guard !hostile.isEmpty else { return (bytes, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var notes: [(line: Int, message: String)] = []
        var next = 0
        for run in hostile {
            out.append(contentsOf: bytes[next..<lines[run.firstLine].start])
            for line in lines[run.firstLine...run.lastLine] {
                escapeBrackets(bytes[line.start..<line.end], into: &out)
                out.append(contentsOf: bytes[line.end..<line.next])
            }
            next = lines[run.lastLine].next
            let place = run.firstLine == run.lastLine ? "line \(run.firstLine + 1) holds"
                : "lines \(run.firstLine + 1)-\(run.lastLine + 1) hold"
            notes.append((run.firstLine + 1, "\(place) \(run.emphasis) emphasis markers and \(run.brackets) "
                + "closing brackets; cmark-gfm 0.29 needs time that grows with their product (CVE-2023-22486), "
                + "so their links were read as text"))
        }
        out.append(contentsOf: bytes[next...])
        return (out, notes)
    }

    /// One run of non-blank lines and its score.
    private struct Run {
        var firstLine: Int
        var lastLine: Int
        var emphasis = 0
        var brackets = 0
        private var previous: UInt8 = 0

        init(firstLine: Int) {
            self.firstLine = firstLine
            lastLine = firstLine
        }

        var score: Int { emphasis.multipliedReportingOverflow(by: brackets).overflow ? .max : emphasis * brackets }

        mutating func count(_ line: ArraySlice<UInt8>) {
            previous = 0
            for byte in line {
                if (byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")) && byte != previous { emphasis += 1 }
                if byte == UInt8(ascii: "]") { brackets += 1 }
                previous = byte
            }
        }
    }

    private struct Line {
        var start: Int
        var end: Int
        /// After the line ending.
        var next: Int
    }

    /// Lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark.
    private static func lines(of bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                var next = index + 1
                if byte == UInt8(ascii: "\r"), next < bytes.count, bytes[next] == UInt8(ascii: "\n") { next += 1 }
                lines.append(Line(start: start, end: index, next: next))
                start = next
                index = next
            } else {
                index += 1
            }
        }
        if start < bytes.count { lines.append(Line(start: start, end: bytes.count, next: bytes.count)) }
        return lines
    }

    /// Where the line's text starts after the prefixes that make blocks
    /// (indentation, quote markers, list markers and a heading's `#`s), where
    /// a code fence would begin.
    private static func contentStart(of line: Line, in bytes: [UInt8]) -> Int {
        var index = line.start
        func skipSpaces() { while index < line.end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 } }
        func spaceOrEnd(at position: Int) -> Bool {
            position >= line.end || bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")
        }
        while true {
            skipSpaces()
            guard index < line.end else { return index }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                index += 1
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*"), spaceOrEnd(at: index + 1) {
                index += 1
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                var end = index
                while end < line.end, end - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                guard end < line.end, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")"), spaceOrEnd(at: end + 1)
                else { return index }
                index = end + 1
            } else if byte == UInt8(ascii: "#") {
                var end = index
                while end < line.end, bytes[end] == UInt8(ascii: "#") { end += 1 }
                guard end - index <= 6, spaceOrEnd(at: end) else { return index }
                return end
            } else {
                return index
            }
        }
    }

    /// A fence line's character and length: three or more backticks or tildes.
    private static func fenceMarker(_ content: ArraySlice<UInt8>) -> (marker: UInt8, length: Int)? {
        guard let first = content.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let length = content.prefix(while: { $0 == first }).count
        return length >= 3 ? (first, length) : nil
    }

    /// The line with a backslash before each `[` not escaped already. A
    /// backslash escapes the byte after it, so those pairs are copied as they are.
    private static func escapeBrackets(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "\\"), index + 1 < line.endIndex {
                out.append(contentsOf: line[index...(index + 1)])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
            index += 1
        }
    }
}
