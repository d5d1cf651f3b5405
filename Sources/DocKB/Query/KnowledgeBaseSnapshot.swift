import Foundation
import GRDB

/// Why a knowledge base could not be opened for questions. The messages name
/// the file and say what to do: they are what a user sees when a path is wrong.
public enum QueryOpenError: Error, CustomStringConvertible {
    case missing(String)
    case unusable(String, String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no knowledge base at \(path): run `dockb build` first, or pass --db PATH"
        case .unusable(let path, let message):
            return "cannot use \(path): \(message); rebuild it with `dockb build`"
        }
    }
}

/// A knowledge base opened read-only (the store's `KnowledgeBase`), with its
/// typed rows loaded into memory.
///
/// Loading happens once per process (`open`); answering a question then works
/// on these arrays and the lexicon built from them, never writing anything.
public final class KnowledgeBaseSnapshot: Sendable {
    public let path: String
    /// The read-only store, for `sql`, `why` and full-text search.
    public let store: KnowledgeBase

    let documents: [Int64: DocumentRow]
    let documentIDs: [String: Int64]
    let requirements: [RequirementRow]
    let components: [ComponentRow]
    let siteRoles: [SiteRoleRow]
    let securityRoles: [SecurityRoleRow]
    let permissions: [PermissionRow]
    let ports: [PortRow]
    let methods: [MethodRow]
    let aliases: [AliasRow]
    let variables: [ConditionVariable]
    /// Sections of the documents that define installation methods, by id:
    /// enough to walk a method's heading up to the subject it belongs to.
    let sections: [Int64: SectionRow]
    /// How many sections the documents have: the measure of "seldom" and
    /// "commonly" for the guesses, read once rather than for every word asked about.
    let sectionCount: Int

