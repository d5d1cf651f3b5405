/// What a question asks for, independent of what it asks about.
public enum Intent: String, Sendable, Codable {
    /// "what do I need for X", "prerequisites for X"
    case requirements
    /// "which ports does X use"
    case ports
    /// "what permissions do I need to X"
    case permissions
    /// "who can X", "which security role ..."
    case securityRoles = "security roles"
    /// "which site system roles are optional ..."
    case siteSystemRoles = "site system roles"
    /// "which version of X", "since which version ..."
    case version
    /// "is X 4.6 enough?", "does the client need .NET 4.6?": a stated release
    /// against the minimum version (chosen by the engine, not the detector)
    case versionCheck = "version check"
    /// "is X required (for Y)?"
    case isRequired = "is required"
    /// "what is X"
    case whatIs = "what is"
    /// "what is X for", "what does X do"
    case purpose
    /// "what might need a restart"
    case restart
    /// "list all X"
    case list
    /// "what changed", "what's new since the last build": the recorded build history
    case changes
    /// anything else: the statements about the subject that best match the words
    case lookup
}

/// The typed tables a "list all ..." question can enumerate.
public enum ListKind: String, Sendable, Codable, CaseIterable {
    case components, siteSystemRoles = "site system roles", securityRoles = "security roles",
         permissions, ports, installMethods = "installation methods", requirements,
         aliases = "abbreviations", documents
}

/// Reads the intent from the question's shape: the head noun of a
/// "what/which ..." phrase, a leading "is/are/does", "who", "list", and cue
/// words. These are English question mechanics, shared by every document set.
struct IntentDetector {
    struct Result {
        var intent: Intent
        var listKind: ListKind?
        /// Necessity words the question filters on ("optional", "required").
        var necessity: String?
        /// Token positions that only served to express the intent.
        var consumed: Set<Int>
        /// Content words of the "what/which ..." phrase that are not intent
        /// words: the kind of thing the answer must name ("which DNS record").
        var head: [Int] = []
        /// Which builds and changes a `.changes` question asks for.
        var changes: ChangeQuestion?
        /// "Which role ...", neither "site system" nor "security" said: read
        /// as site system roles when a necessity word is asked, which the
        /// answer may revisit (a role one needs to do something is a security role).
        var bareRole = false
    }

    /// Verbs that ask what is possible or due ("which roles can remove users").
    static let modals: Set<String> = ["can", "could", "may", "might", "should", "must", "shall", "will", "would"]
    static let auxiliaries: Set<String> = Set(["do", "does", "did", "is", "are", "was", "were", "have", "has"])
        .union(modals.subtracting(["shall"]))
    /// Verbs that, ending "what does X ...?", ask what X is for: what it lets one do.
    static let grantingVerbs: Set<String> = ["allow", "permit", "grant", "enable", "let"]
    /// Words after "how" that ask for a number: a duration, a count, a frequency, a size.
    static let measureWords: Set<String> = ["long", "many", "much", "often", "frequently", "big", "large", "old", "soon"]
    /// Words that open a clause of condition or time ("what happens *if* ...").
    static let clauseOpeners: Set<String> = ["if", "when", "whenever", "once", "unless", "after", "before", "while", "during"]
    /// Stems of verbs that only say something takes place ("what happens", "what occurs").
    static let eventVerbs: Set<String> = ["happen", "occur"]
    /// Stems of nouns that ask for what follows from a clause, as "what happens" does:
    /// "what's the risk if ...", "what is the impact when ...".
    static let outcomeNouns: Set<String> = Set(["risk", "risks", "impact", "consequence", "consequences", "effect",
                                                "effects", "downside", "downsides", "danger", "dangers"].map(Words.stem))
    /// Words between "what" and the noun it asks with ("what is the risk").
    static let beforeANoun: Set<String> = ["is", "are", "the", "a", "an"]
    static let prepositions: Set<String> = ["for", "of", "to", "in", "with", "on", "by", "from", "about", "when", "if"]

