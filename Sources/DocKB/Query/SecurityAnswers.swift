import Foundation

/// Permissions, security roles ("who can ...") and site system roles.
extension AnswerEngine {
    /// Question words that say what is asked rather than about what; they do
    /// not help ranking rows ("need", "permission", "role"). Not the words for
    /// a kind of change: outside a change question, "add" or "remove" is the action asked about.
    static let cueStems: Set<String> = Set(IntentDetector.cueWords.map(Words.stem)).subtracting(ChangeQuestion.actionStems)

    /// Content stems for ranking rows by the action the question describes.
    func actionStems(_ parsed: ParsedQuestion) -> [String] {
        parsed.stems(excluding: nil).filter { !Self.cueStems.contains($0) }
    }

    /// The most permissions one list gives for one purpose (see `permissionsAnswer`).
    static let permissionsListedTogether = 6

    /// A permission's purpose where it is stated: rows sharing it were listed together.
    static func purposeKey(_ p: PermissionRow) -> String {
        "\(p.cite.documentID)#\(p.cite.anchor)#\(p.purpose.lowercased())"
    }

    func permissionsAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let kb = knowledgeBase
        let match = parsed.subject(preferring: [.installMethod, .subject, .portUse])
        var chosen: [(PermissionRow, String)] = []
        // The subject the permissions were taken from, if any: only then does the heading name it.
        var scope: EntityMatch?
        var candidates = kb.permissions
        var query = actionStems(parsed)
        // "Which permissions does the X role have?": the rows naming that role, unless
        // other words of the question narrow them ("... to wipe a phone").
        if let role = parsed.matches.first(where: { $0.entity.kind == .securityRole }) {
            let own = kb.permissions.filter { ($0.securityRole ?? "").caseInsensitiveCompare(role.entity.name) == .orderedSame }
            let rest = query.filter { !role.positionsStems(parsed).contains($0) && !Self.roleWordStems.contains($0) }
            if !own.isEmpty, rest.isEmpty {
                scope = role
                chosen = own.map { ($0, route(role, "permission the documents list for")) }
            }
        }
        if chosen.isEmpty, let match, match.entity.kind == .installMethod || match.entity.kind == .subject {
            let name = match.entity.name
            let method = method(named: name)
            let own = kb.permissions.filter { p in
                sameSubject(p.subject, name)
                    || (method.map { p.cite.documentID == $0.cite.documentID && p.cite.anchor == $0.cite.anchor } ?? false)
            }
            if !own.isEmpty {
                scope = match
                // Within the subject, its own words ("mobile device") no longer tell permissions apart.
                candidates = own
                let subjectStems = Set(stems(name))
                query = query.filter { !subjectStems.contains($0) && !match.positionsStems(parsed).contains($0) }
                if query.isEmpty { chosen = own.map { ($0, route(match, "permission stated for")) } }
            }
        }
        if chosen.isEmpty {
            let alternatives = parsed.alternativeStems
            let scored = candidates.map { p -> (PermissionRow, Double) in
                (p, overlap(query, "\(p.purpose) \(p.permission) \(p.object ?? "")", alternatives: alternatives)
                    + 0.1 * overlap(query, p.subject ?? "", alternatives: alternatives))
            }
            // Half the question's weight at least: a verb alone ("install")
            // matches permissions for anything that is installed. Within the
            // subject the question names, any of its other words picks rows
            // ("... to a device collection": the Collection rows of client
            // push). When none does, the question asks about something the
            // subject's permissions do not cover ("client push to a
            // workgroup"), and other answers are looked for.
            guard let best = scored.map(\.1).max(), best >= 0.5 || (scope != nil && best > 0) else { return }
            chosen = scored.filter { $0.1 >= best * 0.75 }.map {
                ($0.0, "permission whose purpose matches the question (\(Int(min($0.1, 1) * 100))%)")
            }
            // Permissions listed for one purpose in one place are needed together: a word of the
            // question matching one's name ("run" in "Run Scripts") does not leave the others out.
            // A short list only: a long run of rows sharing a purpose is a table of roles or
            // objects ("Security role permissions"), each row needed for its own.
            let shortLists = Set(Dictionary(grouping: candidates.filter { !$0.purpose.isEmpty }, by: Self.purposeKey)
                .filter { $0.value.count <= Self.permissionsListedTogether }.keys)
            let purposes = Set(chosen.compactMap { p, _ in p.securityRole != nil ? nil : Self.purposeKey(p) })
                .intersection(shortLists)
            let routes = Dictionary(chosen.map { ($0.0.id, $0.1) }, uniquingKeysWith: { first, _ in first })
            chosen = candidates.compactMap { p in
                if let route = routes[p.id] { return (p, route) }
                return p.securityRole == nil && purposes.contains(Self.purposeKey(p))
                    ? (p, "permission listed with those for the same purpose") : nil
            }
        }
        b.answer.subject = scope?.entity.description
        b.answer.heading = "Permissions" + (scope.map { " for \($0.entity.name)" } ?? "")
        for (p, why) in chosen {
            b.add(group: "Permissions", kind: "permission", text: permissionText(p), cite: p.cite, route: why,
                  rule: ruleName("permissions", p.id, p.label))
        }
        for role in Set(chosen.compactMap(\.0.securityRole)).sorted() {
            let first = chosen.first { $0.0.securityRole == role }!.0
            // A security_roles row counts only when it sits in the same section as the permissions.
            let row = kb.securityRoles.first {
                $0.name.caseInsensitiveCompare(role) == .orderedSame && $0.cite.documentID == first.cite.documentID
                    && $0.cite.anchor == first.cite.anchor
            }
            b.add(group: "Security role that includes them", kind: "security_role",
                  text: row.map(securityRoleText) ?? "\(role) (the default security role the document names for these permissions)",
                  cite: row?.cite ?? first.cite, route: "security role named with the permissions above",
                  rule: row.map { ruleName("security_roles", $0.id, role) } ?? ruleName("permissions", first.id, "security_role"))
        }
    }

    /// Words that only say a name is a role ("the Full Administrator role").
    static let roleWordStems: Set<String> = Set(["role", "roles", "security", "default", "include", "includes", "have", "grant", "grants", "give", "gives", "contain", "contains"].map(Words.stem))

    func securityRolesAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let query = actionStems(parsed)
        guard !query.isEmpty else { listAnswer(kind: .securityRoles, parsed, &b); return }
        let evidence = roleEvidence
        let alternatives = parsed.alternativeStems
        let scored = evidence.map { ($0, overlap(query, $0.text, alternatives: alternatives) + phraseBonus(query, $0.text)) }
        guard let best = scored.map(\.1).max(), best >= 0.4 else { return }
        // A role is as good as its best statement, plus a little for every
        // other statement that also ties it to the asked action.
        var roleScores: [String: Double] = [:]
        for role in Set(scored.flatMap { $0.0.roles }) {
            let mine = scored.filter { $0.0.roles.contains(role) }.map(\.1).sorted(by: >)
            let support = mine.dropFirst().filter { $0 >= best * 0.5 }.count
            roleScores[role] = (mine.first ?? 0) + 0.05 * Double(min(support, 3))
        }
        let bestRole = roleScores.values.max() ?? 0
        let strongRoles = Set(roleScores.filter { $0.value >= bestRole * 0.9 }.keys)
        b.answer.heading = "Security roles"
        let ranked = scored.filter { $0.1 >= best * 0.5 && !strongRoles.isDisjoint(with: $0.0.roles) }
            .sorted { (roleScores[$0.0.roles[0]] ?? 0, $0.1) > (roleScores[$1.0.roles[0]] ?? 0, $1.1) }
        for (e, score) in ranked.prefix(6) {
            let text = e.text.localizedCaseInsensitiveContains(e.roles[0]) ? e.text : "\(e.roles.joined(separator: ", ")): \(e.text)"
            b.add(group: "Security roles", kind: "security_role", text: text, cite: e.cite,
                  route: "statement naming a security role that matches the question (\(Int(score * 100))%)",
                  rule: e.rule)
        }
    }

    /// "Which site system roles are optional (for X)?"
    func siteSystemRolesAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        var subject = parsed.matches.first { $0.entity.kind == .subject }
        var rows = knowledgeBase.siteRoles
        if let s = subject {
            let scoped = rows.filter { sameSubject($0.subject, s.entity.name) }
            if scoped.isEmpty { subject = nil } else { rows = scoped }
        }
        // "Which role do I need to manage client push installations?": no site system
        // role is stated for what the question names, and it asks for a role by an
        // action; a role one is given to do something is a security role.
        if parsed.asksBareRole, subject == nil, !actionStems(parsed).isEmpty,
           let named = parsed.matches.first, named.entity.kind != .siteSystemRole {
            var roles = b
            securityRolesAnswer(parsed, &roles)
            if roles.answer.found {
                b = roles
                b.answer.notes.append("“role” read as security role: no site system role is stated for what the question names")
                return
            }
        }
        if let necessity = parsed.necessity {
            // A role a subject does not require is optional for it.
            rows = rows.filter { ($0.necessity ?? "").localizedCaseInsensitiveContains(necessity)
                || (necessity == Necessity.optional.rawValue && $0.necessity == Necessity.notRequired.rawValue) }
        }
        b.answer.subject = subject?.entity.description
        b.answer.heading = "Site system roles" + (parsed.necessity.map { " that are \($0)" } ?? "")
            + (subject.map { " for \($0.entity.name)" } ?? "")
        var seen = Set<String>()
        for r in rows where seen.insert(r.name.lowercased()).inserted {
            b.add(group: "Site system roles", kind: "site_system_role", text: roleText(r, sentences: 1), cite: r.cite,
                  route: "site system role" + (parsed.necessity.map { " whose necessity says “\($0)”" } ?? ""),
                  rule: ruleName("site_system_roles", r.id, r.name))
        }
    }
}
