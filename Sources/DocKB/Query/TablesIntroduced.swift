import Foundation
import GRDB

/// "Set these values under the following kiosk settings key:": a sentence
/// that introduces a table (right after it, or after the one line it
/// introduces too, such as the key) often matches a question best, while the
/// value asked for is in one of the table's rows. Such a quote is followed by
/// the rows that hold question words it lacks.
extension AnswerEngine {
    /// Rows of an introduced table that are quoted, at most.
    static let introducedTableRows = 3

    /// `answer` with each quote that introduces a table followed by that
    /// table's rows holding words of the question the quote does not.
    func quotingTablesIntroduced(_ answer: Answer) -> Answer {
        guard answer.items.contains(where: { $0.kind == "text" && $0.text.contains(":") }) else { return answer }
        var answer = answer
        var questionStems: Set<String>?
        for index in answer.items.indices where answer.items[index].kind == "text" {
            let item = answer.items[index]
            guard let rows = rowsOfTableIntroduced(at: item.source, quoted: item.text), !rows.isEmpty else { continue }
            if questionStems == nil { questionStems = Set(parse(answer.question).contentStems) }
            let lacking = questionStems!.subtracting(Words.contentStems(item.text))
            guard !lacking.isEmpty else { continue }
            let holding = rows.filter { !lacking.isDisjoint(with: Words.contentStems($0)) }.prefix(Self.introducedTableRows)
            guard !holding.isEmpty else { continue }
            answer.items[index].text += Self.nestedSeparator + holding.joined(separator: "; ")
            answer.items[index].derivation.append("quoted with the rows of the table it introduces that hold the question's other words")
            answer.notes = Self.notes(answer.notes, holding: Set(holding.flatMap { Words.contentStems($0) }))
        }
        return answer
    }

    /// `notes` with the words the quoted rows hold taken out of the note
    /// naming those no quote holds (the note gone when none is left).
    static func notes(_ notes: [String], holding stems: Set<String>) -> [String] {
        notes.compactMap { note in
            guard note.hasPrefix(noQuoteHoldsPrefix) else { return note }
            let words = note.dropFirst(noQuoteHoldsPrefix.count).split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "“”")) }
            let left = words.filter { !stems.contains(Words.stem($0)) }
            return left.isEmpty ? nil : noQuoteHolds(left)
        }
    }

    /// The body rows (cells joined by " | ") of the table whose header comes
    /// right after the line `cite` points at when that line ends in a colon,
    /// or after the one line it introduces that `quoted` holds; nil if none does.
    func rowsOfTableIntroduced(at cite: Citation, quoted: String) -> [String]? {
        try? knowledgeBase.store.read { db -> [String]? in
            guard let section = try FoundSection.cited(by: cite, in: db) else { return nil }
            let lines = section.lines
            guard let at = section.lineIndex(citing: cite.line), lines[at].hasSuffix(":") else { return nil }
            var next = at + 1
            while next < lines.count, lines[next].isEmpty { next += 1 }
            // "... the following key:" over the key: the quote holds that line, and the table comes after it.
            if next < lines.count, quoted.contains(lines[next].collapsingWhitespace) {
                next += 1
                while next < lines.count, lines[next].isEmpty { next += 1 }
            }
            guard next < lines.count else { return nil }
            let header = section.cite(atLine: next).line
            let cells = try Row.fetchAll(db, sql: """
                SELECT table_rows.id AS row, table_cells.text AS text FROM doc_tables
                JOIN table_rows ON table_rows.table_id = doc_tables.id AND table_rows.is_header = 0
                JOIN table_cells ON table_cells.row_id = table_rows.id
                WHERE doc_tables.document_id = ? AND doc_tables.section_id = ? AND doc_tables.line = ?
                ORDER BY table_rows.row_index, table_cells.column_index
                """, arguments: [cite.documentID, section.id, header])
            var rows: [(id: Int64, cells: [String])] = []
            for cell in cells {
                let id: Int64 = cell["row"], text: String = cell["text"]
                if rows.last?.id == id { rows[rows.count - 1].cells.append(text) } else { rows.append((id, [text])) }
            }
            return rows.map { $0.cells.map(\.collapsingWhitespace).joined(separator: " | ") }
        } ?? nil
    }
}
