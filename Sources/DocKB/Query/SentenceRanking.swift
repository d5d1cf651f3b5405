import Foundation
import GRDB

/// Sentences of the documents' prose ranked by how much of the question they
/// hold, each word weighted by how rare it is among the sections. A question
/// in everyday words ("can I put the secondary site on a domain controller?")
/// seldom shares every word with the sentence that answers it, but that
/// sentence shares the rare ones; a statement that shares only the common
/// ones ("site", "client") is a worse answer than it.
extension AnswerEngine {
    /// A sentence and the weighted share of the question's words it holds
    /// (a word only its heading holds counts half).
    struct RankedSentence {
        var quote: ProseQuote
        var share: Double
    }

    /// The share below which a sentence is not an answer.
    static let sentenceShareThreshold = 0.6
    /// Sections the full-text index is asked for (any of the words, best first).
    static let sectionsToRank = 40
    /// Words a sentence must hold itself: two rare words in common with a
    /// question are as often a coincidence as an answer.
    static let fewestSharedWords = 3
    /// A word only the sentence's heading holds counts this much.
    static let headingWordCredit = 0.5
    static let sharedWordsGroup = "Sentences holding most of the question's words"

    /// The question's words and how rare each is among the sections.
    struct SentenceQuery {
        /// Stem → weight (inverse section frequency).
        var weights: [String: Double]
        var total: Double
        /// Stem → the question word it stands for: an abbreviation and the
        /// words the parser wrote beside it ("SUP": software update point) are one.
        var wordOf: [String: Int] = [:]
        /// Stem of another word for the same act → the stem of the question's
        /// word ("modifi" → "edit"): holding it holds the question's word. It
        /// is weighted as that word, but not counted in `total` again.
        var alternativeOf: [String: String] = [:]

        init(weights: [String: Double], wordOf: [String: Int] = [:], alternativeOf: [String: String] = [:]) {
            var weights = weights
            let alternativeOf = alternativeOf.filter { weights[$0.value] != nil }
            for (alternative, original) in alternativeOf { weights[alternative] = weights[original] }
            self.weights = weights
            self.wordOf = wordOf
            self.alternativeOf = alternativeOf
            total = Words.orderedSum(weights.keys.filter { alternativeOf[$0] == nil }, { weights[$0]! })
        }

        /// How many of the question's words `held` holds.
        func wordsHeld(_ held: Set<String>) -> Int { Set(held.map { wordOf[$0] ?? -1 }).count }

        /// Whether a heading of these stems names what the question asks
        /// about: it has the question's rarest word, and no word the question
        /// lacks but words of asking ("Required catalog encoding").
        func isSubject(heading: Set<String>) -> Bool {
            guard let rarest = weights.values.max() else { return false }
            let named = heading.subtracting(AnswerEngine.genericAskingStems)
            return named.contains { weights[$0] == rarest } && named.isSubset(of: weights.keys)
        }

        /// `stems` with each other word for an act read as the question's word.
        func originals(_ stems: Set<String>) -> Set<String> {
            guard !alternativeOf.isEmpty else { return stems }
            return Set(stems.map { alternativeOf[$0] ?? $0 })
        }

        func share(holding held: Set<String>, headingHolds heading: Set<String> = []) -> Double {
            guard total > 0 else { return 0 }
            let held = originals(held), heading = originals(heading)
            let own = Words.orderedSum(held.intersection(weights.keys), { weights[$0]! })
            let fromHeading = Words.orderedSum(heading.subtracting(held).intersection(weights.keys), { weights[$0]! })
            return (own + AnswerEngine.headingWordCredit * fromHeading) / total
        }
    }

