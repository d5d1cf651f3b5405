/// "What changed?": the build history the knowledge base records, newest
/// build first, each change citing the document line it was read from (for a
/// removed fact, the line where it stood before).
extension AnswerEngine {
    func changesAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let question = parsed.changes ?? ChangeQuestion()
        let kb = knowledgeBase
        let entries: [BuildHistoryEntry]
        let counts: (builds: Int, latestWithChanges: Int?)
        do {
            entries = try kb.buildHistory(question.builds)
            counts = try kb.buildCounts()
        } catch {
            b.answer.heading = "What changed"
            b.answer.notes.append("the build history of \(kb.path) cannot be read: \(error)")
            return
        }
        let about = changeSubject(parsed)
        b.answer.subject = about?.entity.description
        b.answer.heading = changeHeading(question, entries, about: about?.entity.name)
        guard !entries.isEmpty else {
            if counts.builds == 0 {
                b.answer.notes.append("this knowledge base records no builds yet")
                b.answer.suggestions = ["edit the documents and run `dockb build`: each build that rewrites the knowledge base records how its facts changed"]
            } else {
                b.answer.notes.append("no such build: the knowledge base records builds 1 to \(counts.builds)")
                b.answer.suggestions = ["what changed in build \(counts.builds)?"]
            }
            return
        }
        for entry in entries {
            b.answer.notes.append(entry.summary)
            let wanted = entry.changes.filter { change in
                (question.kinds.isEmpty || question.kinds.contains(change.kind))
                    && (question.entityTypes.isEmpty || question.entityTypes.contains(change.entityType))
                    && (about.map { concerns(change, $0.entity.name) } ?? true)
            }
            for kind in [FactChange.Kind.added, .removed, .changed] {
                for change in wanted where change.kind == kind { addChange(change, in: entry, &b) }
            }
        }
        if !b.answer.found { explainNothingFound(question, entries, counts.latestWithChanges, about?.entity.name, &b) }
    }

    private func addChange(_ change: FactChange, in entry: BuildHistoryEntry, _ b: inout AnswerBuilder) {
        let group: String
        var text = change.entityLabel
        var derivation = ["rule      build \(entry.id) recorded: \(change.kind.rawValue) \(change.entityLabel)"
                          + (change.field.map { ", field \($0)" } ?? ""),
                          "reached   the build history: build \(entry.id) (\(entry.kind.rawValue)) compared with the build before it",
                          "condition none: a recorded change applies always"]
        switch change.kind {
        case .added:
            group = "Added in build \(entry.id)"
        case .removed:
            group = "Removed in build \(entry.id)"
            derivation.append("note      the line is where the fact stood before this build removed it")
        case .changed:
            group = "Changed in build \(entry.id)"
            let old = change.oldValue ?? "(none)", new = change.newValue ?? "(none)"
            text += change.field == "text" ? " reworded: “\(old)” → “\(new)”" : ": \(change.field ?? "value") \(old) → \(new)"
        }
        b.addRecord(group: group, kind: change.entityType, text: text,
                    cite: knowledgeBase.citation(path: change.path, line: change.line), derivation: derivation)
    }

    /// The thing a change question is about ("what changed for client push?"),
    /// when the question names one well; the history is then cut to it.
    private func changeSubject(_ parsed: ParsedQuestion) -> EntityMatch? {
        parsed.matches.first { $0.coverage >= 0.6 }
    }

    /// The change is about the named thing: the same name, or one name
    /// containing the other ("Client push installation" requirements for
    /// "client push").
    private func concerns(_ change: FactChange, _ name: String) -> Bool {
        let changed = stems(change.entityName), named = stems(name)
        return sameSubject(change.entityName, name) || containsPhrase(changed, named) || containsPhrase(named, changed)
    }

    private func changeHeading(_ question: ChangeQuestion, _ entries: [BuildHistoryEntry], about: String?) -> String {
        let what: String
        switch question.kinds {
        case [.added]: what = "What was added"
        case [.removed]: what = "What was removed"
        case [.changed]: what = "What was reworded or changed"
        default: what = "What changed"
        }
        let when: String
        switch question.builds {
        case .latest(let count) where count > 1 && entries.count > 1: when = "in the last \(entries.count) builds"
        case .latest, .build: when = entries.first.map { "in build \($0.id)" } ?? "in the last build"
        case .since(let id): when = "since build \(id)"
        case .all: when = "in every recorded build"
        }
        return [what, about.map { "about \($0)" }, when].compactMap { $0 }.joined(separator: " ")
    }

    /// Says why the answer is empty: no fact changed, or none of the kind asked
    /// for, and which build last changed something.
    private func explainNothingFound(_ question: ChangeQuestion, _ entries: [BuildHistoryEntry], _ latestWithChanges: Int?,
                                     _ about: String?, _ b: inout AnswerBuilder) {
        let builds = entries.count == 1 ? "build \(entries[0].id)" : "these \(entries.count) builds"
        // When no fact changed at all, the build summaries above already say so.
        if !entries.allSatisfy(\.changes.isEmpty) {
            let filter = [about.map { "about \($0)" }, question.entityTypes.isEmpty ? nil : "of the kind asked for",
                          question.kinds.isEmpty ? nil : "that was \(question.kinds.map(\.rawValue).sorted().joined(separator: " or "))"]
            b.answer.notes.append("\(builds) changed no fact " + filter.compactMap { $0 }.joined(separator: " "))
        }
        if let latest = latestWithChanges, !entries.contains(where: { $0.id == latest }) {
            b.answer.suggestions.append("what changed in build \(latest)? (the last build that changed facts)")
        }
        b.answer.suggestions.append("what changed in the last 5 builds?")
    }
}