    /// Cue words, for typo correction and vocabulary.
    static let cueWords: Set<String> = Set<String>([
        "port", "ports", "firewall", "permission", "permissions", "rights", "privileges", "security",
        "role", "roles", "who", "version", "versions", "minimum", "need", "needed", "require",
        "required", "requirement", "requirements", "prerequisite", "prerequisites", "dependency",
        "dependencies", "restart", "reboot", "list", "component", "components", "method", "methods",
        "install", "installation", "describe", "explain", "purpose", "optional", "recommended",
        "mandatory", "necessary", "site", "system", "abbreviations", "documents",
    ]).union(ChangeQuestion.vocabulary)

    private static let necessityStems: [String: String] = [
        "optional": "optional", "recommend": "recommended", "requir": "required",
        "mandatory": "required", "necessary": "required", "need": "required",
    ]

    func detect(_ tokens: [Token]) -> Result {
        let words = tokens.map(\.word), stems = tokens.map(\.stem)
        func positions(of stem: String) -> [Int] { stems.indices.filter { stems[$0] == stem } }
        let necessity = stems.compactMap { Self.necessityStems[$0] }.first { $0 != "required" }
            ?? stems.compactMap { Self.necessityStems[$0] }.first

        // First: "list all components added since the last build" is about the history, not the table.
        if let change = ChangeQuestion.read(tokens) {
            return Result(intent: .changes, consumed: change.consumed, changes: change)
        }
        if let listResult = listIntent(words, stems) { return listResult }
        if stems.contains("restart") || stems.contains("reboot") {
            return Result(intent: .restart, consumed: Set(positions(of: "restart") + positions(of: "reboot")))
        }
        if let first = words.first, ["is", "are", "do", "does", "must", "should"].contains(first),
           let cue = stems.firstIndex(where: { Self.necessityStems[$0] != nil }) {
            return Result(intent: .isRequired, necessity: necessity, consumed: [0, cue])
        }
        if let who = words.firstIndex(of: "who") {
            return Result(intent: .securityRoles, consumed: [who])
        }
        if let wh = words.firstIndex(where: { $0 == "what" || $0 == "which" }) {
            // "What happens if ...?": "what" is the subject of the verb after it, which a
            // clause follows; no head noun names a kind of thing, and the answer gives a consequence.
            // A cue word still says what kind of answer it is ("what happens if port 10123 is blocked?").
            // "What happens (by default) ..." asks the same, whatever follows the verb.
            let verb = wh + 1
            // "What is the risk if ...": the noun, not a verb, says an outcome is asked.
            var noun = verb
            while noun < words.count, Self.beforeANoun.contains(words[noun]) { noun += 1 }
            let outcome = noun + 1 < words.count && Self.outcomeNouns.contains(stems[noun])
                && Self.clauseOpeners.contains(words[noun + 1])
            if verb < words.count, outcome || Self.eventVerbs.contains(stems[verb])
                || (wh + 2 < words.count && Self.clauseOpeners.contains(words[wh + 2])) {
                let consumed: Set<Int> = outcome ? [wh, noun] : Self.eventVerbs.contains(stems[verb]) ? [wh, verb] : [wh]
                if let cue = cueIntent(stems) { return Result(intent: cue.0, necessity: necessity, consumed: consumed.union(cue.1)) }
                return Result(intent: .lookup, consumed: consumed)
            }
            let head = headPhrase(after: wh, words)
            if let (intent, used) = intentNoun(in: head, words, stems) {
                // "What port does X use ...?": a sentence answering it names a port, as rows do.
                // (Not so for the other kinds: "you need Modify on Collection" names no "permission".)
                return Result(intent: intent, necessity: necessity, consumed: Set(used + [wh]),
                              head: intent == .ports ? used.filter { stems[$0] == "port" } : [],
                              bareRole: intent == .siteSystemRoles && used.count == 1)
            }
            if stems.contains("minimum") || (words.contains("since") && stems.contains("version")) {
                return Result(intent: .version, consumed: Set(positions(of: "minimum") + positions(of: "version")))
            }
            // "Which install method should I use instead?": a way of doing something is
            // asked for, which sentences name; a cue word elsewhere ("firewall") says why.
            if head.contains(where: { Self.wayNouns.contains(words[$0]) }) {
                return Result(intent: .lookup, consumed: [wh], head: head.filter { !Words.isStopWord(words[$0]) })
            }
            if let cue = cueIntent(stems) { return Result(intent: cue.0, necessity: necessity, consumed: Set(cue.1 + [wh])) }
            // "What has to be configured before I can turn on X?": what comes before the
            // asker does something is what that takes.
            if let before = words.firstIndex(of: "before"), before > wh, before + 1 < words.count,
               ["i", "we", "you"].contains(words[before + 1]) {
                return Result(intent: .requirements, consumed: [wh, before])
            }
            let headWords = head.filter { !Words.isStopWord(words[$0]) }
            let copula = wh + 1 < words.count && ["is", "are"].contains(words[wh + 1])
            // "What does X do?", "what can X do?", and for a role, "what does X allow?"
            let asksWhatItDoes = words.last == "do" || Self.grantingVerbs.contains(words.last ?? "")
            let doVerb = asksWhatItDoes && wh + 1 < words.count && ["does", "do", "can"].contains(words[wh + 1])
            // "What is the default value of X?" asks for one attribute of X
            // (the head before "of"), which sentences give, not what X is.
            let asksAttribute = copula && head.upperBound < words.count && words[head.upperBound] == "of"
                && !headWords.isEmpty && !headWords.contains { Self.definitionNouns.contains(stems[$0]) }
                && words[(head.upperBound + 1)...].contains { !Words.isStopWord($0) }
            if asksAttribute { return Result(intent: .lookup, consumed: [wh], head: headWords) }
            if copula || doVerb {
                let asksPurpose = words.last == "for" || doVerb || stems.contains("purpos")
                return Result(intent: asksPurpose ? .purpose : .whatIs, consumed: [wh])
            }
            return Result(intent: .lookup, consumed: [wh], head: headWords)
        }
        if stems.contains("minimum") { return Result(intent: .version, consumed: Set(positions(of: "minimum"))) }
        if let cue = cueIntent(stems) { return Result(intent: cue.0, necessity: necessity, consumed: Set(cue.1)) }
        // "How do I install ...?" asks what it takes; "how many ... installation ...?" asks for a number.
        // The question may open with what it states ("I haven't extended the schema, how do I install ...?").
        if let how = words.firstIndex(of: "how"), how == 0 || (how + 1 < words.count && Self.auxiliaries.contains(words[how + 1])),
           !(how + 1 < words.count && Self.measureWords.contains(words[how + 1])),
           stems[how...].contains(where: { ["install", "deploy", "configur", "set"].contains($0) }) {
            return Result(intent: .requirements, consumed: [how])
        }
        if let first = words.first, ["describe", "explain", "define"].contains(first) {
            return Result(intent: .whatIs, consumed: [0])
        }
        return Result(intent: .lookup, consumed: [])
    }

