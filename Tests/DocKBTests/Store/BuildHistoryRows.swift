import Foundation
import GRDB
@testable import DocKB

/// Knowledge bases with a recorded build history, for the readers of that
/// history (`dockb changes`, the REPL, the site). The schema is the real one;
/// the rows are written here in the shape the `builds` and `changes` tables
/// define, so these tests do not depend on which build wrote them.
enum BuildHistoryRows {
    /// An empty knowledge base (every migration applied) in a fresh folder.
    static func makeDatabase(in folder: URL, upTo migration: String? = nil) throws -> URL {
        let url = folder.appendingPathComponent("kb.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        if let migration {
            try Schema.migrator.migrate(queue, upTo: migration)
        } else {
            try Schema.migrator.migrate(queue)
        }
        return url
    }

    static func record(_ entries: [BuildHistoryEntry], in url: URL) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            for entry in entries { try record(entry, in: db) }
        }
    }

    static func record(_ entry: BuildHistoryEntry, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO builds (id, kind, documents, documents_parsed, sources_sha256, added, removed, changed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [entry.id, entry.kind.rawValue, entry.documents, entry.documentsParsed, entry.sourcesSHA256,
                             entry.count(.added), entry.count(.removed), entry.count(.changed)])
        for change in entry.changes {
            try db.execute(sql: """
                INSERT INTO changes (build_id, change, entity_type, entity_name, field, old_value, new_value, document, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.id, change.kind.rawValue, change.entityType, change.entityName, change.field,
                                 change.oldValue, change.newValue, change.path, change.line])
        }
    }

    static func added(_ type: String, _ name: String, _ path: String, _ line: Int) -> FactChange {
        FactChange(kind: .added, entityType: type, entityName: name, path: path, line: line)
    }

    static func removed(_ type: String, _ name: String, _ path: String, _ line: Int) -> FactChange {
        FactChange(kind: .removed, entityType: type, entityName: name, path: path, line: line)
    }

    static func changed(_ type: String, _ name: String, _ field: String, _ old: String?, _ new: String?,
                        _ path: String, _ line: Int) -> FactChange {
        FactChange(kind: .changed, entityType: type, entityName: name, field: field, oldValue: old, newValue: new,
                   path: path, line: line)
    }
}
