import GRDB

/// "How do I make the relay skip these badges?" asks for a procedure. The
/// sentence that matches its words best is often one step of it ("add the
/// badge numbers to a text file"), and the step that finishes the job (a
/// setting, a registry value) shares fewer words. A how-to question whose
/// first quote is a step of a short numbered procedure is answered with
/// every step, the quoted one whole and the others by their first sentence.
/// A step that says when to take it ("If you use X, set Y") is an option,
/// whole by itself, and is quoted alone.
extension AnswerEngine {
    /// The most steps a procedure quoted whole may have.
    static let longestQuotedProcedure = 12

    /// "how do I ...", "how can we ...", "how to ...": not "how long", "how many".
    static func asksHowTo(_ question: String) -> Bool {
        let words = Words.tokens(question).map(\.word)
        return zip(words, words.dropFirst()).contains { how, next in
            how == "how" && ["do", "can", "could", "should", "would", "to"].contains(next)
        }
    }

    /// `answer` with its first quote, when it is a step of a short numbered
    /// list, replaced by every step of that list.
    func quotingProcedure(_ answer: Answer) -> Answer {
        guard Self.asksHowTo(answer.question), let first = answer.items.firstIndex(where: { $0.kind == "text" }),
              let steps = procedure(steppedAt: answer.items[first].source), steps.items.count >= 2 else { return answer }
        var answer = answer
        let quoted = answer.items[first]
        // "If you don't want X, specify /Y.": a step that says when to take it is an option,
        // whole by itself, not a stage of the sequence.
        guard let step = steps.items.first(where: { $0.line == quoted.source.line }),
              Words.tokens(step.text).first?.word != "if" else { return answer }
        let text = steps.items.enumerated().map { number, step in
            "\(number + 1). " + (step.line == quoted.source.line ? step.text : firstSentence(of: step.text))
        }.joined(separator: "; ")
        answer.items[first].text = steps.heading + ProseQuote.headingSeparator + text
        answer.items[first].source.line = steps.line
        answer.items[first].derivation.append("quoted with every step of the procedure it is step of (a how-to question)")
        return answer
    }

    /// The numbered list one of whose items starts on the line `cite`
    /// points at: its section's heading, its first line and its items'
    /// first lines, when it has at most `longestQuotedProcedure` items.
    func procedure(steppedAt cite: Citation) -> (heading: String, line: Int, items: [(line: Int, text: String)])? {
        try? knowledgeBase.store.read { db -> (heading: String, line: Int, items: [(line: Int, text: String)])? in
            guard let list = try Row.fetchOne(db, sql: """
                    SELECT lists.id, lists.line, sections.heading FROM list_items
                    JOIN lists ON lists.id = list_items.list_id JOIN sections ON sections.id = lists.section_id
                    WHERE lists.document_id = ? AND list_items.line = ? AND lists.ordered = 1
                    """, arguments: [cite.documentID, cite.line]) else { return nil }
            let items = try Row.fetchAll(db, sql: """
                SELECT line, text FROM list_items WHERE list_id = ? ORDER BY position LIMIT ?
                """, arguments: [list["id"] as Int64, Self.longestQuotedProcedure + 1])
            guard items.count <= Self.longestQuotedProcedure else { return nil }
            let steps = items.map { row -> (line: Int, text: String) in
                let text: String = row["text"]
                return (row["line"], String(text.split(separator: "\n").first ?? "").collapsingWhitespace)
            }
            guard steps.allSatisfy({ !$0.text.isEmpty }) else { return nil }
            return (list["heading"], list["line"], steps)
        } ?? nil
    }

    private func firstSentence(of text: String) -> String {
        let first = sentences(of: text).first ?? text
        return first.count <= Self.longestQuotedSentence ? first : text
    }
}