    /// The words a sentence is ranked by: the question's content words, not
    /// its words of asking ("need", "what happens"), measures, switches it
    /// states, or words no document uses (those are noted on the answer).
    func sentenceQuery(_ parsed: ParsedQuestion) -> (query: SentenceQuery, words: [String])? {
        // "What is X?" names its subject whole, and words no document uses are what a
        // question is about, unless it has enough others (see `unknownWordsSetAside`).
        let unknown = Set(parsed.unknownWords)
        guard parsed.intent != .whatIs, parsed.intent != .purpose,
              unknown.isSubset(of: parsed.unknownWordsSetAside()) else { return nil }
        let measure = parsed.measurePositions
        var seen = Set<String>()
        var wordOf: [String: Int] = [:]
        var alternativeOf: [String: String] = [:]
        var word = 0
        // The written word an alternative stands beside, when the query keeps that word.
        var keptWritten: Token?
        let words = parsed.tokens.filter {
            if !$0.isExpansion { word += 1 }
            // Another word for the act of a written word left out ("get") is left out with it.
            if $0.isAlternative, keptWritten == nil { return false }
            let keep = !Words.isStopWord($0.word) && !parsed.intentPositions.contains($0.position) && !measure.contains($0.position)
                && !unknown.contains($0.word) && !Self.genericAskingStems.contains($0.stem)
                // A switch the question states ("if I use /source") is a condition, not a word to find. (A stated
                // version is kept: "Starting in version 1806, ..." is often the very sentence asked for.)
                && (!$0.isSwitch || parsed.askedSwitches.contains($0.word))
                && $0.word.allSatisfy({ $0.isLetter || $0.isNumber }) && seen.insert($0.stem).inserted
            if !$0.isExpansion { keptWritten = keep ? $0 : nil }
            guard keep else { return false }
            if $0.isAlternative, let written = keptWritten { alternativeOf[$0.stem] = written.stem }
            wordOf[$0.stem] = word
            return true
        }.map(\.word)

        guard let weights = sectionWeights(of: words) else { return nil }
        let query = SentenceQuery(weights: weights, wordOf: wordOf, alternativeOf: alternativeOf)
        guard query.wordsHeld(Set(weights.keys)) >= Self.fewestSharedWords else { return nil }
        return (query, words)
    }

    /// How rare each word is among the documents' sections, by stem (the
    /// inverse document frequency); words no section holds are left out.
    func sectionWeights(of words: [String]) -> [String: Double]? {
        guard let counts = knowledgeBase.sectionsHolding(words), counts.sections > 0 else { return nil }
        var weights: [String: Double] = [:]
        for (word, found) in zip(words, counts.holding) where found > 0 {
            let stem = Words.stem(word)
            weights[stem] = max(weights[stem] ?? 0, log(1 + Double(counts.sections) / Double(found)))
        }
        return weights
    }

    /// One question's ranking: its words, their weights, and the sentences
    /// ranked by them. Made at most once per answer (see `LazySentenceRanking`):
    /// it costs a full-text query per word and the reading of 40 sections.
    struct SentenceRanking {
        var query: SentenceQuery
        var words: [String]
        var sentences: [RankedSentence]
    }

    func sentenceRanking(_ parsed: ParsedQuestion) -> SentenceRanking? {
        guard let (query, words) = sentenceQuery(parsed) else { return nil }
        return SentenceRanking(query: query, words: words, sentences: rankedSentences(parsed, query, words: words))
    }

    /// A question's ranking, made when an answer first needs it, then kept.
    final class LazySentenceRanking {
        private let make: () -> SentenceRanking?
        private(set) lazy var ranking: SentenceRanking? = make()
        init(_ make: @escaping () -> SentenceRanking?) { self.make = make }
    }

    static func quotedTerm(_ word: String) -> String { KnowledgeBaseSnapshot.quotedTerm(word) }

