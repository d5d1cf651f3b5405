import Foundation

/// Word-level text handling shared by question understanding and ranking:
/// tokens, a light stemmer (so "installation", "install" and "installing"
/// meet), stop words, and edit distance for typo tolerance.
///
/// Everything here is language mechanics; nothing names a product or an
/// article, so the same code serves any documentation set.
public struct Token: Hashable, Sendable {
    /// Lower-cased surface form ("installation", "4.5.2", "source").
    public var word: String
    /// Stemmed form used for matching ("install").
    public var stem: String
    /// Position among the tokens of the text.
    public var position: Int
    /// Written as a command-line switch ("/source", "-source").
    public var isSwitch: Bool
    /// Written right after a dot that follows a word, like a file extension
    /// ("msi" in "wimgapi.msi"); not a name that starts with a dot (".NET").
    public var followsDot: Bool = false
    /// Joined to the word before by a hyphen, as one compound ("only" in "read-only").
    public var followsHyphen: Bool = false
    /// Written with a capital first letter, as names are ("Analyst").
    public var isCapitalized: Bool = false
    /// One of the words an abbreviation of the question stands for, put beside it by the parser.
    public var isExpansion: Bool = false
    /// Another word for the act the written word before it names ("modify"
    /// beside "edit"), put there by the parser; also an expansion.
    public var isAlternative: Bool = false
    /// Written as capitals and a final small "s" ("DPs", "MPs"): an
    /// abbreviation made plural, not a word ending in s ("HTTPS", "bus").
    public var isPluralAcronym: Bool = false
}

public enum Words {
    /// Splits text into tokens. Runs of letters/digits form words; a digit run
    /// continues through dots ("4.5.2", "6.0.6001.18000"); hyphens, slashes and
    /// other punctuation separate words. "n't" becomes a separate "not", and
    /// other contractions ("'s", "'re") are dropped.
    ///
    /// Scans Unicode scalars with an ASCII fast path: the lexicon and every
    /// row of the knowledge base go through here when a process starts.
    public static func tokens(_ text: String) -> [Token] {
        let bytes = Array(text.utf8)
        guard !bytes.contains(where: { $0 >= 128 }) else { return scalarTokens(text) }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
        func isWord(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || isUpper(b) || isDigit(b) }
        var result: [Token] = []
        var i = 0
        while i < bytes.count {
            guard isWord(bytes[i]) else { i += 1; continue }
            let start = i
            var allDigits = true
            while i < bytes.count {
                if isWord(bytes[i]) {
                    if !isDigit(bytes[i]) { allDigits = false }
                    i += 1
                } else if bytes[i] == UInt8(ascii: "."), allDigits, i + 1 < bytes.count, isDigit(bytes[i + 1]) {
                    i += 1
                } else {
                    break
                }
            }
            // Lower-cased as it is copied out: the text's own bytes still tell a capital.
            let word = String(unsafeUninitializedCapacity: i - start) { buffer in
                for k in start..<i { buffer[k - start] = isUpper(bytes[k]) ? bytes[k] + 32 : bytes[k] }
                return i - start
            }
            let prev: UInt8 = start > 0 ? bytes[start - 1] : 32
            let beforePrev: UInt8 = start > 1 ? bytes[start - 2] : 32
            let pluralAcronym = i - start >= 3 && bytes[i - 1] == UInt8(ascii: "s") && bytes[start..<(i - 1)].allSatisfy(isUpper)
            append(word, afterApostrophe: prev == UInt8(ascii: "'"), switchMark: prev == 47 || prev == 45,
                   separated: beforePrev == 32 || beforePrev == 96 || beforePrev == 40 || beforePrev == 34 || start == 1,
                   afterDot: prev == UInt8(ascii: ".") && isWord(beforePrev), afterHyphen: prev == 45 && isWord(beforePrev),
                   capitalized: isUpper(bytes[start]), pluralAcronym: pluralAcronym, to: &result)
        }
        return result
    }

