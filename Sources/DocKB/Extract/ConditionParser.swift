import Foundation

/// Reads the conditions a sentence puts on a rule, from the phrasings the
/// documents use: version gates ("Starting in version 1906", "(version 2107
/// and later)"), negative conditions ("If you haven't ...", "Unless you ..."),
/// situational ones ("When you ...", "Depending upon ...", "(for upgrades only)").
struct ConditionParser: Sendable {
    struct Result: Equatable {
        var condition: Condition
        /// The words the condition was read from, as written.
        var text: String
        var variables: [ConditionVariable]
    }

    /// The conditions a statement opens with ("If ...", "When ...", "Starting
    /// in version ..."), and an "unless" anywhere, combined with "and". Later
    /// sentences explain consequences ("If the site doesn't have X, clients
    /// fall back to Y"), which are not conditions on the statement itself.
    func parse(_ text: String) -> Result? {
        let sentences = Text.sentences(text)
        guard let first = sentences.first else { return nil }
        var parts = parseSentence(first)
        for sentence in sentences.dropFirst() {
            if let m = Self.unless.firstMatch(in: sentence) {
                parts.append(negate(clauseCondition(m[0], original: "Unless " + m[0])))
            }
        }
        return combine(parts)
    }

    /// The condition of a subordinate clause found anywhere in a sentence, as in
    /// port descriptions: "... to a management point when the connection is over
    /// HTTP, and you do not specify ... /source".
    func parseEmbedded(_ text: String) -> Result? {
        var parts = versionGates(in: text)
        if let m = Self.embeddedWhen.firstMatch(in: text) {
            parts.append(clauseCondition(m[0], original: m[0]))
        } else if let m = Self.unless.firstMatch(in: text) {
            parts.append(negate(clauseCondition(m[0], original: "unless " + m[0])))
        }
        return combine(parts)
    }

    private func combine(_ parts: [Result]) -> Result? {
        guard let first = parts.first else { return nil }
        if parts.count == 1 { return first }
        return Result(condition: .all(parts.map(\.condition)),
                      text: parts.map(\.text).joined(separator: "; "),
                      variables: parts.flatMap(\.variables))
    }

    private func parseSentence(_ sentence: String) -> [Result] {
        var results = versionGates(in: sentence)
        if let m = Self.leadingIf.firstMatch(in: sentence) {
            results.append(alternatives(m[0], original: "If " + m[0]))
        } else if let m = Self.leadingWhen.firstMatch(in: sentence) {
            results.append(clauseCondition(m[0], original: "When " + m[0]))
        } else if let m = Self.dependingOn.firstMatch(in: sentence) {
            results.append(clauseCondition(m[0], original: "Depending on " + m[0]))
        }
        if let m = Self.unless.firstMatch(in: sentence) {
            results.append(negate(clauseCondition(m[0], original: "Unless " + m[0])))
        }
        if let m = Self.onlyQualifier.firstMatch(in: sentence) {
            results.append(clauseCondition(m[0], original: "for " + m[0] + " only"))
        }
        return results
    }

    private func versionGates(in text: String) -> [Result] {
        var results: [Result] = []
        for m in Self.startingIn.matches(in: text) {
            results.append(version(.atLeast, m.groups[0], text: String(text[m.range])))
        }
        for m in Self.versionAndLater.matches(in: text) {
            let later = ["later", "newer", "higher"].contains(m.groups[1].lowercased())
            results.append(version(later ? .atLeast : .atMost, m.groups[0], text: String(text[m.range])))
        }
        for m in Self.beforeVersion.matches(in: text) {
            results.append(version(.before, m.groups[0], text: String(text[m.range])))
        }
        return results
    }

    private func version(_ op: Condition.VersionComparison, _ v: String, text: String) -> Result {
        Result(condition: .version(op, v), text: text, variables: [])
    }