    /// Words that say how old the versions asked for are.
    static let versionAgeWords: Set<String> = ["older", "newer", "earlier", "later", "previous", "prior",
                                               "oldest", "newest", "latest"]

    /// Head nouns of "what is the N of X?" that ask what X is, as stems.
    static let definitionNouns: Set<String> = Set(["meaning", "definition", "purpose", "point", "idea", "difference",
                                                   "function", "role", "use", "goal"].map(Words.stem))

    /// The words after "what/which" that the question is about: up to an
    /// auxiliary verb ("which ports *do*...") or, after "what is the ...", up
    /// to a preposition ("what is the minimum X version *for* ...").
    private func headPhrase(after wh: Int, _ words: [String]) -> Range<Int> {
        var start = wh + 1
        var stopAtPreposition = false
        if start < words.count, ["is", "are"].contains(words[start]) {
            start += 1
            stopAtPreposition = true
        }
        var end = start
        while end < words.count {
            let w = words[end]
            if Self.auxiliaries.contains(w) { break }
            if stopAtPreposition, Self.prepositions.contains(w) { break }
            end += 1
        }
        return start..<max(start, end)
    }

    /// Nouns for a way of doing something ("which method", "what options").
    static let wayNouns: Set<String> = ["method", "methods", "way", "ways", "option", "options", "approach", "approaches",
                                        "alternative", "alternatives"]

