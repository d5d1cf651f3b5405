import Foundation

/// What a shortened word of a question most likely stands for: the longer
/// word it begins that the documents write most often ("diag" for the
/// "diagnostics" they name dozens of times).
///
/// As with `InitialismGuess`, guessing is worth it for a word the documents
/// never write (or write seldom, see
/// `KnowledgeBaseSnapshot.word(seldomWrittenClipping:known:)`), and the
/// likeliest word must be written clearly more often than any other the
/// clipping begins: "auth", which begins both "authentication" and
/// "authorization" about as often, stays unread.
enum ClippedWordGuess {
    /// Letters a clipping may have: "cert" to "config"-sized ones. Three
    /// letters begin too many words to guess from ("min": minimum, minutes).
    static let letters = 4...6
    /// How often the likeliest word must be written.
    static let minimumCount = 3
    /// How many times more often than the next word it must be written.
    static let dominance = 2
    /// A clipping keeps at most half of its word ("cert" of "certificate"):
    /// "extra" is a word of its own, not a clipping of "extracted".
    static let lengthFactor = 2

    /// Rows of the documents read at most to find the likeliest word: a
    /// prefix as common as "config" begins 13,000 rows of the corpus, and
    /// reading them all cost a quarter of a second per question.
    static let rowsRead = 1000
    /// A clipping the documents write is read as its word too when the word
    /// is written in this many times more sections, an order of magnitude
    /// ("cert" in one section, "certificate" in dozens): the question most
    /// likely means the word. A clipping that is a word in its own right is
    /// written more often than that ("pack": "language pack").
    static let writtenMoreOftenFactor = 10
    /// A clipping written in more sections than this share of them (and
    /// than `fewestSectionsCounted`) is a word in its own right, however
    /// often a longer one is written.
    static let mostSectionsPercent = 1
    /// So few sections count as seldom however small the documents are.
    static let fewestSectionsCounted = 3

    /// Whether `word` (as the question wrote it) may be a clipping: letters
    /// only, not in capitals (an abbreviation, see `InitialismGuess`), and
    /// no stop word.
    static func mayBeClipping(_ word: Substring) -> Bool {
        letters.contains(word.count) && word.allSatisfy { $0.isASCII && $0.isLetter }
            && !word.allSatisfy(\.isUppercase) && !Words.isStopWord(word.lowercased())
    }

    /// The word (lower-cased, as most often written) that `clipping` most
    /// likely shortens in `texts`, or nil when none is written often enough
    /// and clearly more often than the others. Words that differ only in
    /// their endings ("certificate", "certificates") count as one.
    static func likeliestWord(clippedTo clipping: String, in texts: [String]) -> String? {
        let prefix = Array(clipping.lowercased().utf8)
        guard letters.contains(prefix.count), prefix.allSatisfy(isLetter) else { return nil }
        var forms = WrittenForms()
        for text in texts {
            for word in words(beginning: prefix, in: Array(text.utf8)) { forms.add(word, stemmed: Words.stem(word)) }
        }
        return forms.likeliest(minimumCount: minimumCount, dominance: dominance)
    }

    /// The words of `text` (lower-cased ASCII letters, a whole word each)
    /// that begin with `prefix` and are at least `lengthFactor` times as long.
    /// A word running on into digits or other letters ("ref2", "référence") is no word of letters,
    /// and a capital after a small letter makes an identifier of code ("mgmtExcept"), not a word.
    private static func words(beginning prefix: [UInt8], in text: [UInt8]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < text.count {
            guard isWordByte(text[index]) else { index += 1; continue }
            let start = index
            while index < text.count, isWordByte(text[index]) { index += 1 }
            let length = index - start
            guard length >= prefix.count * lengthFactor,
                  text[start..<index].allSatisfy(isLetter), !isIdentifier(text[start..<index]),
                  zip(text[start...], prefix).allSatisfy({ $0.asciiLowercased == $1 }) else { continue }
            found.append(String(decoding: text[start..<index].map(\.asciiLowercased), as: UTF8.self))
        }
        return found
    }

    /// A small letter followed by a capital: "mgmtExcept", "getValue".
    private static func isIdentifier(_ word: ArraySlice<UInt8>) -> Bool {
        zip(word, word.dropFirst()).contains { $0 >= 97 && $0 <= 122 && $1 >= 65 && $1 <= 90 }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    private static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= 48 && byte <= 57) || byte >= 128 }
}
