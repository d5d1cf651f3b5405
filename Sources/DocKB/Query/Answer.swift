import Foundation

/// One numbered line of an answer: a knowledge-base row, how it was reached,
/// whether its condition holds, and where it is written.
public struct AnswerItem: Codable, Sendable {
    public var number: Int
    public var group: String
    /// requirement, component, site_system_role, security_role, permission, port, install_method, text (a sentence of prose),
    /// table_cell (where a row and a column of a comparison table meet)
    public var kind: String
    public var text: String
    /// `met` (applies) or `unknown` (kept, depends on something not yet said).
    public var status: Truth
    /// Canonical condition (`not source`), nil when the rule always applies.
    public var condition: String?
    /// The condition in words, as far as the knowledge base knows them.
    public var conditionText: String?
    /// Variables the condition reads that nobody has decided yet.
    public var dependsOn: [String]
    public var source: Citation
    /// The derivation `why N` prints: rule, route, condition, evaluation.
    public var derivation: [String]
}

/// A rule left out because its condition does not hold in the context.
public struct OmittedItem: Codable, Sendable {
    public var kind: String
    public var condition: String
    public var reason: String
    public var source: Citation
}

public struct Answer: Codable, Sendable {
    public var question: String
    public var intent: Intent
    /// What the answer is about ("install method \"Manual installation\"").
    public var subject: String?
    public var heading: String
    public var items: [AnswerItem] = []
    public var omitted: [OmittedItem] = []
    /// How the question was read: corrections, abbreviations, stated facts.
    public var notes: [String] = []
    /// How to decide what undecided items depend on.
    public var followUps: [String] = []
    /// When nothing was found: nearest topics and "did you mean".
    public var suggestions: [String] = []

    public var found: Bool { !items.isEmpty }

    /// Group names in order of first appearance.
    public var groups: [String] {
        var seen = Set<String>()
        return items.map(\.group).filter { seen.insert($0).inserted }
    }
}

/// Collects items while evaluating their conditions; skips a row when a more
/// specific row made from the same line is already in the answer.
struct AnswerBuilder {
    let context: QueryContext
    let phrases: [String: String]
    var answer: Answer
    private var claimed = Set<Citation.Spot>()
    private var texts = Set<String>()

    init(answer: Answer, context: QueryContext, phrases: [String: String]) {
        self.answer = answer
        self.context = context
        self.phrases = phrases
    }

    func isClaimed(_ cite: Citation) -> Bool { claimed.contains(cite.spot) }

    /// Reserves a line for a more specific row added later in the answer.
    mutating func claim(_ cite: Citation) { claimed.insert(cite.spot) }

    /// Adds one row. Returns false when it was a duplicate or left out.
    @discardableResult
    mutating func add(group: String, kind: String, text: String, condition: Condition? = nil,
                      conditionText: String? = nil, cite: Citation, route: String, rule: String,
                      claim: Bool = true) -> Bool {
        let key = "\(cite.documentID)|\(cite.line)|\(text)"
        guard !text.isEmpty, texts.insert(key).inserted else { return false }
        let truth = ConditionEvaluator.evaluate(condition, in: context)
        let readable = condition.map(describe)
        if truth == .notMet, let condition {
            answer.omitted.append(OmittedItem(
                kind: kind, condition: condition.description,
                reason: "applies only when \(readable ?? condition.description); " + stateOfVariables(condition),
                source: cite))
            if claim { claimed.insert(cite.spot) }
            return false
        }
        let depends = ConditionEvaluator.undecidedVariables(condition, in: context)
        var derivation = ["rule      \(rule)", "reached   \(route)"]
        if let condition {
            derivation.append("condition \(condition.description)" + (conditionText.map { " — from “\($0)”" } ?? ""))
            derivation.append("evaluated " + stateOfVariables(condition) + " → " + truth.rawValue)
        } else {
            derivation.append("condition none: applies always")
        }
        answer.items.append(AnswerItem(
            number: answer.items.count + 1, group: group, kind: kind, text: text, status: truth,
            condition: condition?.description, conditionText: conditionText ?? readable,
            dependsOn: depends, source: cite, derivation: derivation))
        if claim { claimed.insert(cite.spot) }
        return true
    }

    /// Adds a record that is not a rule (an entry of the build history): it
    /// has no condition to evaluate, and the same text in two builds is two
    /// events, so nothing is merged.
    mutating func addRecord(group: String, kind: String, text: String, cite: Citation, derivation: [String]) {
        answer.items.append(AnswerItem(
            number: answer.items.count + 1, group: group, kind: kind, text: text, status: .met,
            condition: nil, conditionText: nil, dependsOn: [], source: cite, derivation: derivation))
    }

    /// Moves the items `rank` gives a rank to the front, under `group`, the
    /// lowest rank first (ties keep their order), and numbers every item
    /// again in its new place.
    mutating func bringForward(group: String, rank: (AnswerItem) -> Int?) {
        let ranks = answer.items.map(rank)
        let focus = answer.items.indices.filter { ranks[$0] != nil }.sorted { (ranks[$0]!, $0) < (ranks[$1]!, $1) }
        guard !focus.isEmpty, focus.count < answer.items.count else { return }
        let rest = answer.items.indices.filter { ranks[$0] == nil }
        answer.items = focus.map { var item = answer.items[$0]; item.group = group; return item } + rest.map { answer.items[$0] }
        for index in answer.items.indices { answer.items[index].number = index + 1 }
    }

    /// A condition in words: flags by the phrase they came from.
    func describe(_ condition: Condition) -> String {
        switch condition {
        case .flag(let name): return phrases[name].map { "“\($0)”" } ?? name
        case .not(let inner): return "not " + describe(inner)
        case .all(let parts): return parts.map(describe).joined(separator: " and ")
        case .any(let parts): return parts.map(describe).joined(separator: " or ")
        case .version(let op, let v): return "version \(op.rawValue) \(v)"
        }
    }

    /// "source = yes, version = unknown".
    func stateOfVariables(_ condition: Condition) -> String {
        var seen = Set<String>()
        return condition.variables.filter { seen.insert($0).inserted }.map { name in
            if name == "version" { return "version = \(context.version ?? "not set")" }
            switch context.flags[name] {
            case .some(true): return "\(name) = yes"
            case .some(false): return "\(name) = no"
            case .none: return "\(name) = not set"
            }
        }.joined(separator: ", ")
    }

    /// Offers, once per undecided variable, how to decide it.
    mutating func finish() -> Answer {
        var seen = Set<String>()
        for item in answer.items {
            for name in item.dependsOn where seen.insert(name).inserted {
                if name == "version" {
                    answer.followUps.append("set version N   (or say “version 2107” in the question)")
                } else {
                    let phrase = phrases[name].map { "   (“\($0)”)" } ?? ""
                    answer.followUps.append("set \(name) yes|no\(phrase)")
                }
            }
        }
        return answer
    }
}

/// First `count` sentences of a description, for compact list lines.
func leadingSentences(_ text: String, _ count: Int) -> String {
    var sentences: [Substring] = []
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex, sentences.count < count {
        let next = text.index(after: index)
        if ".!?".contains(text[index]), next == text.endIndex || text[next].isWhitespace {
            // "e.g." and version numbers are not sentence ends: require white space
            // after (a line break ends a sentence of a section's text too).
            sentences.append(text[start...index])
            start = next
        }
        index = next
    }
    if sentences.count < count, start < text.endIndex { sentences.append(text[start...]) }
    return sentences.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
}
