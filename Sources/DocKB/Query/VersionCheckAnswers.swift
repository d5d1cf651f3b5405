import Foundation

/// "Is .NET Framework 4.6 enough?", "does the client need MSXML 6.0?": the
/// release the question names, compared with each minimum version the
/// documents give for the component it names.
extension AnswerEngine {
    /// Adds one line per row of the named component and returns true, or
    /// returns false (adding nothing) when the question names no component
    /// the knowledge base lists, so that the question's own intent answers it.
    func versionCheckAnswer(_ parsed: ParsedQuestion, version: String, _ b: inout AnswerBuilder) -> Bool {
        guard let match = parsed.subject(preferring: [.component, .term]),
              match.entity.kind == .component || match.entity.kind == .term,
              Self.isRelease(version, of: match, in: parsed.tokens) else { return false }
        let rows = components(named: match.entity.name)
        guard !rows.isEmpty else { return false }
        b.answer.intent = .versionCheck
        b.answer.subject = match.entity.description
        b.answer.heading = "Is \(match.entity.name) \(version) enough?"
        for c in rows {
            let file = c.file.map { " (\($0))" } ?? ""
            let text: String
            if let minimum = c.minVersion, !minimum.isEmpty {
                text = "\(c.name) \(version) " + VersionCheck.verdict(version, minimum: minimum) + file
            } else {
                text = "\(c.name) \(version): no minimum version is stated to compare it with. "
                    + leadingSentences(c.description, 1)
            }
            b.add(group: "Against the minimum version", kind: "component", text: text, cite: c.cite,
                  route: route(match, "minimum version in the component row"), rule: ruleName("components", c.id, c.name))
        }
        return true
    }
}

extension AnswerEngine {
    /// The release is written right after the name ("X 4.6", "X version
    /// 4.6": a version cue between), or after an abbreviation's words the parser put there: "the
    /// relay point for TLS 1.2" asks about TLS, not the relay point.
    static func isRelease(_ version: String, of match: EntityMatch, in tokens: [Token]) -> Bool {
        guard let at = tokens.firstIndex(where: { $0.word == version }) else { return false }
        guard let named = tokens[..<at].lastIndex(where: { !$0.isExpansion && !FactReader.versionCues.contains($0.word) })
        else { return false }
        return match.positions.contains(named)
            || tokens[(named + 1)..<at].contains { match.positions.contains($0.position) }
    }
}

/// Compares a release with a minimum version as the documents write them:
/// dotted numbers ("4.5.2", "1.2.3514.0"), perhaps with a qualifier after
/// them ("4.0 SP1").
enum VersionCheck {
    /// "is newer than the minimum version 4.5.2: enough", "is older than ...: not enough", ...
    static func verdict(_ version: String, minimum: String) -> String {
        let (wanted, qualifier) = split(minimum)
        guard let wanted else { return "the minimum version is given as “\(minimum)”, which is not a release number to compare with" }
        let order = ConditionEvaluator.compareVersions(split(version).number ?? version, wanted)
        if order < 0 { return "is older than the minimum version \(minimum): not enough" }
        if order > 0 { return "is newer than the minimum version \(minimum): enough" }
        if let qualifier { return "is the release of the minimum version \(minimum), which also asks for \(qualifier)" }
        return "is the minimum version \(minimum): enough"
    }

    /// The leading dotted number of `text` and what follows it, if anything.
    static func split(_ text: String) -> (number: String?, qualifier: String?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let digits = number.hasSuffix(".") ? number.dropLast() : number
        guard let first = digits.first, first.isNumber else { return (nil, nil) }
        let rest = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        return (String(digits), rest.isEmpty ? nil : rest)
    }
}

extension AnswerEngine {
    /// `text` gives a release the question does not: dotted ("4.5.2"), of
    /// four digits or more ("1902"), or after "version" ("version 3"); the
    /// "10" of "Windows 10" is part of a name.
    static func givesAReleaseBeyond(_ parsed: ParsedQuestion, _ text: String) -> Bool {
        let asked = Set(parsed.tokens.map(\.word))
        let tokens = Words.tokens(text)
        return tokens.indices.contains { index in
            let word = tokens[index].word
            guard word.first?.isNumber == true, !asked.contains(word) else { return false }
            return QuestionParser.isDottedVersion(word) || word.filter(\.isNumber).count >= 4
                || (index > 0 && ["version", "versions", "release", "build"].contains(tokens[index - 1].word))
        }
    }
}