    /// Adds one word, folding contractions: after an apostrophe, "t" turns the
    /// previous word's "n" into "not"; other tails ("'s", "'re") are dropped.
    private static func append(_ word: String, afterApostrophe: Bool, switchMark: Bool, separated: Bool,
                               afterDot: Bool, afterHyphen: Bool, capitalized: Bool, pluralAcronym: Bool,
                               to result: inout [Token]) {
        if afterApostrophe {
            if word == "t", let last = result.last, last.word.hasSuffix("n") {
                let base = last.word == "can" ? "can" : last.word == "won" ? "will" : String(last.word.dropLast())
                result[result.count - 1] = Token(word: base, stem: stem(base), position: last.position, isSwitch: last.isSwitch)
                result.append(Token(word: "not", stem: "not", position: result.count, isSwitch: false))
            }
            return
        }
        result.append(Token(word: word, stem: stem(word), position: result.count, isSwitch: switchMark && separated,
                            followsDot: afterDot, followsHyphen: afterHyphen, isCapitalized: capitalized,
                            isPluralAcronym: pluralAcronym))
    }

    /// The general path for text with non-ASCII letters or punctuation.
    private static func scalarTokens(_ text: String) -> [Token] {
        var result: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        func isWord(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v < 128 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57) }
            return s.properties.isAlphabetic
        }
        func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
        while i < scalars.count {
            guard isWord(scalars[i]) else { i += 1; continue }
            let start = i
            var allDigits = true
            while i < scalars.count {
                let s = scalars[i]
                if isWord(s) {
                    if !isDigit(s) { allDigits = false }
                    i += 1
                } else if s == ".", allDigits, i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                    i += 1
                } else {
                    break
                }
            }
            var word = String(String.UnicodeScalarView(scalars[start..<i]))
            if word.utf8.contains(where: { $0 >= 65 && $0 <= 90 || $0 >= 128 }) { word = word.lowercased() }
            let prev = start > 0 ? scalars[start - 1] : " "
            let beforePrev = start > 1 ? scalars[start - 2] : " "
            let pluralAcronym = i - start >= 3 && scalars[i - 1] == "s"
                && scalars[start..<(i - 1)].allSatisfy { $0.value >= 65 && $0.value <= 90 }
            append(word, afterApostrophe: isApostrophe(prev), switchMark: prev == "/" || prev == "-",
                   separated: beforePrev == " " || beforePrev == "`" || beforePrev == "(" || beforePrev == "\"" || start == 1,
                   afterDot: prev == "." && isWord(beforePrev), afterHyphen: prev == "-" && isWord(beforePrev),
                   capitalized: scalars[start].properties.isUppercase, pluralAcronym: pluralAcronym, to: &result)
        }
        return result
    }

    /// The stem that stands for the act `stem` names, when readers and
    /// documents name it with different verbs: a question says "deploy the
    /// client" where the documents say "install" it. English usage, not any
    /// one document's: used when ranking statements against a question.
    static func sameAct(_ stem: String) -> String {
        actSynonyms[stem] ?? stem
    }

    private static let actSynonyms: [String: String] = {
        var map: [String: String] = [:]
        for (words, act) in [(["deploy", "deploys", "deployed", "deploying"], "install"),
                             (["deployment", "deployments"], "installation"),
                             (["find", "finds", "finding", "found"], "locate")] {
            for word in words where stem(word) != stem(act) { map[stem(word)] = stem(act) }
        }
        return map
    }()

    /// An adverb in -ly ("actually", "automatically"): it says how, and names
    /// nothing. Words in -ly that are not ("apply", "family", "monthly") are
    /// the exceptions, as they are in English.
    static func isAdverb(_ token: Token) -> Bool {
        token.word.hasSuffix("ly") && token.stem != token.word && !lyNonAdverbs.contains(token.word)
            && !token.word.hasSuffix("ply")
    }

    private static let lyNonAdverbs: Set<String> = ["family", "assembly", "anomaly", "monthly", "weekly", "daily", "hourly",
                                                    "yearly", "quarterly", "early", "friendly", "italy", "reply", "rely"]

    /// The sum of `weight` over `stems`, added in one order whatever order a
    /// `Set` hands them out in (it differs from process to process): float
    /// addition rounds differently in another order, and scores that differed
    /// in their last bit broke ties between answers differently on each run.
    static func orderedSum(_ stems: some Sequence<String>, _ weight: (String) -> Double) -> Double {
        stems.sorted().reduce(0) { $0 + weight($1) }
    }

    /// Stems of the content words of `text` (stop words removed), in order.
    public static func contentStems(_ text: String) -> [String] {
        tokens(text).filter { !isStopWord($0.word) }.map(\.stem)
    }

    /// A deliberately small suffix stripper: consistent rather than linguistic,
    /// since question words and knowledge-base words go through the same one.
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        func ends(_ suffix: [UInt8]) -> Bool {
            guard w.count >= suffix.count else { return false }
            var i = w.count - suffix.count
            for byte in suffix {
                if w[i] != byte { return false }
                i += 1
            }
            return true
        }
        func strip(_ suffix: [UInt8], replacement: UInt8? = nil) -> Bool {
            guard ends(suffix), w.count - suffix.count >= 3 else { return false }
            w.removeLast(suffix.count)
            if let replacement { w.append(replacement) }
            return true
        }
        if !strip(Suffix.ies, replacement: UInt8(ascii: "y")) {
            // "access", "status", "analysis" keep their s, and so does an
            // initialism with no vowel before it ("https" is not many "http").
            let vowels = w.dropLast().contains { "aeiouy".utf8.contains($0) }
            if !(ends(Suffix.ss) || ends(Suffix.us) || ends(Suffix.is)), vowels { _ = strip(Suffix.s) }
        }
        // "automatically" is "automatic", as "basically" is "basic".
        if ends(Suffix.ically), w.count - Suffix.ically.count >= 3 {
            w.removeLast(4)
        } else if let stripped = Suffix.endings.first(where: { strip($0) }), stripped == Suffix.ed || stripped == Suffix.er,
                  w.last == UInt8(ascii: "i") {
            // "specified", "denied", "applied": the y that became i before the ending
            // comes back, so they meet "specify", "deny", "apply" (and "specifies").
            w[w.count - 1] = UInt8(ascii: "y")
        }
        // "approval", "removal", "retrieval": the noun of the verb ("approve", "remove").
        // Only after a v: "portal", "total" and "local" are no verbs' nouns.
        if ends(Suffix.val), w.count - Suffix.al.count >= 4 { w.removeLast(Suffix.al.count) }
        _ = strip(Suffix.e)
        return String(decoding: w, as: UTF8.self)
    }

    private enum Suffix {
        static let ies = Array("ies".utf8), ss = Array("ss".utf8), us = Array("us".utf8), `is` = Array("is".utf8)
        static let s = Array("s".utf8), e = Array("e".utf8), ically = Array("ically".utf8)
        static let endings = ["ations", "ation", "ments", "ment", "ings", "ing", "ed", "er", "ly"].map { Array($0.utf8) }
        static let ed = Array("ed".utf8), er = Array("er".utf8)
        static let val = Array("val".utf8), al = Array("al".utf8)
    }

    /// Function words that carry no subject. Question words and intent cues are
    /// handled by `IntentDetector`; they are not listed here.
    public static func isStopWord(_ word: String) -> Bool { stopWords.contains(word) }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with",
        "into", "onto", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am",
        "do", "does", "did", "i", "me", "my", "we", "our", "you", "your", "it", "its", "this",
        "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "how",
        "when", "where", "why", "can", "could", "should", "would", "will", "shall", "may", "might",
        "must", "have", "has", "had", "if", "then", "so", "than", "any", "some", "such", "each",
        "all", "both", "either", "neither", "also", "just", "only", "own", "same", "very",
        "please", "tell", "show", "give", "list", "s", "t", "get", "use", "used", "using", "uses",
        "one", "more", "most", "other", "else", "not", "no", "without", "via", "per", "up", "many", "much", "few",
        // Pronouns the list above leaves out.
        "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers", "us", "ours", "yours",
        "itself", "themselves", "myself", "ourselves", "yourself",
        // Fillers of spoken questions ("can someone really do that too?").
        "too", "really", "actually", "ok", "okay", "someone", "somebody", "anyone", "anybody", "stuff", "thing", "things",
        // Indefinite pronouns ("do I need anything on the server?"): the rest of the question says what.
        "anything", "something", "everything", "everyone", "everybody",
        // Words that bring in examples ("files like packages, etc.").
        "like", "etc",
        // "stick around", "hang around": the verb says it, not the particle.
        "around",
    ]

    /// Everyday words for what technical documents name otherwise, read as
    /// the documents' term when no document uses the everyday word (see
    /// `QuestionParser.parse`). General IT usage, not any one document's.
    static let everydayTerms: [String: String] = [
        "pc": "computer", "pcs": "computers", "machine": "computer", "machines": "computers",
        "laptop": "computer", "laptops": "computers", "workstation": "computer", "workstations": "computers",
        "reboot": "restart", "reboots": "restarts", "rebooted": "restarted", "rebooting": "restarting",
        "dc": "domain controller", "dcs": "domain controllers", "ping": "icmp",
        "phone": "mobile device", "phones": "mobile devices", "smartphone": "mobile device", "smartphones": "mobile devices",
        "handheld": "mobile device", "handhelds": "mobile devices",
        "info": "information", "cert": "certificate", "certs": "certificates",
        "admin": "administrator", "admins": "administrators",
        "db": "database", "dbs": "databases", "config": "configuration", "configs": "configurations",
        "prereq": "prerequisite", "prereqs": "prerequisites", "perms": "permissions", "creds": "credentials",
        "prop": "property", "props": "properties", "ver": "version", "vers": "versions",
        "acct": "account", "accts": "accounts", "max": "maximum",
        "track": "monitor", "tracks": "monitors", "tracked": "monitored", "tracking": "monitoring",
        "vm": "virtual machine", "vms": "virtual machines", "win": "windows",
        "redist": "redistributable", "redists": "redistributables", "vc": "visual c",
        // Contractions that keep a word's consonants, which no guess from a prefix finds.
        "mgmt": "management", "mgr": "manager", "mgrs": "managers", "cfg": "configuration",
        "pkg": "package", "pkgs": "packages", "svc": "service", "svcs": "services",
        "msg": "message", "msgs": "messages", "pwd": "password", "pwds": "passwords",
        "env": "environment", "envs": "environments", "repo": "repository", "repos": "repositories",
        "comms": "communications", "cmd": "command",
        // Spelling of the hurried.
        "b4": "before", "thru": "through",
    ]

    /// Everyday words for acts and things that technical documents, and the
    /// names of permissions, often word otherwise, by the stem of the
    /// question's word (every form of "edit" meets "modify"): either word in
    /// a sentence counts as the one asked (see `QuestionParser.parse`).
    /// Unlike `everydayTerms`, the question's own word is kept, since the
    /// documents use it too. General IT usage, not any one document's.
    static let otherWordings: [String: String] = [
        stem("edit"): "modify", stem("change"): "modify", stem("rename"): "name",
        stem("remove"): "delete", stem("delete"): "remove",
        // "set X to run from ..." where documents "configure" it.
        stem("set"): "configure",
        // "let ping through", "stop users from ..." where documents "allow" and "prevent".
        stem("let"): "allow", stem("stop"): "prevent",
        // "app requests" where documents say "application requests", and often "app" as well.
        stem("app"): "application",
    ]

    /// Particles that make a phrasal verb, whose noun writes them as one word
    /// ("fail over": "failover", "set up": "setup", "back up": "backup").
    static let particles: Set<String> = ["over", "up", "down", "in", "out", "on", "off", "back"]
    /// Shorter joins ("go on": "goon") are seldom the noun of the verb.
    static let shortestJoinedVerb = 6

    /// Words that negate the clause they are in.
    static let negations: Set<String> = ["not", "no", "without", "never", "none", "nor", "unless"]

    /// `a` is `b` with two neighbouring letters swapped ("psuh", "push").
    static func isAdjacentSwap(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x.count == y.count, let first = x.indices.first(where: { x[$0] != y[$0] }), first + 1 < x.count else {
            return false
        }
        return x[first] == y[first + 1] && x[first + 1] == y[first] && x[(first + 2)...] == y[(first + 2)...]
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent swaps),
    /// giving up early once it exceeds `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    /// How far a word may be from a known word and still count as a typo of it.
    static func typoBudget(forLength length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case 4...7: return 1
        default: return 2
        }
    }
}
