import GRDB

/// The last resort of a question no typed row answers ("what is a boundary
/// group?"): sentences of the documents' prose that hold every word of it,
/// found through the sections' full-text index and cited by section.
extension AnswerEngine {
    /// Sentences longer than this are tables or lists run together, not statements.
    static let longestQuotedSentence = 400
    static let wordsBesidesTheQuestion = 3

    /// Verbs that, right after a name, say what it is or does ("X is", "X lets").
    static let definingVerbs: Set<String> = ["is", "are", "lets", "let", "helps", "help", "enables", "enable", "provides", "provide", "defines", "define"]

    /// The sentence defines the words: they stand together and are followed
    /// by a defining verb ("peer cache is ..."), or are what one uses to do
    /// something ("you use boundary groups to ...").
    static func defines(_ wanted: Set<String>, in tokens: [Token]) -> Bool {
        let stems = tokens.map(\.stem)
        for start in stems.indices {
            let end = start + wanted.count
            guard end <= stems.count, Set(stems[start..<end]) == wanted else { continue }
            // "X is" at the head of the sentence, not in a clause ("... associated with X is").
            if start <= 3, end < tokens.count, definingVerbs.contains(tokens[end].word) { return true }
            let before = tokens[max(0, start - 4)..<start].map(\.word)
            if end < tokens.count, tokens[end].word == "to", before.contains("use") { return true }
        }
        return false
    }

    /// A table row whose first cell, a short key, holds a word of the
    /// question ("/mp:SMSMP01 | This parameter specifies ..."): the row says
    /// what its key is, as a definition does.
    static func isRowKeyedBy(_ wanted: Set<String>, _ sentence: String) -> Bool {
        guard let separator = sentence.range(of: " | ") else { return false }
        let key = Words.tokens(String(sentence[..<separator.lowerBound]))
        return key.count <= maximumKeyWords && key.contains { wanted.contains($0.stem) }
    }

    /// Words a table row's key may have and still name one thing.
    static let maximumKeyWords = 4

    /// "..., see X": the words name a place to read, not a statement about them.
    static func pointsElsewhere(_ wanted: Set<String>, _ tokens: [Token]) -> Bool {
        guard let see = tokens.firstIndex(where: { $0.word == "see" }) else { return false }
        return !tokens[..<see].contains { wanted.contains($0.stem) }
    }

    /// A sentence of a section's prose, with what ranks it.
    struct ProseQuote {
        var sentence: String
        var heading: String
        var cite: Citation
        var sectionID: Int64
        var defines: Bool
        var order: (Int, Int, Int)
    }

    /// Sentences of the sections the full-text index finds for every content
    /// word of the question, each holding all of them, best first.
    func proseQuotes(_ parsed: ParsedQuestion) -> [ProseQuote] {
        // A switch the question asks about is a word to find, written as a switch.
        let switches = parsed.askedSwitches
        let words = Array(Set(parsed.tokens.filter {
            !Words.isStopWord($0.word) && !IntentDetector.cueWords.contains($0.word)
                && (!$0.isSwitch || switches.contains($0.word)) && $0.word.allSatisfy { $0.isLetter || $0.isNumber }
        }.map(\.word))).sorted()
        guard !words.isEmpty else { return [] }
        let wanted = Set(words.map(Words.stem))
        let sections = (try? knowledgeBase.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT ref_id, title, body, document_id, line, anchor FROM search
                WHERE search MATCH ? AND kind = 'section' ORDER BY rank LIMIT 8
                """, arguments: [words.map { "\"\($0)\"" }.joined(separator: " AND ")])
        }) ?? []
        var quotes: [ProseQuote] = []
        for (rank, row) in sections.enumerated() {
            let documentID: Int64 = row["document_id"]
            guard let document = knowledgeBase.document(documentID) else { continue }
            let cite = Citation(documentID: documentID, path: document.path, line: row["line"], anchor: row["anchor"])
            let body: String = row["body"]
            // Every word of the question in one sentence: words scattered over a section say nothing together.
            // Each line of a section's text is one block or table row: a sentence never runs across two.
            let lines = body.split(separator: "\n").flatMap { sentences(of: String($0)) }
            for sentence in lines where sentence.count <= Self.longestQuotedSentence {
                let allTokens = Words.tokens(sentence)
                let tokens = allTokens.filter { !Words.isStopWord($0.word) }
                let stems = tokens.map(\.stem)
                // A sentence that says little besides the question's words
                // ("For more information, see boundary groups") is a pointer, not a statement.
                guard wanted.isSubset(of: Set(stems)), switches.isSubset(of: allTokens.filter(\.isSwitch).map(\.word)),
                      Set(stems).subtracting(wanted).count >= Self.wordsBesidesTheQuestion,
                      !Self.pointsElsewhere(wanted, tokens) else { continue }
                // A definition first, then the question's words side by side,
                // then the sentence that names them soonest (it is about them,
                // not passing by) in the section the index ranks higher.
                let together = stems.indices.contains { wanted.isSubset(of: Set(stems[$0..<min($0 + wanted.count, stems.count)])) }
                let first = stems.firstIndex(where: wanted.contains) ?? stems.count
                let defines = Self.defines(wanted, in: allTokens) || Self.isRowKeyedBy(wanted, sentence)
                quotes.append(ProseQuote(sentence: sentence, heading: row["title"], cite: cite, sectionID: row["ref_id"],
                                         defines: defines, order: (defines ? 0 : 1, together ? 0 : 1, first + rank)))
            }
        }
        return quotes.sorted { $0.order < $1.order }
    }

    /// The last resort: up to three sentences holding every word of the question.
    func proseAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let asksWhatItIs = parsed.intent == .whatIs || parsed.intent == .purpose
        var quotes = proseQuotes(parsed)
        // Only a "what is" question prefers definitions; others keep the words-together order.
        if !asksWhatItIs { quotes.sort { ($0.order.1, $0.order.2) < ($1.order.1, $1.order.2) } }
        guard !quotes.isEmpty else { return }
        // Whatever an intent handler found of a subject, it stated nothing: the heading is the prose's.
        b.answer.heading = "What the documents' text says"
        b.answer.subject = nil
        for q in quotes.prefix(3) { add(q, group: "Sentences holding every word of the question", &b) }
    }

    /// "What is X" about a subject no row describes: the sentence defining
    /// it, if the prose has one, leads the subject's rules.
    func definitionLead(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        guard let definition = proseQuotes(parsed).first(where: \.defines) else { return }
        add(definition, group: "Definition", &b)
    }

    private func add(_ q: ProseQuote, group: String, _ b: inout AnswerBuilder) {
        b.add(group: group, kind: "text", text: q.sentence, cite: q.cite,
              route: "sentence of section “\(q.heading)” (cited at its heading), found by full-text search",
              rule: ruleName("sections", q.sectionID, q.heading))
    }
}
