import Foundation
import GRDB

/// What a documentation maintainer wants to fix after a build: which table
/// shapes the extractor reads and which it leaves alone, how many facts of
/// each type came out, the documents with warnings, the links that lead
/// nowhere, and the places where two documents contradict each other.
///
/// Computed from a published knowledge base alone (its documented tables),
/// so it describes exactly what readers of `kb.sqlite` and the site get.
public struct QualityReport: Sendable, Equatable {
    /// A line of a source document, with the anchor of the section it sits in
    /// when the knowledge base knows it.
    public struct Place: Hashable, Sendable, Comparable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var anchor: String?

        public init(path: String, line: Int, anchor: String? = nil) {
            self.path = path
            self.line = line
            self.anchor = anchor
        }

        public var description: String { "\(path):\(line)" }

        public static func < (a: Place, b: Place) -> Bool { (a.path, a.line) < (b.path, b.line) }
    }

    /// All tables sharing one normalized header.
    public struct TableShape: Hashable, Sendable {
        public var shape: String
        public var count: Int
        /// Tables of this shape per classification, most frequent first.
        public var kinds: [KindCount]
        public var unclassified: Int
        /// The first table of this shape, in document order.
        public var example: Place

        public var classified: Int { count - unclassified }
    }

    public struct KindCount: Hashable, Sendable {
        public var kind: String
        public var count: Int
    }

    /// Rows of one typed table, and how many documents they come from.
    public struct FactCount: Hashable, Sendable {
        public var table: String
        public var count: Int
        public var documents: Int
    }

    public struct Warning: Hashable, Sendable {
        public var line: Int
        public var severity: String
        public var message: String
    }

    public struct DocumentWarnings: Hashable, Sendable {
        public var path: String
        /// In line order.
        public var warnings: [Warning]
    }

    public struct DanglingLink: Hashable, Sendable {
        public var place: Place
        public var text: String
        public var destination: String
        /// `dangling-document` or `dangling-anchor`.
        public var status: LinkRecord.Status
        /// For a dangling anchor: the document that exists but lacks it.
        public var targetPath: String?
        public var targetAnchor: String?
    }

    public var documents: Int
    public var tables: Int
    /// Most tables first, then by shape.
    public var tableShapes: [TableShape]
    /// In the order of the typed layer in the README.
    public var facts: [FactCount]
    /// Warnings other than dangling links (those are `danglingLinks`), most
    /// warnings first, then by path.
    public var documentsWithWarnings: [DocumentWarnings]
    /// In document and line order.
    public var danglingLinks: [DanglingLink]
    public var conflicts: [QualityConflict]

    public var classifiedTables: Int { tableShapes.reduce(0) { $0 + $1.classified } }
    public var warningCount: Int { documentsWithWarnings.reduce(0) { $0 + $1.warnings.count } }

    public func conflicts(of kind: QualityConflict.Kind) -> [QualityConflict] {
        conflicts.filter { $0.kind == kind }
    }

    public static func load(databasePath: String) throws -> QualityReport {
        try load(from: KnowledgeBase(url: URL(fileURLWithPath: databasePath)))
    }

    public static func load(from knowledgeBase: KnowledgeBase) throws -> QualityReport {
        try knowledgeBase.read { db in try QualityReport(db) }
    }

    /// Typed tables whose rows cite a document (`condition_variables` does not).
    static let factTables = ["components", "site_system_roles", "security_roles", "permissions", "ports",
                             "install_methods", "requirements", "aliases"]

    private init(_ db: Database) throws {
        documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
        tableShapes = try Self.tableShapes(db)
        tables = tableShapes.reduce(0) { $0 + $1.count }
        facts = try Self.factTables.map { table in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COUNT(DISTINCT document_id) AS d FROM \(table)")
            return FactCount(table: table, count: row?["n"] ?? 0, documents: row?["d"] ?? 0)
        }
        danglingLinks = try Self.danglingLinks(db)
        documentsWithWarnings = try Self.documentWarnings(db, excluding: danglingLinks)
        conflicts = try QualityConflict.componentVersions(db) + QualityConflict.portTransports(db)
    }

    private static func tableShapes(_ db: Database) throws -> [TableShape] {
        var shapes: [String: TableShape] = [:]
        var order: [String] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT t.shape, t.kind, t.line, d.path, s.anchor FROM doc_tables t
            JOIN documents d ON d.id = t.document_id LEFT JOIN sections s ON s.id = t.section_id
            ORDER BY t.document_id, t.ordinal, t.id
            """)
        while let row = try rows.next() {
            let shape: String = row["shape"]
            let kind: String? = row["kind"]
            if shapes[shape] == nil {
                order.append(shape)
                shapes[shape] = TableShape(shape: shape, count: 0, kinds: [], unclassified: 0,
                                           example: Place(path: row["path"], line: row["line"], anchor: row["anchor"]))
            }
            shapes[shape]!.count += 1
            if let kind {
                if let index = shapes[shape]!.kinds.firstIndex(where: { $0.kind == kind }) {
                    shapes[shape]!.kinds[index].count += 1
                } else {
                    shapes[shape]!.kinds.append(KindCount(kind: kind, count: 1))
                }
            } else {
                shapes[shape]!.unclassified += 1
            }
        }
        return order.map { shape in
            var entry = shapes[shape]!
            entry.kinds.sort { ($1.count, $0.kind) < ($0.count, $1.kind) }
            return entry
        }.sorted { ($1.count, $0.shape) < ($0.count, $1.shape) }
    }

    private static func danglingLinks(_ db: Database) throws -> [DanglingLink] {
        try Row.fetchAll(db, sql: """
            SELECT d.path, l.line, l.text, l.destination, l.status, l.target_anchor, target.path AS target_path,
                   s.anchor
            FROM links l JOIN documents d ON d.id = l.document_id
            LEFT JOIN documents target ON target.id = l.target_document_id
            LEFT JOIN sections s ON s.id = l.section_id
            WHERE l.status IN (?, ?) ORDER BY d.path, l.line, l.id
            """, arguments: [LinkRecord.Status.danglingDocument.rawValue, LinkRecord.Status.danglingAnchor.rawValue]
        ).map { row in
            DanglingLink(place: Place(path: row["path"], line: row["line"], anchor: row["anchor"]),
                         text: row["text"], destination: row["destination"],
                         status: LinkRecord.Status(rawValue: row["status"]) ?? .danglingDocument,
                         targetPath: row["target_path"], targetAnchor: row["target_anchor"])
        }
    }

    /// The diagnostics table grouped by document, without the warnings the
    /// link resolver wrote for `dangling` (rebuilt from the same records, so
    /// exactly those and nothing else are left out).
    private static func documentWarnings(_ db: Database, excluding dangling: [DanglingLink]) throws -> [DocumentWarnings] {
        var linkWarnings: Set<String> = []
        for link in dangling {
            let record = LinkRecord(line: link.place.line, text: link.text, destination: link.destination,
                                    targetPath: link.targetPath, targetAnchor: link.targetAnchor, status: link.status)
            if let message = LinkResolver.warning(for: record) {
                linkWarnings.insert("\(link.place.path)\n\(link.place.line)\n\(message)")
            }
        }
        var byPath: [String: [Warning]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, line, severity, message FROM diagnostics ORDER BY id")
        while let row = try rows.next() {
            let path: String = row["path"], line: Int = row["line"], message: String = row["message"]
            if linkWarnings.contains("\(path)\n\(line)\n\(message)") { continue }
            byPath[path, default: []].append(Warning(line: line, severity: row["severity"], message: message))
        }
        return byPath.map { path, warnings in
            // Stable for equal lines: the order the build stored them in.
            let ordered = warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            return DocumentWarnings(path: path, warnings: ordered.map(\.element))
        }.sorted { ($1.warnings.count, $0.path) < ($0.warnings.count, $1.path) }
    }
}