    /// The first intent-bearing noun of the head phrase.
    private func intentNoun(in head: Range<Int>, _ words: [String], _ stems: [String]) -> (Intent, [Int])? {
        for i in head {
            switch stems[i] {
            case "port", "firewall": return (.ports, [i])
            case "permission", "right", "privileg": return (.permissions, [i])
            case "version", "build", "releas":
                // A build or release is a version where it heads the phrase: "which older X build
                // (can ...)", "which release of X" (not "which build tools").
                guard stems[i] == "version" || i + 1 == head.upperBound || words[i + 1] == "of" else { continue }
                // "Which older X versions ...": the versions' age is what the list of them answers, in no word of its own.
                let age = (head.lowerBound..<i).filter { Self.versionAgeWords.contains(words[$0]) }
                return (.version, age + [i])
            case "prerequisit", "requir", "dependency": return (.requirements, [i])
            case "rol":
                let site = i >= 2 && stems[i - 1] == "system" && stems[i - 2] == "sit"
                if site { return (.siteSystemRoles, [i - 2, i - 1, i]) }
                let security = i >= 1 && stems[i - 1] == "security"
                if security { return (.securityRoles, [i - 1, i]) }
                // Only site system roles are required or optional: a bare
                // "roles" asked with a necessity word means them.
                if stems.contains(where: { Self.necessityStems[$0] != nil || $0 == "need" }) { return (.siteSystemRoles, [i]) }
                return (.securityRoles, [i])
            case "administrator": return (.securityRoles, [])
            default: continue
            }
        }
        return nil
    }

    /// Cue words anywhere in the question, in order of how specific they are.
    private func cueIntent(_ stems: [String]) -> (Intent, [Int])? {
        let cues: [(Set<String>, Intent)] = [
            (["port", "firewall"], .ports),
            (["permission", "privileg"], .permissions),
            (["need", "requir", "prerequisit", "dependency"], .requirements),
        ]
        for (set, intent) in cues {
            let hits = stems.indices.filter { set.contains(stems[$0]) }
            if !hits.isEmpty { return (intent, hits) }
        }
        return nil
    }

    private func listIntent(_ words: [String], _ stems: [String]) -> Result? {
        let starts = ["list", "enumerate", "show"].contains(words.first ?? "")
        guard starts || words.contains("all") || words.contains("every") else { return nil }
        guard let (kind, used) = listKind(stems) else { return nil }
        if !starts, words.first == "what" || words.first == "which" || words.first == "is" {
            // "what do all methods need" is not a listing
            guard used.contains(where: { words.indices.contains($0 - 1) && ["all", "every"].contains(words[$0 - 1]) }) else { return nil }
        }
        return Result(intent: .list, listKind: kind, consumed: Set(used + [0]))
    }

    func listKind(_ stems: [String]) -> (ListKind, [Int])? {
        for i in stems.indices {
            switch stems[i] {
            case "component": return (.components, [i])
            case "permission": return (.permissions, [i])
            case "port": return (.ports, [i])
            case "method": return (.installMethods, i > 0 && stems[i - 1] == "install" ? [i - 1, i] : [i])
            case "prerequisit", "requir": return (.requirements, [i])
            case "abbrevi", "acronym", "alia": return (.aliases, [i])
            case "docu", "articl": return (.documents, [i])
            case "rol":
                if i >= 2, stems[i - 1] == "system" { return (.siteSystemRoles, [i - 2, i - 1, i]) }
                return (.securityRoles, i >= 1 && stems[i - 1] == "security" ? [i - 1, i] : [i])
            default: continue
            }
        }
        return nil
    }
}
