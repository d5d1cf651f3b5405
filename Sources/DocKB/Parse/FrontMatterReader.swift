import Yams

/// Reads the YAML front matter between a leading `---` line and the next
/// `---` (or `...`) line.
///
/// Malformed YAML is a warning, not a failure: the reader then falls back to
/// the top-level `key: value` lines it can still read, so a document with one
/// bad line keeps its title and date.
enum FrontMatterReader {
    struct Result {
        var frontMatter = FrontMatter()
        /// Number of lines the front matter occupies, both fences included (0 without front matter).
        var lineCount = 0
        /// Byte offset in the input where the Markdown after the front matter starts.
        var bodyOffset = 0
        var notes: [(line: Int, message: String)] = []
    }

    static func read(_ bytes: [UInt8]) -> Result {
        var result = Result()
        var lines = LineCursor(bytes)
        guard let first = lines.next(), isFence(first.content, closing: false) else { return result }

        let yamlStart = first.next
        while let line = lines.next() {
            guard isFence(line.content, closing: true) else { continue }
            let yamlBytes = bytes[yamlStart..<line.start]
            result.lineCount = lines.lineNumber
            result.bodyOffset = line.next
            read(yaml: String(decoding: yamlBytes, as: UTF8.self), into: &result)
            return result
        }
        result.notes.append((1, "front matter opened on line 1 is never closed by a `---` line; "
            + "the file is read as Markdown without front matter"))
        return result
    }

    private static func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") {
            end -= 1
        }
        let text = line[line.startIndex..<end]
        return text.elementsEqual("---".utf8) || (closing && text.elementsEqual("...".utf8))
    }

    /// YAML nested deeper than this is not given to Yams, which composes
    /// nodes recursively: 10,000 nested `- ` entries overflowed the stack.
    /// Real front matter nests two or three levels.
    static let maxNesting = 64

    /// Parses the YAML text (which starts on file line 2) into `result.frontMatter`.
    private static func read(yaml: String, into result: inout Result) {
        if let line = firstLineNestedTooDeep(yaml) {
            result.notes.append((1 + line, "front matter nested deeper than \(maxNesting) levels; "
                + "only its simple `key: value` lines were read"))
            result.frontMatter.fields = simpleFields(yaml)
            return
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            let (line, problem) = describe(error)
            result.notes.append((1 + (line ?? 1), "malformed YAML front matter (\(problem)); "
                + "only its simple `key: value` lines were read"))
            result.frontMatter.fields = simpleFields(yaml)
            return
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            result.notes.append((2, "front matter is not a list of `key: value` pairs; it was ignored"))
            return
        }
        var fields: [String: String] = [:]
        flatten(mapping, prefix: "", into: &fields, notes: &result.notes)
        result.frontMatter.fields = fields
    }

    /// Scalars by key; lists of scalars joined with ", "; nested maps as `key.sub`.
    /// A repeated key keeps its last value, as YAML readers that accept it do, with a warning.
    private static func flatten(_ mapping: Node.Mapping, prefix: String, into fields: inout [String: String],
                                notes: inout [(line: Int, message: String)]) {
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            let name = prefix + key
            if fields[name] != nil {
                notes.append((1 + (keyNode.mark?.line ?? 1), "front matter key `\(name)` is repeated; the last value is kept"))
            }
            switch value {
            case .scalar(let scalar): fields[name] = scalar.string
            case .sequence(let sequence): fields[name] = sequence.compactMap { $0.scalar?.string }.joined(separator: ", ")
            case .mapping(let nested): flatten(nested, prefix: name + ".", into: &fields, notes: &notes)
            }
        }
    }

    /// The first line (1-based, within the YAML text) at which the YAML may
    /// nest deeper than `maxNesting`, or nil. An upper bound, never an
    /// underestimate: each line may open a level per column of indentation
    /// and per block indicator (`- `, `? `, `: `) on it, on top of the `[`
    /// and `{` still open. Overestimates only cost the fallback reading.
    static func firstLineNestedTooDeep(_ yaml: String) -> Int? {
        var flowDepth = 0
        var line = 1
        var lineBound = 0
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in yaml.utf8 {
            let afterIndicator = previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?") || previous == UInt8(ascii: ":")
            let isLineEnd = byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            if isLineEnd || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if atLineStart && !isLineEnd || afterIndicator { lineBound += 1 }
            } else {
                atLineStart = false
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { flowDepth += 1 }
                if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { flowDepth = max(0, flowDepth - 1) }
            }
            // Checked before a line end resets the count, so a trailing `key:` counts on its own line.
            if lineBound + flowDepth + 1 > maxNesting { return line }
            if isLineEnd {
                if !(byte == UInt8(ascii: "\n") && previous == UInt8(ascii: "\r")) { line += 1 }
                lineBound = 0
                atLineStart = true
            }
            previous = byte
        }
        return nil
    }

    /// Top-level `key: value` lines, for front matter YAML could not parse.
    private static func simpleFields(_ yaml: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in yaml.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard let first = line.first, !first.isWhitespace, first != "#", first != "-",
                  let colon = line.firstIndex(of: ":")
            else { continue }
            let key = line[..<colon].trimmingWhitespace
            var value = line[line.index(after: colon)...].trimmingWhitespace
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = value.dropFirst().dropLast()
            }
            guard !key.isEmpty, !key.contains(" "), !value.isEmpty else { continue }
            fields[String(key)] = String(value)
        }
        return fields
    }

    /// The line (within the YAML text, 1-based) and problem a Yams error reports.
    private static func describe(_ error: Error) -> (Int?, String) {
        guard let yamlError = error as? YamlError else { return (nil, "\(error)") }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return (mark.line, text)
        case .reader(let problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(yamlError)")
        }
    }
}

/// Iterates the lines of a byte buffer. Lines end at `\n`, `\r\n` or a lone
/// `\r`, as in CommonMark, so line numbers agree with cmark's.
struct LineCursor {
    struct Line {
        var start: Int
        var content: ArraySlice<UInt8>
        /// Offset of the first byte after the line ending.
        var next: Int
    }

    private let bytes: [UInt8]
    private var offset = 0
    private(set) var lineNumber = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Line? {
        guard offset < bytes.count else { return nil }
        let start = offset
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        var next = end
        if next < bytes.count {
            next += (bytes[next] == UInt8(ascii: "\r") && next + 1 < bytes.count && bytes[next + 1] == UInt8(ascii: "\n")) ? 2 : 1
        }
        offset = next
        lineNumber += 1
        return Line(start: start, content: bytes[start..<end], next: next)
    }
}
