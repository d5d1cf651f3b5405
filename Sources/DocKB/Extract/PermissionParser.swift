/// Reads permissions and security roles from the sentences that grant them:
/// "To use client push ...: **Modify Resource** and **Read** permission for the
/// **Collection** object", "The **Infrastructure Administrator** default
/// security role includes the required permissions to manage ...".
enum PermissionParser {
    struct Grant: Equatable {
        var permission: String
        var object: String?
        /// The "To X" clause, when the sentence has one.
        var purpose: String?
    }

    /// `text`: the content's plain text with white space collapsed, when the caller has it.
    static func grants(_ content: [Inline], text: String? = nil) -> [Grant] {
        let text = text ?? content.plainText.collapsingWhitespace
        guard mentionsPermission.matches(text) else { return [] }
        var purpose: String?
        var rest = text
        if let m = toPurpose.firstMatch(in: text) {
            purpose = Text.trimmingPeriod(m[0])
            rest = m[1]
        }
        let bold = Set(content.strongTexts.map { $0.collapsingWhitespace })
        var grants: [Grant] = []
        for clause in clauseSplit.regex.stringByReplacingMatches(
            in: rest, range: NSRange(rest.startIndex..., in: rest), withTemplate: "\u{1F}").split(separator: "\u{1F}") {
            var clause = String(clause)
            // "To run a widget, you need the **Run Widget** permission": the
            // purpose of this clause alone, when the sentence gave none before a
            // colon ("To do so, ..." refers back and names none).
            var clausePurpose = purpose
            if purpose == nil, let m = toPurposeBeforeComma.firstMatch(in: clause),
               !m[0].split(separator: " ").allSatisfy({ Text.stopWords.contains($0.lowercased()) || $0.lowercased() == "so" }) {
                clausePurpose = Text.trimmingPeriod(m[0])
                clause = m[1]
            }
            var object: String?
            var names = clause
            var boldOnly = false
            if let m = objectPattern.matches(in: clause).first,
               !m.groups[0].split(separator: " ").allSatisfy({ Text.stopWords.contains($0.lowercased()) }) {
                object = Text.trimmingPeriod(m.groups[0])
                names = String(clause[..<m.range.lowerBound])
            } else if let m = permissionWord.matches(in: clause).first {
                // Without an object, only bold names count: "**Agent** permissions".
                names = String(clause[..<m.range.lowerBound])
                boldOnly = true
                // "**Run Script** permissions for **Collections**": a bold name after "for" is the object.
                if let target = boldTarget.firstMatch(in: String(clause[m.range.upperBound...])),
                   bold.contains(Text.trimmingPeriod(target[0])) {
                    object = Text.trimmingPeriod(target[0])
                }
            } else {
                continue
            }
            if let m = leadVerb.matches(in: names).last {
                names = String(names[m.range.upperBound...])
                // "must have the **Run Widget** permission"
                if names.lowercased().hasPrefix("the ") { names.removeFirst(4) }
            }
            for name in listSplit.regex.stringByReplacingMatches(
                in: names, range: NSRange(names.startIndex..., in: names), withTemplate: "\u{1F}").split(separator: "\u{1F}") {
                let permission = Text.trimmingPeriod(permissionWordAtEnd.regex.stringByReplacingMatches(
                    in: String(name), range: NSRange(name.startIndex..., in: name), withTemplate: ""))
                guard isPermissionName(permission), !boldOnly || bold.contains(permission) else { continue }
                grants.append(Grant(permission: permission, object: object, purpose: clausePurpose))
            }
        }
        return grants
    }