    /// "you haven't extended the AD schema, or you're installing clients from another forest"
    private func alternatives(_ clause: String, original: String) -> Result {
        let pieces = Self.orSplit.regex.stringByReplacingMatches(
            in: clause, range: NSRange(clause.startIndex..., in: clause), withTemplate: "\u{1F}")
            .split(separator: "\u{1F}").map(String.init)
        let parts = pieces.map { clauseCondition($0, original: $0) }
        if parts.count == 1 { return Result(condition: parts[0].condition, text: original, variables: parts[0].variables) }
        return Result(condition: .any(parts.map(\.condition)), text: original, variables: parts.flatMap(\.variables))
    }

    /// One clause → a flag, negated when the clause is ("haven't", "do not").
    func clauseCondition(_ clause: String, original: String) -> Result {
        let andParts = clause.components(separatedBy: ", and ")
        if andParts.count > 1 {
            let parts = andParts.map { clauseCondition($0, original: $0) }
            return Result(condition: .all(parts.map(\.condition)), text: original, variables: parts.flatMap(\.variables))
        }
        // Only a negation of the clause's own verb counts, not one inside a
        // relative clause ("a version of Windows that's not updated").
        let mainClause = Self.relativeClause.firstMatch(in: clause).map { $0[0] } ?? clause
        let negated = Self.negation.matches(mainClause)
        let name = flagName(clause)
        let phrase = negated ? Self.negation.regex.stringByReplacingMatches(
            in: clause, range: NSRange(clause.startIndex..., in: clause), withTemplate: "") : clause
        let variable = ConditionVariable(name: name, phrase: phrase.collapsingWhitespace)
        return Result(condition: negated ? .not(.flag(name)) : .flag(name), text: original, variables: [variable])
    }

    private func negate(_ r: Result) -> Result {
        if case .not(let inner) = r.condition { return Result(condition: inner, text: r.text, variables: r.variables) }
        return Result(condition: .not(r.condition), text: r.text, variables: r.variables)
    }

    /// A command-line switch names the flag (`ccmsetup /source` → `source`);
    /// otherwise the clause's content words do.
    func flagName(_ clause: String) -> String {
        if let m = Self.commandSwitch.matches(in: clause).last {
            return m.groups[0].lowercased()
        }
        let slug = Text.slug(clause)
        if !slug.isEmpty { return slug }
        return clause.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }

    private static let startingIn = Pattern(
        #"\b(?:starting|beginning) (?:in|with|from) (?:configuration manager )?(?:current branch )?(?:version )?(\d{4})\b(?![.\d])"#,
        requiring: [["starting ", "beginning "]])
    private static let versionAndLater = Pattern(#"\bversions? (\d{4})\b(?![.\d]) (?:and|or) (later|newer|higher|earlier|older)\b"#,
                                                 requiring: [["version"]])
    private static let beforeVersion = Pattern(#"\b(?:before|prior to) version (\d{4})\b(?![.\d])"#,
                                               requiring: [[" version "]])
    private static let leadingIf = Pattern(#"^if (.+?), (?!or\b|and\b|if\b)"#, requiring: [["if "], [", "]])
    private static let leadingWhen = Pattern(#"^when (you .+?), "#, requiring: [["when you "], [", "]])
    private static let dependingOn = Pattern(#"^depending (?:up)?on (?:the )?(.+?), "#, requiring: [["depending "], [", "]])
    private static let unless = Pattern(#"\bunless,? (.+?)(?:\.(?:\s|$)|;|$)"#, requiring: [["unless"]])
    private static let onlyQualifier = Pattern(#"\(for (.{2,40}?) only\)"#, requiring: [["(for "], [" only)"]])
    private static let embeddedWhen = Pattern(#"\bwhen (.+?)(?:\.(?:\s|$)|$)"#, requiring: [["when "]])
    private static let orSplit = Pattern(#",? or (?:if )?(?=you\b|the\b|clients?\b|it\b|they\b)"#)
    private static let negation = Pattern(#"\b(?:haven't|hasn't|hadn't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|can't|cannot|not|never|no)\b|n't\b"#)
    private static let relativeClause = Pattern(#"^(.*?)\b(?:that|which|who|where)\b"#)
    private static let commandSwitch = Pattern(#"(?:^|[\s`*(])/([A-Za-z][A-Za-z0-9_]+)"#)
}