    /// The sentences of the sections holding any of the question's words that
    /// hold at least `sentenceShareThreshold` of them (`fewestSharedWords` at
    /// least, in the sentence itself), best first.
    func rankedSentences(_ parsed: ParsedQuestion, _ query: SentenceQuery, words: [String]) -> [RankedSentence] {
        let sections = sectionsMatching(words.map(Self.quotedTerm).joined(separator: " OR "), limit: Self.sectionsToRank)
        let questionStems = Set(parsed.contentStems)
        let asksMeasure = !parsed.measurePositions.isEmpty
        // The units of the measure asked, when it takes one.
        let measureUnits = parsed.askedUnits
        let asksVersion = parsed.intent == .version
        // The question's abbreviations, which a sentence, heading or title may spell out.
        let abbreviations = Set(query.weights.keys.filter { lexicon.expansions[$0] != nil })
        var ranked: [RankedSentence] = []
        var seen = Set<String>()
        for (rank, section) in sections.enumerated() {
            let headingStems = Set(Self.expanded(Words.tokens(section.heading).filter { !Words.isStopWord($0.word) },
                                                 lexicon.expansions))
            // The document's title names what all of it is about ("Fabrikam relay sync"): its words
            // are credited to every sentence as the heading's are, though the heading does not repeat them.
            let titleStems = Set(Self.expanded(Words.tokens(section.documentTitle).filter { !Words.isStopWord($0.word) },
                                               lexicon.expansions))
            var aboutStems = headingStems.union(titleStems)
            if !abbreviations.isEmpty {
                aboutStems.formUnion(Self.spelledOut(abbreviations, in: section.heading, lexicon.expansions))
                aboutStems.formUnion(Self.spelledOut(abbreviations, in: section.documentTitle, lexicon.expansions))
            }
            // A heading the question names in full, its rarest word included
            // ("### /sweeptimeout"), is the subject of every sentence below
            // it, which seldom repeats it ("The default value is 90"): its
            // words are held by each of them.
            let subject = query.isSubject(heading: headingStems) ? headingStems : []
            // The section's list items, read once a quote ends in a colon.
            var items: ItemLines?
            let headingWritesLiterals = !subject.isEmpty && parsed.writesAskedLiterals(section.heading, tokens: Words.tokens(section.heading))
            for (lineIndex, line) in section.lines.enumerated() {
                let lineSentences = sentences(of: line)
                // Each sentence of the line read once, for itself and for the one a quote brings it after.
                var lineTokens = [[Token]?](repeating: nil, count: lineSentences.count)
                func sentenceTokens(_ index: Int) -> [Token] {
                    if let read = lineTokens[index] { return read }
                    let read = Words.tokens(lineSentences[index])
                    lineTokens[index] = read
                    return read
                }
                for (index, sentence) in lineSentences.enumerated() where sentence.count <= Self.longestQuotedSentence {
                    // A statement ends as one: not a command line, a title or a bare table cell.
                    guard !Self.isPointer(sentence), Self.endsAsAStatement(sentence) else { continue }
                    let tokens = sentenceTokens(index)
                    func heldWords(_ tokens: [Token]) -> Set<String> {
                        Set(Self.expanded(tokens.filter { !Words.isStopWord($0.word) }, lexicon.expansions))
                            .intersection(query.weights.keys)
                    }
                    // The measure a question asks for ("how long ...") is often given by a sentence
                    // that names its subject by reference ("The database retains the information
                    // ... 90 days"): it is credited with the words of the sentences leading to it.
                    let lead = asksMeasure && Self.givesNumber(sentence) ? Self.sentencesBefore(index, of: lineSentences) : []
                    // A release is often given by a sentence the next one goes on about by
                    // pronoun ("Starting in version N, use X to manage Y. It can replace Z."):
                    // that sentence's words are credited to the one giving the release.
                    let continuation = asksVersion && index + 1 < lineSentences.count
                        && Self.continuesByPronoun(lineSentences[index + 1]) && Self.givesAReleaseBeyond(parsed, sentence)
                        ? lineSentences[index + 1] : nil
                    // The sentence's own tokens are read once, here and for the checks below.
                    let ownHeld = heldWords(tokens)
                    var held = (lead.isEmpty ? ownHeld : ownHeld.union(heldWords(Words.tokens(lead.joined(separator: " ")))))
                        .union(subject)
                    if let continuation { held.formUnion(heldWords(Words.tokens(continuation))) }
                    // A sentence spelling out an abbreviation the question uses holds it ("clients managed
                    // on the internet" does not, "internet-based client management" does).
                    if !abbreviations.isEmpty {
                        held.formUnion(Self.spelledOut(abbreviations, inStems: tokens.filter { !Words.isStopWord($0.word) }.map(\.stem),
                                                       lexicon.expansions))
                    }
                    // A number in the unit the measure asked for is given in ("how often": "every 15 minutes")
                    // counts as one more word held.
                    let measureGiven = measureUnits.map { Self.givesMeasure(tokens, in: $0) } ?? false
                    let followingIndices = lead.isEmpty ? Self.following(index, of: lineSentences) : []
                    var quoted = lead.isEmpty ? Self.withFollowing(index, of: lineSentences, taken: followingIndices)
                        : (lead + [sentence]).joined(separator: " ")
                    // The sentences quoted after it go on about what it says ("You can't make X a Y.
                    // Y computers must be Z."): their words count as its heading's do.
                    let following = followingIndices.reduce(into: Set<String>()) { $0.formUnion(heldWords(sentenceTokens($1))) }
                    guard query.wordsHeld(held.union(following)) + (measureGiven ? 1 : 0) >= Self.fewestSharedWords,
                          !ownHeld.isEmpty else { continue }
                    let share = query.share(holding: held, headingHolds: aboutStems.union(following))
                    guard share >= Self.sentenceShareThreshold,
                          headingWritesLiterals || parsed.writesAskedLiterals(sentence, tokens: tokens),
                          !Self.pointsElsewhere(held, tokens.filter { !Words.isStopWord($0.word) }, in: sentence),
                          !seen.contains(sentence) else { continue }
                    // A quote that ends the line with a colon brings the list or rows it introduces, as `proseQuotes` does.
                    if quoted.hasSuffix(":"), line.hasSuffix(":") {
                        if items == nil { items = listItemLines(ofSection: section.id) }
                        let listed = Self.linesIntroduced(after: lineIndex, in: section.lines, items: items!,
                                                          goesOnInItsBlock: section.lineBreaksOff(after: lineIndex))
                        if !listed.isEmpty { quoted += " " + listed.joined(separator: "; ") }
                    }
                    // What the quote says besides the question's words, its list included.
                    let own = Set(Words.tokens(quoted).filter { !Words.isStopWord($0.word) }.map(\.stem))
                    guard parsed.asksYesOrNo || own.subtracting(questionStems).count >= Self.wordsBesidesTheQuestion else { continue }
                    seen.insert(sentence)
                    // "For example, ..." illustrates the sentence before it, which says what the example is of;
                    // "These credentials ..." goes on about what the sentence before it names.
                    let illustrated = index > 0 && (Self.givesAnExample(sentence) || Self.continuesByPronoun(sentence))
                        ? lineSentences[index - 1] + " " : ""
                    // Quoted under the heading it is about, which it does not name.
                    let about = subject.isEmpty ? "" : section.heading + ProseQuote.headingSeparator
                    let quote = ProseQuote(sentence: about + illustrated + quoted, heading: section.heading,
                                           cite: section.cite(atLine: lineIndex), sectionID: section.id,
                                           defines: false, holdsEveryWord: false, citedAtHeading: section.citedAtHeading,
                                           coverage: questionStems.intersection(tokens.map(\.stem)).count,
                                           closeness: 3, position: rank)
                    ranked.append(RankedSentence(quote: quote, share: share))
                }
            }
        }
        // The larger share first; among equals, the section the index ranks higher, then the shorter sentence.
        // A measure asked for ("how long ...?") is given by a sentence with a number: those come first.
        let ordered = ranked.sorted {
            ($0.share, -$0.quote.position, -$0.quote.sentence.count) > ($1.share, -$1.quote.position, -$1.quote.sentence.count)
        }
        guard asksMeasure else { return ordered }
        // Each sentence read for a number once; the order within each part stays. A number in
        // the unit asked ("every 15 minutes" for "how often") before any other ("version 2002").
        let rank = ordered.map { ranked -> Int in
            if let measureUnits, Self.givesMeasure(ranked.quote.sentence, in: measureUnits) { return 0 }
            return Self.givesNumber(ranked.quote.sentence) ? 1 : 2
        }
        return (0...2).flatMap { part in zip(ordered, rank).filter { $0.1 == part }.map(\.0) }
    }

