import Foundation

/// Matches what a user says ("with /source", "from another forest", "schema is
/// extended", "version 2107", `set forest another`) to the condition variables
/// the extractor recorded, by word overlap with each variable's phrase.
struct FactReader {
    let lexicon: Lexicon
    /// Whether the documents write "version NUMBER": such a number, named
    /// without a cue word ("ConfigMgr 1906"), is the product's version.
    var documentsCallVersion: @Sendable (String) -> Bool = { _ in false }

    struct Stated {
        var context = QueryContext()
        /// "source = yes (from “with /source”)", one per fact, for the answer's header.
        var notes: [String] = []
        var consumed: Set<Int> = []
        /// Each condition variable the question names: the words that name it and its note.
        var variables: [(name: String, positions: Set<Int>, note: String)] = []
    }

    static let yesWords: Set<String> = ["yes", "y", "true", "on", "1", "set", "enabled"]
    static let noWords: Set<String> = ["no", "n", "false", "off", "0", "none", "disabled"]
    /// Words that ask ("is X required?") rather than state.
    static let askingStems: Set<String> = Set(["need", "require", "prerequisite", "dependency", "necessary"].map(Words.stem))
    /// The share of a condition's words (by weight) a question must say when it lacks the rarest.
    static let coverageWithoutRarestWord = 0.85
    static let versionCues: Set<String> = ["version", "versions", "build", "release", "branch", "cb", "v"]
    /// Names of operating systems, whose releases are numbered like the
    /// product's ("Windows 10 version 1607"). General IT usage.
    static let operatingSystemWords: Set<String> = [
        "windows", "win", "win10", "win11", "macos", "osx", "ios", "ipados", "android", "linux", "ubuntu",
    ]
    /// Words before a number that make it a port, whatever the documents call it.
    static let portCues: Set<String> = ["port", "ports", "tcp", "udp"]

    /// Facts stated inside a question. Words at `excluded` positions name the
    /// question's subject and cannot state a fact on their own ("what does the
    /// fallback status point do" says nothing about one being assigned).
    func facts(in tokens: [Token], excluding excluded: Set<Int> = []) -> Stated {
        var stated = Stated()
        for (index, token) in tokens.enumerated() where isVersionNumber(token.word) {
            let before = tokens[max(0, index - 2)..<index].map(\.word)
            // "Windows Server version 1803", "win10 1607": the version of the
            // operating system the product runs on, not the product's.
            if tokens[max(0, index - 3)..<index].contains(where: { Self.operatingSystemWords.contains($0.word) }) { continue }
            if before.contains(where: Self.versionCues.contains)
                || (!before.contains(where: Self.portCues.contains) && documentsCallVersion(token.word)) {
                stated.context.version = token.word
                stated.notes.append("version = \(token.word)")
                stated.consumed.insert(index)
            }
        }
        for form in lexicon.variables {
            guard let positions = match(form, tokens, excluding: excluded) else { continue }
            // "without the update" agrees with a phrase that itself says "not updated".
            let value = isNegated(positions, tokens) == form.negated
            stated.context.flags[form.variable.name] = value
            stated.consumed.formUnion(positions)
            let note = "\(form.variable.name) = \(value ? "yes" : "no") (from “\(quote(positions, tokens))”)"
            stated.notes.append(note)
            stated.variables.append((form.variable.name, positions, note))
        }
        return stated
    }

    /// Positions of the question words that name `form`'s variable, if they do.
    private func match(_ form: Lexicon.VariableForm, _ tokens: [Token], excluding excluded: Set<Int>) -> Set<Int>? {
        let switchHits = tokens.indices.filter {
            tokens[$0].isSwitch && !excluded.contains($0) && form.switches.contains(tokens[$0].word)
        }
        if !switchHits.isEmpty { return Set(switchHits) }
        let content = tokens.indices.filter {
            !Words.isStopWord(tokens[$0].word) && !excluded.contains($0) && !Self.askingStems.contains(tokens[$0].stem)
        }
        let hits = content.filter { form.stems.contains(tokens[$0].stem) }
        guard !hits.isEmpty, !form.stems.isEmpty else { return nil }
        let matched = Set(hits.map { tokens[$0].stem })
        let total = Words.orderedSum(form.stems, lexicon.weight)
        let coverage = Words.orderedSum(matched, lexicon.weight) / max(total, 0.0001)
        let needed = form.switches.isEmpty ? 0.6 : 0.85
        guard coverage >= needed, matched.count >= min(2, form.stems.count) else { return nil }
        // Common words alone ("install", "manage") do not state a fact unless
        // the question says the whole phrase.
        guard coverage >= 0.9 || matched.contains(where: { lexicon.weight($0) >= lexicon.typicalWeight }) else { return nil }
        // Nor do its common words without its rarest ("the catalog size" is not "the size of the
        // catalog and of the backlog"), unless the question says nearly the whole phrase.
        let rarest = form.stems.map(lexicon.weight).max() ?? 0
        guard coverage >= Self.coverageWithoutRarestWord
                || form.stems.filter({ lexicon.weight($0) >= rarest }).allSatisfy(matched.contains) else { return nil }
        return Set(hits)
    }

