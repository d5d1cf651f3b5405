import Foundation

/// Tables keyed by release ("1802 | May 1, 2018 | No earlier than May 1,
/// 2020"): a question that names one release and words of the table's
/// section ("when does support end for the 1802 agent?") is answered by
/// that release's row. The number is read as a stated version, so
/// statements naming the release elsewhere (or another release, near the
/// same words) answered instead, and no sentence holds the row's cells.
extension AnswerEngine {
    static let keyedRowGroup = "The table row of the release the question names"

    /// Puts the row first, or makes it the answer when there was none.
    func keyedRowAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        guard let release = parsed.stated.version, release.first?.isNumber ?? false else { return }
        // One release: "upgrading 1606 clients to 1802" asks about the step between them, not either row.
        guard parsed.tokens.filter({ $0.word.allSatisfy(\.isNumber) }).count == 1 else { return }
        // The question's other words find the section: the release alone would find every support matrix.
        let cellWords = Self.askedStemsForCells(parsed)
        let words = Array(Set(parsed.tokens.filter {
            cellWords.contains($0.stem) && !$0.isAlternative && $0.word.contains(where: \.isLetter)
        }.map(\.word))).sorted()
        guard !words.isEmpty else { return }
        // A line holding every other word asked answers already.
        let asked = Set(Self.otherAskedStems(parsed))
        guard !b.answer.items.contains(where: { asked.isSubset(of: Self.spellingOut(asked, in: Set(stems($0.text)), lexicon.expansions)) })
        else { return }
        // The first table, best section first, with a row keyed by the release; only when one row is.
        guard let (table, index) = tables(ofSectionsMatching: words).lazy
                  .compactMap({ table in Self.row(keyedBy: release, in: table).map { (table, $0) } }).first,
              let path = knowledgeBase.document(table.documentID)?.path else { return }
        let row = table.rows[index], header = table.rows[0].cells
        let others = row.cells.indices.dropFirst().filter { !row.cells[$0].isEmpty }
            .map { ($0 < header.count && !header[$0].isEmpty ? header[$0] + ": " : "") + row.cells[$0] }
        guard !others.isEmpty else { return }
        // An answer quoting the row already (a table cell's) needs it no more.
        guard !b.answer.items.contains(where: { item in others.allSatisfy { item.text.contains($0) } }) else { return }
        if !b.answer.found { b.answer.heading = "What the table under “\(table.heading)” says" }
        let count = b.answer.items.count
        b.add(group: Self.keyedRowGroup, kind: "table_cell", text: row.cells[0] + " — " + others.joined(separator: "; "),
              cite: Citation(documentID: table.documentID, path: path, line: row.line, anchor: table.anchor),
              route: "the row “\(row.cells[0])” of a table of section “\(table.heading)”, keyed by the release the question names",
              rule: "table row")
        let added = Set(b.answer.items.dropFirst(count).map(\.number))
        b.bringForward(group: Self.keyedRowGroup) { added.contains($0.number) ? $0.number : nil }
    }

    /// The one row of `table` (not its header) whose first cell holds
    /// `release` as a word of its own ("1802 5.00.8634"; not "18021").
    static func row(keyedBy release: String, in table: MatrixTable) -> Int? {
        guard table.rows.count >= 2 else { return nil }
        let keyed = table.rows.indices.dropFirst().filter { index in
            guard let key = table.rows[index].cells.first else { return false }
            return Words.tokens(key).contains { $0.word == release.lowercased() }
        }
        return keyed.count == 1 ? keyed[0] : nil
    }
}