    /// Permission names are short capitalized phrases ("Modify", "Delete resource", "Client agent").
    private static func isPermissionName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (1...4).contains(words.count), let first = s.first, first.isUppercase else { return false }
        return !s.lowercased().hasPrefix("the ") && !s.contains(":")
    }

    struct RoleStatement: Equatable {
        var role: String
        /// What the role is said to be needed for or to include permissions for.
        var purpose: String?
        var sentence: String
    }

    /// "The **X** default security role includes the required permissions to Y",
    /// "You must be a member of the **X** security role to Y", "must be
    /// assigned the security role of **X**", "needs to be a **X** or **Y**".
    static func roleStatements(_ content: [Inline], text: String? = nil) -> [RoleStatement] {
        let text = text ?? content.plainText.collapsingWhitespace
        guard Text.contains(text, anyOf: securityRole) else {
            // Most statements name no administrative title: their bold texts are not collected.
            guard Text.contains(text, anyOf: administrativeTitleWords) else { return [] }
            return assignedRoles(text, bold: content.strongTexts.map(\.collapsingWhitespace))
        }
        let bold = content.strongTexts.map(\.collapsingWhitespace)
        var statements: [RoleStatement] = []
        for sentence in Text.sentences(text) where Text.contains(sentence, anyOf: securityRole) {
            var role: String?
            for name in bold where sentence.contains(name + " default security role") || sentence.contains(name + " security role")
                || sentence.contains("security role of " + name) {
                role = name
                break
            }
            if role == nil, let m = capitalizedRole.matches(in: sentence).first {
                // A match that starts inside a longer capitalized name ("appropriate
                // Contoso Manager") was cut short by the qualifier rule: not a role.
                let previousWord = sentence[..<m.range.lowerBound].split(separator: " ").last
                if previousWord.map({ !($0.first?.isUppercase ?? false) }) ?? true { role = m.groups[0] }
            }
            guard let role else { continue }
            let purpose = rolePurpose.firstMatch(in: sentence).map { Text.trimmingPeriod($0[0]) }
            statements.append(RoleStatement(role: role, purpose: purpose, sentence: sentence))
        }
        return statements
    }

    /// "Your account needs to be a **Full administrator** or **Infrastructure
    /// administrator**": emphasized names of administrative roles that a
    /// sentence says someone must be, without the words "security role".
    private static func assignedRoles(_ text: String, bold: [String]) -> [RoleStatement] {
        let names = bold.filter(isAdministrativeRoleName)
        guard !names.isEmpty else { return [] }
        var statements: [RoleStatement] = []
        for sentence in Text.sentences(text) {
            var named: [String] = []
            for name in names where !named.contains(name) {
                let stated = sentence.contains("be a " + name) || sentence.contains("be an " + name)
                    || sentence.contains("member of the " + name)
                // "a **X** or **Y**": the second name after a first one.
                let alternative = !named.isEmpty && (sentence.contains(" or " + name) || sentence.contains(" or an " + name)
                                                     || sentence.contains(" or a " + name))
                if stated || alternative { named.append(name) }
            }
            statements += named.map { RoleStatement(role: $0, purpose: nil, sentence: sentence) }
        }
        return statements
    }

    /// Two to five words, the first capitalized, ending in a title for those
    /// who administer ("Full administrator", "Application Deployment Manager").
    private static func isAdministrativeRoleName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (2...5).contains(words.count), words[0].first?.isUppercase == true, let last = words.last else { return false }
        return administrativeTitles.contains(last.lowercased())
    }

    private static let administrativeTitles = ["administrator", "manager", "analyst", "author", "operator"]
    private static let administrativeTitleWords = CaseFoldedWords(administrativeTitles)
    static let securityRole = CaseFoldedWords(["security role"])

    /// Under a heading that names security roles, a statement that leads
    /// with an emphasized name of two to five capitalized words ending in a
    /// noun for someone who acts ("*Asset Manager* grants permissions to
    /// ...", "**Script Runners**") names that role. A label ("**Role Name**:
    /// X") ends in no such noun.
    static func roleNamedByLead(_ content: [Inline], heading: String) -> String? {
        guard Text.contains(heading, anyOf: securityRole),
              let lead = content.first(where: { if case .text(let s) = $0 { return !s.allSatisfy(\.isWhitespace) }; return true })
        else { return nil }
        let emphasized: [Inline]
        switch lead {
        case .strong(let inner), .emphasis(let inner): emphasized = inner
        default: return nil
        }
        let name = emphasized.plainText.collapsingWhitespace
        let words = name.split(separator: " ")
        guard (2...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase ?? false }),
              let last = words.last, agentNoun.matches(String(last)) else { return nil }
        return name
    }

    /// Manager, Administrator, Analyst, Runners, Agent: English nouns for the one who acts.
    private static let agentNoun = Pattern(#"(?:er|or|ist|yst|ent|ant)s?$"#)

    private static let mentionsPermission = Pattern(#"\b(?:permissions?|object)\b"#, requiring: [["permission", "object"]])
    /// "To run scripts: ...", "To run scripts - ...".
    private static let toPurpose = Pattern(#"^(?:to|for) (.+?)(?::| [-–—] )\s*(.+)$"#)
    /// "To run a widget, an administrator must have ...": the purpose ends at
    /// the first comma, and what follows says who needs what. Not "For ...,":
    /// that names a case or an example more often than an aim.
    private static let toPurposeBeforeComma = Pattern(
        #"^to ([^,]+?), (.*\b(?:must|need|needs|require|requires|have|has)\b.*)$"#,
        requiring: [["to "], [", "], ["must", "need", "require", "have", "has"]])
    private static let clauseSplit = Pattern(#",? and (?=[a-z ]*(?:client settings|custom|default)\b)|;\s*|\.\s+"#)
    private static let objectPattern = Pattern(
        #"\s*(?:permissions?\s+)?\b(?:for|on) (?:the )?(.+?) (?:object|class|securable object)s?\b"#,
        requiring: [["for ", "on "], ["object", "class"]])
    private static let permissionWord = Pattern(#"\s+permissions?\b"#)
    private static let boldTarget = Pattern(#"^\s*(?:for|on) (?:the )?(.+?)\.?\s*$"#)
    private static let permissionWordAtEnd = Pattern(#"\s+permissions?$"#)
    private static let leadVerb = Pattern(#"^.*?\b(?:requires?|needs?|have|has|grant|assign)\s+"#)
    private static let listSplit = Pattern(#",\s*(?:and\s+)?|\s+and\s+"#)
    private static let capitalizedRole = Pattern(
        #"(?<!appropriate |about |any |other |custom )\b((?:[A-Z][a-z]+ ){0,3}(?:Administrator|Manager|Analyst|Author|Operator|User)) (?:default )?security role\b(?!s)"#,
        caseInsensitive: false)
    private static let rolePurpose = Pattern(#"\b(?:permissions? to|role to|in order to) (.+)$"#)
}

import Foundation
