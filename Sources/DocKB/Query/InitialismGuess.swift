import Foundation

/// What an abbreviation of a question most likely stands for, when no
/// document defines it or uses it: the run of words whose initials spell it
/// that the documents write most often ("TS" for the "task sequence" an
/// article speaks of fifty times).
///
/// Guessing is only worth it for a word the documents never use, or use
/// seldom (see `writtenMoreOftenFactor`): the question would otherwise go
/// unanswered. It is kept to words written in
/// capitals, as abbreviations are, and to a run of words clearly more
/// frequent than any other spelling the same initials, so that a word that
/// only looks like an abbreviation finds nothing.
enum InitialismGuess {
    /// Letters an abbreviation may have: "TS" to "WSUS"-sized ones.
    static let letters = 2...5
    /// How often the likeliest run must be written.
    static let minimumCount = 3
    /// How many times more often than the next run it must be written.
    static let dominance = 2
    /// An abbreviation the documents write in few sections is read as its
    /// words when they write those side by side in this many times more
    /// sections. Half the factor a clipping needs: capitals mark an
    /// abbreviation where lower-case letters may be a word of its own. A
    /// held-out probe wrote "DA" where its articles write it in 2 sections
    /// and "desktop analytics" in 17.
    static let writtenMoreOftenFactor = 5
    /// Characters that end a phrase: a run of words never spans one ("string qualifiers | Read").
    static let phraseBreaks: Set<Character> = [".", ",", ";", ":", "|", "(", ")", "[", "]", "!", "?", "\n", "\""]

    /// The words of `question` that look like abbreviations a document might
    /// spell out, lower-cased: written in capitals ("WID"), or in capitals
    /// made plural ("ADRs", read as "adr"), letters only, and no stop word ("IT").
    static func abbreviations(in question: String) -> Set<String> {
        var found: Set<String> = []
        for word in question.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let capitals = word.count >= 3 && word.last == "s" ? word.dropLast() : word
            guard letters.contains(capitals.count), capitals.allSatisfy({ $0.isASCII && $0.isUppercase }) else { continue }
            let lowered = capitals.lowercased()
            if !Words.isStopWord(lowered) { found.insert(lowered) }
        }
        return found
    }

    /// The words (as most often written, lower-cased) of the run that
    /// `abbreviation` most likely stands for in `texts`, or nil when no run
    /// is written often enough and clearly more often than the others.
    /// A run is that many consecutive words of one phrase (no punctuation or
    /// table cell border between them), none of them a stop word, whose
    /// first letters spell the abbreviation; runs that differ only in their
    /// words' endings ("rule", "rules") count as one. A run is not counted
    /// where one of its words is itself written in capitals ("Azure VM"): that
    /// word is an abbreviation of its own.
    static func likeliestWords(spelling abbreviation: String, in texts: [String]) -> [String]? {
        let initials = Array(abbreviation.lowercased())
        guard letters.contains(initials.count), initials.allSatisfy(\.isLetter) else { return nil }
        var forms = WrittenForms()
        for phrase in texts.flatMap({ $0.split(whereSeparator: { phraseBreaks.contains($0) }) }) {
            let written = phrase.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
            guard written.count >= initials.count else { continue }
            let words = written.map { $0.lowercased() }
            for start in 0...(words.count - initials.count) {
                let end = start + initials.count
                let run = words[start..<end]
                guard zip(run, initials).allSatisfy({ word, initial in
                    word.first == initial && word.count > 1 && word.allSatisfy(\.isLetter) && !Words.isStopWord(word)
                }), !written[start..<end].contains(where: { $0.allSatisfy(\.isUppercase) }) else { continue }
                forms.add(run.joined(separator: " "), stemmed: run.map(Words.stem).joined(separator: " "))
            }
        }
        return forms.likeliest(minimumCount: minimumCount, dominance: dominance)?
            .split(separator: " ").map(String.init)
    }
}