    /// Ends in `.`, `:`, `!` or `?`; or is a list item of some length that
    /// ends in a parenthesis ("macOS Catalina (10.15) (requires site version
    /// 1910 or later, ...)"), which is no title or table row either.
    /// A row of a two-column table whose second cell is prose of some
    /// length ("Relay point | Update the runtime on the hub and restart the
    /// relay service as necessary") is a statement too, with no full stop.
    static func endsAsAStatement(_ sentence: String) -> Bool {
        guard let last = sentence.last else { return false }
        if ".:!?".contains(last) { return true }
        let cells = sentence.components(separatedBy: " | ")
        if cells.count == 2 { return cells[1].split(separator: " ").count >= wordsOfADescribingCell }
        return last == ")" && cells.count == 1
            && sentence.split(separator: " ").count >= Self.wordsOfAStatementInParentheses
    }

    /// The fewest words of a second cell that describes its row's key in prose.
    static let wordsOfADescribingCell = 12

    /// The fewest words of a statement that ends in a parenthesis.
    static let wordsOfAStatementInParentheses = 8

    /// The sentence at `index` with those after it in its paragraph, up to
    /// `followingSentences` of them within `longestQuotedSentence`
    /// characters. A sentence matched on the question's words often leaves
    /// the fact to the next one ("... the dialog box opens. Select Yes to
    /// publish the most recent version."); a pointer ends the quote.
    /// `taken`: those sentences' indices, when worked out already (see `following`).
    static func withFollowing(_ index: Int, of sentences: [String], taken: [Int]? = nil) -> String {
        ([index] + (taken ?? following(index, of: sentences))).map { sentences[$0] }.joined(separator: " ")
    }

