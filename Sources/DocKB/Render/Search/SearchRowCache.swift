import Foundation

/// The search index's section rows of the previous render, by the content
/// hash of their document. A row is made only from its document's bytes, so
/// an incremental build reuses the rows of every unchanged document instead
/// of splitting each section's text into words again (most of the time an
/// unchanged corpus spent on its search index).
///
/// The rows themselves stay where they are, in the published
/// `search-index.js`: `.dockb-search-cache` only says where each document's
/// rows lie in it, so the cache costs no second copy of a 10 MB index, on
/// disk or in memory. Its lines: a header naming the dockb that wrote it and
/// the sha256 of the index it describes (an index changed since, or another
/// dockb, means no cache), then per document `SHA256 COUNT` and COUNT lines
/// `START LENGTH` (byte ranges of its rows in the index).
struct SearchRowCache {
    static let fileName = ".dockb-search-cache"

    /// The index the ranges point into.
    private(set) var index: [UInt8] = []
    /// By document sha256: where each of its rows lies in `index`.
    private(set) var ranges: [String: [Range<Int>]] = [:]

    init() {}

    /// Whether the rows of the document with this content hash are known.
    func knows(_ sha256: String) -> Bool { ranges[sha256] != nil }

    /// The rows of the document with this content hash, if known.
    func rows(of sha256: String) -> [ArraySlice<UInt8>]? {
        ranges[sha256].map { $0.map { index[$0] } }
    }

    /// The cache beside the site in `root`, or an empty one.
    static func read(from root: URL) -> SearchRowCache {
        guard let text = FileManager.default.contents(atPath: root.path + "/" + fileName),
              let index = bytes(ofFileAt: root.path + "/" + SitePaths.searchIndex) else {
            return SearchRowCache()
        }
        return SearchRowCache(text, index: index) ?? SearchRowCache()
    }

    /// The file's bytes read straight into an array: going through `Data`
    /// costs another copy of the 10 MB index.
    private static func bytes(ofFileAt path: String) -> [UInt8]? {
        let file = open(path, O_RDONLY)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = Glibc.read(file, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { complete = false; break }
                count += got
            }
        }
        return complete ? bytes : nil
    }

    static func header(forIndexSHA256 sha256: String) -> String {
        "dockb search rows, made by dockb \(ToolIdentity.current), for an index with sha256 \(sha256)"
    }

    /// Nil when `text` is not a whole cache of `index` written by this dockb.
    /// Read byte by byte: the corpus's cache has 30,000 lines, and splitting
    /// it into strings cost more than the rows it spares.
    init?(_ text: Data, index: [UInt8]) {
        let bytes = [UInt8](text)
        guard bytes.last == 0x0A, let headerEnd = bytes.firstIndex(of: 0x0A),
              String(decoding: bytes[..<headerEnd], as: UTF8.self)
                == Self.header(forIndexSHA256: MarkdownParser.sha256(of: index)) else { return nil }
        self.index = index
        var reader = LineReader(bytes: bytes, position: headerEnd + 1)
        while !reader.atEnd {
            guard let hash = reader.word(), let count = reader.number(endingLine: true) else { return nil }
            var group: [Range<Int>] = []
            group.reserveCapacity(count)
            for _ in 0..<count {
                guard let start = reader.number(endingLine: false), let length = reader.number(endingLine: true),
                      length > 0, start + length <= self.index.count else { return nil }
                group.append(start..<(start + length))
            }
            ranges[hash] = group
        }
    }

    /// Reads `WORD NUMBER\n` and `NUMBER NUMBER\n` lines; nil on anything else.
    private struct LineReader {
        let bytes: [UInt8]
        var position: Int

        var atEnd: Bool { position >= bytes.count }

        /// Letters and digits up to a space, which is consumed.
        mutating func word() -> String? {
            let start = position
            while position < bytes.count, bytes[position] != 0x20, bytes[position] != 0x0A { position += 1 }
            guard position > start, position < bytes.count, bytes[position] == 0x20 else { return nil }
            defer { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        /// A decimal number followed by a newline (`endingLine`) or a space, which is consumed.
        mutating func number(endingLine: Bool) -> Int? {
            var value = 0, digits = 0
            while position < bytes.count, (0x30...0x39).contains(bytes[position]), digits < 18 {
                value = value * 10 + Int(bytes[position] - 0x30)
                position += 1
                digits += 1
            }
            guard digits > 0, position < bytes.count, bytes[position] == (endingLine ? 0x0A : 0x20) else { return nil }
            position += 1
            return value
        }
    }

    /// Records that the rows of the document with hash `sha256` lie at
    /// `rows` in the index being written (see `encoded(forIndex:)`).
    mutating func record(_ sha256: String, rows: [Range<Int>]) {
        ranges[sha256] = rows
    }

    /// The cache file for the index `index`, with the ranges recorded; sorted
    /// by hash, so the same site gives the same file.
    func encoded(forIndex index: Data) -> Data {
        var out = Array((Self.header(forIndexSHA256: MarkdownParser.sha256(of: index)) + "\n").utf8)
        // Digits written in place: a `String` per number (72,000 for the corpus) cost more than the rest.
        var digits = [UInt8](repeating: 0, count: 20)
        func number(_ value: Int, then separator: UInt8) {
            var value = value, start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(value % 10)
                value /= 10
            } while value > 0
            out.append(contentsOf: digits[start...])
            out.append(separator)
        }
        for key in ranges.keys.sorted() {
            let group = ranges[key]!
            out.append(contentsOf: key.utf8)
            out.append(0x20)
            number(group.count, then: 0x0A)
            for range in group {
                number(range.lowerBound, then: 0x20)
                number(range.count, then: 0x0A)
            }
        }
        return Data(out)
    }
}
