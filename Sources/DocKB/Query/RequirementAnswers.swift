import Foundation

/// "What do I need for X": the subject's own rules, its permissions, security
/// roles and ports, then everything it inherits from the broader subject whose
/// section encloses it (the general Windows client prerequisites for every
/// Windows installation method).
extension AnswerEngine {
    func requirementsAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        guard let match = parsed.subject(preferring: [.installMethod, .subject, .portUse, .siteSystemRole, .component])
            ?? mainSubject(named: parsed, &b) ?? subjectNamedOutOfOrder(parsed, &b) else { return }
        b.answer.subject = match.entity.description
        switch match.entity.kind {
        case .installMethod:
            let rows = methods(like: match.entity.name)
            guard let method = rows.first else { return }
            b.answer.heading = "What you need for \(method.name)"
            for row in rows { methodRequirements(row, match, &b) }
        case .subject, .portUse:
            b.answer.heading = "What you need for \(match.entity.name)"
            subjectRequirements(match.entity.name, match, &b)
        default:
            b.answer.heading = "What the documents require about \(match.entity.name)"
            mentionsOf(match.entity.name, match, &b)
        }
    }

    /// "What does the client need?": words too common to name one subject
    /// ("client") are read as the subject of rules that holds them all and
    /// has the most rules, when it has more than any other; the answer says so.
    private func mainSubject(named parsed: ParsedQuestion, _ b: inout AnswerBuilder) -> EntityMatch? {
        let asked = Set(parsed.residualStems.filter { !Self.genericAskingStems.contains($0) && !Self.cueStems.contains($0) })
        guard !asked.isEmpty else { return nil }
        var rules: [String: Int] = [:]
        for r in knowledgeBase.requirements where asked.isSubset(of: Set(stems(r.subject))) { rules[r.subject, default: 0] += 1 }
        let ranked = rules.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let (subject, count) = ranked.first, count > (ranked.dropFirst().first?.value ?? 0),
              // A method's name is a method, found as one when the question names it.
              knowledgeBase.methods.allSatisfy({ !sameSubject($0.name, subject) }) else { return nil }
        let words = parsed.tokens.filter { asked.contains($0.stem) }.map(\.word)
        b.answer.notes.append("read “\(words.joined(separator: " "))” as “\(subject)”, the subject with the most rules that names it")
        return EntityMatch(entity: Entity(kind: .subject, name: subject), coverage: 1, score: 0,
                           positions: Set(parsed.tokens.filter { asked.contains($0.stem) }.map(\.position)))
    }

    /// "What do I need before I add a site server in passive mode for high
    /// availability?": the subject of rules ("Site server high availability")
    /// whose distinctive words the question holds every one of, if not side
    /// by side; the one holding the most weight, when one holds more than any other.
    private func subjectNamedOutOfOrder(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) -> EntityMatch? {
        let asked = Set(parsed.residualStems)
        var held: [(subject: String, stems: Set<String>, weight: Double)] = []
        for subject in Set(knowledgeBase.requirements.map(\.subject)) {
            // Words most names use ("configuration", "manager") need not be asked.
            let distinctive = Set(stems(subject)).filter { lexicon.weight($0) >= lexicon.typicalWeight }
            guard distinctive.count >= 2, distinctive.isSubset(of: asked) else { continue }
            held.append((subject, distinctive, distinctive.reduce(0) { $0 + lexicon.weight($1) }))
        }
        let ranked = held.sorted { ($0.weight, $1.subject) > ($1.weight, $0.subject) }
        guard let best = ranked.first, best.weight > (ranked.dropFirst().first?.weight ?? 0),
              knowledgeBase.methods.allSatisfy({ !sameSubject($0.name, best.subject) }) else { return nil }
        let words = parsed.tokens.filter { best.stems.contains($0.stem) }.map(\.word)
        b.answer.notes.append("read “\(words.joined(separator: " "))” as “\(best.subject)”, the subject of rules that holds those words")
        return EntityMatch(entity: Entity(kind: .subject, name: best.subject), coverage: 1, score: 0,
                           positions: Set(parsed.tokens.filter { best.stems.contains($0.stem) }.map(\.position)))
    }

    func methodRequirements(_ method: MethodRow, _ match: EntityMatch, _ b: inout AnswerBuilder) {
        let kb = knowledgeBase
        if let condition = method.condition {
            b.add(group: method.name, kind: "install_method", text: "Applies to: \(method.heading)",
                  condition: condition, conditionText: method.conditionText, cite: method.cite,
                  route: route(match, "the method itself"), rule: ruleName("install_methods", method.id))
        }
        let inSection = { (cite: Citation) in cite.documentID == method.cite.documentID && cite.anchor == method.cite.anchor }
        let permissions = kb.permissions.filter { sameSubject($0.subject, method.name) || inSection($0.cite) }
        let roles = kb.securityRoles.filter { inSection($0.cite) }
        // Lines that permissions or roles come from are shown as those, not as plain requirements.
        for cite in permissions.map(\.cite) + roles.map(\.cite) { b.claim(cite) }
        let own = kb.requirements.filter { sameSubject($0.subject, method.name) }
        for r in own where !b.isClaimed(r.cite) {
            b.add(group: "Requirements", kind: "requirement", text: r.text, condition: r.condition,
                  conditionText: r.conditionText, cite: r.cite, route: route(match, "own requirement"),
                  rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
        }
        for p in permissions {
            b.add(group: "Permissions", kind: "permission", text: permissionText(p), cite: p.cite,
                  route: route(match, "permission stated for"), rule: ruleName("permissions", p.id, p.label))
        }
        for r in roles {
            b.add(group: "Security roles", kind: "security_role", text: securityRoleText(r), cite: r.cite,
                  route: route(match, "security role named in the section"), rule: ruleName("security_roles", r.id, r.name))
        }
        methodPorts(method, match, &b, group: "Ports (firewall)")
        if let (subject, heading) = inheritedSubject(of: method) {
            inherited(subject, from: method.cite.documentID, heading: heading, match, &b)
        }
    }

    /// Rules of a subject that is not a method ("mobile device clients").
    func subjectRequirements(_ subject: String, _ match: EntityMatch, _ b: inout AnswerBuilder) {
        let kb = knowledgeBase
        let roles = kb.siteRoles.filter { sameSubject($0.subject, subject) }
        let permissions = kb.permissions.filter { sameSubject($0.subject, subject) }
        let ports = kb.ports.filter { sameSubject($0.subject, subject) }
        for cite in roles.map(\.cite) + permissions.map(\.cite) + ports.map(\.cite) { b.claim(cite) }
        for r in kb.requirements where sameSubject(r.subject, subject) && !b.isClaimed(r.cite) {
            b.add(group: "Requirements", kind: "requirement", text: r.text, condition: r.condition,
                  conditionText: r.conditionText, cite: r.cite, route: route(match, "own requirement"),
                  rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
        }
        for r in roles {
            b.add(group: "Site system roles", kind: "site_system_role", text: roleText(r, sentences: 2),
                  cite: r.cite, route: route(match, "site system role stated for"), rule: ruleName("site_system_roles", r.id, r.name))
        }
        for p in permissions {
            b.add(group: "Permissions", kind: "permission", text: permissionText(p), cite: p.cite,
                  route: route(match, "permission stated for"), rule: ruleName("permissions", p.id, p.label))
        }
        for p in ports { addPort(p, group: "Ports (firewall)", route: route(match, "port stated for"), &b) }
    }

    /// The broader subject a method inherits from: the nearest enclosing
    /// heading that names a requirement subject of the same document
    /// ("Prerequisites for Windows clients" → "Windows clients").
    func inheritedSubject(of method: MethodRow) -> (String, SectionRow)? {
        let kb = knowledgeBase
        let methodNames = Set(kb.methods.map { $0.name.lowercased() })
        let candidates = Set(kb.requirements.filter {
            $0.cite.documentID == method.cite.documentID && !methodNames.contains($0.subject.lowercased())
        }.map(\.subject))
        var section = kb.sections.values.first {
            $0.documentID == method.cite.documentID && $0.line == method.cite.line
        } ?? kb.sections.values.first { $0.documentID == method.cite.documentID && $0.anchor == method.cite.anchor }
        while let current = section, let parentID = current.parentID, let parent = kb.sections[parentID] {
            let headingStems = stems(parent.heading)
            if let subject = candidates.sorted().first(where: { containsPhrase(headingStems, stems($0)) }) {
                return (subject, parent)
            }
            section = parent
        }
        return nil
    }

    /// Everything stated for `subject` in the same document: components, site
    /// system roles and the remaining requirement rows.
    func inherited(_ subject: String, from documentID: Int64, heading: SectionRow, _ match: EntityMatch,
                   _ b: inout AnswerBuilder) {
        let kb = knowledgeBase
        let via = "inherited from “\(subject)” (heading “\(heading.heading)” encloses \(match.entity))"
        let subtree = sectionSubtree(heading)
        let componentGroup = "Components (all \(subject))"
        for c in kb.components where c.cite.documentID == documentID && subtree.contains(c.cite.anchor) {
            let rule = requirementAt[c.cite.spot]
            b.add(group: componentGroup, kind: "component", text: c.label,
                  condition: rule?.condition, conditionText: rule?.conditionText, cite: c.cite,
                  route: via, rule: ruleName("components", c.id, c.name))
        }
        for r in kb.siteRoles where r.cite.documentID == documentID && sameSubject(r.subject, subject) {
            let rule = requirementAt[r.cite.spot]
            b.add(group: "Site system roles (all \(subject))", kind: "site_system_role", text: roleText(r, sentences: 1),
                  condition: rule?.condition, conditionText: rule?.conditionText,
                  cite: r.cite, route: via, rule: ruleName("site_system_roles", r.id, r.name))
        }
        for r in kb.requirements where r.cite.documentID == documentID && sameSubject(r.subject, subject) {
            guard !b.isClaimed(r.cite) else { continue }
            b.add(group: "Also for all \(subject)", kind: "requirement", text: r.text, condition: r.condition,
                  conditionText: r.conditionText, cite: r.cite, route: via,
                  rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
        }
    }

    /// Anchors of a section and all sections below it.
    func sectionSubtree(_ root: SectionRow) -> Set<String> {
        var anchors: Set<String> = [root.anchor]
        var frontier: Set<Int64> = [root.id]
        let sections = knowledgeBase.sections.values.filter { $0.documentID == root.documentID }
        while !frontier.isEmpty {
            let children = sections.filter { $0.parentID.map(frontier.contains) ?? false }
            frontier = Set(children.map(\.id))
            anchors.formUnion(children.map(\.anchor))
        }
        return anchors
    }

    /// Requirement rows that name an entity that is not itself a subject, in
    /// their text or in the heading they stand under ("Fabrikam SDK options",
    /// over a list of options that never repeat the name). A heading may
    /// write the name's abbreviation.
    func mentionsOf(_ name: String, _ match: EntityMatch, _ b: inout AnswerBuilder) {
        let nameStems = stems(name)
        let headings = knowledgeBase.requirementHeadings()
        var headingNames: [String: Bool] = [:]
        func headingNamesEntity(_ heading: String) -> Bool {
            if let known = headingNames[heading] { return known }
            let named = containsPhrase(Self.expanded(Words.tokens(heading), lexicon.expansions), nameStems)
            headingNames[heading] = named
            return named
        }
        for r in knowledgeBase.requirements {
            let named = r.mentions.contains { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            let underHeading: String?
            if named || containsPhrase(stems(r.text), nameStems) {
                underHeading = nil
            } else if let heading = headings[r.id], headingNamesEntity(heading) {
                underHeading = heading
            } else {
                continue
            }
            // A line named only by its heading is quoted under it, which says what it is about.
            let text = underHeading.map { $0 + ProseQuote.headingSeparator + r.text } ?? r.text
            b.add(group: "Statements naming \(name)", kind: "requirement", text: text, condition: r.condition,
                  conditionText: r.conditionText, cite: r.cite, route: route(match, "requirement naming"),
                  rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
        }
    }

    // MARK: - Line texts

    func componentText(_ c: ComponentRow, sentences: Int) -> String {
        let description = leadingSentences(c.description, sentences)
        return description.isEmpty ? c.label : "\(c.label): \(description)"
    }

    func roleText(_ r: SiteRoleRow, sentences: Int) -> String {
        let necessity = r.necessity.map { " (\($0))" } ?? ""
        let description = sentencesLeadingWithVerdict(r.description, necessity: r.necessity, count: sentences)
        return "\(r.name)\(necessity)" + (description.isEmpty ? "" : ": \(description)")
    }

    /// The description alone when it names the role, else "Role: description".
    func securityRoleText(_ r: SecurityRoleRow) -> String {
        r.description.localizedCaseInsensitiveContains(r.name) ? r.description : "\(r.name): \(r.description)"
    }

    func permissionText(_ p: PermissionRow) -> String {
        var text = p.label
        if !p.purpose.isEmpty { text += ", to \(p.purpose.lowercasedFirstWordUnlessName)" }
        if let role = p.securityRole { text += " (included in the \(role) security role)" }
        return text
    }
}

extension String {
    /// "To wipe a device" → "wipe a device" reads after "to"; keeps names capitalised.
    var lowercasedFirstWordUnlessName: String {
        var text = self
        if text.lowercased().hasPrefix("to ") { text = String(text.dropFirst(3)) }
        guard let first = text.first, first.isUppercase else { return text }
        let word = text.prefix { $0 != " " }
        if word.dropFirst().contains(where: \.isUppercase) { return text }
        return first.lowercased() + text.dropFirst()
    }
}