    /// Whether the documents' text (any section or fact) has `word` as it is
    /// written. The full-text index finds the rows; the spelling is checked
    /// in them, since the index folds a misspelt "instalation" into "install" too.
    func documentsMention(_ word: String) -> Bool {
        guard word.allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
        let lowered = word.lowercased()
        return ((try? store.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT 1 FROM search WHERE search MATCH ?
                AND (instr(lower(body), ?) > 0 OR instr(lower(title), ?) > 0) LIMIT 1
                """, arguments: ["\"\(word)\"", lowered, lowered])
        }) ?? nil) ?? false
    }

    /// The words the documents most likely abbreviate as `abbreviation`
    /// (see `InitialismGuess`). The full-text index finds the rows that
    /// hold words with those initials side by side (`t* + s*`); only they are read.
    func wordsSpelled(by abbreviation: String) -> [String]? {
        let initials = abbreviation.lowercased()
        guard InitialismGuess.letters.contains(initials.count), initials.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        guard let texts = texts(matching: initials.map { "\($0)*" }.joined(separator: " + ")) else { return nil }
        return InitialismGuess.likeliestWords(spelling: initials, in: texts)
    }

    /// The words `abbreviation` most likely stands for (see `InitialismGuess`)
    /// when the documents write it too, but in few sections (as
    /// `seldomSections` counts few), and those words side by side in
    /// `InitialismGuess.writtenMoreOftenFactor` times as many: "MP" once in
    /// a table's header, "management point" throughout.
    func words(seldomWrittenAbbreviation abbreviation: String) -> [String]? {
        guard let written = sectionsWritingSeldom(abbreviation), let words = wordsSpelled(by: abbreviation),
              writesFarMoreOften(words.joined(separator: " "), than: written, factor: InitialismGuess.writtenMoreOftenFactor)
        else { return nil }
        return words
    }

    /// The titles and bodies of the full-text rows `query` matches, the
    /// first `limit` of them when one is given.
    private func texts(matching query: String, limit: Int? = nil) -> [String]? {
        try? store.read { db in
            try Row.fetchAll(db, sql: "SELECT title, body FROM search WHERE search MATCH ? LIMIT ?",
                             arguments: [query, limit ?? -1])
                .flatMap { row -> [String] in [row["title"] ?? "", row["body"] ?? ""] }
        }
    }

    /// The word the documents most likely shorten as `clipping` (see
    /// `ClippedWordGuess`). The full-text index finds the rows holding a word
    /// that begins so (`cert*`); only they are read, and no more of them than
    /// it takes to tell the likeliest word ("config*" begins 13,000 of a
    /// large corpus's rows).
    func word(clippedTo clipping: String) -> String? {
        let lowered = clipping.lowercased()
        guard ClippedWordGuess.letters.contains(lowered.count), lowered.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        guard let texts = texts(matching: lowered + "*", limit: ClippedWordGuess.rowsRead) else { return nil }
        return ClippedWordGuess.likeliestWord(clippedTo: lowered, in: texts)
    }

    /// The word `clipping` shortens when the documents write the clipping
    /// too, but seldom and far less often than that word: a question writing
    /// "cert" means the "certificate" the documents name, not the one passage
    /// that says "cert". The word is `known` when it is given (an everyday
    /// clipping's, see `Words.everydayTerms`), else guessed (see `ClippedWordGuess`).
    func word(seldomWrittenClipping clipping: String, known: String? = nil) -> String? {
        guard let written = sectionsWritingSeldom(clipping), let full = known ?? word(clippedTo: clipping),
              writesFarMoreOften(full, than: written, factor: ClippedWordGuess.writtenMoreOftenFactor) else { return nil }
        return full
    }

    /// The two words the documents write side by side that `word` runs
    /// together (see `RunTogetherWords`), when they never write `word`, or
    /// write it in few sections (as `word(seldomWrittenClipping:known:)`
    /// counts few) and the two words far more often; `seldomWritten` tells which.
    func words(runTogetherIn word: String) -> (words: [String], seldomWritten: Bool)? {
        let candidates = RunTogetherWords.readings(of: word)
        // The word alone first: most words of a question are written often, and need no more queries.
        guard !candidates.isEmpty, let written = sectionsWritingSeldom(word),
              let phrases = sectionsHolding(candidates.map { $0.joined(separator: " ") }),
              let split = RunTogetherWords.likeliestSplit(candidates, phraseSections: phrases.holding,
                                                          wordSections: written) else { return nil }
        return (split, written > 0)
    }

    /// The word the documents write before `number` that `initial` begins
    /// ("office" for "o365"; see `RunTogetherWords`), when they never write
    /// the two run together, or seldom and the word and number far more
    /// often. The full-text index finds the rows holding such a word and the
    /// number side by side (`o* + 365`).
    func word(initial: Character, number: String) -> String? {
        guard initial.isASCII, initial.isLetter, number.allSatisfy({ $0.isASCII && $0.isNumber }),
              let written = sectionsWritingSeldom(String(initial) + number),
              let texts = texts(matching: "\(initial)* + \(number)", limit: ClippedWordGuess.rowsRead),
              let word = RunTogetherWords.likeliestWord(initial: initial, number: number, in: texts),
              written == 0 || writesFarMoreOften(word + " " + number, than: written, factor: RunTogetherWords.writtenMoreOftenFactor)
        else { return nil }
        return word
    }

    /// At most so many sections hold a word the documents write seldom: a
    /// hundredth of them, and never fewer than `ClippedWordGuess.fewestSectionsCounted`.
    var seldomSections: Int {
        max(ClippedWordGuess.fewestSectionsCounted, sectionCount * ClippedWordGuess.mostSectionsPercent / 100)
    }

    /// How many sections write `word`, when they are few (at most
    /// `seldomSections`); nil when more do. Counted no further than it takes
    /// to tell: most words of a question are written often.
    private func sectionsWritingSeldom(_ word: String) -> Int? {
        guard let written = sectionsHolding(word, upTo: seldomSections + 1), written <= seldomSections else { return nil }
        return written
    }

    /// Whether `form` (a word, or words side by side) is written in `factor`
    /// times as many sections as `written` (one at least): the reading a
    /// guess makes of a seldom-written word must be the documents' usual wording.
    private func writesFarMoreOften(_ form: String, than written: Int, factor: Int) -> Bool {
        (sectionsHolding([form])?.holding[0] ?? 0) >= factor * max(1, written)
    }

    /// `word` as a full-text query of that one word (quotes dropped: they would end the phrase).
    static func quotedTerm(_ word: String) -> String { "\"" + word.replacingOccurrences(of: "\"", with: "") + "\"" }

    /// How many sections hold each of `words` in their text (as the
    /// full-text index reads words), and how many sections there are.
    func sectionsHolding(_ words: [String]) -> (holding: [Int], sections: Int)? {
        try? store.read { db in
            let holding = try words.map { word in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM search WHERE search MATCH ? AND kind = 'section'",
                                 arguments: [Self.quotedTerm(word)]) ?? 0
            }
            return (holding, sectionCount)
        }
    }

    /// How many sections hold `word`, counted up to `limit` at most.
    private func sectionsHolding(_ word: String, upTo limit: Int) -> Int? {
        try? store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? AND kind = 'section' LIMIT ?)
                """, arguments: [Self.quotedTerm(word), limit]) ?? 0
        }
    }

