import GRDB

/// Troubleshooting sections state a problem under its own heading and the
/// fix under a short heading of the remedy kind right after it ("Reports
/// fail to open" › "Workaround"). A quote of the problem alone repeats the
/// symptom back to someone who asked how to fix it, so such a quote is
/// followed by the remedy, cited where it is written.
extension AnswerEngine {
    /// Headings that name a remedy (the words of troubleshooting articles in
    /// general, not of any one document).
    static let remedyHeadings: Set<String> = ["workaround", "workarounds", "resolution", "solution", "fix", "remedy", "mitigation"]

    /// `answer` with each quote from a section that a remedy section follows
    /// (nested under it, or next at its level) followed by that remedy.
    func quotingRemedies(_ answer: Answer) -> Answer {
        var answer = answer
        var sectionsDone: Set<String> = []
        var index = 0
        while index < answer.items.count {
            let item = answer.items[index]
            index += 1
            guard item.kind == "text", sectionsDone.insert("\(item.source.documentID)#\(item.source.anchor)").inserted,
                  let remedy = remedy(after: item.source),
                  // Not when the answer quotes the remedy already.
                  !answer.items.contains(where: { $0.source.documentID == remedy.cite.documentID && $0.source.line == remedy.cite.line })
            else { continue }
            answer.items.insert(AnswerItem(
                number: 0, group: item.group, kind: "text", text: remedy.heading + ": " + remedy.text, status: .met,
                condition: nil, conditionText: nil, dependsOn: [], source: remedy.cite,
                derivation: ["rule      the remedy a troubleshooting section gives under “\(remedy.heading)”",
                             "reached   the section right after the one item \(item.number) quotes, headed as a remedy"]),
                at: index)
            index += 1
        }
        for position in answer.items.indices { answer.items[position].number = position + 1 }
        return answer
    }

    /// The remedy section right after the section `cite` is in: its heading
    /// and its first paragraph (with the lines that paragraph introduces).
    func remedy(after cite: Citation) -> (heading: String, text: String, cite: Citation)? {
        try? knowledgeBase.store.read { db -> (heading: String, text: String, cite: Citation)? in
            guard let quoted = try Row.fetchOne(db, sql: """
                    SELECT level, line FROM sections WHERE document_id = ? AND anchor = ?
                    """, arguments: [cite.documentID, cite.anchor]),
                  let next = try Row.fetchOne(db, sql: """
                    SELECT level, \(FoundSection.columns) FROM sections
                    WHERE document_id = ? AND line > ? ORDER BY line LIMIT 1
                    """, arguments: [cite.documentID, quoted["line"] as Int]) else { return nil }
            let section = FoundSection(row: next, path: cite.path), heading = section.heading
            guard next["level"] as Int >= quoted["level"] as Int, Self.namesARemedy(heading) else { return nil }
            guard let first = section.lines.firstIndex(where: { !$0.isEmpty }) else { return nil }
            var text = section.lines[first]
            if text.hasSuffix(":") {
                let listed = Self.linesIntroduced(after: first, in: section.lines, items: listItemLines(ofSection: section.id),
                                                  goesOnInItsBlock: section.lineBreaksOff(after: first))
                if !listed.isEmpty { text += " " + listed.joined(separator: "; ") }
            }
            return (heading, text, section.cite(atLine: first))
        } ?? nil
    }

    /// The heading is a remedy's name and nothing more ("Workaround", "Resolution").
    static func namesARemedy(_ heading: String) -> Bool {
        let words = Words.tokens(heading).map(\.word)
        return words.count == 1 && remedyHeadings.contains(words[0])
    }
}
