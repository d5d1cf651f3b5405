import Foundation

/// Learns abbreviations from the documents' own "long form (SHORT)" pairs:
/// "group policy object (GPO)", "extended interoperability client (EIC)".
///
/// The long form is found as Schwartz and Hearst (2003) do: the shortest run
/// of words before the parenthesis in which the short form's letters appear
/// in order, the first one starting a word.
enum AbbreviationFinder {
    struct Pair: Hashable {
        var short: String
        var long: String
    }

    static func pairs(in text: String) -> [Pair] {
        var found: [Pair] = []
        var seen: Set<Pair> = []
        // memchr: `utf8.contains` steps through the view a byte at a time, for every text of every document.
        var bytes = text
        let hasParenthesis = bytes.withUTF8 { utf8 in
            utf8.baseAddress.map { memchr($0, Int32(UInt8(ascii: "(")), utf8.count) != nil } ?? false
        }
        guard hasParenthesis else { return found }
        // Find the short forms first (cheap), then look back over the words
        // before each: a pattern spanning the words would backtrack badly.
        for m in shortForm.matches(in: text) {
            // "Azure Active Directory (Azure AD)": the word the short form
            // repeats stands before the long form, which "AD" alone stands for.
            let repeated = m.groups[0]
            let short = m.groups[1]
            let letters = short.filter { $0.isLetter || $0.isNumber }
            guard letters.count >= 2, letters.count <= 10, short.filter(\.isUppercase).count >= 2 else { continue }
            let before = text[..<m.range.lowerBound]
            guard before.last == " " else { continue }
            let words = Array(lastWords(of: before, count: 12).reversed()
                .prefix(while: { $0.allSatisfy { $0.isLetter || $0.isNumber || ".+-".contains($0) } })
                .reversed().map(String.init))
            let window = words.suffix(min(letters.count + 5, letters.count * 2))
            var candidates = Array(window)
            if !repeated.isEmpty {
                // The long form ends the words before the parenthesis, and the repeated word comes right before it.
                guard let long = longForm(for: letters, in: candidates) else { continue }
                let longCount = long.split(separator: " ").count
                guard candidates.count > longCount,
                      candidates[candidates.count - longCount - 1].caseInsensitiveCompare(repeated) == .orderedSame else { continue }
                candidates = Array(candidates.suffix(longCount))
            }
            if let long = longForm(for: letters, in: candidates), seen.insert(Pair(short: short, long: long)).inserted {
                found.append(Pair(short: short, long: long))
            }
        }
        return found
    }

    /// The last `count` space-separated words of `text`, in order: what
    /// `text.split(separator: " ").suffix(count)` gives, without splitting
    /// everything before each short form (quadratic in a paragraph full of them).
    static func lastWords(of text: Substring, count: Int) -> [Substring] {
        var words: [Substring] = []
        var wordEnd = text.endIndex
        var index = text.endIndex
        while index > text.startIndex, words.count < count {
            let previous = text.index(before: index)
            if text[previous] == " " {
                let start = text.index(after: previous)
                if start < wordEnd { words.append(text[start..<wordEnd]) }
                wordEnd = previous
            }
            index = previous
        }
        if words.count < count, text.startIndex < wordEnd { words.append(text[text.startIndex..<wordEnd]) }
        return words.reversed()
    }

    /// The shortest suffix of `words` that spells `letters`.
    static func longForm(for letters: String, in words: [String]) -> String? {
        for count in 1...max(words.count, 1) where count <= words.count {
            let phrase = words.suffix(count)
            guard let first = phrase.first?.first, first.lowercased() == letters.first?.lowercased(),
                  !beginsWithAJoiningWord(phrase) else { continue }
            if spells(Array(letters.lowercased()), Array(phrase.joined(separator: " ").lowercased())) {
                let long = phrase.joined(separator: " ")
                return long.count > letters.count ? long : nil
            }
        }
        return nil
    }

    /// "and Deployment Kit" (of "Windows Assessment and Deployment Kit (ADK)"):
    /// a lower-case joining word before capitalized words is inside a name,
    /// not its first word. "to be determined (TBD)" is written all in lower case.
    private static func beginsWithAJoiningWord(_ phrase: ArraySlice<String>) -> Bool {
        guard let first = phrase.first, functionWords.contains(first) else { return false }
        return phrase.dropFirst().contains { $0.first?.isUppercase == true }
    }

    /// Words that join the words of a name.
    private static let functionWords: Set<String> = ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of",
                                                     "on", "or", "the", "to", "with"]

    /// Matches the letters from the end, each at or before the previous one;
    /// the first letter must begin the phrase.
    private static func spells(_ letters: [Character], _ phrase: [Character]) -> Bool {
        var p = phrase.count - 1
        for (i, letter) in letters.enumerated().reversed() {
            while p >= 0 && (phrase[p] != letter || (i == 0 && p > 0 && phrase[p - 1].isLetter)) { p -= 1 }
            if p < 0 { return false }
            p -= 1
        }
        return true
    }

    private static let shortForm = Pattern(#"\((?:([A-Z][A-Za-z0-9]*) )?([A-Za-z][A-Za-z0-9]{1,9})\)"#, requiring: [["("], [")"]])
}

extension ExtractionRun {
    /// Every "long form (SHORT)" pair of the document, as aliases of kind
    /// `term` (or of the entity kind whose name the long form is).
    mutating func learnAbbreviations() {
        let componentNames = Set(facts.components.map { $0.name.lowercased() })
        // Lower-cased names of the aliases so far, by alias: a document can
        // state thousands of pairs, and scanning every alias for each was quadratic.
        var namesByAlias: [String: [String]] = [:]
        for alias in facts.aliases { namesByAlias[alias.alias, default: []].append(alias.name.lowercased()) }
        for (text, line) in inlineTexts {
            guard text.utf8.count <= Self.maxStatementLength else { continue }
            for pair in AbbreviationFinder.pairs(in: text)
            where !(namesByAlias[pair.short] ?? []).contains(where: { $0.contains(pair.long.lowercased()) }) {
                namesByAlias[pair.short, default: []].append(pair.long.lowercased())
                let kind = componentNames.contains(pair.long.lowercased()) ? "component"
                    : roleNames.contains(pair.long.lowercased()) ? "site_system_role" : "term"
                let section = document.section(containing: line)
                facts.aliases.append(Alias(
                    alias: pair.short, entityKind: kind, name: pair.long,
                    source: FactSource(path: document.path, line: line, anchor: section?.anchor ?? "",
                                       section: section?.heading ?? document.title)))
            }
        }
    }
}