    /// Whether more sections than `Lexicon.commonWordRows`, and than
    /// `Lexicon.commonWordPercent` of them, hold `word` in their text.
    func prose(commonlyUses word: String) -> Bool {
        guard word.allSatisfy({ $0.isLetter || $0.isNumber }), let counts = sectionsHolding([word]) else { return false }
        return counts.holding[0] > max(Lexicon.commonWordRows, counts.sections * Lexicon.commonWordPercent / 100)
    }

    /// Whether the documents' text says "version `number`" anywhere.
    func documentsCallVersion(_ number: String) -> Bool {
        guard !number.isEmpty, number.allSatisfy(\.isNumber) else { return false }
        return ((try? store.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM search WHERE search MATCH ? LIMIT 1", arguments: ["\"version \(number)\""])
        }) ?? nil) ?? false
    }

    public static func open(path: String) throws -> KnowledgeBaseSnapshot {
        guard FileManager.default.fileExists(atPath: path) else { throw QueryOpenError.missing(path) }
        do {
            let store = try KnowledgeBase(url: URL(fileURLWithPath: path))
            return try store.read { db in
                try KnowledgeBaseSnapshot(path: path, store: store, loader: RowLoader(db: db))
            }
        } catch let error as KnowledgeBaseError {
            throw QueryOpenError.unusable(path, "\(error)")
        } catch {
            throw QueryOpenError.unusable(path, "\(error)")
        }
    }

    private init(path: String, store: KnowledgeBase, loader: RowLoader) throws {
        self.path = path
        self.store = store
        let documents = try loader.documents()
        self.documents = documents
        documentIDs = Dictionary(documents.values.map { ($0.path, $0.id) }, uniquingKeysWith: min)
        requirements = try loader.requirements(documents)
        components = try loader.components(documents)
        siteRoles = try loader.siteRoles(documents)
        securityRoles = try loader.securityRoles(documents)
        permissions = try loader.permissions(documents)
        ports = try loader.ports(documents)
        methods = try loader.methods(documents)
        aliases = try loader.aliases(documents)
        variables = try loader.variables()
        sections = try loader.sections(ofDocuments: Set(methods.map(\.cite.documentID)))
        sectionCount = try loader.sectionCount()
    }

    func document(_ id: Int64) -> DocumentRow? { documents[id] }

    /// Builds recorded in the knowledge base, newest first, read when asked
    /// (most sessions never ask, and a long history would slow every start).
    func buildHistory(_ selection: BuildSelection) throws -> [BuildHistoryEntry] {
        try store.read { db in try ChangeLog.entries(in: db, selection, path: path) }
    }

    /// How many builds are recorded, and the newest that changed a fact.
    func buildCounts() throws -> (builds: Int, latestWithChanges: Int?) {
        try store.read { db in (try ChangeLog.buildCount(in: db), try ChangeLog.latestBuildWithChanges(in: db)) }
    }

    /// A citation for a document line named by path, with the anchor of the
    /// section around it; document id 0 when the document is gone.
    func citation(path: String, line: Int) -> Citation {
        let documentID = documentIDs[path] ?? 0
        let anchor = documentID == 0 ? nil : try? store.read { db in
            try String.fetchOne(db, sql: """
                SELECT anchor FROM sections WHERE document_id = ? AND line <= ? ORDER BY line DESC LIMIT 1
                """, arguments: [documentID, line])
        }
        return Citation(documentID: documentID, path: path, line: line, anchor: anchor ?? "")
    }

    /// The heading of the section each requirement row stands in, by the row's
    /// id: read the first time a question needs it, then kept for the next.
    func requirementHeadings() -> [Int64: String] {
        headingsOfRequirements.value {
            let rows = (try? store.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT r.id, s.heading FROM requirements r
                    JOIN sections s ON s.document_id = r.document_id AND s.anchor = r.anchor
                    """)
            }) ?? []
            return Dictionary(rows.map { ($0["id"] as Int64, $0["heading"] as String? ?? "") }, uniquingKeysWith: { first, _ in first })
        }
    }
    private let headingsOfRequirements = LoadedOnce<[Int64: String]>()

    /// The heading of the section a citation points into (for `why`).
    func sectionHeading(for cite: Citation) -> String? {
        try? store.read { db in
            try String.fetchOne(db, sql: "SELECT heading FROM sections WHERE document_id = ? AND anchor = ? ORDER BY line LIMIT 1",
                                arguments: [cite.documentID, cite.anchor])
        }
    }
}

/// Reads typed rows, tolerating databases whose tables lack optional columns.
private struct RowLoader {
    let db: Database

    func sectionCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sections") ?? 0
    }

    private func columns(_ table: String) throws -> Set<String> {
        Set(try db.columns(in: table).map(\.name))
    }

    /// `SELECT` list naming each wanted column, or NULL when the table lacks it.
    private func select(_ wanted: [String], from table: String) throws -> String {
        let have = try columns(table)
        let list = wanted.map { have.contains($0) ? "t.\($0)" : "NULL AS \($0)" }.joined(separator: ", ")
        return "SELECT \(list) FROM \(table) t ORDER BY t.document_id, t.line, t.id"
    }

    private func rows(_ table: String, _ wanted: [String]) throws -> [Row] {
        try Row.fetchAll(db, sql: try select(wanted + ["document_id", "line", "anchor"], from: table))
    }

    private func cite(_ row: Row, _ documents: [Int64: DocumentRow]) -> Citation {
        let id: Int64 = row["document_id"] ?? 0
        return Citation(documentID: id, path: documents[id]?.path ?? "?", line: row["line"] ?? 0,
                        anchor: row["anchor"] ?? "")
    }

    func documents() throws -> [Int64: DocumentRow] {
        var result: [Int64: DocumentRow] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, path, title FROM documents") {
            let id: Int64 = row["id"]
            result[id] = DocumentRow(id: id, path: row["path"] ?? "", title: row["title"] ?? "")
        }
        return result
    }

    func requirements(_ docs: [Int64: DocumentRow]) throws -> [RequirementRow] {
        try rows("requirements", ["id", "subject", "text", "necessity", "condition", "condition_text",
                                  "condition_json", "mentions"]).map { row in
            RequirementRow(id: row["id"], subject: row["subject"] ?? "", text: row["text"] ?? "",
                           necessity: nonEmpty(row["necessity"]),
                           condition: ConditionText.decode(json: row["condition_json"], text: row["condition"]),
                           conditionText: nonEmpty(row["condition_text"]),
                           mentions: decodeMentions(row["mentions"]), cite: cite(row, docs))
        }
    }

    func components(_ docs: [Int64: DocumentRow]) throws -> [ComponentRow] {
        try rows("components", ["id", "name", "min_version", "file", "category", "description", "may_restart"]).map { row in
            ComponentRow(id: row["id"], name: row["name"] ?? "", minVersion: nonEmpty(row["min_version"]),
                         file: nonEmpty(row["file"]), category: nonEmpty(row["category"]),
                         description: row["description"] ?? "", mayRestart: (row["may_restart"] as Int?) == 1,
                         cite: cite(row, docs))
        }
    }

    func siteRoles(_ docs: [Int64: DocumentRow]) throws -> [SiteRoleRow] {
        try rows("site_system_roles", ["id", "name", "necessity", "subject", "description"]).map { row in
            SiteRoleRow(id: row["id"], name: row["name"] ?? "", necessity: nonEmpty(row["necessity"]),
                        subject: nonEmpty(row["subject"]), description: row["description"] ?? "",
                        cite: cite(row, docs))
        }
    }

    func securityRoles(_ docs: [Int64: DocumentRow]) throws -> [SecurityRoleRow] {
        try rows("security_roles", ["id", "name", "description"]).map { row in
            SecurityRoleRow(id: row["id"], name: row["name"] ?? "", description: row["description"] ?? "",
                            cite: cite(row, docs))
        }
    }

    func permissions(_ docs: [Int64: DocumentRow]) throws -> [PermissionRow] {
        try rows("permissions", ["id", "permission", "object", "purpose", "security_role", "subject"]).map { row in
            PermissionRow(id: row["id"], permission: row["permission"] ?? "", object: nonEmpty(row["object"]),
                          purpose: row["purpose"] ?? "", securityRole: nonEmpty(row["security_role"]),
                          subject: nonEmpty(row["subject"]), cite: cite(row, docs))
        }
    }

    func ports(_ docs: [Int64: DocumentRow]) throws -> [PortRow] {
        try rows("ports", ["id", "protocol", "port", "source", "destination", "purpose", "condition",
                           "condition_text", "condition_json", "subject", "direction"]).map { row in
            PortRow(id: row["id"], transport: row["protocol"] ?? "", port: row["port"] ?? "",
                    source: nonEmpty(row["source"]), destination: nonEmpty(row["destination"]),
                    purpose: row["purpose"] ?? "",
                    condition: ConditionText.decode(json: row["condition_json"], text: row["condition"]),
                    conditionText: nonEmpty(row["condition_text"]), subject: nonEmpty(row["subject"]),
                    direction: nonEmpty(row["direction"]), cite: cite(row, docs))
        }
    }

    func methods(_ docs: [Int64: DocumentRow]) throws -> [MethodRow] {
        try rows("install_methods", ["id", "name", "heading", "condition", "condition_text", "condition_json"]).map { row in
            MethodRow(id: row["id"], name: row["name"] ?? "", heading: row["heading"] ?? (row["name"] ?? ""),
                      condition: ConditionText.decode(json: row["condition_json"], text: row["condition"]),
                      conditionText: nonEmpty(row["condition_text"]), cite: cite(row, docs))
        }
    }

    func aliases(_ docs: [Int64: DocumentRow]) throws -> [AliasRow] {
        try rows("aliases", ["alias", "entity_kind", "name"]).map { row in
            AliasRow(alias: row["alias"] ?? "", kind: row["entity_kind"] ?? "", name: row["name"] ?? "",
                     cite: cite(row, docs))
        }
    }

    func variables() throws -> [ConditionVariable] {
        try Row.fetchAll(db, sql: "SELECT name, phrase FROM condition_variables ORDER BY name").map {
            ConditionVariable(name: $0["name"] ?? "", phrase: $0["phrase"] ?? "")
        }
    }

    func sections(ofDocuments ids: Set<Int64>) throws -> [Int64: SectionRow] {
        guard !ids.isEmpty else { return [:] }
        let list = ids.map(String.init).joined(separator: ",")
        var result: [Int64: SectionRow] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT id, document_id, parent_id, level, heading, anchor, line FROM sections
            WHERE document_id IN (\(list))
            """) {
            let id: Int64 = row["id"]
            result[id] = SectionRow(id: id, documentID: row["document_id"], parentID: row["parent_id"],
                                    level: row["level"] ?? 0, heading: row["heading"] ?? "",
                                    anchor: row["anchor"] ?? "", line: row["line"] ?? 0)
        }
        return result
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let v = value?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    private func decodeMentions(_ json: String?) -> [Mention] {
        guard let data = json?.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([Mention].self, from: data)) ?? []
    }
}

/// A value loaded the first time it is asked for, then kept: the REPL asks
/// one snapshot many questions, and most never need it.
final class LoadedOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: Value?

    func value(_ load: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let value = load()
        loaded = value
        return value
    }
}
