import Foundation

/// A small, seedable random generator (SplitMix64): the same seed gives the
/// same mutations on every machine, so a failing input can be made again.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Turns real documents into damaged ones: byte flips, cuts, splices of two
/// documents, repeated or missing lines, and the syntax DocFX documents are
/// made of (table pipes, quotes, alerts, anchors, code fences, includes)
/// dropped in where it does not belong, plus deep nesting, long lines, wide
/// tables, NUL bytes and invalid UTF-8.
struct MarkdownMutator {
    /// Upper bound for the bytes one mutation adds, so inputs stay small enough
    /// for many runs per second. (Large inputs have tests of their own.)
    var maxGrowth = 32_768

    /// The names of the mutations applied, for the failure message.
    private(set) var applied: [String] = []

    /// Applies one to four mutations to `document`; `other` is a second document for splices.
    mutating func mutate(_ document: [UInt8], other: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        applied = []
        var bytes = document
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let mutation = Self.mutations.randomElement(using: &random)!
            applied.append(mutation.name)
            mutation.apply(&bytes, other, maxGrowth, &random)
        }
        return bytes
    }

    private struct Mutation: Sendable {
        var name: String
        var apply: @Sendable (inout [UInt8], [UInt8], Int, inout SeededGenerator) -> Void
    }

    /// Snippets of DocFX Markdown syntax, inserted at random places.
    static let tokens: [[UInt8]] = [
        "|", "| a | b |\n|---|---|\n| 1 | 2 |\n", "|:-:|--:|\n", ">", "> [!NOTE]\n> ", "[!NOTE]", "> [!WARNING]\n",
        "<a name=\"x\"></a>", "<a name=", "<a id='y'>", "`", "```\n", "~~~", "**", "*", "_", "~~", "[x](", "](y.md#z)",
        "[!INCLUDE [name](../includes/x.md)]\n", "[!INCLUDE", "<!--", "-->", "<br />", "<", "&amp;", "&#", "\\", "\r",
        "\r\n", "\n", "\n\n", "---\n", "...\n", "title: [unclosed\n", "# ", "###### ", "- ", "1. ", "    ", "\t",
        "<div>", "</div>", "<script>", "[^1]", "[ref]: http://x\n", "http://www.example.com/", "&nbsp;",
    ].map { Array($0.utf8) } + [[0], [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF]]

    private static let mutations: [Mutation] = [
        Mutation(name: "flip byte") { bytes, _, _, random in
            guard !bytes.isEmpty else { return }
            let index = Int.random(in: 0..<bytes.count, using: &random)
            bytes[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        },
        Mutation(name: "random bytes") { bytes, _, _, random in
            let at = Int.random(in: 0...bytes.count, using: &random)
            let count = Int.random(in: 1...16, using: &random)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
        },
        Mutation(name: "truncate") { bytes, _, _, random in
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        },
        Mutation(name: "splice") { bytes, other, _, random in
            let cut = Int.random(in: 0...bytes.count, using: &random)
            let from = Int.random(in: 0...other.count, using: &random)
            bytes = Array(bytes[..<cut]) + other[from...]
        },
        Mutation(name: "duplicate lines") { bytes, _, maxGrowth, random in
            var lines = splitLines(bytes)
            guard !lines.isEmpty else { return }
            let start = Int.random(in: 0..<lines.count, using: &random)
            let end = min(lines.count, start + Int.random(in: 1...20, using: &random))
            var copy = Array(lines[start..<end])
            let size = copy.reduce(0) { $0 + $1.count }
            let times = max(1, min(Int.random(in: 1...8, using: &random), maxGrowth / max(size, 1)))
            copy = Array(repeating: copy, count: times).flatMap { $0 }
            lines.insert(contentsOf: copy, at: end)
            bytes = lines.flatMap { $0 }
        },
        Mutation(name: "delete lines") { bytes, _, _, random in
            var lines = splitLines(bytes)
            guard !lines.isEmpty else { return }
            let start = Int.random(in: 0..<lines.count, using: &random)
            lines.removeSubrange(start..<min(lines.count, start + Int.random(in: 1...10, using: &random)))
            bytes = lines.flatMap { $0 }
        },
        Mutation(name: "swap lines") { bytes, _, _, random in
            var lines = splitLines(bytes)
            guard lines.count > 1 else { return }
            lines.swapAt(Int.random(in: 0..<lines.count, using: &random), Int.random(in: 0..<lines.count, using: &random))
            bytes = lines.flatMap { $0 }
        },
        Mutation(name: "insert token") { bytes, _, _, random in
            let token = tokens.randomElement(using: &random)!
            bytes.insert(contentsOf: token, at: Int.random(in: 0...bytes.count, using: &random))
        },
        Mutation(name: "token at line start") { bytes, _, _, random in
            let token = tokens.randomElement(using: &random)!
            bytes.insert(contentsOf: token, at: randomLineStart(bytes, &random))
        },
        Mutation(name: "deep nesting") { bytes, _, maxGrowth, random in
            let depth = Int.random(in: 1...(maxGrowth >= 32_768 ? 1_000 : 200), using: &random)
            let nested: [UInt8]
            switch Int.random(in: 0..<4, using: &random) {
            case 0: nested = Array((String(repeating: "> ", count: depth) + "[!NOTE]\n").utf8)
            case 1: nested = Array((0..<min(depth, 120)).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined().utf8)
            case 2: nested = Array((String(repeating: "- ", count: depth) + "x\n").utf8)
            default: nested = Array((String(repeating: "*a **b ", count: depth) + "core" + String(repeating: "** c*", count: depth) + "\n").utf8)
            }
            bytes.insert(contentsOf: nested.prefix(maxGrowth), at: randomLineStart(bytes, &random))
        },
        Mutation(name: "long line") { bytes, _, maxGrowth, random in
            guard !bytes.isEmpty else { return }
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let chunk = bytes[start..<min(bytes.count, start + Int.random(in: 1...64, using: &random))]
                .filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
            guard !chunk.isEmpty else { return }
            let times = Int.random(in: 1...max(1, maxGrowth / chunk.count), using: &random)
            bytes.insert(contentsOf: Array(repeating: chunk, count: times).flatMap { $0 }, at: start)
        },
        Mutation(name: "wide table") { bytes, _, maxGrowth, random in
            let columns = Int.random(in: 1...min(2_000, maxGrowth / 16), using: &random)
            let header = "|" + (0..<columns).map { "h\($0)|" }.joined()
            let delimiter = "|" + String(repeating: "---|", count: columns)
            let row = "|" + String(repeating: " x |", count: Int.random(in: 0...columns + 2, using: &random))
            let table = "\n" + header + "\n" + delimiter + "\n" + row + "\n\n"
            bytes.insert(contentsOf: Array(table.utf8), at: randomLineStart(bytes, &random))
        },
    ]

    /// Lines with their endings (`\n`, `\r\n` or a lone `\r`), so joining them gives the input back.
    static func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                lines.append(Array(bytes[start...index]))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        return lines
    }

    private static func randomLineStart(_ bytes: [UInt8], _ random: inout SeededGenerator) -> Int {
        guard !bytes.isEmpty else { return 0 }
        var index = Int.random(in: 0...bytes.count, using: &random)
        while index > 0, bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        return index
    }
}
