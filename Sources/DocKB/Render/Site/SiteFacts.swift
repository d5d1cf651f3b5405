import Foundation
import GRDB

/// Where a typed row came from: document, line and section anchor.
struct FactCitation: Hashable, Sendable {
    var documentPath: String
    var line: Int
    var anchor: String
}

struct ComponentFact: Sendable {
    var id: Int64, name: String, minVersion: String?, file: String?, category: String?
    var description: String, mayRestart: Bool, citation: FactCitation
}

struct SiteSystemRoleFact: Sendable {
    var id: Int64, name: String, necessity: String?, subject: String?, description: String
    var citation: FactCitation
}

struct SecurityRoleFact: Sendable {
    var id: Int64, name: String, description: String, citation: FactCitation
}

struct PermissionFact: Sendable {
    var id: Int64, permission: String, object: String?, purpose: String, securityRole: String?
    var subject: String?, citation: FactCitation
}

struct PortFact: Sendable {
    var id: Int64, transport: String, port: String, source: String?, destination: String?
    var purpose: String, condition: String?, conditionText: String?, subject: String?
    var direction: String?, citation: FactCitation

    var label: String { transport.uppercased() + " " + port }
}

struct InstallMethodFact: Sendable {
    var id: Int64, name: String, heading: String, condition: String?, citation: FactCitation
}

struct RequirementFact: Sendable {
    var id: Int64, subject: String, text: String, necessity: String?, condition: String?
    var conditionText: String?, mentions: [Mention], citation: FactCitation
}

struct AliasFact: Sendable {
    var alias: String, entityKind: String, name: String, citation: FactCitation
}

struct SectionText: Sendable {
    var documentPath: String, heading: String, anchor: String, line: Int, body: String
}

/// The typed layer of the knowledge base, read once (read-only) for rendering.
/// Rows come in `id` order, which is the order the build wrote them in.
struct SiteFacts: Sendable {
    /// Every document's path, in knowledge-base (`id`) order.
    var documentPaths: [String] = []
    var documentTitles: [String: String] = [:]
    var components: [ComponentFact] = []
    var siteSystemRoles: [SiteSystemRoleFact] = []
    var securityRoles: [SecurityRoleFact] = []
    var permissions: [PermissionFact] = []
    var ports: [PortFact] = []
    var installMethods: [InstallMethodFact] = []
    var requirements: [RequirementFact] = []
    var aliases: [AliasFact] = []
    /// The sections of the documents `load` was asked for (all by default),
    /// grouped by document in knowledge-base order: only the search index
    /// reads their text, and it reuses the rows of unchanged documents.
    var sections: [SectionText] = []
    /// Row counts of the lossless layer, for the index page.
    var losslessCounts: [(table: String, count: Int)] = []
    /// The newest recorded builds, newest first, for the "What changed" page.
    var history: [BuildHistoryEntry] = []
    /// How many builds are recorded in all (`history` holds at most `historyLimit`).
    var buildsRecorded = 0
    static let historyLimit = 50

