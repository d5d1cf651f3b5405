import Foundation
import GRDB

/// Adds documents to a knowledge base being written. Only valid inside
/// `KnowledgeBaseWriter.publish`'s body, on the thread that runs it: every
/// call writes into the one open transaction.
public final class KnowledgeBaseSession {
    let db: Database
    let documentIDs: [String: Int64]
    public internal(set) var counts = StoreCounts()
    /// Ids of the build's own rows (scanner warnings, dangling links).
    let buildRowIDs = RowIDAllocator(documentID: RowIDAllocator.buildLevel)
    /// Sorted keys: the same facts always give the same bytes (builds are compared by dump).
    let json: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private let inserts: PreparedInserts

    init(db: Database, documentPaths: [String]) throws {
        self.db = db
        inserts = PreparedInserts(db: db)
        // Ids follow the order of `documentPaths` (sorted by the scanner), so
        // the same sources always give the same ids.
        var ids: [String: Int64] = [:]
        for (offset, path) in documentPaths.enumerated() where ids[path] == nil {
            ids[path] = Int64(offset + 1)
        }
        documentIDs = ids
    }

    /// Removes every row `add` wrote for the document with this id (its id
    /// range in each table), so a new version can take its place.
    func removeDocument(id documentID: Int64) throws {
        let range = RowIDAllocator.range(of: documentID)
        let arguments: StatementArguments = [range.lowerBound, range.upperBound]
        try db.execute(sql: "DELETE FROM table_cells WHERE rowid BETWEEN ? AND ?", arguments: arguments)
        try db.execute(sql: "DELETE FROM search WHERE rowid BETWEEN ? AND ?", arguments: arguments)
        for table in Self.documentTables {
            try db.execute(sql: "DELETE FROM \(table) WHERE id BETWEEN ? AND ?", arguments: arguments)
        }
        try db.execute(sql: "DELETE FROM anchors WHERE rowid BETWEEN ? AND ?", arguments: arguments)
        try db.execute(sql: "DELETE FROM document_cache WHERE document_id = ?", arguments: [documentID])
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [documentID])
    }

    /// Documents `add` wrote in this session.
    private(set) var writtenDocuments: [Int64] = []

    /// The foreign-key check of a patched knowledge base. A row of a document
    /// the patch left alone was checked when it was written, and points into
    /// its own document's id range or at a document, which a patch never
    /// removes. So only the rows in the ranges of the documents written now,
    /// and the tables outside any range, need checking: SQLite's check of the
    /// whole corpus (a million rows) was a twentieth of an incremental build.
    func checkForeignKeysOfWrittenRows() throws {
        let ranged = Set(Self.documentTables + ["table_cells", "anchors"])
        let keys = try Row.fetchAll(db, sql: """
            SELECT m.name AS child, f."from" AS source, f."table" AS parent, f."to" AS target
            FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY m.name, f.id
            """)
        for table in Set(keys.map { $0["child"] as String }).subtracting(ranged).sorted() {
            try db.checkForeignKeys(in: table)
        }
        for key in keys {
            let child: String = key["child"], source: String = key["source"], parent: String = key["parent"]
            guard ranged.contains(child) else { continue }
            let target: String = key["target"] ?? "rowid"
            for id in writtenDocuments {
                let range = RowIDAllocator.range(of: id)
                if let row = try Int64.fetchOne(db, sql: """
                    SELECT c.rowid FROM \(child) c WHERE c.rowid BETWEEN ? AND ? AND c.\(source) IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM \(parent) p WHERE p.\(target) = c.\(source)) LIMIT 1
                    """, arguments: [range.lowerBound, range.upperBound]) {
                    throw KnowledgeBaseError.danglingReference(table: child, column: source, row: row)
                }
            }
        }
    }

    /// Removes the rows of the build itself (scanner warnings, dangling
    /// links), which the next build writes again in full.
    func removeBuildLevelRows() throws {
        let range = RowIDAllocator.range(of: RowIDAllocator.buildLevel)
        try db.execute(sql: "DELETE FROM diagnostics WHERE id BETWEEN ? AND ?", arguments: [range.lowerBound, range.upperBound])
    }

    /// Tables whose `id` comes from `RowIDAllocator`.
    static let documentTables = [
        "sections", "doc_tables", "table_rows", "lists", "list_items", "alerts", "links", "comments", "includes",
        "diagnostics", "components", "site_system_roles", "security_roles", "permissions", "ports",
        "install_methods", "requirements", "aliases",
    ]

    /// An incremental build adds the changed documents' variables first, out
    /// of document order; it clears them and sets every document's again.
    func removeConditionVariables() throws {
        try db.execute(sql: "DELETE FROM condition_variables")
    }

    /// The condition variables of every document, in document order: the
    /// first document to name a flag gives its phrase.
    func setConditionVariables(_ variables: [ConditionVariable]) throws {
        for v in variables {
            try insert("INSERT OR IGNORE INTO condition_variables (name, phrase) VALUES (?, ?)", [v.name, v.phrase])
            counts.conditionVariables += db.changesCount
        }
    }

    /// This build's entry in the history, after the entries carried over.
    func record(_ entry: BuildHistoryEntry) throws {
        try insert("""
            INSERT INTO builds (id, kind, documents, documents_parsed, sources_sha256, added, removed, changed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [entry.id, entry.kind.rawValue, entry.documents, entry.documentsParsed, entry.sourcesSHA256,
                  entry.count(.added), entry.count(.removed), entry.count(.changed)])
        for change in entry.changes {
            try insert("""
                INSERT INTO changes (build_id, change, entity_type, entity_name, field, old_value, new_value, document, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [entry.id, change.kind.rawValue, change.entityType, change.entityName, change.field,
                      change.oldValue, change.newValue, change.path, change.line])
        }
    }

    /// Sets keys in place: a key set again keeps its row, so a build that
    /// learns a value late (the site base paths) lists the keys as one that knew it.
    func setBuildInfo(_ info: [String: String]) throws {
        for (key, value) in info.sorted(by: { $0.key < $1.key }) {
            try insert("INSERT INTO build_info (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       [key, value])
        }
    }

    /// Writes one document: its lossless rows, its links, its typed facts and
    /// their search entries, and its diagnostics. Returns the diagnostics
    /// stored for it: the parser's, the extractor's, and one per table that
    /// was stored but not classified.
    @discardableResult
    public func add(_ document: Document, outline: DocumentOutline? = nil, facts: ExtractedFacts,
                    links: [LinkRecord]) throws -> [Diagnostic] {
        try add(document, outline: outline, facts: facts, links: .records(links)).diagnostics
    }

    /// Writes one document like `add(_:outline:facts:links:)` while its links
    /// are not resolved yet (that takes every document's outline): their ids
    /// are kept in their place, and `addLinks(_:into:)` writes them later,
    /// so the rows are the same either way.
    public func add(_ document: Document, outline: DocumentOutline? = nil, facts: ExtractedFacts,
                    reservingLinks count: Int) throws -> (diagnostics: [Diagnostic], links: LinkReservation) {
        let added = try add(document, outline: outline, facts: facts, links: .reserved(count))
        return (added.diagnostics, added.reservation!)
    }

    /// The links of a document written with `reservingLinks`, one for each id kept.
    public func addLinks(_ links: [LinkRecord], into reservation: LinkReservation) throws {
        precondition(links.count == reservation.count,
                     "\(reservation.context.document.path): \(links.count) links for \(reservation.count) kept ids")
        var next = reservation.firstID
        try addLinks(links, context: reservation.context) {
            defer { next += 1 }
            return next
        }
    }

    /// A document's links, or how many there will be.
    private enum LinkRows {
        case records([LinkRecord])
        case reserved(Int)
    }

    private func add(_ document: Document, outline: DocumentOutline?, facts: ExtractedFacts,
                     links: LinkRows) throws -> (diagnostics: [Diagnostic], reservation: LinkReservation?) {
        guard let documentID = documentIDs[document.path] else {
            throw KnowledgeBaseError.documentNotAnnounced(document.path)
        }
        writtenDocuments.append(documentID)
        try insert("""
            INSERT INTO documents (id, path, title, description, ms_date, author, sha256, front_matter)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [documentID, document.path, document.title, document.frontMatter.description,
                  document.frontMatter.msDate, document.frontMatter.author, document.sha256,
                  try jsonText(document.frontMatter.fields)])
        counts.documents += 1

        var context = DocumentContext(id: documentID, document: document, classifications: facts.tables)
        try addSections(&context)
        try addSearchEntry(kind: "document", refID: documentID, title: document.title,
                           body: [document.frontMatter.description ?? "", BlockText.plain(document.blocks.prefix(while: \.isNotHeading))],
                           documentID: documentID, line: 1, anchor: "", rowIDs: context.rowIDs)
        try addBlocks(document.blocks, context: &context, parentItem: nil, depth: 0)
        try addExtraAnchors(&context)
        var reservation: LinkReservation?
        switch links {
        case .records(let records): try addLinks(records, context: context, nextID: context.rowIDs.next)
        case .reserved(let count): reservation = LinkReservation(context: context, firstID: try context.rowIDs.reserve(count), count: count)
        }
        try addFacts(facts, context: context)
        try insert("INSERT INTO document_cache (document_id, outline, facts) VALUES (?, ?, ?)",
                   [documentID, OutlineCoding.encode(outline ?? document.outline), FactsCoding.encode(facts)])
        let diagnostics = document.diagnostics + facts.diagnostics + context.unclassifiedTables
        try add(diagnostics: diagnostics, rowIDs: context.rowIDs)
        return (diagnostics, reservation)
    }

    /// Diagnostics of the build itself (scanner, link resolution).
    public func add(diagnostics: [Diagnostic]) throws {
        try add(diagnostics: diagnostics, rowIDs: buildRowIDs)
    }

    private func add(diagnostics: [Diagnostic], rowIDs: RowIDAllocator) throws {
        for diagnostic in diagnostics {
            try insert("INSERT INTO diagnostics (id, path, line, severity, message) VALUES (?, ?, ?, ?, ?)",
                       [try rowIDs.next(), diagnostic.location.path, diagnostic.location.line,
                        diagnostic.severity.rawValue, diagnostic.message])
        }
        counts.diagnostics += diagnostics.count
    }

    private func addSections(_ context: inout DocumentContext) throws {
        let document = context.document
        for section in document.sections {
            let parentID = section.parent.flatMap { context.sectionIDs.indices.contains($0) ? context.sectionIDs[$0] : nil }
            let (body, lines) = BlockText.plainWithLines(document.blocks[sectionRange: section.blockRange])
            let sectionID = try insert("""
                INSERT INTO sections (id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), context.id, parentID, section.level, section.heading, section.anchor, section.slug,
                      section.line, body, lines.map(String.init).joined(separator: " ")])
            context.sectionIDs.append(sectionID)
            for anchor in section.explicitAnchors {
                try addAnchor(anchor, kind: "explicit", sectionID: sectionID, line: section.line, context: &context)
            }
            try addAnchor(section.slug, kind: "slug", sectionID: sectionID, line: section.line, context: &context)
            try addSearchEntry(kind: "section", refID: sectionID, title: section.heading, body: [body],
                               documentID: context.id, line: section.line, anchor: section.anchor, rowIDs: context.rowIDs)
        }
        counts.sections += document.sections.count
    }

    /// Anchors written as `<a name>` outside headings (in paragraphs, cells, HTML blocks).
    private func addExtraAnchors(_ context: inout DocumentContext) throws {
        var found: [(String, Int)] = []
        InlineRuns.forEach(in: context.document.blocks.filter(\.isNotHeading)) { inline, line in
            if case .html(let raw) = inline, let name = InlineHTML.anchorName(raw) { found.append((name, line)) }
        }
        for block in context.document.blocks {
            if case .html(let raw) = block.kind, let name = InlineHTML.anchorName(raw) { found.append((name, block.line)) }
        }
        for (name, line) in found.sorted(by: { $0.1 < $1.1 }) {
            try addAnchor(name, kind: "explicit", sectionID: context.sectionID(at: line), line: line, context: &context)
        }
    }

    private func addAnchor(_ anchor: String, kind: String, sectionID: Int64?, line: Int,
                           context: inout DocumentContext) throws {
        guard !anchor.isEmpty, context.recordedAnchors.insert(anchor).inserted else { return }
        try insert("INSERT INTO anchors (rowid, document_id, section_id, anchor, kind, line) VALUES (?, ?, ?, ?, ?, ?)",
                   [try context.rowIDs.next(), context.id, sectionID, anchor, kind, line])
        counts.anchors += 1
    }

    private func addLinks(_ links: [LinkRecord], context: DocumentContext, nextID: () throws -> Int64) throws {
        for link in links {
            let targetID = link.targetPath.flatMap { documentIDs[$0] }
            try insert("""
                INSERT INTO links (id, document_id, section_id, line, text, destination, target_document_id,
                                   target_anchor, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [try nextID(), context.id, context.sectionID(at: link.line), link.line, link.text, link.destination,
                      targetID, link.targetAnchor, link.status.rawValue])
            counts.links[link.status, default: 0] += 1
        }
    }

    /// Runs one prepared statement and returns the new row's id.
    @discardableResult
    func insert(_ sql: StaticString, _ arguments: [(any DatabaseValueConvertible)?]) throws -> Int64 {
        try inserts.insert(sql, arguments)
    }

    func jsonText<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try json.encode(value), as: UTF8.self)
    }
}

/// The row ids a document's links will have, kept while it was written.
public struct LinkReservation {
    fileprivate let context: DocumentContext
    let firstID: Int64
    let count: Int
}

/// What the rows of one document need to know while it is being written.
struct DocumentContext {
    let id: Int64
    let document: Document
    let rowIDs: RowIDAllocator
    /// Row ids of `document.sections`, by index.
    var sectionIDs: [Int64] = []
    var recordedAnchors: Set<String> = []
    var unclassifiedTables: [Diagnostic] = []
    /// Tables met so far, in document order: the ordinal the extractor's
    /// `TableClassification` refers to.
    var tableOrdinal = 0
    private let classifications: [Int: TableClassification]
    private let classificationsByLine: [Int: TableClassification]
    private let sectionLines: [Int]

    init(id: Int64, document: Document, classifications: [TableClassification]) {
        self.id = id
        self.document = document
        rowIDs = RowIDAllocator(documentID: id)
        sectionLines = document.sections.map(\.line)
        self.classifications = Dictionary(classifications.map { ($0.ordinal, $0) }, uniquingKeysWith: { first, _ in first })
        classificationsByLine = Dictionary(classifications.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The extractor's verdict on the table at `ordinal`; by line when the
    /// ordinals disagree (a walk that counts nested tables differently).
    func classification(ordinal: Int, line: Int) -> TableClassification? {
        if let byOrdinal = classifications[ordinal], byOrdinal.line == line { return byOrdinal }
        return classificationsByLine[line] ?? classifications[ordinal]
    }

    /// The innermost section whose heading is at or above `line` (binary search:
    /// documents with hundreds of sections and thousands of rows stay linear).
    func sectionID(at line: Int) -> Int64? {
        var low = 0, high = sectionLines.count
        while low < high {
            let mid = (low + high) / 2
            if sectionLines[mid] <= line { low = mid + 1 } else { high = mid }
        }
        return low == 0 || low > sectionIDs.count ? nil : sectionIDs[low - 1]
    }
}

private extension Block {
    var isNotHeading: Bool {
        if case .heading = kind { return false }
        return true
    }
}

private extension Array {
    /// The elements of `range` that exist: a malformed range never traps.
    subscript(sectionRange range: Range<Int>) -> ArraySlice<Element> {
        let lower = Swift.min(Swift.max(range.lowerBound, 0), count)
        let upper = Swift.min(Swift.max(range.upperBound, lower), count)
        return self[lower..<upper]
    }
}
