import Foundation
import GRDB

/// Comparison tables: a question that names one of a table's column headings
/// and words of one of its row labels ("can BranchCache share content across
/// subnets?") is answered by the cell where the two meet, with the row's
/// other cells beside it, since a comparison is read against them. A lookup
/// table of two columns ("Exit code | Meaning") is read the same way, and
/// naming its keys' column ("exit code 7") asks for the other one.
///
/// Only the structure is used: the first column labels the rows, the header
/// row names the columns. No sentence need hold the question's words, which
/// is why the prose answers miss such cells.
extension AnswerEngine {
    static let tableCellGroup = "Cells where the question's row and column meet"

    /// Tables of the sections the question's words find, best section first.
    static let tableCellSections = 12

    /// A table lays out a comparison when it has a label column and at least two more.
    static let comparisonColumns = 3
    /// A table of a label column and one more is a lookup ("Exit code | Meaning").
    static let lookupColumns = 2

    /// `weights`: how rare each of the question's words is in the documents' sections (see `SentenceQuery`),
    /// when the question's sentences were ranked; else they are worked out here ("what is the X of Y?").
    func tableCellAnswer(_ parsed: ParsedQuestion, weights ranked: [String: Double], _ b: inout AnswerBuilder) {
        let asked = Self.askedStemsForCells(parsed)
        let words = Array(Set(parsed.tokens.filter { asked.contains($0.stem) && !$0.isExpansion }.map(\.word))).sorted()
        guard asked.count >= 2, !words.isEmpty else { return }
        let weights = ranked.isEmpty ? sectionWeights(of: words) ?? [:] : ranked
        // No weights: the question's words could not be ranked (it is about words no document uses).
        guard !weights.isEmpty else { return }
        let tables = tables(ofSectionsMatching: words)
        let meetings = tables.compactMap { meeting(in: $0, asked: asked, tokens: parsed.tokens, weights: weights) }
        guard let best = meetings.max(by: { $0.score < $1.score }) else {
            // No row: the rows of the one column named, in the table whose
            // label column the question names best (the first such, best section first).
            let questionStems = Set(parsed.tokens.filter { !Words.isStopWord($0.word) }.map(\.stem))
            let listed = tables.compactMap { Self.namedColumn(of: $0, asked: asked, question: questionStems) }
            let most = listed.map(\.coverage).max()
            if let chosen = listed.first(where: { $0.coverage == most }) { columnAnswer(chosen.table, column: chosen.column, &b) }
            return
        }
        guard let path = knowledgeBase.document(best.table.documentID)?.path else { return }
        let table = best.table, row = table.rows[best.row], header = table.rows[0].cells
        // "From which site do I start X on a Y?": a cell says whether X works on a Y, not from
        // where; the question's head noun must be in the row, its column's header or the table's heading.
        let head = Set(parsed.headStems)
        guard head.isEmpty || !head.isDisjoint(with: stems(([table.heading, header[best.column]] + row.cells).joined(separator: " ")))
        else { return }
        let others = header.indices.dropFirst().filter { $0 != best.column && $0 < row.cells.count && !row.cells[$0].isEmpty }
            .map { "\(header[$0]): \(row.cells[$0])" }
        let text = "\(row.cells[0]) — \(header[best.column]): \(row.cells[best.column])"
            + (others.isEmpty ? "" : " (" + others.joined(separator: "; ") + ")")
        b.answer.heading = "What the table under “\(table.heading)” says"
        b.answer.subject = nil
        b.add(group: Self.tableCellGroup, kind: "table_cell", text: text,
              cite: Citation(documentID: table.documentID, path: path, line: row.line, anchor: table.anchor),
              route: "row “\(row.cells[0])”, column “\(header[best.column])” of a table of section “\(table.heading)”",
              rule: "table cell")
    }

