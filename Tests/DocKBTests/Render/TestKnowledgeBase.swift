import Foundation
import GRDB
@testable import DocKB

/// Writes a small knowledge base with the project's schema for renderer tests:
/// documents, sections and the typed rows given, nothing else.
enum TestKnowledgeBase {
    static func write(documents: [Document], facts: [ExtractedFacts], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let queue = try DatabaseQueue(path: url.path)
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            var documentIDs: [String: Int64] = [:]
            for document in documents {
                try db.execute(sql: "INSERT INTO documents (path, title, sha256, front_matter) VALUES (?, ?, ?, '{}')",
                               arguments: [document.path, document.title, document.sha256])
                let documentID = db.lastInsertedRowID
                documentIDs[document.path] = documentID
                var sectionIDs: [Int: Int64] = [:]
                for section in document.sections {
                    let body = document.blocks(of: section).map(plainText).joined(separator: " ")
                    try db.execute(sql: """
                        INSERT INTO sections (document_id, parent_id, level, heading, anchor, slug, line, body)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [documentID, section.parent.flatMap { sectionIDs[$0] }, section.level,
                                         section.heading, section.anchor, section.slug, section.line, body])
                    sectionIDs[section.index] = db.lastInsertedRowID
                }
            }
            func doc(_ source: FactSource) -> Int64 { documentIDs[source.path]! }
            for f in facts {
                for c in f.components {
                    try db.execute(sql: """
                        INSERT INTO components (name, min_version, file, category, description, may_restart, document_id, line, anchor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [c.name, c.minVersion, c.file, c.category, c.description, c.mayRestart,
                                         doc(c.source), c.source.line, c.source.anchor])
                }
                for r in f.siteSystemRoles {
                    try db.execute(sql: """
                        INSERT INTO site_system_roles (name, necessity, subject, description, document_id, line, anchor)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [r.name, r.necessity?.rawValue, r.subject, r.description, doc(r.source),
                                         r.source.line, r.source.anchor])
                }
                for r in f.securityRoles {
                    try db.execute(sql: "INSERT INTO security_roles (name, description, document_id, line, anchor) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [r.name, r.description, doc(r.source), r.source.line, r.source.anchor])
                }
                for p in f.permissions {
                    try db.execute(sql: """
                        INSERT INTO permissions (permission, object, purpose, security_role, subject, document_id, line, anchor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [p.permission, p.object, p.purpose, p.securityRole, p.subject, doc(p.source),
                                         p.source.line, p.source.anchor])
                }
                for p in f.ports {
                    try db.execute(sql: """
                        INSERT INTO ports (protocol, port, source, destination, purpose, condition, condition_text, subject,
                                           direction, document_id, line, anchor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [p.transport, p.port, p.from, p.to, p.purpose, p.condition?.description,
                                         p.conditionText, p.subject, p.direction, doc(p.source), p.source.line, p.source.anchor])
                }
                for m in f.installMethods {
                    try db.execute(sql: """
                        INSERT INTO install_methods (name, heading, condition, document_id, line, anchor) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [m.name, m.heading, m.condition?.description, doc(m.source), m.source.line, m.source.anchor])
                }
                for r in f.requirements {
                    let mentions = String(decoding: try JSONEncoder().encode(r.mentions), as: UTF8.self)
                    try db.execute(sql: """
                        INSERT INTO requirements (subject, text, necessity, condition, condition_text, mentions, document_id, line, anchor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [r.subject, r.text, r.necessity?.rawValue, r.condition?.description, r.conditionText,
                                         mentions, doc(r.source), r.source.line, r.source.anchor])
                }
                for a in f.aliases {
                    try db.execute(sql: "INSERT INTO aliases (alias, entity_kind, name, document_id, line, anchor) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [a.alias, a.entityKind, a.name, doc(a.source), a.source.line, a.source.anchor])
                }
            }
        }
        try queue.close()
    }

    private static func plainText(_ block: Block) -> String {
        switch block.kind {
        case .paragraph(let content): return content.plainText
        case .table(let table): return ([table.header] + table.rows).flatMap { $0.cells.map(\.plainText) }.joined(separator: " ")
        case .list(let list): return list.items.map { $0.leadContent.plainText }.joined(separator: " ")
        case .alert(let alert): return alert.blocks.map(plainText).joined(separator: " ")
        default: return ""
        }
    }
}
