/// One difference between the typed facts of two builds.
public struct FactChange: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable { case added, removed, changed }

    public var kind: Kind
    public var entityType: String
    public var entityName: String
    public var field: String?
    public var oldValue: String?
    public var newValue: String?
    /// Where the new fact is stated (the old one for a removal).
    public var path: String
    public var line: Int

    public var description: String {
        switch kind {
        case .added: return "\(entityType) \(entityName) added"
        case .removed: return "\(entityType) \(entityName) removed"
        case .changed:
            return "\(entityType) \(entityName) \(field ?? "") \(oldValue ?? "(none)") → \(newValue ?? "(none)")"
        }
    }
}

/// Compares the typed facts of two builds entity by entity.
///
/// Each fact has an identity (a component by its name, a port by its subject,
/// protocol, number and machines, ...) and fields; same identity with other
/// fields is a change. Requirements are sentences: one whose words mostly
/// survive under the same subject is "reworded", not removed and re-added;
/// when a subject disappears, its sentences found under another subject of
/// the same document are a changed subject.
public enum FactDiff {
    public static func compare(old: [ExtractedFacts], new: [ExtractedFacts]) -> [FactChange] {
        // Per document, on all cores; a document whose facts are as before
        // (all but a few, in an incremental build) reuses its old records.
        let oldRecords = concurrentMap(old, documentRecords)
        let newRecords = concurrentMap(Array(new.indices)) { index in
            index < old.count && old[index] == new[index] ? oldRecords[index] : documentRecords(new[index])
        }
        let before = firstStatements(oldRecords), after = firstStatements(newRecords)
        var changes: [FactChange] = []
        var unmatchedOld: [FactRecord] = []
        let afterByKey = Dictionary(after.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let beforeKeys = Set(before.map(\.key))
        for record in before {
            guard let current = afterByKey[record.key] else { unmatchedOld.append(record); continue }
            changes += fieldChanges(record, current, name: record.name)
        }
        var unmatchedNew = after.filter { !beforeKeys.contains($0.key) }
        // Rewording: pair leftover requirements of the same subject by word overlap.
        var reworded = Set<String>()
        for old in unmatchedOld where old.type == "requirement" {
            guard let best = closestSentence(to: old, in: unmatchedNew, where: {
                $0.type == "requirement" && $0.group == old.group
            }) else { continue }
            let current = unmatchedNew.remove(at: best)
            changes.append(FactChange(kind: .changed, entityType: "requirement", entityName: old.name, field: "text",
                                      oldValue: old.text, newValue: current.text, path: current.path, line: current.line))
            changes += fieldChanges(old, current, name: old.name)
            reworded.insert(old.key)
        }
        // A subject renamed (its heading reworded): when a subject is gone,
        // a sentence of the same document under another subject with mostly
        // the same words is that sentence moved (and maybe reworded), not one
        // removed and another added. (While the old subject lives on, a
        // sentence moving away from it is a removal: it no longer applies there.)
        let groupsNow = Set(after.filter { $0.type == "requirement" }.map(\.group))
        for old in unmatchedOld where old.type == "requirement" && !reworded.contains(old.key)
            && !groupsNow.contains(old.group) {
            guard let index = closestSentence(to: old, in: unmatchedNew, where: {
                $0.type == "requirement" && $0.group != old.group && $0.path == old.path
            }) else { continue }
            let current = unmatchedNew.remove(at: index)
            changes.append(FactChange(kind: .changed, entityType: "requirement", entityName: current.name, field: "subject",
                                      oldValue: old.name, newValue: current.name, path: current.path, line: current.line))
            if normalized(current.text) != normalized(old.text) {
                changes.append(FactChange(kind: .changed, entityType: "requirement", entityName: current.name, field: "text",
                                          oldValue: old.text, newValue: current.text, path: current.path, line: current.line))
            }
            changes += fieldChanges(old, current, name: current.name)
            reworded.insert(old.key)
        }
        changes += unmatchedOld.filter { !reworded.contains($0.key) }.map {
            FactChange(kind: .removed, entityType: $0.type, entityName: $0.name, field: nil, oldValue: nil, newValue: nil,
                       path: $0.path, line: $0.line)
        }
        changes += unmatchedNew.map {
            FactChange(kind: .added, entityType: $0.type, entityName: $0.name, field: nil, oldValue: nil, newValue: nil,
                       path: $0.path, line: $0.line)
        }
        return changes.sorted {
            ($0.path, $0.line, $0.entityType, $0.entityName, $0.field ?? "") < ($1.path, $1.line, $1.entityType, $1.entityName, $1.field ?? "")
        }
    }

    /// The fields `current` states otherwise than `old`, as changes of the entity `name`.
    private static func fieldChanges(_ old: FactRecord, _ current: FactRecord, name: String) -> [FactChange] {
        old.fields.keys.sorted().filter { current.fields[$0] != old.fields[$0] }.map { field in
            FactChange(kind: .changed, entityType: old.type, entityName: name, field: field,
                       oldValue: old.fields[field] ?? nil, newValue: current.fields[field] ?? nil,
                       path: current.path, line: current.line)
        }
    }

    /// The index of the record among those `eligible` whose text shares the
    /// most words with `old`'s, when it shares at least half (a rewording).
    private static func closestSentence(to old: FactRecord, in records: [FactRecord],
                                        where eligible: (FactRecord) -> Bool) -> Int? {
        guard let best = records.indices.filter({ eligible(records[$0]) }).max(by: {
            similarity(records[$0].text, old.text) < similarity(records[$1].text, old.text)
        }), similarity(records[best].text, old.text) >= 0.5 else { return nil }
        return best
    }

    /// Share of words two sentences have in common (Jaccard over lower-cased words).
    static func similarity(_ a: String, _ b: String) -> Double {
        let wa = words(a), wb = words(b)
        let union = wa.union(wb).count
        return union == 0 ? 1 : Double(wa.intersection(wb).count) / Double(union)
    }

    private static func normalized(_ s: String) -> String { s.lowercased().collapsingWhitespace }

    private static func words(_ s: String) -> Set<String> {
        Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    struct FactRecord {
        var type: String
        var key: String
        var name: String
        /// Requirements pair only within the same subject.
        var group: String
        var text: String
        var fields: [String: String?]
        var path: String
        var line: Int
    }

    /// The first statement of each identity, documents in order: a repeat
    /// (the same fact stated twice) is one fact for the changelog.
    private static func firstStatements(_ documents: [[FactRecord]]) -> [FactRecord] {
        var seen = Set<String>()
        return documents.flatMap { $0 }.filter { seen.insert($0.key).inserted }
    }

    /// One document's facts as records, repeats included.
    private static func documentRecords(_ facts: ExtractedFacts) -> [FactRecord] {
        var out: [FactRecord] = []
        func add(_ type: String, _ key: [String?], name: String, group: String = "", text: String = "",
                 _ fields: [String: String?], _ s: FactSource) {
            let k = type + "\u{1F}" + key.map { ($0 ?? "").lowercased().collapsingWhitespace }.joined(separator: "\u{1F}")
            out.append(FactRecord(type: type, key: k, name: name, group: group, text: text, fields: fields,
                                  path: s.path, line: s.line))
        }
        for c in facts.components {
            add("component", [c.name], name: c.name,
                ["min_version": c.minVersion, "file": c.file, "description": c.description], c.source)
        }
        for r in facts.siteSystemRoles {
            add("site_system_role", [r.subject, r.name], name: r.name,
                ["necessity": r.necessity?.rawValue, "description": r.description], r.source)
        }
        for r in facts.securityRoles { add("security_role", [r.name, r.description], name: r.name, [:], r.source) }
        for p in facts.permissions {
            add("permission", [p.subject, p.permission, p.object, p.purpose], name: p.object.map { "\(p.permission) on \($0)" } ?? p.permission,
                ["security_role": p.securityRole], p.source)
        }
        for p in facts.ports {
            add("port", [p.subject, p.transport, p.port, p.from, p.to], name: "\(p.transport) \(p.port) (\(p.subject ?? "-"))",
                ["purpose": p.purpose, "condition": p.condition?.description], p.source)
        }
        for m in facts.installMethods {
            add("install_method", [m.name], name: m.name, ["condition": m.condition?.description], m.source)
        }
        for r in facts.requirements {
            add("requirement", [r.subject, r.text], name: r.subject, group: r.subject.lowercased(), text: r.text,
                ["necessity": r.necessity?.rawValue, "condition": r.condition?.description], r.source)
        }
        return out
    }
}