    /// The section text of the documents at `skippingSectionsOf` is not read.
    ///
    /// The section text (a corpus's 20 MB) and the rest are read at once, on
    /// two connections: reading them one after the other left a core idle
    /// for a tenth of a second at the start of a corpus build's site.
    static func load(databasePath: String, skippingSectionsOf skipped: Set<String> = []) throws -> SiteFacts {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw SiteRenderError.missingKnowledgeBase(databasePath)
        }
        @Sendable func reading<T>(_ body: @escaping @Sendable (Database) throws -> T) throws -> T {
            var configuration = Configuration()
            configuration.readonly = true
            return try DatabaseQueue(path: databasePath, configuration: configuration).read(body)
        }
        var (sections, facts) = try concurrently({ try reading { try Self.sections($0, skipping: skipped) } },
                                                  { try reading { try SiteFacts($0) } })
        facts.sections = sections
        return facts
    }

    private init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT path, title FROM documents ORDER BY id") {
            documentPaths.append(row["path"])
            documentTitles[row["path"]] = row["title"]
        }
        let cite = "d.path AS doc_path, t.line AS cite_line, t.anchor AS cite_anchor"
        var c = ColumnIndex([])
        func rows(_ table: String, _ columns: String) throws -> [Row] {
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.id, \(columns), \(cite) FROM \(table) t
                JOIN documents d ON d.id = t.document_id ORDER BY t.id
                """)
            c = ColumnIndex(rows)
            return rows
        }
        func citation(_ row: Row) -> FactCitation {
            FactCitation(documentPath: row[c["doc_path"]], line: row[c["cite_line"]], anchor: row[c["cite_anchor"]])
        }
        components = try rows("components", "t.name, t.min_version, t.file, t.category, t.description, t.may_restart").map {
            ComponentFact(id: $0[c["id"]], name: $0[c["name"]], minVersion: $0[c["min_version"]], file: $0[c["file"]],
                          category: $0[c["category"]], description: $0[c["description"]],
                          mayRestart: $0[c["may_restart"]] ?? false, citation: citation($0))
        }
        siteSystemRoles = try rows("site_system_roles", "t.name, t.necessity, t.subject, t.description").map {
            SiteSystemRoleFact(id: $0[c["id"]], name: $0[c["name"]], necessity: $0[c["necessity"]], subject: $0[c["subject"]],
                               description: $0[c["description"]], citation: citation($0))
        }
        securityRoles = try rows("security_roles", "t.name, t.description").map {
            SecurityRoleFact(id: $0[c["id"]], name: $0[c["name"]], description: $0[c["description"]], citation: citation($0))
        }
        permissions = try rows("permissions", "t.permission, t.object, t.purpose, t.security_role, t.subject").map {
            PermissionFact(id: $0[c["id"]], permission: $0[c["permission"]], object: $0[c["object"]], purpose: $0[c["purpose"]],
                           securityRole: $0[c["security_role"]], subject: $0[c["subject"]], citation: citation($0))
        }
        ports = try rows("ports", """
            t.protocol, t.port, t.source, t.destination, t.purpose, t.condition, t.condition_text, t.subject, t.direction
            """).map {
            PortFact(id: $0[c["id"]], transport: $0[c["protocol"]], port: $0[c["port"]], source: $0[c["source"]],
                     destination: $0[c["destination"]], purpose: $0[c["purpose"]], condition: $0[c["condition"]],
                     conditionText: $0[c["condition_text"]], subject: $0[c["subject"]], direction: $0[c["direction"]],
                     citation: citation($0))
        }
        installMethods = try rows("install_methods", "t.name, t.heading, t.condition").map {
            InstallMethodFact(id: $0[c["id"]], name: $0[c["name"]], heading: $0[c["heading"]], condition: $0[c["condition"]],
                              citation: citation($0))
        }
        let decoder = JSONDecoder()
        requirements = try rows("requirements", "t.subject, t.text, t.necessity, t.condition, t.condition_text, t.mentions").map {
            let json: String = $0[c["mentions"]] ?? "[]"
            let mentions = (try? decoder.decode([Mention].self, from: Data(json.utf8))) ?? []
            return RequirementFact(id: $0[c["id"]], subject: $0[c["subject"]], text: $0[c["text"]], necessity: $0[c["necessity"]],
                                   condition: $0[c["condition"]], conditionText: $0[c["condition_text"]],
                                   mentions: mentions, citation: citation($0))
        }
        aliases = try rows("aliases", "t.alias, t.entity_kind, t.name").map {
            AliasFact(alias: $0[c["alias"]], entityKind: $0[c["entity_kind"]], name: $0[c["name"]], citation: citation($0))
        }
        for table in ["documents", "sections", "doc_tables", "table_rows", "lists", "list_items", "alerts", "links"] {
            losslessCounts.append((table, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0))
        }
        history = try ChangeLog.entries(in: db, .latest(Self.historyLimit))
        buildsRecorded = try ChangeLog.buildCount(in: db)
    }

    /// The sections of every document but those at `skipped`, grouped by document in `id` order.
    private static func sections(_ db: Database, skipping skipped: Set<String>) throws -> [SectionText] {
        var documentIDs: [Int64] = [], paths: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, path FROM documents ORDER BY id") {
            documentIDs.append(row["id"])
            paths[row["id"]] = row["path"]
        }
        let wantedIDs = documentIDs.filter { !skipped.contains(paths[$0]!) }
        // Past a quarter of the set, one pass over the table beats a query per document.
        var sections = try Self.sections(db, of: wantedIDs.count * 4 > documentIDs.count ? nil : wantedIDs, paths: paths)
        if wantedIDs.count < documentIDs.count, wantedIDs.count * 4 > documentIDs.count {
            sections.removeAll { skipped.contains($0.documentPath) }
        }
        return sections
    }

    /// The sections of the documents with these ids (nil: all), in `id` order.
    /// They are the bulk of the knowledge base (every section's text), so
    /// rows are read through a cursor by column position, and each section
    /// shares its document's path string instead of reading its own copy.
    private static func sections(_ db: Database, of documentIDs: [Int64]?, paths: [Int64: String]) throws -> [SectionText] {
        let select = "SELECT s.document_id, s.heading, s.anchor, s.line, s.body FROM sections s"
        var sections: [SectionText] = []
        func read(_ sql: String, _ arguments: StatementArguments = []) throws {
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                guard let path = paths[row[0]] else { continue }
                sections.append(SectionText(documentPath: path, heading: row[1], anchor: row[2], line: row[3], body: row[4]))
            }
        }
        guard let documentIDs else {
            try read(select + " ORDER BY s.id")
            return sections
        }
        // Documents one query each: an incremental build asks for a few.
        for id in documentIDs {
            try read(select + " WHERE s.document_id = ? ORDER BY s.id", [id])
        }
        return sections
    }
}

/// Where each column of a query's rows is: GRDB's own lookup by name
/// lower-cases the name on every call, which made reading the corpus's
/// facts a tenth of an incremental build's site. Made once per query.
private struct ColumnIndex {
    private var positions: [String: Int] = [:]

    init(_ rows: [Row]) {
        for (index, name) in (rows.first.map { Array($0.columnNames) } ?? []).enumerated() where positions[name] == nil {
            positions[name] = index
        }
    }

    subscript(_ name: String) -> Int { positions[name]! }
}