    /// The question's words from a leading negation to the last matched word.
    private func quote(_ positions: Set<Int>, _ tokens: [Token]) -> String {
        guard let first = positions.min(), let last = positions.max() else { return "" }
        let negation = tokens[max(0, first - 3)..<first].first { Words.negations.contains($0.word) }?.position
        return tokens[(negation ?? first)...last].map { $0.isSwitch ? "/" + $0.word : $0.word }.joined(separator: " ")
    }

    /// A negation shortly before or among the matched words ("without /source",
    /// "haven't extended the schema", "not from another forest").
    private func isNegated(_ positions: Set<Int>, _ tokens: [Token]) -> Bool {
        guard let first = positions.min(), let last = positions.max() else { return false }
        return tokens[max(0, first - 3)...last].contains { Words.negations.contains($0.word) }
    }

    private func isVersionNumber(_ word: String) -> Bool {
        word.count == 4 && word.allSatisfy(\.isNumber) && (word.hasPrefix("1") || word.hasPrefix("2"))
    }

    enum Assignment: Equatable {
        case flag(String, Bool)
        case version(String)
    }

    /// Reads `set NAME VALUE`: an exact variable name or `version`, else words
    /// matched against variable phrases ("set forest another", "set schema extended").
    func assignment(name: String, value: String) -> Result<Assignment, SetError> {
        let lowerName = name.lowercased(), lowerValue = value.lowercased()
        if lowerName == "version" {
            let v = lowerValue.trimmingCharacters(in: .whitespaces)
            guard v.first?.isNumber == true else { return .failure(.badVersion(value)) }
            return .success(.version(v))
        }
        let yes = Self.yesWords.contains(lowerValue), no = Self.noWords.contains(lowerValue)
        if let exact = lexicon.variables.first(where: { $0.variable.name.lowercased() == lowerName }) {
            guard yes || no else { return .failure(.badValue(value)) }
            return .success(.flag(exact.variable.name, yes))
        }
        let phrase = (yes || no) ? name : "\(name) \(value)"
        let tokens = Words.tokens(phrase)
        var scored: [(String, Double)] = []
        for form in lexicon.variables {
            let stems = Set(tokens.filter { !Words.isStopWord($0.word) && !Words.negations.contains($0.word) }.map(\.stem))
                .union(tokens.filter(\.isSwitch).map(\.stem))
            let matched = stems.intersection(form.stems.union(form.switches))
            guard !matched.isEmpty else { continue }
            let total = Words.orderedSum(form.stems, lexicon.weight)
            scored.append((form.variable.name, Words.orderedSum(matched, lexicon.weight) / max(total, 0.0001)))
        }
        scored.sort { $0.1 > $1.1 }
        guard let best = scored.first else {
            return .failure(.unknownName(name, lexicon.variables.map(\.variable.name)))
        }
        if scored.count > 1, scored[1].1 == best.1 {
            return .failure(.ambiguous(name, scored.prefix(4).map(\.0)))
        }
        let negated = no || tokens.contains { Words.negations.contains($0.word) }
        return .success(.flag(best.0, !negated))
    }

    enum SetError: Error, Equatable, CustomStringConvertible {
        case badVersion(String), badValue(String), unknownName(String, [String]), ambiguous(String, [String])

        var description: String {
            switch self {
            case .badVersion(let v): return "not a version: \(v) (try `set version 2107`)"
            case .badValue(let v): return "use yes or no, not \(v)"
            case .unknownName(let n, let known):
                let list = known.isEmpty ? "the knowledge base records no conditions" : "known: " + known.joined(separator: ", ")
                return "no condition matches \(n); \(list)"
            case .ambiguous(let n, let names):
                return "\(n) could mean " + names.joined(separator: ", ") + "; use one of these names"
            }
        }
    }
}
