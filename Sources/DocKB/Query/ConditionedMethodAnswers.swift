/// "Which methods need the AD schema extended?", "which installation methods
/// depend on /source?": the question asks which installation methods have
/// rules on a condition, not what one method needs under it.
extension AnswerEngine {
    /// Answers when the question asks for methods ("which/what [installation]
    /// methods") and names a condition: each method's rules (requirements and
    /// ports) whose condition involves it, grouped by method. The condition is
    /// what is asked about, so it is left undecided and every rule on it shows
    /// what it depends on, whatever the question or the session said of it.
    func conditionedMethodsAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) -> Bool {
        let named = Set(parsed.stated.flags.keys).union(parsed.askedVariables)
        guard !named.isEmpty, Self.asksWhichMethods(parsed.tokens) else { return false }
        var context = b.context
        for variable in named { context.flags[variable] = nil }
        var methods = AnswerBuilder(answer: b.answer, context: context, phrases: phrases)
        methods.answer.notes.removeAll { note in named.contains { note.hasPrefix("stated: \($0) =") } }
        let phrasesAsked = named.sorted().map { phrases[$0].map { "“\($0)”" } ?? $0 }
        methods.answer.notes.append("asked about: " + phrasesAsked.joined(separator: ", "))
        let route = "rule of an installation method whose condition involves " + phrasesAsked.joined(separator: ", ")
        func involves(_ condition: Condition?) -> Bool { !named.isDisjoint(with: condition?.variables ?? []) }
        var methodsFound = Set<String>()
        // Few rules involve the condition: those, not every rule, are compared with each method.
        let involved = knowledgeBase.requirements.filter { involves($0.condition) }
        for method in knowledgeBase.methods {
            for r in involved where sameSubject(r.subject, method.name) {
                methodsFound.insert(method.name)
                methods.add(group: method.name, kind: "requirement", text: r.text, condition: r.condition,
                            conditionText: r.conditionText, cite: r.cite, route: route, rule: ruleName("requirements", r.id, r.subject))
            }
        }
        // A port table may serve several methods ("... manual installation and logon script-based installation"): one group names them all.
        for p in knowledgeBase.ports where involves(p.condition) {
            let serving = knowledgeBase.methods.filter { containsPhrase(stems(p.subject), stems($0.name)) }.map(\.name)
            guard !serving.isEmpty else { continue }
            methodsFound.formUnion(serving)
            addPort(p, group: "Ports: " + serving.joined(separator: ", "), route: route, &methods)
        }
        guard methods.answer.found else { return false }
        let count = methodsFound.count
        methods.answer.heading = "\(count) installation method\(count == 1 ? "" : "s") with rules on " + phrasesAsked.joined(separator: ", ")
        b = methods
        return true
    }

    /// "Which methods ...", "what installation methods ...": a question word
    /// with "methods" among the next three words.
    static func asksWhichMethods(_ tokens: [Token]) -> Bool {
        guard let wh = tokens.firstIndex(where: { $0.word == "which" || $0.word == "what" }) else { return false }
        return tokens[(wh + 1)...].prefix(3).contains { $0.stem == "method" }
    }
}
