import Foundation
import GRDB

/// The knowledge base a build is about to replace, as far as the next build
/// needs it: which documents it holds with which content hash, their outlines
/// and facts, their resolved links, and the build history to carry forward.
///
/// Only a knowledge base of this dockb version and schema is used; anything
/// else means a first build (`load` returns nil). One written by another
/// build of dockb (see `ToolIdentity`) may have been extracted differently:
/// its documents are all parsed again (`Index.sameTool`), but its history
/// goes on and its facts are what the new ones are compared with.
public struct PreviousBuild: Sendable {
    public struct Entry: Sendable {
        public var id: Int64
        public var sha256: String
        public var outline: DocumentOutline
        /// As stored; see `facts(of:)`.
        var storedFacts: Data
        /// As stored: (line, destination, target path, target anchor, status), in order.
        public var links: [LinkRecord]
    }

    public let url: URL
    /// By document path.
    public let entries: [String: Entry]
    /// Paths in id order (= sorted order when written).
    public let paths: [String]
    public let lastBuildID: Int
    public let sourcesSHA256: String?
    /// The URL prefixes the previous build resolved site-absolute links under.
    public let siteBasePaths: [String]

    /// The facts of the documents at `paths`, decoded now: a build that
    /// changed no fact never needs those of the documents it did not parse.
    /// Nil when one cannot be read.
    public func facts(of paths: [String]) -> [ExtractedFacts]? {
        let decoded = concurrentMap(paths) { path in
            entries[path].flatMap { try? FactsCoding.decode($0.storedFacts) }
        }
        return decoded.contains { $0 == nil } ? nil : decoded.map { $0! }
    }

    /// Only the documents' paths and content hashes: all a build needs to
    /// find out it has nothing to do, without decoding every cached outline.
    public struct Index: Sendable {
        /// Paths in id order (= sorted order when written).
        public let paths: [String]
        public let sha256: [String: String]
        /// Written by this very dockb: its cached outlines, facts and links
        /// can stand for documents that did not change.
        public let sameTool: Bool

        public static func load(_ url: URL) -> Index? {
            guard let (kb, sameTool) = usable(url) else { return nil }
            return try? kb.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT path, sha256 FROM documents ORDER BY id")
                return Index(paths: rows.map { $0["path"] },
                             sha256: Dictionary(rows.map { ($0["path"], $0["sha256"]) }, uniquingKeysWith: { first, _ in first }),
                             sameTool: sameTool)
            }
        }
    }

    /// The build history of the knowledge base at `url`, when it has one this
    /// dockb can carry forward, even if nothing else of it can be used (a
    /// cached outline that cannot be read): the id of its last build.
    public static func lastBuildID(in url: URL) -> Int? {
        guard let (kb, _) = usable(url) else { return nil }
        return try? kb.read { db in try Int.fetchOne(db, sql: "SELECT MAX(id) FROM builds") ?? 0 }
    }

    public static func load(_ url: URL) -> PreviousBuild? {
        guard let (kb, _) = usable(url) else { return nil }
        return try? kb.read { db in try PreviousBuild(url: url, db: db) }
    }

    /// The knowledge base, if this dockb version wrote it, and whether this very build of it did.
    private static func usable(_ url: URL) -> (KnowledgeBase, sameTool: Bool)? {
        guard let kb = try? KnowledgeBase(url: url),
              let info = try? kb.buildInfo(), info["tool_version"] == KnowledgeBaseWriter.toolVersion
        else { return nil }
        return (kb, info["tool_build"] == ToolIdentity.current)
    }

    private init(url: URL, db: Database) throws {
        self.url = url
        // Tens of thousands of links: read through a cursor by column index,
        // which spares GRDB copying each row and looking columns up by name.
        var links: [Int64: [LinkRecord]] = [:]
        let linkRows = try Row.fetchCursor(db, sql: """
            SELECT l.document_id, l.line, l.text, l.destination, t.path, l.target_anchor, l.status
            FROM links l LEFT JOIN documents t ON t.id = l.target_document_id ORDER BY l.id
            """)
        while let row = try linkRows.next() {
            let status = LinkRecord.Status(rawValue: row[6]) ?? .external
            links[row[0], default: []].append(
                LinkRecord(line: row[1], text: row[2], destination: row[3], targetPath: row[4], targetAnchor: row[5],
                           status: status))
        }
        struct Stored: Sendable { var id: Int64; var path: String; var sha256: String; var outline: Data; var facts: Data }
        var rows: [Stored] = []
        let cached = try Row.fetchCursor(db, sql: """
            SELECT d.id, d.path, d.sha256, c.outline, c.facts FROM documents d
            JOIN document_cache c ON c.document_id = d.id ORDER BY d.id
            """)
        while let row = try cached.next() {
            rows.append(Stored(id: row[0], path: row[1], sha256: row[2], outline: row[3], facts: row[4]))
        }
        // Decoding thousands of outlines is most of the time here: on all cores.
        let decoded = concurrentMap(rows) { stored in try? OutlineCoding.decode(stored.outline) }
        var entries: [String: Entry] = [:]
        var paths: [String] = []
        for (stored, outline) in zip(rows, decoded) {
            guard let outline else {
                throw KnowledgeBaseError.notAKnowledgeBase(url.path, reason: "the cached outline of \(stored.path) cannot be read")
            }
            entries[stored.path] = Entry(id: stored.id, sha256: stored.sha256, outline: outline, storedFacts: stored.facts,
                                         links: links[stored.id] ?? [])
            paths.append(stored.path)
        }
        let documentCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
        guard documentCount == entries.count else {
            throw KnowledgeBaseError.notAKnowledgeBase(url.path, reason: "documents without cached outline")
        }
        self.entries = entries
        self.paths = paths
        lastBuildID = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM builds") ?? 0
        sourcesSHA256 = try String.fetchOne(db, sql: "SELECT sources_sha256 FROM builds ORDER BY id DESC LIMIT 1")
        siteBasePaths = (try String.fetchOne(db, sql: "SELECT value FROM build_info WHERE key = 'site_base_paths'") ?? "")
            .split(separator: " ").map(String.init)
    }
}
