import GRDB

/// "Only the top-level site supports these roles.": a paragraph right after
/// a list often names the list's items with "these" or "those" and a noun,
/// and quoted alone it does not say which they are. Such a quote is given
/// the items of the list it follows.
extension AnswerEngine {
    /// Items of a referred-back list that are quoted.
    static let referredListItems = 12

    /// `answer` with each quote that refers back to the list right before it
    /// followed by that list's items.
    func quotingListsReferredBack(_ answer: Answer) -> Answer {
        var answer = answer
        for index in answer.items.indices {
            let item = answer.items[index]
            guard Self.refersBack(firstSentenceOf: item.text),
                  let listed = listRightBefore(item.source), !listed.isEmpty else { continue }
            answer.items[index].text += Self.nestedSeparator + listed.joined(separator: "; ")
            answer.items[index].derivation.append("quoted with the list right before it, which its \"these\" names")
        }
        return answer
    }

    /// The first sentence names something with "these" or "those" and a
    /// word ("these roles"), not what follows ("these steps:", "the following").
    static func refersBack(firstSentenceOf text: String) -> Bool {
        let end = text.firstIndex { ".:!?".contains($0) } ?? text.endIndex
        guard end == text.endIndex || text[end] != ":" else { return false }
        let tokens = Words.tokens(String(text[..<end]))
        return zip(tokens, tokens.dropFirst()).contains { demonstrative, next in
            (demonstrative.word == "these" || demonstrative.word == "those") && !Words.isStopWord(next.word)
                && next.word != "following" && next.word.allSatisfy(\.isLetter)
        }
    }

    /// The items of the list that ends right before the line `cite` points
    /// at, in its section, with no other paragraph between; nil if none does.
    func listRightBefore(_ cite: Citation) -> [String]? {
        try? knowledgeBase.store.read { db -> [String]? in
            guard let section = try FoundSection.cited(by: cite, in: db) else { return nil }
            let lines = section.lines
            guard let at = section.lineIndex(citing: cite.line),
                  let before = lines[..<at].lastIndex(where: { !$0.isEmpty }) else { return nil }
            // The line before is an item of a top-level list of the section: that list's items, in order.
            let rows = try Row.fetchAll(db, sql: """
                SELECT list_items.text, list_items.line FROM list_items
                WHERE list_items.list_id = (
                    SELECT lists.id FROM lists JOIN list_items AS last ON last.list_id = lists.id
                    WHERE lists.section_id = ? AND lists.parent_item_id IS NULL AND last.line <= ?
                    ORDER BY last.line DESC LIMIT 1)
                ORDER BY list_items.position
                """, arguments: [section.id, section.cite(atLine: before).line])
            let items: [String] = rows.map { ($0["text"] as String).collapsingWhitespace }
            guard items.last == lines[before].collapsingWhitespace else { return nil }
            return items.count > Self.referredListItems ? Array(items.prefix(Self.referredListItems)) + ["…"] : items
        } ?? nil
    }
}
