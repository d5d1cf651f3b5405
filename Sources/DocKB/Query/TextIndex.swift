/// Every text of the typed rows, tokenized once per process: the stems the
/// answers compare and the vocabulary typo correction checks against. A
/// corpus-sized knowledge base has thousands of rows, so tokenizing each text
/// once (instead of once per use) is most of the start-up time saved.
struct TextIndex: Sendable {
    private(set) var stems: [String: [String]] = [:]
    private(set) var vocabulary: Set<String> = []

    init(_ kb: KnowledgeBaseSnapshot) {
        var texts: [String] = []
        for r in kb.requirements { texts += [r.subject, r.text] + [r.conditionText].compactMap { $0 } }
        for c in kb.components { texts += [c.name, c.label, c.description] + [c.file, c.category].compactMap { $0 } }
        for r in kb.siteRoles { texts += [r.name, r.description] + [r.subject].compactMap { $0 } }
        for r in kb.securityRoles { texts += [r.name, r.description] }
        for p in kb.permissions { texts += [p.permission, p.label, p.purpose] + [p.object, p.subject, p.securityRole].compactMap { $0 } }
        for p in kb.ports { texts += [p.label, p.purpose] + [p.subject, p.source, p.destination, p.conditionText].compactMap { $0 } }
        for m in kb.methods { texts += [m.name, m.heading] }
        texts += kb.variables.map(\.phrase) + kb.aliases.map(\.name) + kb.sections.values.map(\.heading)
        for text in Set(texts) {
            let tokens = Words.tokens(text)
            for token in tokens { vocabulary.insert(token.word) }
            stems[text] = tokens.filter { !Words.isStopWord($0.word) }.map(\.stem)
        }
    }

    func stems(of text: String) -> [String] { stems[text] ?? Words.contentStems(text) }
}
