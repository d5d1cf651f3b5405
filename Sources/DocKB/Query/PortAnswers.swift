/// "Which ports does X use": a method's ports come from the port tables whose
/// subject names it (plus the tables "for all installation methods"); any
/// other subject is matched against the port rows' subject and description.
extension AnswerEngine {
    func portsAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let match = parsed.subject(preferring: [.installMethod, .portUse, .subject, .siteSystemRole, .component])
        if let match, match.entity.kind == .installMethod, let method = methods(like: match.entity.name).first {
            b.answer.subject = match.entity.description
            b.answer.heading = "Ports for \(method.name)"
            for row in methods(like: match.entity.name) { methodPorts(row, match, &b, group: "Ports for \(method.name)") }
            if b.answer.found || !b.answer.omitted.isEmpty { return }
        }
        if let match, match.entity.kind == .portUse {
            b.answer.subject = match.entity.description
            b.answer.heading = "Ports for \(match.entity.name)"
            for p in knowledgeBase.ports where sameSubject(p.subject, match.entity.name) {
                addPort(p, group: "Ports: \(p.subject ?? match.entity.name)", route: route(match, "port table for"), &b)
            }
            if b.answer.found || !b.answer.omitted.isEmpty { return }
        }
        let query = actionStems(parsed)
        guard !query.isEmpty else { return }
        // A subject word that tells port rows apart ("PXE-enabled distribution
        // point") ranks the rows as any other word does.
        if let match, match.entity.kind == .subject, Set(query).isSubset(of: Set(stems(match.entity.name))),
           !query.contains(where: tellsPortsApart) {
            subjectPorts(match, &b)
            return
        }
        // "Which ports need to be open on the client?": no word tells port rows
        // apart (none has "open", most have "client"), so every port answers;
        // unless the question names something no document knows.
        if match == nil, parsed.unknownWords.isEmpty, !query.contains(where: tellsPortsApart) {
            listAnswer(kind: .ports, parsed, &b)
            return
        }
        // A named role or component is the strongest word of the question: when
        // some rows name it as an end or in their purpose, only those are ranked
        // ("between the client and the distribution point").
        var candidates = knowledgeBase.ports
        if let match, match.entity.kind == .siteSystemRole || match.entity.kind == .component {
            let name = stems(match.entity.name)
            let naming = candidates.filter { p in
                [p.source, p.destination, p.purpose].contains { containsPhrase(stems($0), name) }
            }
            if !naming.isEmpty { candidates = naming }
        }
        // Rows that name the entity are all about it: the other words only rank them.
        let cut = candidates.count < knowledgeBase.ports.count ? 0.5 : 0.75
        let alternatives = parsed.alternativeStems
        let scored = candidates.map { p -> (PortRow, Double) in
            let bySubject = overlap(query, p.subject ?? "", alternatives: alternatives)
            let byText = overlap(query, [p.subject, p.purpose, p.source, p.destination].compactMap { $0 }.joined(separator: " "),
                                 alternatives: alternatives)
            return (p, max(bySubject, byText * 0.9))
        }
        guard let best = scored.map(\.1).max(), best >= 0.34 else { return }
        b.answer.subject = match?.entity.description
        b.answer.heading = "Ports" + (match.map { " for \($0.entity.name)" } ?? "")
        for (p, score) in scored where score >= best * cut {
            let group = p.subject.map { "Ports: \($0)" } ?? "Ports"
            addPort(p, group: group, route: "port row whose subject/description matches the question (\(Int(score * 100))%)", &b)
        }
    }

    /// "Which ports do Windows clients need?": no word but the subject's
    /// tells rows apart, and a row that happens to spell them ("Windows
    /// Firewall on the client computer") is no more the subject's than the
    /// others. The subject's ports are every row but those of another subject
    /// the documents name ("mobile device clients"); an installation
    /// method's ports ("client push installation") are the subject's too.
    private func subjectPorts(_ match: EntityMatch, _ b: inout AnswerBuilder) {
        let kb = knowledgeBase
        // Subjects as sets of stems, as `sameSubject` compares them; each once (a corpus has thousands of rows).
        func key(_ name: String?) -> Set<String> { Set(stems(name ?? "")) }
        let subjects = Set(kb.requirements.map(\.subject) + kb.siteRoles.compactMap(\.subject) + kb.permissions.compactMap(\.subject))
        let methods = Set(kb.methods.map { key($0.name) })
        let own = key(match.entity.name)
        let others = Set(subjects.map(key)).filter { !$0.isEmpty && $0 != own && !methods.contains($0) }
        b.answer.subject = match.entity.description
        b.answer.heading = "Ports for \(match.entity.name)"
        for p in kb.ports where !others.contains(key(p.subject)) {
            addPort(p, group: p.subject.map { "Ports: \($0)" } ?? "Ports", route: route(match, "every port row but another subject's, for"), &b)
        }
    }

    /// Some port rows hold the word, and fewer than half of them.
    private func tellsPortsApart(_ stem: String) -> Bool {
        let ports = knowledgeBase.ports
        let holding = ports.filter { p in
            [p.subject, p.purpose, p.source, p.destination, p.label].contains { stems($0).contains(stem) }
        }.count
        return holding > 0 && holding * 2 < ports.count
    }

    func methodPorts(_ method: MethodRow, _ match: EntityMatch, _ b: inout AnswerBuilder, group: String) {
        let methodStems = stems(method.name)
        for p in knowledgeBase.ports where containsPhrase(stems(p.subject), methodStems) {
            addPort(p, group: group, route: route(match, "port table for"), &b)
        }
        for p in knowledgeBase.ports where coversAllMethods(p.subject) {
            addPort(p, group: "Ports for \(p.subject ?? "all methods")",
                    route: "inherited: port table for “\(p.subject ?? "")” applies to every method", &b)
        }
    }

    func addPort(_ p: PortRow, group: String, route: String, _ b: inout AnswerBuilder) {
        var text = p.label
        let ends = [p.source, p.destination].compactMap { $0 }
        var purpose = leadingSentences(p.purpose, 1)
        // "Inbound: TCP Port 2701" says nothing the label does not.
        let labelStems = Set(stems(p.label + " port"))
        if Set(stems(purpose)).isSubset(of: labelStems) { purpose = "" }
        if !purpose.isEmpty {
            text += ": \(purpose)"
        } else if ends.count == 2 {
            text += ": \(ends[0]) → \(ends[1])"
        } else if let subject = p.subject {
            text += " (\(subject))"
        }
        b.add(group: group, kind: "port", text: text, condition: p.condition, conditionText: p.conditionText,
              cite: p.cite, route: route, rule: ruleName("ports", p.id, p.label), claim: false)
    }
}
