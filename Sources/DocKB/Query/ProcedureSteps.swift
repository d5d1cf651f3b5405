import GRDB

/// "How do I make the relay skip these badges?" asks for a procedure. The
/// sentence that matches its words best is often one step of it ("add the
/// badge numbers to a text file"), and the step that finishes the job (a
/// setting, a registry value) shares fewer words. A how-to question whose
/// first quote is a step of a short numbered procedure is answered with
/// every step, the quoted one whole and the others by their first sentence
/// (a step ending in a colon whole, with the command line it introduces).
/// A step that says when to take it ("If you use X, set Y") is an option,
/// whole by itself, and is quoted alone.
extension AnswerEngine {
    /// The most steps a procedure quoted whole may have.
    static let longestQuotedProcedure = 12
    /// Lists nested deeper are flattened by the parser.
    static let deepestNesting = 64

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
        // "If you don't want X, specify /Y.": a step that says when to take it is an option,
        // whole by itself, not a stage of the sequence.
        guard let step = steps.items.first(where: { $0.line == steps.quotedStep }),
              Words.tokens(step.text).first?.word != "if" else { return answer }
        // A step ending in a colon is quoted with the line it introduces, and so whole.
        let text = steps.items.enumerated().map { number, step in
            "\(number + 1). " + (step.line == steps.quotedStep || step.introduced != nil ? step.text : firstSentence(of: step.text))
                + (step.introduced.map { " " + $0 } ?? "")
        }.joined(separator: "; ")
        answer.items[first].text = steps.heading + ProseQuote.headingSeparator + text
        answer.items[first].source.line = steps.line
        answer.items[first].derivation.append("quoted with every step of the procedure it is step of (a how-to question)")
        return answer
    }

    /// A procedure's steps: each item's first line, and the line after it
    /// when that one ends in a colon ("type the following command:").
    struct Procedure {
        var heading: String
        var line: Int
        /// The line of the step the quote is, or is nested in.
        var quotedStep: Int
        var items: [(line: Int, text: String, introduced: String?)]
    }

    /// The numbered list one of whose items starts on the line `cite`
    /// points at, or holds the item nested in it that does ("<drive>: the
    /// drive to recover" under "type the following command:"), when it has
    /// at most `longestQuotedProcedure` items.
    func procedure(steppedAt cite: Citation) -> Procedure? {
        try? knowledgeBase.store.read { db -> Procedure? in
            // An item, with its list and whether that list is numbered, and the item that list is nested in.
            let itemWithList = "SELECT list_items.line, lists.id AS list, lists.ordered, lists.parent_item_id AS parent "
                + "FROM list_items JOIN lists ON lists.id = list_items.list_id"
            guard var item = try Row.fetchOne(db, sql: itemWithList + " WHERE lists.document_id = ? AND list_items.line = ?",
                                              arguments: [cite.documentID, cite.line]) else { return nil }
            // Up through the items an unnumbered list is nested in, to the first numbered list
            // (no deeper than the parser keeps nesting, whatever a damaged database holds).
            for _ in 0..<Self.deepestNesting where !(item["ordered"] as Bool) {
                guard let parent = item["parent"] as Int64?,
                      let up = try Row.fetchOne(db, sql: itemWithList + " WHERE list_items.id = ?", arguments: [parent])
                else { return nil }
                item = up
            }
            guard item["ordered"] as Bool, let list = try Row.fetchOne(db, sql: """
                    SELECT lists.line, sections.heading FROM lists JOIN sections ON sections.id = lists.section_id
                    WHERE lists.id = ?
                    """, arguments: [item["list"] as Int64]) else { return nil }
            let rows = try Row.fetchAll(db, sql: """
                SELECT line, text FROM list_items WHERE list_id = ? ORDER BY position LIMIT ?
                """, arguments: [item["list"] as Int64, Self.longestQuotedProcedure + 1])
            guard rows.count <= Self.longestQuotedProcedure else { return nil }
            let steps = rows.map { row -> (line: Int, text: String, introduced: String?) in
                let lines = (row["text"] as String).split(separator: "\n").map { String($0).collapsingWhitespace }
                let first = lines.first ?? ""
                let introduced = first.hasSuffix(":") && lines.count > 1 && lines[1].count <= Self.longestIntroducedCommand
                    ? lines[1] : nil
                return (row["line"], first, introduced)
            }
            guard steps.allSatisfy({ !$0.text.isEmpty }) else { return nil }
            return Procedure(heading: list["heading"], line: list["line"], quotedStep: item["line"], items: steps)
        } ?? nil
    }

    private func firstSentence(of text: String) -> String {
        let first = leadingSentences(text, 1)
        return first.count <= Self.longestQuotedSentence ? first : text
    }
}
