import GRDB

/// Sentences of the documents' prose that hold every word of a question,
/// found through the sections' full-text index and cited by the line they
/// stand on: the answer to a question no typed row answers ("what is a
/// boundary group?"), or one that rows answer only in part (see `answer`).
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

    /// How a sentence (with the lines it introduces) holds the question's words.
    struct SentenceMatch {
        var text: String
        var defines: Bool
        /// 0: every word, side by side; 1: every word; 2 and 3: the same, with the heading's help
        /// (a quote spanning sentences, `spansSentences`, is ranked as 3 too).
        var closeness: Int
        /// The sentence holds every word without the lines it introduces.
        var ownWords: Bool
        /// Where the first of the question's words stands.
        var firstWord: Int
    }

    /// The sentence as a quote for the `wanted` stems, if it is one: it
    /// names most of them itself (its section's heading at most the rest),
    /// writes the switches and file names the question asks about, and says
    /// more than the question's words ("For more information, see boundary
    /// groups" is a pointer, not a statement).
    /// An abbreviation the sentence uses ("The EIC only supports ...") holds
    /// the words of what it stands for (`expansions`, by lower-cased abbreviation).
    static func match(_ sentence: String, listing listed: [String], wanted: Set<String>, question: ParsedQuestion,
                      headingStems: Set<String>, expansions: [String: [String]] = [:]) -> SentenceMatch? {
        // Items keep their bounds in the quote: "…: first item; second item".
        let text = listed.isEmpty ? sentence : sentence + " " + listed.joined(separator: "; ")
        let allTokens = Words.tokens(text)
        let tokens = allTokens.filter { !Words.isStopWord($0.word) }
        let alternatives = question.alternativeStems
        let stems = expanded(tokens, expansions, alternatives: alternatives)
        let own = spellingOut(wanted, in: Set(stems), expansions)
        guard wanted.intersection(own).count * 2 > wanted.count, wanted.isSubset(of: own.union(headingStems)),
              // A list is quoted for what its sentence says, not for a word of its items alone.
              listed.isEmpty || !wanted.isDisjoint(with: Words.tokens(sentence).map(\.stem)),
              question.writesAskedLiterals(text, tokens: allTokens),
              // A yes/no question may be answered by the sentence it restates ("can I add X to Y?": "You can't add X to Y."),
              // and a "how many" one by the sentence that restates it with a number ("Only a single X is ...").
              own.subtracting(wanted).count >= (question.asksYesOrNo || givesAMeasureBeyond(question, sentence)
                  ? 0 : wordsBesidesTheQuestion),
              !pointsElsewhere(wanted, tokens, in: sentence), !isPointer(text) else { return nil }
        let together = stems.indices.contains { wanted.isSubset(of: Set(stems[$0..<min($0 + wanted.count, stems.count)])) }
        // A lead-in may leave one word to its items ("These TCP ports must be open on the
        // relay server:" with "Port 7002 (HTTPS)"), the rest its own.
        let leadIn = listed.isEmpty ? own
            : spellingOut(wanted, in: Set(expanded(Words.tokens(sentence).filter { !Words.isStopWord($0.word) }, expansions,
                                                   alternatives: alternatives)), expansions)
        return SentenceMatch(text: text, defines: defines(wanted, in: allTokens) || isRowKeyedBy(wanted, sentence),
                             closeness: (wanted.isSubset(of: own) ? 0 : 2) + (together ? 0 : 1),
                             ownWords: listed.isEmpty ? wanted.isSubset(of: own)
                                : wanted.subtracting(leadIn).count <= 1 && wanted.isSubset(of: own),
                             firstWord: stems.firstIndex(where: wanted.contains) ?? stems.count)
    }

    /// `question` asks for a measure and `sentence` gives one in a number the question does not write.
    static func givesAMeasureBeyond(_ question: ParsedQuestion, _ sentence: String) -> Bool {
        guard !question.measurePositions.isEmpty else { return false }
        let asked = Set(question.tokens.map(\.word))
        return numbers(in: sentence).contains { !asked.contains($0) }
    }

    /// A section the full-text index found: its heading, and its text as
    /// the lines its quotes cite. Each line of a section's text is one block
    /// or table row, so a sentence never runs across two; empty lines are
    /// kept, since the recorded source lines count them.
    struct FoundSection {
        var id: Int64
        var heading: String
        /// The title of the document the section is in.
        var documentTitle = ""
        var lines: [String]
        /// The knowledge base recorded no source line per line of the text (one from an earlier dockb).
        var citedAtHeading: Bool
        private var headingCite: Citation
        private var recordedLines: [Int]

        init(row: Row, path: String) {
            id = row["ref_id"]
            heading = row["title"]
            let body: String = row["body"]
            lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            headingCite = Citation(documentID: row["document_id"], path: path, line: row["line"], anchor: row["anchor"])
            recordedLines = (row["body_lines"] as String?)?.split(separator: " ").compactMap { Int($0) } ?? []
            citedAtHeading = recordedLines.count != lines.count
        }

        /// The columns of `sections` a `FoundSection` is read from, named as `init(row:path:)` reads them.
        static let columns = "id AS ref_id, heading AS title, body, document_id, line, anchor, body_lines"

        /// The section a quote's `cite` stands in (its document and anchor), or nil.
        static func cited(by cite: Citation, in db: Database) throws -> FoundSection? {
            try Row.fetchOne(db, sql: "SELECT \(columns) FROM sections WHERE document_id = ? AND anchor = ?",
                             arguments: [cite.documentID, cite.anchor]).map { FoundSection(row: $0, path: cite.path) }
        }

        /// The line of the text that starts on source line `line`, if one does.
        func lineIndex(citing line: Int) -> Int? {
            citedAtHeading ? nil : recordedLines.firstIndex(of: line)
        }

        /// The source line a line of the text starts on, else the section's heading.
        func cite(atLine index: Int) -> Citation {
            var cite = headingCite
            if !citedAtHeading { cite.line = recordedLines[index] }
            return cite
        }

        /// The line after line `index` is the same block's, broken off by a
        /// line break ("… is logged:" over the logged entry): each line of
        /// the text records the line its block starts on.
        func lineBreaksOff(after index: Int) -> Bool {
            !citedAtHeading && index + 1 < lines.count && !lines[index + 1].isEmpty
                && recordedLines[index + 1] == recordedLines[index]
        }
    }

    /// The sections the full-text index finds for `match`, best first.
    func sectionsMatching(_ match: String, limit: Int) -> [FoundSection] {
        let rows = (try? knowledgeBase.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT search.ref_id, search.title, search.body, search.document_id, search.line, search.anchor,
                       sections.body_lines FROM search LEFT JOIN sections ON sections.id = search.ref_id
                WHERE search MATCH ? AND search.kind = 'section' ORDER BY search.rank LIMIT ?
                """, arguments: [match, limit])
        }) ?? []
        return rows.compactMap { row in
            knowledgeBase.document(row["document_id"]).map { document in
                var section = FoundSection(row: row, path: document.path)
                section.documentTitle = document.title
                return section
            }
        }
    }

    /// Every word, for the full-text index; a name whose abbreviation the
    /// documents use may be written either way, whichever the question used:
    /// (("quartz" AND "batch" AND "service") OR "qbs") AND "drain".
    func fullTextQuery(_ words: [String], alternatives: [String: [String]] = [:]) -> String {
        var left = Set(words)
        var terms: [String] = []
        // Only names the question spells out can be grouped: those are sorted (for one query text), not all.
        // The abbreviations the question uses first, each grouped though they share words ("SUP" and
        // "WSUS" share "update"); another only when it shares no word with those ("DS" is not grouped
        // within "WDS"). Longer names first.
        let all = Set(words)
        let spelled = lexicon.expansions.filter { $0.value.contains(where: all.contains) }
            .sorted { (all.contains($0.key) ? 0 : 1, -$0.value.count, $0.key) < (all.contains($1.key) ? 0 : 1, -$1.value.count, $1.key) }
        var grouped: [Set<String>] = []
        for (abbreviation, expansion) in spelled {
            let named = expansion.filter { !Words.isStopWord($0) }
            // The parser writes an asked abbreviation's words beside it: both go into the one group.
            guard named.count >= 2, Set(named).isSubset(of: all),
                  all.contains(abbreviation) || grouped.allSatisfy({ $0.isDisjoint(with: named) }) else { continue }
            grouped.append(Set(named))
            left.subtract(named)
            left.remove(abbreviation)
            terms.append("((" + named.map(Self.quotedTerm).joined(separator: " AND ") + ") OR " + Self.quotedTerm(abbreviation) + ")")
        }
        // A word with other wordings beside it ("let" with "allow"): a section may use either.
        func term(_ word: String) -> String {
            guard let others = alternatives[word], !others.isEmpty else { return Self.quotedTerm(word) }
            return "(" + ([word] + others).map(Self.quotedTerm).joined(separator: " OR ") + ")"
        }
        return (terms + words.filter(left.contains).map(term)).joined(separator: " AND ")
    }

    /// `stems`, with each abbreviation of `wanted` whose words they hold
    /// ("management points" holds the question's "MPs").
    static func spellingOut(_ wanted: Set<String>, in stems: Set<String>, _ expansions: [String: [String]]) -> Set<String> {
        var held = stems
        for abbreviation in wanted where !stems.contains(abbreviation) {
            guard let named = longForm(of: abbreviation, expansions) else { continue }
            if Set(named).isSubset(of: stems) { held.insert(abbreviation) }
        }
        return held
    }

    /// The abbreviations among `asked` whose words `text` writes side by side
    /// ("internet-based client management" spells out IBCM; "Configuration
    /// Manager ... distribution point" does not spell out MP).
    static func spelledOut(_ asked: Set<String>, in text: String, _ expansions: [String: [String]]) -> Set<String> {
        spelledOut(asked, inStems: Words.contentStems(text), expansions)
    }

    /// `spelledOut` for a text's content stems, in order, read already.
    static func spelledOut(_ asked: Set<String>, inStems stems: [String], _ expansions: [String: [String]]) -> Set<String> {
        asked.filter { abbreviation in longForm(of: abbreviation, expansions).map { containsRun(stems, $0) } ?? false }
    }

    /// The content stems of what `abbreviation` stands for, if it stands for any.
    private static func longForm(of abbreviation: String, _ expansions: [String: [String]]) -> [String]? {
        guard let words = expansions[abbreviation] else { return nil }
        let named = words.filter { !Words.isStopWord($0) }.map(Words.stem)
        return named.isEmpty ? nil : named
    }

    /// The stems of `tokens`, each abbreviation followed by those of the
    /// words it stands for, and each other wording of a question's word
    /// (`ParsedQuestion.alternativeStems`) by the stem of that word.
    static func expanded(_ tokens: [Token], _ expansions: [String: [String]],
                         alternatives: [String: String] = [:]) -> [String] {
        guard !expansions.isEmpty || !alternatives.isEmpty else { return tokens.map(\.stem) }
        return tokens.flatMap { token -> [String] in
            var stems = [token.stem]
            if let words = expansions[token.word], !token.followsDot {
                stems += words.filter { !Words.isStopWord($0) }.map(Words.stem)
            }
            if let written = alternatives[token.stem] { stems.append(written) }
            return stems
        }
    }

    /// The lines a sentence ending in a colon introduces: the list items or
    /// table rows right after it (a section's text has one line per item,
    /// row and paragraph), at most `maximumListedLines`. In a short list,
    /// each item is quoted with the items nested under it.
    /// `goesOnInItsBlock`: the line after it is the rest of its paragraph, which the colon
    /// introduces whatever it is ("The entry logged is:" over a code line that ends in a dot).
    /// `narrowing`: for each line, the question's words it holds that the
    /// sentence introducing it lacks; see `narrowed(_:holding:)`.
    static func linesIntroduced(after lineIndex: Int, in lines: [String], items: ItemLines,
                                goesOnInItsBlock: Bool = false, narrowing: ((String) -> Set<String>)? = nil) -> [String] {
        // Read whole when they may be narrowed: the line asked for may come late in a long table.
        let limit = narrowing == nil ? maximumListedLines : longestNarrowedList
        // An item introduces the items one level below it; a paragraph, those of the list after it.
        var listLevel = items.depths[lines[lineIndex]].map { $0 + 1 }
        var introduced: [String] = []
        // The same lines with their nested items, and how many lines those are in all.
        var withNested: [String] = []
        var nestedLines = 0
        var nestedCount = 0
        for (offset, line) in lines.dropFirst(lineIndex + 1).enumerated() {
            if line.isEmpty { continue }
            // "Use this command:" introduces the command line after it, which ends as no sentence does.
            if introduced.isEmpty, items.depths[line] == nil, !line.contains(" | "),
               !endsAsAStatement(line) || (offset == 0 && goesOnInItsBlock), line.count <= longestIntroducedCommand {
                introduced.append(line)
                withNested.append(line)
                break
            }
            // An empty line is an item with no text, and a note under an item is not one: the list goes on.
            if items.under.contains(line) { continue }
            var listed = line.contains(" | ")
            if !listed {
                guard let depth = items.depths[line] else { break }
                listLevel = listLevel ?? depth
                guard let listLevel, depth >= listLevel else { break }
                // An item of a list nested deeper is part of the item it is nested in ("Value: (a
                // number)" over "The default is 4096."): quoted with it, the first few of them.
                if depth > listLevel {
                    if let last = withNested.indices.last, withNested[last] != "…", nestedCount < maximumNestedLines {
                        withNested[last] += nestedSeparator + line
                        nestedCount += 1
                        nestedLines += 1
                    }
                    continue
                }
                listed = true
                nestedCount = 0
            }
            guard listed else { continue }
            // A list cut short says so: its last lines are often what was asked ("what is tried last?").
            if introduced.count == limit {
                introduced.append("…")
                withNested.append("…")
                break
            }
            introduced.append(line)
            withNested.append(line)
        }
        // A long list (a procedure's steps and their details) is quoted by its items alone: the
        // item nested deep in it that answers is quoted in its own context (see `ItemsInContext`).
        let quoted = nestedLines > 0 && introduced.count + nestedLines <= longestListWithNestedItems ? withNested : introduced
        guard let narrowing else { return quoted }
        if let kept = narrowed(quoted, holding: narrowing) { return kept }
        return quoted.count > maximumListedLines ? Array(quoted.prefix(maximumListedLines)) + ["…"] : quoted
    }

    /// The most lines, nested items included, of a list quoted with its nested items.
    static let longestListWithNestedItems = 8

    /// The lines of `listed` that hold the most of the question's words their
    /// lead-in lacks, when other lines hold fewer: "what does error 0x5 mean?"
    /// quotes the row of that code under the sentence introducing the table,
    /// not the table. A table's first row (its header) stays first. Nil when
    /// no line holds more than another, when the kept lines would leave out a
    /// word some other line holds, or when they are too many to quote.
    static func narrowed(_ listed: [String], holding words: (String) -> Set<String>) -> [String]? {
        let lines = listed.filter { $0 != "…" }
        let held = lines.map(words)
        guard let most = held.map(\.count).max(), most > 0, held.contains(where: { $0.count < most }) else { return nil }
        let kept = lines.indices.filter { held[$0].count == most }
        let heldByKept = kept.reduce(into: Set<String>()) { $0.formUnion(held[$1]) }
        guard kept.count <= maximumListedLines, held.allSatisfy({ $0.isSubset(of: heldByKept) }) else { return nil }
        let header = lines[0].contains(" | ") && kept.first != 0 ? [lines[0]] : []
        return header + kept.map { lines[$0] }
    }

    /// The most lines of a list or table read to find those a question asks for.
    static let longestNarrowedList = 400

    /// The items nested under the item that is line `lineIndex`, the first
    /// `maximumNestedLines` of them; none when the line is no item.
    static func nestedItems(under lineIndex: Int, in lines: [String], items: ItemLines) -> [String] {
        guard let depth = items.depths[lines[lineIndex]] else { return [] }
        var nested: [String] = []
        for line in lines.dropFirst(lineIndex + 1) {
            if line.isEmpty || items.under.contains(line) { continue }
            guard let lineDepth = items.depths[line], lineDepth > depth, nested.count < maximumNestedLines else { break }
            nested.append(line)
        }
        return nested
    }

    /// Lines quoted after a sentence that introduces them.
    static let maximumListedLines = 12
    /// Items nested under a quoted item that are quoted with it.
    static let maximumNestedLines = 3
    /// What joins a nested item to the item it is nested in, in a quote.
    static let nestedSeparator = " — "
    /// The longest command line a sentence ending in a colon is quoted with.
    static let longestIntroducedCommand = 400

    /// The lines a section's list items give its text: each item's first line
    /// (its lead) with the depth of its list, and the lines of the notes and
    /// paragraphs under it.
    struct ItemLines {
        var depths: [String: Int] = [:]
        var under: Set<String> = []
        var leads: Set<String> { Set(depths.keys) }
        func holds(_ line: String) -> Bool { depths[line] != nil || under.contains(line) }
    }

    /// The source lines of the header rows of the tables of a section.
    func tableHeaderLines(ofSection sectionID: Int64) -> Set<Int> {
        Set((try? knowledgeBase.store.read { db in
            try Int.fetchAll(db, sql: """
                SELECT table_rows.line FROM table_rows JOIN doc_tables ON doc_tables.id = table_rows.table_id
                WHERE doc_tables.section_id = ? AND table_rows.is_header
                """, arguments: [sectionID])
        }) ?? [])
    }

    func listItemLines(ofSection sectionID: Int64) -> ItemLines {
        let rows = (try? knowledgeBase.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT list_items.text, list_items.depth FROM list_items JOIN lists ON lists.id = list_items.list_id
                WHERE lists.section_id = ?
                """, arguments: [sectionID])
        }) ?? []
        var lines = ItemLines()
        for row in rows {
            let text: String = row["text"]
            let split = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The same words as items of two lists: read at the outer one's depth.
            lines.depths[split[0]] = min(lines.depths[split[0]] ?? Int.max, row["depth"])
            lines.under.formUnion(split.dropFirst().filter { !$0.isEmpty })
        }
        // A line both leads an item and stands under another is read as a lead.
        lines.under.subtract(lines.depths.keys)
        return lines
    }

    /// Words a table row's key may have and still name one thing.
    static let maximumKeyWords = 4

    /// "..., see X": the words name a place to read, not a statement about them.
    /// Not "..., see the following files:", which names them in the list it introduces.
    static func pointsElsewhere(_ wanted: Set<String>, _ tokens: [Token], in sentence: String) -> Bool {
        guard !sentence.hasSuffix(":") || readsOn(sentence), let see = tokens.firstIndex(where: { $0.word == "see" }) else { return false }
        return !tokens[..<see].contains { wanted.contains($0.stem) }
    }

    /// A sentence of a section's prose, with what ranks it.
    struct ProseQuote {
        var sentence: String
        var heading: String
        var cite: Citation
        var sectionID: Int64
        var defines: Bool
        /// The sentence itself holds every word: neither its heading nor the lines it introduces supply one.
        var holdsEveryWord: Bool
        /// Cited at its section's heading: the knowledge base has no line for the sentence's own block.
        var citedAtHeading: Bool
        /// How many of the question's words, cue words included ("permissions"), the sentence itself holds.
        var coverage: Int
        /// 0 to 3, as `SentenceMatch.closeness`.
        var closeness: Int
        /// Where the first of the question's words stands, plus the section's full-text rank.
        var position: Int
        /// Two or three sentences that hold the words between them, none alone.
        var spansSentences = false
        /// A list item quoted with its headings and the lines that introduce it (see `itemsInContext`).
        var underHeadings = false
        /// That list item's own text.
        var item: String?

        /// Between the headings a quote stands under and its text ("Kiln model K9 › Firing agents: ...").
        static let headingSeparator = " › "

        /// The quote without the heading it was quoted under (see `rankedSentences`).
        var ownText: Substring {
            let about = heading + Self.headingSeparator
            return sentence.hasPrefix(about) ? sentence.dropFirst(about.count) : Substring(sentence)
        }
    }

    /// Sentences of the sections the full-text index finds for every content
    /// word of the question, each holding them (see `match`), best first. A
    /// sentence that introduces a list or table is quoted with it.
    func proseQuotes(_ parsed: ParsedQuestion) -> [ProseQuote] {
        proseQuotes(parsed, searching: proseWords(parsed))
    }

    /// The question's words a sentence must hold: content words, not cue
    /// or measure words, switches only when asked about.
    func proseWords(_ parsed: ParsedQuestion) -> [String] {
        // A switch the question asks about is a word to find, written as a switch.
        let switches = parsed.askedSwitches
        // "How long", "how often": the measure asked for, which the answer gives in other words.
        let measure = parsed.measurePositions
        let alternatives = parsed.alternativeStems
        let asked = Array(Set(parsed.tokens.filter {
            !Words.isStopWord($0.word) && !IntentDetector.cueWords.contains($0.word) && !measure.contains($0.position)
                // Words that only shaped the question ("what *happens* if ...") are in no answer.
                && !parsed.intentPositions.contains($0.position)
                && (!$0.isSwitch || switches.contains($0.word)) && $0.word.allSatisfy { $0.isLetter || $0.isNumber }
                // Another wording beside a word is searched with it (see `fullTextQuery`), not as one more word.
                && alternatives[$0.stem] == nil
        }.map(\.word))).sorted()
        // A word no document uses is in no sentence ("how long are denied requests kept?"): with enough
        // other words to go by, the sentences holding those are looked for (the answer notes the word).
        let setAside = parsed.unknownWordsSetAside()
        return asked.filter { !setAside.contains($0) }
    }

    /// Sentences holding every one of `words` (see `proseQuotes(_:)`).
    func proseQuotes(_ parsed: ParsedQuestion, searching words: [String]) -> [ProseQuote] {
        guard !words.isEmpty else { return [] }
        let asksMeasure = !parsed.measurePositions.isEmpty
        let wanted = Set(words.map(Words.stem))
        let questionStems = Set(parsed.contentStems)
        let asksWhatItIs = parsed.intent == .whatIs || parsed.intent == .purpose
        let alternatives = parsed.alternativeStems
        let sections = sectionsMatching(fullTextQuery(words, alternatives: parsed.alternativeWords), limit: 8)
        var quotes: [ProseQuote] = []
        var spread: [ProseQuote] = []
        for (rank, section) in sections.enumerated() {
            let (heading, lines, citedAtHeading) = (section.heading, section.lines, section.citedAtHeading)
            // A sentence need not repeat what its section's heading names ("SHA-2" under "SHA-2 code signing").
            let headingStems = Set(Self.expanded(Words.tokens(heading).filter { !Words.isStopWord($0.word) }, [:],
                                                 alternatives: alternatives))
            // "What is the network access account used for?" under a heading that is its name: the
            // section's first sentence says what it is, whatever words it uses.
            let named = wanted.subtracting(Self.genericAskingStems)
            // Only a sentence: not a table row, a code line or an "Applies to ..." line.
            if asksWhatItIs, !named.isEmpty, named == headingStems,
               let lineIndex = lines.firstIndex(where: { !$0.isEmpty }), !lines[lineIndex].contains(" | "),
               let first = sentences(of: lines[lineIndex]).first, first.hasSuffix("."),
               first.count <= Self.longestQuotedSentence {
                // The heading names what the sentence, quoted alone, would leave unsaid.
                quotes.append(ProseQuote(sentence: heading + ": " + first, heading: heading, cite: section.cite(atLine: lineIndex),
                                         sectionID: section.id, defines: true,
                                         holdsEveryWord: true, citedAtHeading: citedAtHeading,
                                         coverage: questionStems.intersection(Words.contentStems(first)).count,
                                         closeness: 0, position: rank))
            }
            // The section's list items, for lines a colon introduces; read only where a line ends in one,
            // or where a quoted line may be an item with items nested under it.
            var loadedItems = lines.contains { $0.hasSuffix(":") } ? listItemLines(ofSection: section.id) : nil
            let items = loadedItems ?? ItemLines()
            func itemLines() -> ItemLines {
                if loadedItems == nil { loadedItems = listItemLines(ofSection: section.id) }
                return loadedItems ?? ItemLines()
            }
            // A table's header row names its columns and answers nothing by itself.
            let headerLines = lines.contains { $0.contains(" | ") } ? tableHeaderLines(ofSection: section.id) : []
            // The question's words a lead-in and the heading lack, as a line it introduces holds them;
            // nil (the lines are not narrowed) when the question asks for several things ("which UDP ports").
            func wordsHeld(lacking leadIn: String) -> ((String) -> Set<String>)? {
                guard !parsed.headIsPlural else { return nil }
                func held(_ text: String, of words: Set<String>) -> Set<String> {
                    Self.spellingOut(words, in: Set(Self.expanded(Words.tokens(text).filter { !Words.isStopWord($0.word) },
                                                                  lexicon.expansions, alternatives: alternatives)),
                                     lexicon.expansions).intersection(words)
                }
                let lacking = wanted.subtracting(headingStems).subtracting(held(leadIn, of: wanted))
                return { line in lacking.isEmpty ? [] : held(line, of: lacking) }
            }
            // Every word of the question in one sentence: words scattered over a section say nothing together.
            for (lineIndex, line) in lines.enumerated() {
                let cite = section.cite(atLine: lineIndex)
                if headerLines.contains(cite.line), line.contains(" | ") { continue }
                let lineSentences = sentences(of: line)
                for (index, found) in lineSentences.enumerated() where found.count <= Self.longestQuotedSentence {
                    // "How long ...?": a sentence with no number is quoted with the one of
                    // the next few in its paragraph that gives it.
                    // "It can also use X.": the sentence is read, and quoted, with the one its pronoun refers to.
                    let referent = index > 0 && Self.continuesByPronoun(found) ? lineSentences[index - 1] + " " : ""
                    let own = referent + found
                    var sentence = own
                    if asksMeasure, !Self.givesNumber(found),
                       let next = lineSentences[(index + 1)...].prefix(Self.sentencesToAMeasure).firstIndex(where: Self.givesNumber) {
                        sentence += (next == index + 1 ? " " : " … ") + lineSentences[next]
                    }
                    // The last sentence of a line that ends in a colon introduces the lines after it (a list, a table).
                    let listed = index == lineSentences.count - 1 && sentence.hasSuffix(":")
                        ? Self.linesIntroduced(after: lineIndex, in: lines, items: items,
                                               goesOnInItsBlock: section.lineBreaksOff(after: lineIndex),
                                               narrowing: wordsHeld(lacking: sentence)) : []
                    guard let match = Self.match(sentence, listing: listed, wanted: wanted, question: parsed,
                                                 headingStems: headingStems, expansions: lexicon.expansions) else { continue }
                    let foundStems = Self.spellingOut(wanted, in: Set(Self.expanded(Words.tokens(own), lexicon.expansions,
                                                                                    alternatives: alternatives)),
                                                      lexicon.expansions)
                    // "Workgroup clients can't locate management points from AD DS. Instead, they use
                    // DNS, WINS, or another management point.": the next sentence, when it goes on from
                    // this one, says what this one leaves open.
                    let goesOn = sentence == own
                        ? Self.continuation(after: index, in: lineSentences)
                            ?? (match.closeness >= 2 ? Self.nextHoldingMore(of: questionStems, after: index, in: lineSentences,
                                                                            expansions: lexicon.expansions) : nil)
                        : nil
                    // An item's last sentence is followed by the items nested under it, which qualify it
                    // ("… isn't available." over "Starting in version 3.2, it is.").
                    let nested = listed.isEmpty && index == lineSentences.count - 1
                        ? Self.nestedItems(under: lineIndex, in: lines, items: itemLines()) : []
                    let quoted = match.text + (goesOn.map { " " + $0 } ?? "")
                        + nested.map { Self.nestedSeparator + $0 }.joined()
                    quotes.append(ProseQuote(sentence: quoted, heading: heading,
                                             cite: cite, sectionID: section.id,
                                             defines: match.defines,
                                             // The sentence itself, not the one a measure brought along.
                                             holdsEveryWord: match.ownWords && (sentence == own || wanted.isSubset(of: foundStems)),
                                             citedAtHeading: citedAtHeading,
                                             coverage: questionStems.intersection(foundStems).count,
                                             closeness: match.closeness, position: match.firstWord + rank))
                }
                // The words spread over two or three sentences side by side: quoted together, if nothing closer is found.
                if quotes.isEmpty, let run = Self.shortestRun(of: lineSentences, holding: wanted, question: parsed,
                                                              expansions: lexicon.expansions) {
                    // A run that ends the line with a colon brings what it introduces.
                    let listed = run.text.hasSuffix(":") && line.hasSuffix(":")
                        ? Self.linesIntroduced(after: lineIndex, in: lines, items: items,
                                               goesOnInItsBlock: section.lineBreaksOff(after: lineIndex),
                                               narrowing: wordsHeld(lacking: run.text)) : []
                    let text = listed.isEmpty ? run.text : run.text + " " + listed.joined(separator: "; ")
                    spread.append(ProseQuote(sentence: text, heading: heading, cite: cite, sectionID: section.id,
                                             defines: false, holdsEveryWord: false, citedAtHeading: citedAtHeading,
                                             coverage: questionStems.intersection(Words.contentStems(run.text)).count,
                                             closeness: 3, position: run.firstWord + rank, spansSentences: true))
                }
            }
        }
        if quotes.isEmpty { quotes = spread }
        // List items that are the question's subject ("Management point" under "Windows Server
        // 2019 › Site system servers"), their headings holding the rest of the words: what
        // the subject is listed under answers before sentences a heading only completes.
        var subjectItems: [ProseQuote] = []
        if quotes.isEmpty {
            quotes = itemsInContext(wanted: wanted, words: words, parsed: parsed)
        } else if !quotes.contains(where: { $0.closeness < 2 }), let subject = parsed.matches.first {
            let name = Set(stems(subject.entity.name))
            subjectItems = itemsInContext(wanted: wanted, words: words, parsed: parsed)
                .filter { $0.item.map { Set(stems($0)) == name } ?? false }
        }
        // Sentences the heading completes only when no sentence holds every word itself.
        if quotes.contains(where: { $0.closeness < 2 }) { quotes.removeAll { $0.closeness >= 2 } }
        // More of the question's words first, then the words closer together, then earlier.
        // Only a "what is" question puts definitions before all that; a measure is a number:
        // a "how long" question puts the sentences that give one first.
        // Keys made once per quote: `givesNumber` tokenizes the sentence.
        // A question that says "not" ("what if the computer doesn't have X?") is answered
        // by a sentence that says it too, before one as close that does not.
        let negated = parsed.tokens.contains { Words.negations.contains($0.word) }
        func key(_ quote: ProseQuote) -> (Int, Int, Int, Int, Int, Int) {
            (asksWhatItIs && !quote.defines ? 1 : 0, asksMeasure && !Self.givesNumber(quote.sentence) ? 1 : 0,
             -quote.coverage, negated && !Words.tokens(quote.sentence).contains { Words.negations.contains($0.word) } ? 1 : 0,
             quote.closeness, quote.position)
        }
        return subjectItems + quotes.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The fewest sentences side by side (two or three) that hold every
    /// `wanted` word between them, quoted as one, if any do.
    static func shortestRun(of sentences: [String], holding wanted: Set<String>, question: ParsedQuestion,
                            expansions: [String: [String]]) -> (text: String, firstWord: Int)? {
        // A line whose sentences together lack a word has no run that holds it: not tokenized run by run.
        guard sentences.count > 1,
              wanted.isSubset(of: Set(expanded(Words.tokens(sentences.joined(separator: " ")), expansions,
                                               alternatives: question.alternativeStems))) else { return nil }
        for length in 2...min(Self.longestRun, sentences.count) {
            for start in 0...(sentences.count - length) {
                let run = sentences[start..<(start + length)]
                let text = run.joined(separator: " ")
                guard text.count <= longestQuotedSentence * length, !run.contains(where: isPointer),
                      let match = match(text, listing: [], wanted: wanted, question: question, headingStems: [],
                                        expansions: expansions) else { continue }
                return (text, match.firstWord)
            }
        }
        return nil
    }

    /// The sentence after `index` when it opens with a word that refers back
    /// to it ("Instead, ...", "However, ...", "They ..."), and is short enough to quote.
    static func continuation(after index: Int, in sentences: [String]) -> String? {
        guard index + 1 < sentences.count else { return nil }
        let next = sentences[index + 1]
        let words = Words.tokens(next).prefix(2).map(\.word)
        // "... uses this port to connect. By default, it uses port 1433": the default of what it set out.
        guard next.count <= longestQuotedSentence, let first = words.first,
              referringWords.contains(first) || words == ["by", "default"] else { return nil }
        return next
    }

    /// The next sentence of the paragraph, when it holds more of the
    /// question's words (`wanted`, cue words included) than the one before it,
    /// which needed its heading's words to match. Asked which log records a
    /// client's installation, "the X log on the server records ..." is quoted
    /// with the "Y log on the client records the installation" after it.
    static func nextHoldingMore(of wanted: Set<String>, after index: Int, in sentences: [String],
                                expansions: [String: [String]]) -> String? {
        guard index + 1 < sentences.count, sentences[index + 1].count <= longestQuotedSentence else { return nil }
        func held(_ sentence: String) -> Int { wanted.intersection(expanded(Words.tokens(sentence), expansions)).count }
        return held(sentences[index + 1]) > held(sentences[index]) ? sentences[index + 1] : nil
    }

    /// First words of a sentence that go on from the one before.
    static let referringWords: Set<String> = ["instead", "however", "otherwise", "therefore", "thus", "then",
                                              "this", "these", "that", "those", "they", "it", "its", "their"]

    /// The most sentences side by side quoted together for the words they hold between them.
    static let longestRun = 3

    /// How many sentences after one holding the question's words may give the measure it asks for.
    static let sentencesToAMeasure = 3

    static let everyWordGroup = "Sentences holding every word of the question"

    /// When no sentence holds every word of the question: the sentences
    /// holding all but one ("which security scopes exist by default?" asked
    /// in words no sentence has together), each word tried left out in turn,
    /// best first by how many of the question's words they hold. A word no
    /// document uses is never the one left out: it is what the question is
    /// about, and nothing holds it. Nor a word of what "what is X" asks
    /// about: a sentence lacking one says what something else is. Fewer than
    /// three words leave too little to go by.
    func quotesMissingOneWord(_ parsed: ParsedQuestion) -> (quotes: [ProseQuote], leftOut: [String]) {
        let words = proseWords(parsed)
        let unknown = Set(parsed.unknownWords)
        guard parsed.intent != .whatIs, parsed.intent != .purpose, words.count >= Self.fewestWordsToLeaveOneOut,
              words.allSatisfy({ !unknown.contains($0) }) else { return ([], []) }
        // The words naming the question's subject stay: the quotes are about it.
        let subjectWords = Set(parsed.matches.first?.positions.map { parsed.tokens[$0].word } ?? [])
        var found: [(quote: ProseQuote, leftOut: String)] = []
        var seen = Set<String>()
        for word in words where !subjectWords.contains(word) {
            for quote in proseQuotes(parsed, searching: words.filter { $0 != word })
            where quote.holdsEveryWord && seen.insert(quote.sentence).inserted {
                found.append((quote, word))
            }
        }
        // A measure asked for ("how long ...") is given by a sentence with a number: those come first.
        let asksMeasure = !parsed.measurePositions.isEmpty
        let givesNumber = Dictionary(found.map { ($0.quote.sentence, asksMeasure && Self.givesNumber($0.quote.sentence)) },
                                     uniquingKeysWith: { first, _ in first })
        func key(_ quote: ProseQuote) -> (Int, Int, Int, Int) {
            (givesNumber[quote.sentence]! ? 1 : 0, quote.coverage, -quote.closeness, -quote.position)
        }
        let ranked = found.sorted { key($0.quote) > key($1.quote) }.prefix(3)
        var leftOut: [String] = []
        for entry in ranked where !leftOut.contains(entry.leftOut) { leftOut.append(entry.leftOut) }
        return (ranked.map(\.quote), leftOut)
    }

    static let fewestWordsToLeaveOneOut = 3
    static let allButOneWordGroup = "Sentences holding all but one word of the question"

    /// Up to three of `quotes` (see `proseQuotes`) as the answer, or as its lead;
    /// up to `maximumListedLines` list items quoted under their headings.
    /// `keepHeading`: the sentences lead another answer, which keeps its heading and subject.
    func proseAnswer(_ quotes: [ProseQuote], _ b: inout AnswerBuilder, keepHeading: Bool = false, group: String? = nil) {
        guard !quotes.isEmpty else { return }
        if !keepHeading {
            // Whatever an intent handler found of a subject, it stated nothing: the heading is the prose's.
            b.answer.heading = "What the documents' text says"
            b.answer.subject = nil
        }
        // A sentence quoted alone and with the list it introduces is quoted once, whole, where it first stands.
        let whole = quotes.map { q in
            quotes.filter { $0.cite == q.cite && $0.sentence.count > q.sentence.count && $0.sentence.hasPrefix(q.sentence) }
                .max { $0.sentence.count < $1.sentence.count } ?? q
        }
        // A sentence that stands in several sections (one step repeated under each method) is quoted once.
        var seen = Set<String>()
        let distinct = whole.filter { seen.insert($0.sentence).inserted }
        // Items of a list, one per heading ("Windows Server 2019", "Windows Server 2016", ...), answer together.
        for q in distinct.prefix(distinct.allSatisfy(\.underHeadings) ? Self.maximumListedLines : 3) {
            let underHeadings = q.item == nil ? "Opening sentences with the headings they stand under"
                : "List items with the headings and lead-in they stand under"
            add(q, group: group ?? (q.underHeadings ? underHeadings
                    : q.spansSentences ? "Sentences holding the question's words between them" : Self.everyWordGroup), &b)
        }
    }

    /// "What is X" about a subject no row describes: the sentence defining
    /// it, if the prose has one, leads the subject's rules.
    func definitionLead(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        guard let definition = proseQuotes(parsed).first(where: \.defines) else { return }
        add(definition, group: "Definition", &b)
    }

    private func add(_ q: ProseQuote, group: String, _ b: inout AnswerBuilder) {
        b.add(group: group, kind: "text", text: q.sentence, cite: q.cite,
              route: "sentence of section “\(q.heading)”\(q.citedAtHeading ? " (cited at its heading)" : ""), found by full-text search",
              rule: ruleName("sections", q.sectionID, q.heading))
    }
}
