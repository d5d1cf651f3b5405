import Foundation

/// The last answer tried before the nearest topics: the section the
/// full-text index ranks first for the question's words, when its heading
/// and text hold most of them (by weight), quoted by its sentences that hold
/// the most of them.
///
/// A question in words of its own ("porcelain cracked when I pulled the
/// plug, what should the pyrometer read?") often matches the right section
/// first, while no one sentence holds enough of its words to be quoted. Held-out probes found the right
/// section first among the nearest topics of most questions left unanswered.
/// The answer says that no sentence held enough of the words.
extension AnswerEngine {
    static let nearestSectionGroup = "From the section holding most of the question's words"
    /// The weighted share of the question's known words the section (heading and text) must hold.
    static let nearestSectionShare = 0.8
    /// Question words a quoted sentence must hold itself.
    static let nearestSectionSentenceWords = 2
    /// The weighted share of the question's words (its heading's counting half) a quoted sentence must hold.
    static let nearestSectionSentenceShare = 0.4
    /// Sentences quoted from the section.
    static let nearestSectionQuotes = 2

    func nearestSectionAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        // The words sentences are ranked by, with the same guards: "what is X" names its subject whole,
        // and words no document uses are what the question is about unless there are enough others.
        guard let (query, words) = sentenceQuery(parsed),
              let section = sectionsMatching(words.map(Self.quotedTerm).joined(separator: " OR "), limit: 1).first else { return }
        let weights = query.weights
        let headingStems = Set(stems(section.heading))
        let sectionStems = section.lines.reduce(into: headingStems) { $0.formUnion(stems($1)) }
        guard query.wordsHeld(sectionStems.intersection(weights.keys)) >= Self.fewestSharedWords,
              query.share(holding: sectionStems) >= Self.nearestSectionShare else { return }
        let asksMeasure = !parsed.measurePositions.isEmpty, units = parsed.askedUnits
        func givesAskedMeasure(_ sentence: String) -> Bool {
            asksMeasure && (units.map { Self.givesMeasure(sentence, in: $0) } ?? Self.givesNumber(sentence))
        }
        var candidates: [(quote: ProseQuote, share: Double, givesMeasure: Bool)] = []
        for (lineIndex, line) in section.lines.enumerated() {
            for sentence in sentences(of: line) where sentence.count <= Self.longestQuotedSentence {
                let own = Set(stems(sentence))
                let held = own.intersection(weights.keys)
                let share = query.share(holding: held, headingHolds: headingStems)
                // In the section that holds the question's words, a sentence giving the measure asked
                // ("how long": "24 hours") needs half the share of the others.
                let givesMeasure = givesAskedMeasure(sentence)
                // A statement saying more than the question's words ("Self-service portal" is a name), and
                // not one that only sends the reader elsewhere ("For more information, see X.").
                guard query.wordsHeld(held) >= Self.nearestSectionSentenceWords,
                      share >= Self.nearestSectionSentenceShare / (givesMeasure ? 2 : 1),
                      own.subtracting(held).count >= Self.wordsBesidesTheQuestion, !Self.isPointer(sentence) else { continue }
                let quote = ProseQuote(sentence: sentence, heading: section.heading, cite: section.cite(atLine: lineIndex),
                                       sectionID: section.id, defines: false, holdsEveryWord: false,
                                       citedAtHeading: section.citedAtHeading, coverage: held.count, closeness: 3,
                                       position: candidates.count)
                candidates.append((quote, share, givesMeasure))
            }
        }
        // A sentence giving the measure asked ("how long": "24 hours") first; then the larger share;
        // among equals, the earlier sentence. Quoted in the section's order.
        let best = candidates
            .sorted { ($0.givesMeasure ? 1 : 0, $0.share, -$0.quote.position) > ($1.givesMeasure ? 1 : 0, $1.share, -$1.quote.position) }
            .prefix(Self.nearestSectionQuotes).sorted { $0.quote.position < $1.quote.position }
        guard !best.isEmpty else { return }
        proseAnswer(best.map(\.quote), &b, group: Self.nearestSectionGroup)
        if b.answer.found {
            b.answer.notes.append("no sentence holds enough of the question's words: quoting the section that holds most of them")
        }
    }
}
