import GRDB

/// The typed layer: one row per extracted fact, each citing its document,
/// line and section anchor, and one full-text entry per fact.
extension KnowledgeBaseSession {
    func addFacts(_ facts: ExtractedFacts, context: DocumentContext) throws {
        func documentID(_ source: FactSource) -> Int64 { documentIDs[source.path] ?? context.id }

        for c in facts.components {
            let id = try insert("""
                INSERT INTO components (id, name, min_version, file, category, description, may_restart,
                                        document_id, line, anchor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), c.name, c.minVersion, c.file, c.category, c.description, c.mayRestart,
                      documentID(c.source), c.source.line, c.source.anchor])
            try addSearchEntry("component", id, c.name, [c.description, c.minVersion, c.file, c.category], c.source, documentID(c.source), rowIDs: context.rowIDs)
        }
        for r in facts.siteSystemRoles {
            let id = try insert("""
                INSERT INTO site_system_roles (id, name, necessity, subject, description, document_id, line, anchor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), r.name, r.necessity?.rawValue, r.subject, r.description,
                      documentID(r.source), r.source.line, r.source.anchor])
            try addSearchEntry("site_system_role", id, r.name, [r.necessity?.rawValue, r.subject, r.description], r.source, documentID(r.source), rowIDs: context.rowIDs)
        }
        for r in facts.securityRoles {
            let id = try insert("""
                INSERT INTO security_roles (id, name, description, document_id, line, anchor) VALUES (?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), r.name, r.description, documentID(r.source), r.source.line, r.source.anchor])
            try addSearchEntry("security_role", id, r.name, [r.description], r.source, documentID(r.source), rowIDs: context.rowIDs)
        }
        for p in facts.permissions {
            let id = try insert("""
                INSERT INTO permissions (id, permission, object, purpose, security_role, subject, document_id, line, anchor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), p.permission, p.object, p.purpose, p.securityRole, p.subject,
                      documentID(p.source), p.source.line, p.source.anchor])
            try addSearchEntry("permission", id, p.permission, [p.object, p.purpose, p.securityRole, p.subject], p.source, documentID(p.source), rowIDs: context.rowIDs)
        }
        for p in facts.ports {
            let id = try insert("""
                INSERT INTO ports (id, protocol, port, source, destination, purpose, condition, condition_text,
                                   condition_json, subject, direction, document_id, line, anchor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), p.transport, p.port, p.from, p.to, p.purpose, p.condition?.description, p.conditionText,
                      try p.condition.map(jsonText), p.subject, p.direction,
                      documentID(p.source), p.source.line, p.source.anchor])
            try addSearchEntry("port", id, "\(p.transport) \(p.port)", [p.purpose, p.subject, p.from, p.to, p.conditionText, p.direction], p.source, documentID(p.source), rowIDs: context.rowIDs)
        }
        for m in facts.installMethods {
            let id = try insert("""
                INSERT INTO install_methods (id, name, heading, condition, condition_json, document_id, line, anchor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), m.name, m.heading, m.condition?.description, try m.condition.map(jsonText),
                      documentID(m.source), m.source.line, m.source.anchor])
            try addSearchEntry("install_method", id, m.name, [m.heading], m.source, documentID(m.source), rowIDs: context.rowIDs)
        }
        for r in facts.requirements {
            let id = try insert("""
                INSERT INTO requirements (id, subject, text, necessity, condition, condition_text, condition_json,
                                          mentions, document_id, line, anchor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), r.subject, r.text, r.necessity?.rawValue, r.condition?.description, r.conditionText,
                      try r.condition.map(jsonText), try jsonText(r.mentions),
                      documentID(r.source), r.source.line, r.source.anchor])
            try addSearchEntry("requirement", id, r.subject, [r.text, r.necessity?.rawValue, r.conditionText], r.source, documentID(r.source), rowIDs: context.rowIDs)
        }
        for a in facts.aliases {
            let id = try insert("""
                INSERT INTO aliases (id, alias, entity_kind, name, document_id, line, anchor) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), a.alias, a.entityKind, a.name, documentID(a.source), a.source.line, a.source.anchor])
            try addSearchEntry("alias", id, a.alias, [a.name, a.entityKind], a.source, documentID(a.source), rowIDs: context.rowIDs)
        }
        // The first document to introduce a flag names its phrase; sources are
        // written in sorted order, so which one is first never varies.
        try setConditionVariables(facts.variables)
        counts.components += facts.components.count
        counts.siteSystemRoles += facts.siteSystemRoles.count
        counts.securityRoles += facts.securityRoles.count
        counts.permissions += facts.permissions.count
        counts.ports += facts.ports.count
        counts.installMethods += facts.installMethods.count
        counts.requirements += facts.requirements.count
        counts.aliases += facts.aliases.count
    }

    private func addSearchEntry(_ kind: String, _ refID: Int64, _ title: String, _ body: [String?],
                                _ source: FactSource, _ documentID: Int64, rowIDs: RowIDAllocator) throws {
        try addSearchEntry(kind: kind, refID: refID, title: title, body: body.compactMap { $0 },
                           documentID: documentID, line: source.line, anchor: source.anchor, rowIDs: rowIDs)
    }

    func addSearchEntry(kind: String, refID: Int64, title: String, body: [String],
                        documentID: Int64, line: Int, anchor: String, rowIDs: RowIDAllocator) throws {
        try insert("""
            INSERT INTO search (rowid, kind, ref_id, title, body, document_id, line, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [try rowIDs.next(), kind, refID, title, body.filter { !$0.isEmpty }.joined(separator: "\n"), documentID, line, anchor])
        counts.searchEntries += 1
    }
}