    /// The indices of the sentences `withFollowing` quotes after the one at `index`.
    static func following(_ index: Int, of sentences: [String]) -> [Int] {
        var length = sentences[index].count
        var taken: [Int] = []
        for next in (index + 1)..<min(sentences.count, index + 1 + followingSentences) {
            guard !isPointer(sentences[next]), length + 1 + sentences[next].count <= longestQuotedSentence else { break }
            length += 1 + sentences[next].count
            taken.append(next)
        }
        // "... This works only if X. Alternatively, do Y.": the alternative completes what the
        // quote ends on, so it comes along, within twice the length of a quote.
        let after = index + 1 + taken.count
        if after < sentences.count, opensAnAlternative(sentences[after]),
           length + 1 + sentences[after].count <= 2 * longestQuotedSentence {
            taken.append(after)
            length += 1 + sentences[after].count
        }
        // "... The maximum is 60 days.": the bound or default of what the quote describes,
        // which a setting's description often gives last, comes along on the same terms.
        let last = index + 1 + taken.count
        if last < sentences.count, givesABoundOrDefault(sentences[last]),
           length + 1 + sentences[last].count <= 2 * longestQuotedSentence {
            taken.append(last)
        }
        return taken
    }

    /// "The maximum is 60 days.", "The default is ...", "By default, ...": a sentence giving a bound or default.
    static func givesABoundOrDefault(_ sentence: String) -> Bool {
        let words = sentence.split(whereSeparator: { !$0.isLetter }).prefix(2).map { $0.lowercased() }
        guard words.count == 2 else { return false }
        return (words[0] == "the" && ["maximum", "minimum", "default"].contains(words[1]))
            || (words[0] == "by" && words[1] == "default")
    }

    /// "Alternatively, ...", "Otherwise, ...", "Instead, ...": a sentence giving the other way.
    static func opensAnAlternative(_ sentence: String) -> Bool {
        let first = sentence.prefix { $0.isLetter }.lowercased()
        return ["alternatively", "otherwise", "instead"].contains(first)
    }

    /// Sentences after a ranked one that its quote may bring along.
    static let followingSentences = 2

    /// Up to `followingSentences` sentences right before the one at `index`,
    /// in order, as many as fit with it within `longestQuotedSentence`
    /// characters; a pointer ends them.
    static func sentencesBefore(_ index: Int, of sentences: [String]) -> [String] {
        var lead: [String] = []
        var length = sentences[index].count
        for previous in sentences[..<index].reversed().prefix(followingSentences) {
            guard !isPointer(previous), length + 1 + previous.count <= longestQuotedSentence else { break }
            lead.insert(previous, at: 0)
            length += 1 + previous.count
        }
        return lead
    }

    /// The note naming the question's words no quote holds.
    static func noQuoteHolds(_ words: [String]) -> String {
        noQuoteHoldsPrefix + words.map { "“\($0)”" }.joined(separator: ", ")
    }
    static let noQuoteHoldsPrefix = "no quoted sentence holds "

    /// "For the procedure to ..., see X.": a sentence that sends the reader elsewhere says nothing itself.
    static func isPointer(_ sentence: String) -> Bool {
        // "..., see the following files:" introduces what it points to: the list is said here.
        // ("For more information, see the following articles:" still points elsewhere.)
        sentence.hasPrefix("For ") && sentence.contains(", see ") && (!sentence.hasSuffix(":") || readsOn(sentence))
    }

    /// "For more information ...", "For more details ...": what follows is to read, not to know.
    static func readsOn(_ sentence: String) -> Bool {
        sentence.hasPrefix("For more ")
    }

    /// "It ...", "This ...", "They ...": a sentence that goes on about what the one before it named.
    static func continuesByPronoun(_ sentence: String) -> Bool {
        let words = sentence.split(separator: " ", maxSplits: 4)
        guard let first = words.first else { return false }
        if ["It", "This", "These", "They", "Its", "Their"].contains(String(first)) { return true }
        // "By default, it uses ...", "Otherwise, they ...": a short opener, then the pronoun.
        guard let opener = words.prefix(3).firstIndex(where: { $0.hasSuffix(",") }), opener + 1 < words.count else { return false }
        return ["it", "this", "these", "they", "its", "their"].contains(String(words[opener + 1]))
    }

    /// "For example, ...": a sentence that illustrates the one before it.
    static func givesAnExample(_ sentence: String) -> Bool {
        sentence.hasPrefix("For example") || sentence.hasPrefix("For instance") || sentence.hasPrefix("E.g.")
    }

