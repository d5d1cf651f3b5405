import Foundation

/// The search index's section rows of the previous render, by the content
/// hash of their document. A row is made only from its document's bytes, so
/// an incremental build reuses the rows of every unchanged document instead
/// of splitting each section's text into words again (most of the time an
/// unchanged corpus spent on its search index).
///
/// Kept beside the site as `.dockb-search-cache`, in a line format that needs
/// no decoding of its rows: a header naming the dockb that wrote it (another
/// dockb may make other rows, so its cache is ignored), then per document a
/// line `SHA256 COUNT` and COUNT lines of serialized row. Rows are JSON text,
/// whose strings escape line breaks, so a row is always one line.
struct SearchRowCache {
    static let fileName = ".dockb-search-cache"

    /// By document sha256: each row as the index writes it after the document number.
    var rows: [String: [[UInt8]]] = [:]

    private static var header: String { "dockb search rows, made by dockb \(ToolIdentity.current)" }

    static func read(from root: URL) -> SearchRowCache {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(fileName).path) else {
            return SearchRowCache()
        }
        return SearchRowCache(data) ?? SearchRowCache()
    }

    /// Nil when `data` is not a whole cache written by this dockb: a file cut
    /// short ends without its line break, or with fewer rows than counted.
    init?(_ data: Data) {
        // Lines as ranges over one byte array: Data's own slicing made reading
        // the corpus's 10 MB cache take longer than computing half of it.
        let bytes = [UInt8](data)
        guard bytes.last == 0x0A else { return nil }
        var lines: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == 0x0A {
                lines.append(start..<index)
                start = index + 1
            }
        }
        guard let first = lines.first, String(decoding: bytes[first], as: UTF8.self) == Self.header else { return nil }
        var next = 1
        while next < lines.count {
            let fields = bytes[lines[next]].split(separator: 0x20)
            next += 1
            guard fields.count == 2, let count = Int(String(decoding: fields[1], as: UTF8.self)), count >= 0,
                  lines.count - next >= count else { return nil }
            let group = lines[next..<(next + count)]
            guard !group.contains(where: \.isEmpty) else { return nil }
            rows[String(decoding: fields[0], as: UTF8.self)] = group.map { Array(bytes[$0]) }
            next += count
        }
    }

    init() {}

    /// Sorted by hash, so the same site gives the same file.
    func encoded() -> Data {
        var out = [UInt8](Self.header.utf8)
        out.append(0x0A)
        for key in rows.keys.sorted() {
            let group = rows[key]!
            out.append(contentsOf: "\(key) \(group.count)\n".utf8)
            for row in group {
                out.append(contentsOf: row)
                out.append(0x0A)
            }
        }
        return Data(out)
    }
}