    /// The tables of the sections the question's `words` find (any of them),
    /// best section first and, within one, in document order; every cell's
    /// text on one line.
    func tables(ofSectionsMatching words: [String]) -> [MatrixTable] {
        let query = words.map(Self.quotedTerm).joined(separator: " OR ")
        return (try? knowledgeBase.store.read { db -> [MatrixTable] in
            // The best sections first, then their tables: `doc_tables` has no index on its section.
            let sections = try Int64.fetchAll(db, sql: """
                SELECT ref_id FROM search WHERE search MATCH ? AND kind = 'section' ORDER BY rank LIMIT ?
                """, arguments: [query, Self.tableCellSections])
            let rank = Dictionary(sections.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            var tables: [Int64: MatrixTable] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT t.id, t.document_id, t.section_id, s.anchor, s.heading FROM doc_tables t JOIN sections s ON s.id = t.section_id
                WHERE t.section_id IN (SELECT value FROM json_each(?)) AND t.column_count >= ?
                """, arguments: [Self.jsonList(sections), Self.lookupColumns]) {
                tables[row["id"]] = MatrixTable(documentID: row["document_id"], sectionRank: rank[row["section_id"]] ?? 0,
                                                anchor: row["anchor"], heading: row["heading"])
            }
            // Every cell of those tables in one read, in table, row and column order.
            for cell in try Row.fetchAll(db, sql: """
                SELECT r.table_id, r.row_index, r.line, c.text FROM table_rows r JOIN table_cells c ON c.row_id = r.id
                WHERE r.table_id IN (SELECT value FROM json_each(?)) ORDER BY r.table_id, r.row_index, c.column_index
                """, arguments: [Self.jsonList(Array(tables.keys))]) {
                let id: Int64 = cell["table_id"], index: Int = cell["row_index"]
                if tables[id]!.rows.count <= index { tables[id]!.rows.append((line: cell["line"], cells: [])) }
                // One line per cell: a line break in a cell (`<br>`) is a space in the answer.
                tables[id]!.rows[tables[id]!.rows.count - 1].cells.append((cell["text"] as String).collapsingWhitespace)
            }
            // Best section first; within one section, in document order.
            return tables.keys.sorted { (tables[$0]!.sectionRank, $0) < (tables[$1]!.sectionRank, $1) }.map { tables[$0]! }
        }) ?? []
    }

    /// "Which Windows 10 versions are supported with ConfigMgr 1902?": the
    /// question names one column and asks what the rows are ("Windows 10
    /// versions", the label column's header "Windows 10 version"). The
    /// answer is every row's cell in that column, in the table's order.
    private func columnAnswer(_ table: MatrixTable, column: Int, _ b: inout AnswerBuilder) {
        guard let path = knowledgeBase.document(table.documentID)?.path else { return }
        let header = table.rows[0].cells
        b.answer.heading = "What the table under “\(table.heading)” says"
        b.answer.subject = nil
        for row in table.rows.dropFirst() where row.cells.count > column && !row.cells[column].isEmpty {
            b.add(group: Self.tableColumnGroup, kind: "table_cell", text: "\(row.cells[0]) — \(header[column]): \(row.cells[column])",
                  cite: Citation(documentID: table.documentID, path: path, line: row.line, anchor: table.anchor),
                  route: "column “\(header[column])” of a table of section “\(table.heading)”", rule: "table cell")
        }
    }

    static let tableColumnGroup = "The rows of the column the question names"

    /// The one column of `table` the question names in full, when it also
    /// names what the label column holds (most words of its header: "which
    /// Windows 10 versions" and "Windows 10 version"), and no row label holds
    /// its other words (else `meeting` answers). With the share of the label
    /// column's header the question names.
    private static func namedColumn(of table: MatrixTable, asked: Set<String>,
                                    question: Set<String>) -> (table: MatrixTable, column: Int, coverage: Double)? {
        guard table.rows.count >= 2, let header = table.rows.first?.cells, header.count >= comparisonColumns else { return nil }
        let headerStems = Self.contentStems(of: header)
        let named = header.indices.dropFirst().filter { !headerStems[$0].isEmpty && headerStems[$0].isSubset(of: asked) }
        let labels = headerStems[0], held = labels.intersection(question)
        let coverage = Double(held.count) / Double(max(labels.count, 1))
        guard named.count == 1, let column = named.first, held.count >= 2, coverage >= 2.0 / 3 else { return nil }
        return (table, column, coverage)
    }

    /// Each header cell's content words, as stems.
    private static func contentStems(of header: [String]) -> [Set<String>] {
        header.map(contentStems(of:))
    }

    private static func contentStems(of text: some StringProtocol) -> Set<String> {
        Set(Words.tokens(String(text)).filter { !Words.isStopWord($0.word) }.map(\.stem))
    }

    /// Whether the question names the column headed `cell`: all its words,
    /// or, for a heading that gives a second name in parentheses ("Region
    /// number (RNR)"), all the words of either name.
    static func names(column cell: String, asked: Set<String>) -> Bool {
        let all = contentStems(of: cell)
        if !all.isEmpty, all.isSubset(of: asked) { return true }
        guard let open = cell.firstIndex(of: "("), let close = cell[open...].firstIndex(of: ")") else { return false }
        let inside = contentStems(of: cell[cell.index(after: open)..<close])
        let outside = contentStems(of: cell[..<open] + cell[cell.index(after: close)...])
        return [inside, outside].contains { !$0.isEmpty && $0.isSubset(of: asked) }
    }

    /// Row ids as a JSON array, for `IN (SELECT value FROM json_each(?))`.
    private static func jsonList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    /// The question's content words, as stems: not its function words, cue
    /// words or the words that only shaped it ("what happens"). Numbers
    /// count: in a support matrix the rows and columns are releases
    /// ("1909" in the row "1909 (10.0.18363)", the column "ConfigMgr 1902").
    static func askedStemsForCells(_ parsed: ParsedQuestion) -> Set<String> {
        Set(parsed.tokens.filter {
            !Words.isStopWord($0.word) && !IntentDetector.cueWords.contains($0.word)
                && !parsed.intentPositions.contains($0.position) && $0.word.contains(where: { $0.isLetter || $0.isNumber })
        }.map(\.stem))
    }

    /// The cell of `table` whose column heading the question names in full
    /// and whose row label holds the most of its other words (by weight):
    /// only when that row is the one best row, and its words weigh at least
    /// half the rarest of those words (a shared "content" alone picks no row).
    private func meeting(in table: MatrixTable, asked: Set<String>, tokens: [Token],
                         weights: [String: Double]) -> (table: MatrixTable, row: Int, column: Int, score: Double)? {
        guard table.rows.count >= 2, let header = table.rows.first?.cells, header.count >= Self.lookupColumns else { return nil }
        let headerStems = Self.contentStems(of: header)
        let named = header.indices.dropFirst().filter { Self.names(column: header[$0], asked: asked) }
        // One column named: two would ask for a comparison of them, which the whole row gives.
        // In a lookup table, naming the keys ("what does exit code 7 mean") asks for the other column.
        let column: Int
        if named.count == 1 {
            column = named[0]
        } else if named.isEmpty, header.count == Self.lookupColumns, Self.names(column: header[0], asked: asked) {
            column = 1
        } else {
            return nil
        }
        let rowWords = asked.subtracting(headerStems.reduce(into: Set<String>()) { $0.formUnion($1) })
        let scored = table.rows.indices.dropFirst().compactMap { index -> (row: Int, score: Double)? in
            let cells = table.rows[index].cells
            guard cells.count > column, !cells[column].isEmpty, let label = cells.first else { return nil }
            let held = Set(Words.tokens(label).map(\.stem)).intersection(rowWords)
            let score = Words.orderedSum(held) { weights[$0] ?? 0 }
            return score > 0 ? (index, score) : nil
        }.sorted { $0.score > $1.score }
        let rarest = rowWords.map { weights[$0] ?? 0 }.max() ?? 0
        guard let top = scored.first, top.score >= rarest / 2,
              scored.count == 1 || scored[1].score < top.score else { return nil }
        // A row picked by numbers alone ("1909 (10.0.18363)") is the one the
        // question means only if the name it gives the number is the rows'
        // ("Windows 10 1909" in a column "Windows 10 version"), not another
        // thing's ("SQL Server 2019" is not the row "Enterprise LTSC 2019").
        let label = Set(Words.tokens(table.rows[top.row].cells[0]).map(\.stem))
        let held = label.intersection(rowWords)
        if !held.contains(where: { $0.contains(where: \.isLetter) }) {
            let names = label.union(headerStems[0])
            for position in tokens.indices where held.contains(tokens[position].stem) {
                // A number alone ("what does 7 mean?") names nothing.
                let before = tokens[..<position].lastIndex { !Words.isStopWord($0.word) }
                guard let before, position - before <= 2, names.contains(tokens[before].stem) else { return nil }
            }
        }
        return (table, top.row, column, top.score)
    }
}

/// A table read for `tableCellAnswer`: rows in order, the header first.
struct MatrixTable {
    let documentID: Int64
    /// Where the table's section stands among those the question's words found.
    let sectionRank: Int
    let anchor: String
    let heading: String
    var rows: [(line: Int, cells: [String])] = []
}
