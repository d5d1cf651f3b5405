import Foundation

/// Small regular-expression helpers shared by the extractors. Patterns are
/// compiled once (NSRegularExpression is thread-safe for matching).
struct Pattern: @unchecked Sendable {
    let regex: NSRegularExpression
    /// Words every match contains: from each group, at least one (lower-case ASCII).
    private let required: [[[UInt8]]]

    /// `requiring` lists words any match must contain, so that text without
    /// them is turned away before the regular expression runs: matching goes
    /// through NSString and ICU, and the extractor asks every sentence of
    /// every document. `[["tcp", "udp"], ["port"]]`: "tcp" or "udp", and "port".
    init(_ pattern: String, caseInsensitive: Bool = true, requiring required: [[String]] = []) {
        // The patterns are literals of this module: a bad one is a programming error.
        regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        self.required = required.map { $0.map { Array($0.lowercased().utf8) } }
    }

    /// False only when no match is possible. Only ASCII text is turned away:
    /// case-insensitive matching folds a few other characters (ſ, the Kelvin
    /// sign, ligatures such as ﬁ) into ASCII letters, so a word may be spelled
    /// without its ASCII letters.
    func mayMatch(_ text: String) -> Bool {
        guard !required.isEmpty else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard Text.isASCII(bytes) else { return true }
            return required.allSatisfy { words in words.contains { Text.contains(bytes, lowercaseASCII: $0) } }
        }
    }

    /// Capture groups of the first match (group 0 excluded); nil groups become "".
    func firstMatch(in text: String) -> [String]? {
        guard mayMatch(text) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let m = regex.firstMatch(in: text, range: range) else { return nil }
        return (1..<max(m.numberOfRanges, 1)).map { i in
            Range(m.range(at: i), in: text).map { String(text[$0]) } ?? ""
        }
    }

    /// Every match: its whole range and its capture groups.
    func matches(in text: String) -> [(range: Range<String.Index>, groups: [String])] {
        guard mayMatch(text) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { m in
            guard let whole = Range(m.range, in: text) else { return nil }
            let groups = (1..<max(m.numberOfRanges, 1)).map { i in
                Range(m.range(at: i), in: text).map { String(text[$0]) } ?? ""
            }
            return (whole, groups)
        }
    }

    func matches(_ text: String) -> Bool {
        guard mayMatch(text) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// Words `Text.contains(_:anyOf:)` looks for, lower-cased once: the
/// extractor asks every statement of every document about the same few.
struct CaseFoldedWords: Sendable {
    let words: [String]
    /// The words' lower-case bytes; nil when one of them is not ASCII (Foundation compares those).
    fileprivate let lowercaseASCII: [[UInt8]]?

    init(_ words: [String]) {
        self.words = words
        lowercaseASCII = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? words.map { Array($0.lowercased().utf8) } : nil
    }
}

enum Text {
    /// Whether `text` contains `word`, ignoring case as Foundation's
    /// `.caseInsensitive` search does. ASCII text is searched byte by byte;
    /// other text goes to Foundation, whose case folding it needs.
    static func contains(_ text: String, ignoringCase word: String) -> Bool {
        contains(text, anyOf: CaseFoldedWords([word]))
    }

    /// Whether `text` contains any of `words`, ignoring case as `contains(_:ignoringCase:)`
    /// does; the words are lower-cased once, where they are made, and ASCII
    /// text is checked for being ASCII once for all of them.
    static func contains(_ text: String, anyOf words: CaseFoldedWords) -> Bool {
        var text = text
        let ascii: Bool? = text.withUTF8 { bytes in
            guard let lowered = words.lowercaseASCII, isASCII(bytes) else { return nil }
            return lowered.contains { contains(bytes, lowercaseASCII: $0) }
        }
        return ascii ?? words.words.contains { text.range(of: $0, options: .caseInsensitive) != nil }
    }

    /// Splits running text into sentences at `.`, `!` or `?` followed by space and
    /// a capital letter, without breaking version numbers or file names.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            current.append(c)
            if c == "\n" || ((c == "." || c == "!" || c == "?") && i + 2 < chars.count
                && chars[i + 1] == " " && (chars[i + 2].isUppercase || chars[i + 2] == "`" || chars[i + 2] == "*")) {
                let s = current.collapsingWhitespace
                if !s.isEmpty { result.append(s) }
                current = ""
            }
            i += 1
        }
        let s = current.collapsingWhitespace
        if !s.isEmpty { result.append(s) }
        return result
    }

    /// The text with a trailing period (and spaces) removed.
    static func trimmingPeriod(_ s: String) -> String {
        trimmingPeriodASCII(s) ?? trimmingPeriodFoundation(s)
    }

    /// `trimmingPeriod` of any text.
    static func trimmingPeriodFoundation(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = t.last, last == "." || last == ":" || last == ";" || last == "," {
            t.removeLast()
        }
        return t.trimmingCharacters(in: .whitespaces)
    }

    /// `trimmingPeriod` of ASCII text without Foundation, which goes through
    /// NSString on Linux (half a percent of a corpus build); nil for other
    /// text. The second trim, like `.whitespaces`, spares line breaks.
    static func trimmingPeriodASCII(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { bytes -> String? in
            guard isASCII(bytes) else { return nil }
            func isSpaceOrBreak(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            guard var start = bytes.firstIndex(where: { !isSpaceOrBreak($0) }) else { return "" }
            var end = bytes.lastIndex(where: { !isSpaceOrBreak($0) })! + 1
            while end > start, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ":")
                || bytes[end - 1] == UInt8(ascii: ";") || bytes[end - 1] == UInt8(ascii: ",") {
                end -= 1
            }
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "you", "you're", "youre", "your", "are", "is", "be", "been", "being", "was",
        "were", "have", "has", "had", "haven't", "havent", "hasn't", "not", "don't", "dont", "do", "does",
        "didn't", "did", "that", "this", "these", "those", "it", "its", "to", "of", "for", "with", "on",
        "in", "from", "by", "at", "as", "or", "and", "if", "when", "unless", "use", "using", "following",
        "specified", "specify", "you've", "there", "there's", "any", "all", "can", "must", "need", "needs",
        "will", "would", "should", "may", "might", "also", "then", "than", "which", "who", "what",
        "isn't", "aren't", "doesn't", "won't", "wasn't", "case", "upon", "on", "into", "parameter",
        "command-line", "property", "that's", "it's", "what's", "its", "their",
    ]

    /// A slug of the content words of a clause: `extended-active-directory-schema`.
    static func slug(_ clause: String, maxWords: Int = 5) -> String {
        let words = clause.lowercased()
            .replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" || $0 == "/") })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'-/")) }
            .filter { !$0.isEmpty && !stopWords.contains($0) }
        return words.prefix(maxWords).joined(separator: "-")
    }

    /// "Microsoft Background Intelligent Transfer Service (BITS)" → ("Microsoft ...Service", "BITS").
    static func splitAbbreviation(_ name: String) -> (name: String, abbreviation: String?) {
        guard let m = abbreviationPattern.firstMatch(in: name) else { return (name, nil) }
        let base = m[0].trimmingCharacters(in: .whitespaces)
        let abbreviation = m[1]
        guard !base.isEmpty, isAbbreviation(abbreviation, of: base) else { return (name, nil) }
        return (base + m[2], abbreviation)
    }

    private static let abbreviationPattern = Pattern(#"^(.*?)\s*\(([A-Za-z0-9\-\.]{2,12})\)(.*)$"#, caseInsensitive: false,
                                                     requiring: [["("], [")"]])

    /// True when `abbreviation` is mostly capitals and starts with the initial
    /// of a word of `phrase`: BITS for Background Intelligent Transfer Service,
    /// MSXML for Microsoft Core XML Services, EIC for extended interoperability client.
    static func isAbbreviation(_ abbreviation: String, of phrase: String) -> Bool {
        let letters = abbreviation.filter(\.isLetter)
        guard letters.count >= 2, letters.filter(\.isUppercase).count * 2 > letters.count,
              let first = letters.first?.uppercased() else { return false }
        let initials = phrase.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap { $0.first?.uppercased() }
        return initials.contains(first)
    }
}
