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

    /// The rows of the document with this content hash, if known.
    func rows(of sha256: String) -> [ArraySlice<UInt8>]? {
        ranges[sha256].map { $0.map { index[$0] } }
    }

    /// The cache beside the site in `root`, or an empty one.
    static func read(from root: URL) -> SearchRowCache {
        let fileManager = FileManager.default
        guard let text = fileManager.contents(atPath: root.appendingPathComponent(fileName).path),
              let index = fileManager.contents(atPath: root.appendingPathComponent(SitePaths.searchIndex).path) else {
            return SearchRowCache()
        }
        return SearchRowCache(text, index: index) ?? SearchRowCache()
    }

    static func header(forIndexSHA256 sha256: String) -> String {
        "dockb search rows, made by dockb \(ToolIdentity.current), for an index with sha256 \(sha256)"
    }

    /// Nil when `text` is not a whole cache of `index` written by this dockb.
    init?(_ text: Data, index: Data) {
        guard text.last == 0x0A else { return nil }
        let lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.first.map(String.init) == Self.header(forIndexSHA256: MarkdownParser.sha256(of: index)) else {
            return nil
        }
        self.index = [UInt8](index)
        var next = lines.index(after: lines.startIndex)
        while next < lines.endIndex {
            let fields = lines[next].split(separator: " ")
            next = lines.index(after: next)
            guard fields.count == 2, let count = Int(fields[1]), count >= 0, lines.endIndex - next >= count else { return nil }
            var group: [Range<Int>] = []
            for line in lines[next..<(next + count)] {
                let numbers = line.split(separator: " ").compactMap { Int($0) }
                guard numbers.count == 2, numbers[0] >= 0, numbers[1] > 0, numbers[0] + numbers[1] <= self.index.count else {
                    return nil
                }
                group.append(numbers[0]..<(numbers[0] + numbers[1]))
            }
            ranges[String(fields[0])] = group
            next += count
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
        var out = Self.header(forIndexSHA256: MarkdownParser.sha256(of: index)) + "\n"
        for key in ranges.keys.sorted() {
            let group = ranges[key]!
            out += "\(key) \(group.count)\n"
            for range in group { out += "\(range.lowerBound) \(range.count)\n" }
        }
        return Data(out.utf8)
    }
}
