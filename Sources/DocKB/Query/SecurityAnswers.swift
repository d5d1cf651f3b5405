import Foundation

/// Permissions, security roles ("who can ...") and site system roles.
extension AnswerEngine {
    /// Question words that say what is asked rather than about what; they do
    /// not help ranking rows ("need", "permission", "role").
    static let cueStems: Set<String> = Set(IntentDetector.cueWords.map(Words.stem))

    /// Content stems for ranking rows by the action the question describes.
    func actionStems(_ parsed: ParsedQuestion) -> [String] {
        parsed.stems(excluding: nil).filter { !Self.cueStems.contains($0) }
    }

    func permissionsAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let kb = knowledgeBase
        let match = parsed.subject(preferring: [.installMethod, .subject, .portUse])
        let query = actionStems(parsed)
        var chosen: [(PermissionRow, String)] = []
        if let match, match.entity.kind == .installMethod, let method = method(named: match.entity.name),
           parsed.stems(excluding: match).filter({ !Self.cueStems.contains($0) }).isEmpty {
            chosen = kb.permissions.filter {
                sameSubject($0.subject, method.name)
                    || ($0.cite.documentID == method.cite.documentID && $0.cite.anchor == method.cite.anchor)
            }.map { ($0, route(match, "permission stated for")) }
        }
        if chosen.isEmpty {
            let scored = kb.permissions.map { p -> (PermissionRow, Double) in
                let purpose = overlap(query, "\(p.purpose) \(p.permission) \(p.object ?? "")")
                return (p, purpose + 0.1 * overlap(query, p.subject ?? ""))
            }
            guard let best = scored.map(\.1).max(), best >= 0.3 else { return }
            chosen = scored.filter { $0.1 >= best * 0.75 }.map {
                ($0.0, "permission whose purpose matches the question (\(Int(min($0.1, 1) * 100))%)")
            }
        }
        b.answer.subject = match?.entity.description
        b.answer.heading = "Permissions"
        for (p, why) in chosen {
            b.add(group: "Permissions", kind: "permission", text: permissionText(p), cite: p.cite, route: why,
                  rule: ruleName("permissions", p.id, p.label))
        }
        for role in Set(chosen.compactMap(\.0.securityRole)).sorted() {
            let row = kb.securityRoles.filter { $0.name.caseInsensitiveCompare(role) == .orderedSame }
                .min { abs($0.cite.line - chosen[0].0.cite.line) < abs($1.cite.line - chosen[0].0.cite.line) }
            let cite = row?.cite ?? chosen.first { $0.0.securityRole == role }!.0.cite
            b.add(group: "Security role that includes them", kind: "security_role",
                  text: row.map { "\(role): \($0.description)" } ?? "\(role) includes these permissions",
                  cite: cite, route: "security role named with the permissions above",
                  rule: row.map { ruleName("security_roles", $0.id, role) } ?? ruleName("permissions", chosen[0].0.id, "security_role"))
        }
    }

    /// One piece of evidence that a security role allows something.
    private struct RoleEvidence {
        var roles: [String]
        var text: String
        var cite: Citation
        var rule: String
    }

    func securityRolesAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let kb = knowledgeBase
        let query = actionStems(parsed)
        guard !query.isEmpty else { listAnswer(kind: .securityRoles, parsed, &b); return }
        let roleNames = Set(kb.securityRoles.map(\.name) + kb.permissions.compactMap(\.securityRole))
        var evidence: [RoleEvidence] = kb.securityRoles.map {
            RoleEvidence(roles: [$0.name], text: securityRoleText($0), cite: $0.cite,
                         rule: ruleName("security_roles", $0.id, $0.name))
        }
        evidence += kb.permissions.compactMap { p in
            p.securityRole.map {
                RoleEvidence(roles: [$0], text: permissionText(p), cite: p.cite,
                             rule: ruleName("permissions", p.id, p.label))
            }
        }
        for r in kb.requirements {
            let named = r.mentions.filter { $0.kind == "security_role" }.map(\.name)
                + roleNames.filter { r.text.localizedCaseInsensitiveContains($0) }
            guard !named.isEmpty else { continue }
            var seen = Set<String>()
            evidence.append(RoleEvidence(roles: named.filter { seen.insert($0.lowercased()).inserted }, text: r.text,
                                         cite: r.cite, rule: ruleName("requirements", r.id, "subject “\(r.subject)”")))
        }
        // One piece of evidence per line: a security_roles row wins over the requirement it came from.
        var lines = Set<Citation.Spot>()
        evidence = evidence.filter { lines.insert($0.cite.spot).inserted }
        let scored = evidence.map { ($0, overlap(query, $0.text)) }
        guard let best = scored.map(\.1).max(), best >= 0.4 else { return }
        b.answer.heading = "Security roles"
        for (e, score) in scored.sorted(by: { $0.1 > $1.1 }) where score >= best * 0.85 {
            let text = e.text.localizedCaseInsensitiveContains(e.roles[0]) ? e.text : "\(e.roles.joined(separator: ", ")): \(e.text)"
            b.add(group: "Security roles", kind: "security_role", text: text, cite: e.cite,
                  route: "statement naming a security role that matches the question (\(Int(score * 100))%)",
                  rule: e.rule)
        }
    }

    /// "Which site system roles are optional (for X)?"
    func siteSystemRolesAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let subject = parsed.matches.first { $0.entity.kind == .subject }
        var rows = knowledgeBase.siteRoles
        if let subject { rows = rows.filter { sameSubject($0.subject, subject.entity.name) } }
        if let necessity = parsed.necessity {
            rows = rows.filter { ($0.necessity ?? "").localizedCaseInsensitiveContains(necessity) }
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
