import GRDB

/// "Find the message the kiosk shows: - [Badge outside its window](#window)":
/// a list of links to the document's own sections names each symptom, and
/// its words match a question about that symptom best, while what to know is
/// in the section it links to (its cause, its workaround). A quote that ends
/// with such a link is answered by that section too: its own text, then each
/// of its subsections by heading and first sentences.
extension AnswerEngine {
    /// Subsections of a linked section that are quoted, at most.
    static let linkedSubsections = 4
    /// Lines after a quote's first that the link it ends with may start on.
    static let linesToALinkQuoted = 4
    /// Sentences of the linked section, and of each subsection, that are quoted.
    static let linkedSectionSentences = 2

    /// `answer` with each quote that is a link to a section of its own
    /// document (the whole of the quote's last part) answered by that section.
    func quotingSectionsLinkedTo(_ answer: Answer) -> Answer {
        var answer = answer
        for index in answer.items.indices where answer.items[index].kind == "text" {
            let item = answer.items[index]
            guard let (cite, text) = sectionLinked(from: item.source, quoting: item.text) else { continue }
            answer.items[index].text = item.text + Self.nestedSeparator + text
            answer.items[index].source = cite
            answer.items[index].derivation.append(
                "a link to a section of its document (\(item.source.path):\(item.source.line)), quoted with that section's text")
        }
        return answer
    }

    /// The section of the same document that the link on the line `cite`
    /// points at, when the quote ends with that link's whole text: where it
    /// starts, and its text (see `quotingSectionsLinkedTo`); nil otherwise.
    func sectionLinked(from cite: Citation, quoting quoted: String) -> (Citation, String)? {
        try? knowledgeBase.store.read { db -> (Citation, String)? in
            // On the quote's line, or a few lines on: a lead-in quoted with the first item it introduces.
            let links = try Row.fetchAll(db, sql: """
                SELECT text, target_anchor FROM links
                WHERE document_id = ? AND line BETWEEN ? AND ? AND target_document_id = document_id
                  AND target_anchor IS NOT NULL
                ORDER BY line
                """, arguments: [cite.documentID, cite.line, cite.line + Self.linesToALinkQuoted])
            let quotedEnd = quoted.collapsingWhitespace
            guard let link = links.first(where: { row in
                      let text = (row["text"] as String).collapsingWhitespace
                      return !text.isEmpty && quotedEnd.hasSuffix(text)
                  }),
                  let target = try Row.fetchOne(db, sql: """
                      SELECT \(FoundSection.columns) FROM sections WHERE id = (
                          SELECT section_id FROM anchors WHERE document_id = ? AND anchor = ? LIMIT 1)
                      """, arguments: [cite.documentID, link["target_anchor"] as String]) else { return nil }
            // A link to the quote's own section adds nothing the quote's section does not say.
            guard target["anchor"] as String != cite.anchor else { return nil }
            let section = FoundSection(row: target, path: cite.path)
            func text(of section: FoundSection) -> String { section.lines.filter { !$0.isEmpty }.joined(separator: " ") }
            var parts: [String] = []
            let own = text(of: section)
            if !own.isEmpty { parts.append(leadingSentences(own, Self.linkedSectionSentences)) }
            let children = try Row.fetchAll(db, sql: """
                SELECT \(FoundSection.columns) FROM sections WHERE parent_id = ? ORDER BY line LIMIT ?
                """, arguments: [section.id, Self.linkedSubsections])
            for child in children.map({ FoundSection(row: $0, path: cite.path) }) {
                let childText = text(of: child)
                guard !childText.isEmpty else { continue }
                parts.append(child.heading + ": " + leadingSentences(childText, Self.linkedSectionSentences))
            }
            guard !parts.isEmpty else { return nil }
            var start = cite
            start.line = target["line"]
            start.anchor = target["anchor"]
            return (start, parts.joined(separator: "; "))
        } ?? nil
    }
}
