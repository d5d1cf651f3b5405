import GRDB

/// "Is Windows Server 2019 supported for a primary site server?": a list
/// item ("Primary site") says so only together with its headings ("Windows
/// Server 2019" › "Site servers") and the sentence that introduces its list
/// ("Starting in version 1810, this OS version is supported for the
/// following roles:"). No one sentence holds the question's words, so when
/// none does, an item that holds some of them, with its headings and
/// lead-ins holding the rest, is quoted with them.
extension AnswerEngine {
    /// Sections the full-text index ranks highest for any of the words, whose items are looked at.
    static let sectionsForItems = 40
    /// Headings above a section that are read for its items (documents nest a few levels deep).
    static let headingsAbove = 6

    /// A section's row with its text, one entry per line of `body`.
    private struct SectionText {
        var row: SectionRow
        var body: [String]
        var bodyLines: [Int]
    }

    func itemsInContext(wanted: Set<String>, words: [String], parsed: ParsedQuestion) -> [ProseQuote] {
        guard wanted.count >= 2 else { return [] }
        var sections: [Int64: SectionText] = [:]
        func section(_ id: Int64, _ db: Database) throws -> SectionText? {
            if let known = sections[id] { return known }
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, parent_id, document_id, level, heading, anchor, line, body, body_lines FROM sections WHERE id = ?
                """, arguments: [id]) else { return nil }
            let body: String = row["body"]
            let lines: String = row["body_lines"]
            let text = SectionText(row: SectionRow(id: row["id"], documentID: row["document_id"], parentID: row["parent_id"],
                                                   level: row["level"], heading: row["heading"], anchor: row["anchor"],
                                                   line: row["line"]),
                                   body: body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                                   bodyLines: lines.split(separator: " ").compactMap { Int($0) })
            sections[id] = text
            return text
        }
        let query = words.map { "\"" + $0 + "\"" }.joined(separator: " OR ")
        let found: [(section: SectionText, chain: [SectionText])] = (try? knowledgeBase.store.read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT ref_id FROM search WHERE search MATCH ? AND kind = 'section' ORDER BY rank LIMIT ?
                """, arguments: [query, Self.sectionsForItems])
            return try ids.compactMap { id -> (SectionText, [SectionText])? in
                guard let own = try section(id, db) else { return nil }
                var chain: [SectionText] = []
                var parent = own.row.parentID
                while let id = parent, chain.count < Self.headingsAbove, let next = try section(id, db) {
                    chain.append(next)
                    parent = next.row.parentID
                }
                return (own, chain)
            }
        }) ?? []
        var quotes: [ProseQuote] = []
        for (rank, candidate) in found.enumerated() {
            let items = listItemLines(ofSection: candidate.section.row.id).leads
            // "Since which version is X supported?" under "### X": the section's
            // opening sentence ("Starting with version 1910, you can use this
            // version ...") says it of its heading, as an item does.
            let opening = parsed.intent == .version
                ? candidate.section.body.firstIndex(where: { !$0.isEmpty && !items.contains($0) }) : nil
            guard !items.isEmpty || opening != nil else { continue }
            guard let document = knowledgeBase.document(candidate.section.row.documentID) else { continue }
            // The headings, outermost first, and each ancestor's last line if it introduces what follows.
            let ancestors = Array(candidate.chain.reversed())
            let leadIns = ancestors.compactMap { $0.body.last(where: { !$0.isEmpty }) }.filter { $0.hasSuffix(":") }
            let headings = (ancestors + [candidate.section]).map(\.row.heading)
            let context = Set((headings + leadIns).flatMap { stems($0) })
            var leadIn: String?
            for (index, body) in candidate.section.body.enumerated() where !body.isEmpty {
                var line = body
                if index == opening, let first = sentences(of: body).first, first.contains(where: \.isNumber) {
                    line = first
                } else if !items.contains(line) {
                    leadIn = line.hasSuffix(":") ? line : nil
                    continue
                }
                let own = Set(Self.expanded(Words.tokens(line).filter { !Words.isStopWord($0.word) }, lexicon.expansions))
                let around = context.union(leadIn.map { Set(stems($0)) } ?? [])
                // The item says something its headings do not (the opening sentence: its
                // number), and with them holds every word.
                guard index == opening || !own.intersection(wanted).subtracting(around).isEmpty,
                      wanted.isSubset(of: own.union(around)),
                      line.count <= Self.longestQuotedSentence else { continue }
                var cite = Citation(documentID: document.id, path: document.path, line: candidate.section.row.line,
                                    anchor: candidate.section.row.anchor)
                let recorded = candidate.section.bodyLines.count == candidate.section.body.count
                if recorded { cite.line = candidate.section.bodyLines[index] }
                let said = (leadIns + [index == opening ? nil : leadIn].compactMap { $0 }).joined(separator: " … ")
                // An item that leads into a list nested in it ("... the following types:") says what
                // it says through that list: the nested items come with it.
                if index != opening, line.hasSuffix(":") {
                    let nested = nestedItemTexts(under: line, inSection: candidate.section.row.id)
                    if !nested.isEmpty { line += " " + nested.joined(separator: "; ") }
                }
                quotes.append(ProseQuote(sentence: headings.joined(separator: ProseQuote.headingSeparator) + ": " + (said.isEmpty ? "" : said + " ") + line,
                                         heading: candidate.section.row.heading, cite: cite, sectionID: candidate.section.row.id,
                                         defines: false, holdsEveryWord: false, citedAtHeading: !recorded,
                                         coverage: own.intersection(wanted).count, closeness: 2, position: rank,
                                         underHeadings: true, item: index == opening ? nil : line))
            }
        }
        return quotes.sorted { (-$0.coverage, $0.position) < (-$1.coverage, $1.position) }
    }

    /// The items of the lists nested in the item of `sectionID` whose text is
    /// `item`, in order, each by its first line (not the notes under it).
    private func nestedItemTexts(under item: String, inSection sectionID: Int64) -> [String] {
        let texts = (try? knowledgeBase.store.read { db in
            try String.fetchAll(db, sql: """
                SELECT nested.text FROM list_items nested JOIN lists ON lists.id = nested.list_id
                WHERE lists.parent_item_id IN (
                    SELECT lead.id FROM list_items lead JOIN lists lead_list ON lead_list.id = lead.list_id
                    WHERE lead_list.section_id = ? AND lead.text = ?)
                ORDER BY lists.line, nested.position
                """, arguments: [sectionID, item])
        }) ?? []
        return texts.map { String($0.prefix { $0 != "\n" }) }.filter { !$0.isEmpty }
    }
}
