import GRDB

/// "Which components are downloaded automatically?", "which components
/// does Windows enable by default?": the components of the one table whose
/// heading and lead-in prose say what the question says of them.
extension AnswerEngine {
    /// Below this weighted share of the question's other words, a group's text does not describe it.
    static let categoryThreshold = 0.5

    /// Lists the components of the best-described group; false when the
    /// question asks for no components, or no group, or several alike, fit it.
    @discardableResult
    func categoryAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) -> Bool {
        // Components are what prerequisite and dependency tables list.
        guard let (kind, used) = IntentDetector().listKind(parsed.tokens.map(\.stem)),
              kind == .components || kind == .requirements else { return false }
        let asked = parsed.tokens.filter {
            !used.contains($0.position) && !Words.isStopWord($0.word) && !parsed.intentPositions.contains($0.position)
                && !Self.cueStems.contains($0.stem) && !Self.genericAskingStems.contains($0.stem)
        }.map(\.stem)
        guard !asked.isEmpty else { return false }
        let alternatives = parsed.alternativeStems
        var groups: [String: [ComponentRow]] = [:]
        for c in knowledgeBase.components { groups[c.category ?? "", default: []].append(c) }
        let scored = groups.filter { !$0.key.isEmpty }.map { category, rows in
            (category, rows, overlap(asked, category + " " + leadIn(of: rows[0].cite), alternatives: alternatives))
        }.sorted { ($0.2, $1.0) > ($1.2, $0.0) }
        // One group must fit clearly: two alike say the question does not tell them apart.
        guard let best = scored.first, best.2 >= Self.categoryThreshold,
              scored.dropFirst().first.map({ $0.2 < best.2 }) ?? true else { return false }
        b.answer.heading = "Components: \(best.0)"
        var seen = Set<String>()
        for c in best.1 where seen.insert(c.label.lowercased()).inserted {
            b.add(group: "Components listed under “\(best.0)”", kind: "component", text: c.label, cite: c.cite,
                  route: "component of the table whose heading and lead-in match the question (\(Int(best.2 * 100))%)",
                  rule: ruleName("components", c.id, c.name))
        }
        return true
    }

    /// The prose of a section before and around its tables (not their rows):
    /// what it says of everything it lists ("Windows enables these by default").
    private func leadIn(of cite: Citation) -> String {
        let body = (try? knowledgeBase.store.read { db in
            // The sections table, not the full-text one: its document index finds the row without a scan.
            try String.fetchOne(db, sql: """
                SELECT body FROM sections WHERE document_id = ? AND anchor = ? ORDER BY id LIMIT 1
                """, arguments: [cite.documentID, cite.anchor])
        }) ?? nil
        return (body ?? "").split(separator: "\n").filter { !$0.contains(" | ") }.joined(separator: " ")
    }
}
