import Foundation

/// Measures asked for ("how long", "how often", "how much disk space"):
/// the numbers sentences give them in, the units each asks for, and the
/// answers that prefer a sentence giving the measure to lines that do not.
extension AnswerEngine {
    /// Number words a sentence may write a measure with instead of digits
    /// ("one" and "once" say "a" and "when" as often as they count).
    static let numberWords: Set<String> = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                           "eleven", "twelve", "twenty", "thirty", "hundred", "thousand", "twice",
                                           "hourly", "daily", "weekly", "monthly"]

    /// Words before "one" that make it a count.
    static let countingOneLeads: Set<String> = ["than", "only", "exactly", "just", "most", "least"]

    /// The sentence gives a measure: a number in words, or in digits that
    /// are not part of a name ("Windows 10", "TLS 1.2").
    static func givesNumber(_ sentence: String) -> Bool {
        !numbers(in: sentence).isEmpty
    }

    /// The words of `sentence` that give a measure (see `givesNumber`).
    static func numbers(in sentence: String) -> [String] {
        let tokens = Words.tokens(sentence)
        return tokens.indices.filter { index in
            let token = tokens[index]
            if numberWords.contains(token.word) { return true }
            // "more than one", "only one", "at most one": a count, where "one" alone is seldom one.
            if token.word == "one", index > 0, countingOneLeads.contains(tokens[index - 1].word) { return true }
            // "only a single X", "a single X": one.
            if token.word == "single", index > 0, ["a", "only"].contains(tokens[index - 1].word) { return true }
            guard token.word.first?.isNumber == true, token.word.allSatisfy({ $0.isNumber || $0 == "." }) else { return false }
            return index == 0 || !tokens[index - 1].isCapitalized
        }.map { tokens[$0].word }
    }

    /// The units a measure asked with `word` is given in ("how often": minutes,
    /// days; "how much": megabytes, and time too); nil for a count, which
    /// takes no unit ("how many").
    static func units(ofMeasure word: String) -> Set<String>? {
        switch word {
        case "long", "often", "frequently", "soon", "old": return timeUnits
        case "much", "big", "large": return sizeUnits.union(timeUnits)
        // "maximum length", "maximum size" (see `QuestionParser.measurePositions`).
        case "length": return lengthUnits
        case "size": return sizeUnits
        default: return nil
        }
    }

    static let timeUnits: Set<String> = ["second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins",
                                         "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks",
                                         "month", "months", "year", "years", "ms", "milliseconds"]
    static let lengthUnits: Set<String> = ["character", "characters", "chars", "letters", "digits", "bytes"]
    static let sizeUnits: Set<String> = ["kb", "mb", "gb", "tb", "byte", "bytes", "kilobytes", "megabytes",
                                         "gigabytes", "terabytes", "percent"]

    /// The sentence gives a number in one of `units` ("every 15 minutes", "500 MB").
    static func givesMeasure(_ sentence: String, in units: Set<String>) -> Bool {
        givesMeasure(Words.tokens(sentence), in: units)
    }

    /// `givesMeasure` for a sentence's tokens, read already.
    static func givesMeasure(_ tokens: [Token], in units: Set<String>) -> Bool {
        tokens.indices.dropLast().contains { index in
            let number = tokens[index].word
            guard numberWords.contains(number) || number.first?.isNumber == true else { return false }
            return units.contains(tokens[index + 1].word)
        }
    }

    /// "How much disk space does the Fabrikam agent need?": when none of the
    /// lines the subject's route found gives a number along with most of the
    /// question's words ("the relay needs 15 GB of disk space" is another
    /// thing's), and a sentence holding most of them does, those sentences
    /// answer instead (the number-giving first), as they do when no route
    /// finds anything.
    func measureNoLineGives(_ parsed: ParsedQuestion, _ ranking: LazySentenceRanking, _ b: inout AnswerBuilder) {
        guard b.answer.found, !parsed.measurePositions.isEmpty, let ranked = ranking.ranking,
              let first = ranked.sentences.first, first.share >= Self.measureSentenceShare,
              Self.givesNumber(first.quote.sentence) else { return }
        func givesTheMeasure(_ line: String) -> Bool {
            let held = Set(Self.expanded(Words.tokens(line).filter { !Words.isStopWord($0.word) }, lexicon.expansions))
            return ranked.query.share(holding: held) >= Self.measureSentenceShare && Self.givesNumber(line)
        }
        guard !b.answer.items.contains(where: { givesTheMeasure($0.text) }) else { return }
        var sentences = startAnswer(b.answer.question, parsed, context: b.context)
        sharedWordsAnswer(ranked, &sentences)
        if sentences.answer.found { b = sentences }
    }

    /// "How often is X uploaded?": no statement quoted would give a number,
    /// and the best ranked sentence gives one in the unit asked ("every 15 minutes").
    func onlySentencesGiveTheMeasure(_ parsed: ParsedQuestion, _ statements: [RankedStatement],
                                     _ ranking: LazySentenceRanking) -> Bool {
        guard let units = parsed.askedUnits,
              !Self.quotable(statements).contains(where: { Self.givesNumber($0.statement.text) }),
              let first = ranking.ranking?.sentences.first else { return false }
        return Self.givesMeasure(first.quote.sentence, in: units)
    }

    /// The share of the question's words a number-giving sentence holds to answer a measure over the route's lines.
    static let measureSentenceShare = 0.8
}
