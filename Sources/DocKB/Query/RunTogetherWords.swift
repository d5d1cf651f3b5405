/// Words a question writes as one that the documents write as two: "wifi"
/// where they write "Wi-Fi", "standalone" where they write "stand-alone",
/// "bootimage" where they write "boot image"; and an initial run into a
/// number, "o365" where they write "Office 365".
///
/// As with the other guesses (`ClippedWordGuess`, `InitialismGuess`), a
/// reading is tried only for a word the documents never write, or write
/// seldom, and it must be the documents' own wording: the two words side by
/// side in their text, the initial's word before that very number.
enum RunTogetherWords {
    /// Letters a run-together word has at least: "wifi".
    static let shortest = 4
    /// Letters each of the two words has at least: "wi" of "Wi-Fi".
    static let shortestPart = 2
    /// A word the documents write is read as two words too when these are
    /// written side by side in this many times more sections (as a seldom
    /// clipping is read as its word, see `ClippedWordGuess`).
    static let writtenMoreOftenFactor = ClippedWordGuess.writtenMoreOftenFactor
    /// How often the initial's word must be written before the number, and
    /// how many times more often than any other word with that initial.
    static let minimumCount = ClippedWordGuess.minimumCount
    static let dominance = ClippedWordGuess.dominance

    /// Whether `word` (as the question wrote it) may be two words run
    /// together: letters only, long enough, and not in capitals (an
    /// abbreviation, see `InitialismGuess`).
    static func mayRunTogether(_ word: Substring) -> Bool {
        word.count >= shortest && word.allSatisfy { $0.isASCII && $0.isLetter } && !word.allSatisfy(\.isUppercase)
    }

    /// Every way of cutting `word` into two words of at least `shortestPart` letters, in order.
    static func splits(of word: String) -> [[String]] {
        let letters = Array(word.lowercased())
        guard letters.count >= 2 * shortestPart else { return [] }
        return (shortestPart...(letters.count - shortestPart)).map { [String(letters[..<$0]), String(letters[$0...])] }
    }

    /// `splits(of:)`, then those with a part the everyday-term table reads as
    /// one word of the documents ("winpe": "win pe", then "windows pe").
    static func readings(of word: String) -> [[String]] {
        let splits = splits(of: word)
        let read = splits.map { $0.map { part in Words.everydayTerms[part].flatMap { $0.contains(" ") ? nil : $0 } ?? part } }
        return splits + read.filter { !splits.contains($0) }
    }

    /// The split of a word whose candidates (`readings(of:)`) the documents
    /// write side by side in `phraseSections` sections: the one written in
    /// the most (the first on a tie). A word written in `wordSections`
    /// sections already is read so only when the split is written
    /// `writtenMoreOftenFactor` times as often.
    static func likeliestSplit(_ candidates: [[String]], phraseSections: [Int], wordSections: Int) -> [String]? {
        guard let best = zip(candidates, phraseSections).max(by: { $0.1 < $1.1 }), best.1 > 0,
              best.1 >= writtenMoreOftenFactor * wordSections else { return nil }
        return best.0
    }

    /// "o365": one letter then digits, which names a number-suffixed product
    /// by its initial; the letter and the digits, or nil.
    static func initialAndNumber(_ word: String) -> (initial: Character, number: String)? {
        guard let first = word.first, first.isASCII, first.isLetter, word.count >= 3,
              word.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (Character(first.lowercased()), String(word.dropFirst()))
    }

    /// The word (lower-cased, as most often written) that `texts` write
    /// right before `number` and that begins with `initial`, when it is
    /// written so at least `minimumCount` times and `dominance` times as
    /// often as any other: "office" for "o" and "365".
    static func likeliestWord(initial: Character, number: String, in texts: [String]) -> String? {
        var forms = WrittenForms()
        for text in texts {
            let tokens = Words.tokens(text)
            for (word, next) in zip(tokens, tokens.dropFirst()) where next.word == number {
                guard word.word.count > 1, word.word.first == initial, word.word.allSatisfy(\.isLetter) else { continue }
                forms.add(word.word, stemmed: word.stem)
            }
        }
        return forms.likeliest(minimumCount: minimumCount, dominance: dominance)
    }
}
