import Foundation
import GRDB

/// Every typed row as one statement with its words, for questions no intent
/// handler covers ("which DNS record does X use?"): the statements that best
/// explain the question's words answer it, conditions still evaluated.
struct StatementIndex: Sendable {
    struct Statement: Sendable {
        var kind: String
        var text: String
        var condition: Condition?
        var conditionText: String?
        var cite: Citation
        var rule: String
        var stems: Set<String>
    }

    let statements: [Statement]
    /// Inverse document frequency of a stem among statements.
    let weights: [String: Double]
    let unknownWeight: Double

    init(kb: KnowledgeBaseSnapshot, texts: TextIndex) {
        var all: [Statement] = []
        // A statement's words are those of the parts it is made of; a rule is
        // about its subject, so the subject's words count as the statement's.
        func add(_ kind: String, _ text: String, _ cite: Citation, _ rule: String,
                 _ condition: Condition? = nil, _ conditionText: String? = nil, subject: String? = nil, parts: [String?]) {
            let stems = Set((parts + [subject]).compactMap { $0 }.flatMap { texts.stems(of: $0) })
            all.append(Statement(kind: kind, text: text, condition: condition, conditionText: conditionText,
                                 cite: cite, rule: rule, stems: stems))
        }
        for r in kb.requirements {
            add("requirement", r.text, r.cite, "requirements row \(r.id) (subject “\(r.subject)”)", r.condition,
                r.conditionText, subject: r.subject, parts: [r.text])
        }
        for c in kb.components {
            add("component", "\(c.label): \(c.description)", c.cite, "components row \(c.id)", parts: [c.label, c.description])
        }
        for r in kb.siteRoles {
            add("site_system_role", "\(r.name)\(r.necessity.map { " (\($0))" } ?? ""): \(r.description)", r.cite,
                "site_system_roles row \(r.id)", subject: r.subject, parts: [r.name, r.description])
        }
        for r in kb.securityRoles {
            add("security_role", "\(r.name): \(r.description)", r.cite, "security_roles row \(r.id)", parts: [r.name, r.description])
        }
        for p in kb.permissions {
            add("permission", "\(p.label): \(p.purpose)", p.cite, "permissions row \(p.id)", subject: p.subject,
                parts: [p.label, p.purpose])
        }
        for p in kb.ports {
            add("port", "\(p.label): \(p.purpose)", p.cite, "ports row \(p.id)", p.condition, p.conditionText,
                subject: p.subject, parts: [p.label, p.purpose])
        }
        statements = all
        var frequency: [String: Int] = [:]
        for s in all { for stem in s.stems { frequency[stem, default: 0] += 1 } }
        let n = Double(max(all.count, 1))
        weights = frequency.mapValues { log(1 + n / Double($0)) }
        unknownWeight = log(1 + n)
    }

    func weight(_ stem: String) -> Double { weights[stem] ?? unknownWeight }

    /// Statements scored by the weighted share of `query` they contain.
    func rank(_ query: [String]) -> [(Statement, Double)] {
        let q = Set(query)
        let total = Words.orderedSum(q, weight)
        guard total > 0 else { return [] }
        return statements.compactMap { s in
            let hit = Words.orderedSum(q.intersection(s.stems), weight)
            return hit > 0 ? (s, hit / total) : nil
        }.sorted { $0.1 > $1.1 }
    }
}

extension AnswerEngine {
    /// Below this share of the question's (weighted) words, a statement is not an answer.
    static let lookupThreshold = 0.5
    /// Added to the score of a statement conditioned on a fact the question states.
    static let statedConditionBonus = 0.25

    /// A statement the lookup ranked: `onStated` when its condition is on a
    /// fact the question states.
    struct RankedStatement {
        var statement: StatementIndex.Statement
        var score: Double
        var onStated: Bool
    }

