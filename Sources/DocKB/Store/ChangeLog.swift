import Foundation
import GRDB

/// Which recorded builds to read.
public enum BuildSelection: Hashable, Sendable {
    /// The newest `count` builds.
    case latest(Int)
    /// Every build recorded after build `id`.
    case since(Int)
    /// Build `id` alone.
    case build(Int)
    case all
}

/// Why the recorded history cannot be read. Rows that this version of dockb
/// does not understand are reported, not guessed at.
public enum ChangeLogError: Error, Equatable, CustomStringConvertible {
    case unknownValue(path: String, table: String, id: Int64, column: String, value: String)

    public var description: String {
        switch self {
        case .unknownValue(let path, let table, let id, let column, let value):
            return "\(path): \(table) row \(id) has \(column) “\(value)”, which this version of dockb does not know"
        }
    }
}

/// Reads the build history a knowledge base records (`builds` and `changes`),
/// read-only, newest build first.
///
/// Opens the file itself rather than through `KnowledgeBase`, which refuses
/// knowledge bases of an older schema: one written before the history existed
/// is still a knowledge base, it just has no history to show.
public struct ChangeLog: Sendable {
    public let url: URL
    /// False when the knowledge base predates the build history tables.
    public let recordsHistory: Bool
    private let queue: DatabaseQueue

    public init(knowledgeBase url: URL) throws {
        try KnowledgeBase.requireFile(url)
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            recordsHistory = try queue.read { db in
                guard try db.tableExists("build_info") else {
                    throw KnowledgeBaseError.notAKnowledgeBase(url.path, reason: "it has no build_info table")
                }
                return try Self.recordsHistory(db)
            }
            self.queue = queue
        } catch let error as KnowledgeBaseError {
            throw error
        } catch {
            throw KnowledgeBaseError.notAKnowledgeBase(url.path, reason: "\(error)")
        }
        self.url = url
    }

    public func entries(_ selection: BuildSelection) throws -> [BuildHistoryEntry] {
        try queue.read { db in try Self.entries(in: db, selection, path: url.path) }
    }

    /// How many builds the knowledge base records in all.
    public func buildCount() throws -> Int {
        try queue.read { db in try Self.buildCount(in: db) }
    }

    // MARK: - On an open database (the REPL's and the site's connection)

    public static func recordsHistory(_ db: Database) throws -> Bool {
        try db.tableExists("builds") && db.tableExists("changes")
    }

    public static func buildCount(in db: Database) throws -> Int {
        guard try recordsHistory(db) else { return 0 }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM builds") ?? 0
    }

    /// The newest build that changed any fact, if any did.
    public static func latestBuildWithChanges(in db: Database) throws -> Int? {
        guard try recordsHistory(db) else { return nil }
        return try Int.fetchOne(db, sql: "SELECT MAX(build_id) FROM changes")
    }

    /// The selected builds, newest first, each with its changes in the order
    /// they were recorded (document and line order). `path` names the file
    /// in error messages.
    public static func entries(in db: Database, _ selection: BuildSelection, path: String = "knowledge base") throws
        -> [BuildHistoryEntry] {
        guard try recordsHistory(db) else { return [] }
        let filter: String
        var arguments: StatementArguments = []
        switch selection {
        case .latest(let count):
            filter = "ORDER BY id DESC LIMIT ?"
            arguments = [max(count, 0)]
        case .since(let id):
            filter = "WHERE id > ? ORDER BY id DESC"
            arguments = [id]
        case .build(let id):
            filter = "WHERE id = ?"
            arguments = [id]
        case .all:
            filter = "ORDER BY id DESC"
        }
        let builds = try Row.fetchAll(db, sql: """
            SELECT id, kind, documents, documents_parsed, sources_sha256 FROM builds \(filter)
            """, arguments: arguments)
        guard !builds.isEmpty else { return [] }

        var changes: [Int64: [FactChange]] = [:]
        let ids = builds.map { $0["id"] as Int64 }
        // One query for all selected builds; `IN` of a few integers we read ourselves.
        for row in try Row.fetchAll(db, sql: """
            SELECT id, build_id, change, entity_type, entity_name, field, old_value, new_value, document, line
            FROM changes WHERE build_id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY build_id, id
            """) {
            let value: String = row["change"]
            guard let kind = FactChange.Kind(rawValue: value) else {
                throw ChangeLogError.unknownValue(path: path, table: "changes", id: row["id"], column: "change", value: value)
            }
            changes[row["build_id"], default: []].append(FactChange(
                kind: kind, entityType: row["entity_type"], entityName: row["entity_name"], field: row["field"],
                oldValue: row["old_value"], newValue: row["new_value"], path: row["document"], line: row["line"]))
        }
        return try builds.map { row in
            let id: Int64 = row["id"]
            let value: String = row["kind"]
            guard let kind = BuildHistoryEntry.Kind(rawValue: value) else {
                throw ChangeLogError.unknownValue(path: path, table: "builds", id: id, column: "kind", value: value)
            }
            return BuildHistoryEntry(id: Int(id), kind: kind, documents: row["documents"],
                                     documentsParsed: row["documents_parsed"], sourcesSHA256: row["sources_sha256"],
                                     changes: changes[id] ?? [])
        }
    }
}