    /// The best sentence holds clearly more of the question's words than the
    /// best of the `statements`, weighed alike: `outrankingMargin` more when
    /// it holds at least `outrankingShare` of them, twice that otherwise.
    /// "Where is the msi for group policy client installation?" is answered
    /// by the sentence naming the package, not by a requirement that shares
    /// "group policy" and "client".
    func sentencesOutrank(_ statements: [RankedStatement], _ ranking: @autoclosure () -> SentenceRanking?) -> Bool {
        guard let first = statements.first, !first.onStated, let ranking = ranking(), let best = ranking.sentences.first else {
            return false
        }
        // A statement's words from its subject (the heading or title it was found under)
        // are credited as a sentence's heading words are, not as words it writes itself.
        let statementShare = statements.prefix(8).map { ranked -> Double in
            let own = Set(Self.expanded(Words.tokens(ranked.statement.text).filter { !Words.isStopWord($0.word) }, lexicon.expansions))
            return ranking.query.share(holding: own.intersection(ranked.statement.stems),
                                       headingHolds: ranked.statement.stems.subtracting(own))
        }.max() ?? 0
        let margin = best.share >= Self.outrankingShare ? Self.outrankingMargin : 2 * Self.outrankingMargin
        return best.share >= statementShare + margin
    }

    static let outrankingShare = 0.75
    static let outrankingMargin = 0.15

    /// The first `limit` of `ranked` that say something the others do not: a
    /// sentence another quote brings along is not quoted again, and a quote
    /// that brings one already chosen takes its place (it says all that one does).
    static func distinct(_ ranked: [RankedSentence], upTo limit: Int) -> [RankedSentence] {
        // Two quotes under the one heading they are about are compared without it.
        var best: [RankedSentence] = []
        for candidate in ranked where best.count < limit {
            if best.contains(where: { $0.quote.ownText.contains(candidate.quote.ownText) }) { continue }
            if let held = best.firstIndex(where: { candidate.quote.ownText.contains($0.quote.ownText) }) {
                best[held] = candidate
            } else {
                best.append(candidate)
            }
        }
        return best
    }

    /// "Permissions - Run job › These roles have this permission: …" holds
    /// every word of "which roles have the Run Job permission?", two of them
    /// by its heading. The same sentence under "Permissions - Stop job" holds
    /// the others only: it is about another thing than the question, and is
    /// left out. A quote of the top one's own section stays.
    static func keepingTheTopQuotesSubject(_ best: [RankedSentence], query: SentenceQuery) -> [RankedSentence] {
        guard let top = best.first, best.count > 1 else { return best }
        func held(_ text: some StringProtocol) -> Set<String> {
            query.originals(Set(Words.tokens(String(text)).map(\.stem))).intersection(query.weights.keys)
        }
        let own = held(top.quote.ownText), heading = held(top.quote.heading)
        let asked = Set(query.weights.keys.filter { query.alternativeOf[$0] == nil })
        let byHeading = heading.subtracting(own)
        guard !byHeading.isEmpty, asked.isSubset(of: own.union(heading)) else { return best }
        return [top] + best.dropFirst().filter {
            $0.quote.sectionID == top.quote.sectionID || byHeading.isSubset(of: held($0.quote.sentence + " " + $0.quote.heading))
        }
    }

    /// The best ranked sentences as the answer, noting the question's words none of them holds.
    func sharedWordsAnswer(_ ranking: SentenceRanking?, _ b: inout AnswerBuilder) {
        guard let ranking else { return }
        let best = Self.keepingTheTopQuotesSubject(Self.distinct(ranking.sentences, upTo: 3), query: ranking.query)
        guard !best.isEmpty else { return }
        proseAnswer(best.map(\.quote), &b, group: Self.sharedWordsGroup)
        let held = best.reduce(into: Set<String>()) { $0.formUnion(Words.tokens($1.quote.sentence + " " + $1.quote.heading).map(\.stem)) }
        // A word is held by the other word for its act; that other word is never missed itself.
        let alternativeOf = ranking.query.alternativeOf
        let heldWords = held.union(held.compactMap { alternativeOf[$0] })
        let missing = ranking.words.filter {
            let stem = Words.stem($0)
            return ranking.query.weights[stem] != nil && alternativeOf[stem] == nil && !heldWords.contains(stem)
        }
        if !missing.isEmpty {
            b.answer.notes.append(Self.noQuoteHolds(missing))
        }
    }
}