    /// The statements that best explain the question's words, best first;
    /// empty when the best holds less than `lookupThreshold` of them.
    func rankedStatements(_ parsed: ParsedQuestion) -> [RankedStatement] {
        // Words no document uses can only lower every statement's share: set aside when enough others are left.
        let setAside = Set(parsed.unknownWordsSetAside().map(Words.stem))
        let query = parsed.stems(excluding: nil).filter { !["need", "requir"].contains($0) && !setAside.contains($0) }
        // A row that only sends the reader elsewhere ("For the permissions to ..., see X.") states nothing.
        var ranked = statements.rank(query).filter { !Self.isPointer($0.0.text) }
            .map { RankedStatement(statement: $0.0, score: $0.1, onStated: false) }
        // "what does /logon do?", "what is client.msi?": a statement answers
        // only if it writes the switch as one, the file name whole.
        if !parsed.askedSwitches.isEmpty || !parsed.askedFiles.isEmpty {
            ranked = ranked.filter { parsed.writesAskedLiterals($0.statement.text, tokens: Words.tokens($0.statement.text)) }
        }
        // A statement whose condition the question's words stated ("the proxy
        // server": "if you use a proxy web server, ...") is about what was asked.
        let stated = Set(parsed.stated.flags.keys)
        if !stated.isEmpty {
            ranked = ranked.map { ranked in
                let onStated = ranked.statement.condition.map { !stated.isDisjoint(with: $0.variables) } ?? false
                return RankedStatement(statement: ranked.statement, score: ranked.score + (onStated ? Self.statedConditionBonus : 0),
                                       onStated: onStated)
            }.sorted { $0.score > $1.score }
        }
        // "which DNS record ...": the answer must name the kind of thing asked for.
        let head = Set(parsed.headStems)
        let naming = ranked.filter { !$0.statement.stems.isDisjoint(with: head) }
        if !head.isEmpty, let best = naming.first?.score, best >= Self.lookupThreshold { ranked = naming }
        guard let best = ranked.first?.score, best >= Self.lookupThreshold else { return [] }
        return ranked
    }

    /// The statements a lookup answer quotes from: the best eight, within a fifth of the best's score.
    static func quotable(_ ranked: [RankedStatement]) -> [RankedStatement] {
        guard let best = ranked.first?.score else { return [] }
        return ranked.prefix(8).filter { $0.score >= best * 0.8 }
    }

    func lookupAnswer(_ ranked: [RankedStatement], _ b: inout AnswerBuilder) {
        guard !ranked.isEmpty else { return }
        if b.answer.heading.isEmpty { b.answer.heading = "What the documents say" }
        // The same words stated for several subjects (one rule repeated under each method) are
        // quoted once, and so is one line read as two rows (a requirement and a security role).
        var quoted = Set<String>()
        var quotedLines = Set<Citation.Spot>()
        for r in Self.quotable(ranked) {
            let s = r.statement
            guard quoted.insert(s.text).inserted, quotedLines.insert(s.cite.spot).inserted else { continue }
            b.add(group: "Statements matching the question", kind: s.kind, text: s.text, condition: s.condition,
                  conditionText: s.conditionText, cite: s.cite,
                  route: "statement containing \(Int(r.score * 100))% of the question's words (by weight)", rule: s.rule)
            if b.answer.items.count >= 5 { break }
        }
    }

    /// Nearest topics (full-text search over sections and facts) and entity
    /// names close to the question's words.
    func suggestions(for parsed: ParsedQuestion) -> [String] {
        var result: [String] = []
        let words = parsed.tokens.filter { !Words.isStopWord($0.word) && !IntentDetector.cueWords.contains($0.word) }
            .map(\.word).filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        if !words.isEmpty {
            let query = words.map { "\"\($0)\"" }.joined(separator: " OR ")
            let rows = (try? knowledgeBase.store.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT title, kind, document_id, line, anchor FROM search
                    WHERE search MATCH ? ORDER BY rank LIMIT 6
                    """, arguments: [query])
            }) ?? []
            var seen = Set<String>()
            for row in rows {
                let title: String = row["title"] ?? ""
                let id: Int64 = row["document_id"] ?? 0
                let path = knowledgeBase.document(id)?.path ?? "?"
                let line: Int = row["line"] ?? 0
                let anchor: String = row["anchor"] ?? ""
                guard seen.insert(title.lowercased()).inserted else { continue }
                result.append("\(title) — \(path):\(line)" + (anchor.isEmpty ? "" : " #\(anchor)"))
            }
        }
        for name in nearEntityNames(parsed) where !result.contains(where: { $0.hasPrefix(name) }) {
            result.append("did you mean “\(name)”?")
        }
        return Array(result.prefix(8))
    }

    /// Entity names sharing a rarer-than-usual word with the question.
    private func nearEntityNames(_ parsed: ParsedQuestion) -> [String] {
        let stems = Set(parsed.contentStems.filter { lexicon.weights[$0].map { $0 >= lexicon.typicalWeight } ?? false })
        var scored: [(String, Double)] = []
        for form in lexicon.forms {
            let hit = Words.orderedSum(form.stems.filter(stems.contains), lexicon.weight)
            if hit > 0 { scored.append((form.entity.name, hit / max(form.totalWeight, 0.0001))) }
        }
        var seen = Set<String>()
        return scored.sorted { $0.1 > $1.1 }.map(\.0).filter { seen.insert($0.lowercased()).inserted }.prefix(3).map { $0 }
    }
}
