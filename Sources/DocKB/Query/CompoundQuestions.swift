import Foundation

/// "Starting in which version can I install X, and what was it called
/// before?": a question asking two things no one text answers is asked part
/// by part, and what the parts find is joined.
extension AnswerEngine {
    /// The answer to `question` asked part by part, when `whole` (its answer
    /// asked as one) found nothing or only sentences sharing some of its words.
    func answerPartByPart(_ question: String, whole: Answer, context: QueryContext) -> Answer? {
        guard Self.isAtBest(whole, Self.sharedWordsGroup), whole.omitted.isEmpty,
              let parts = Self.parts(of: question) else { return nil }
        // "What is X, and how does it differ from Y?": no text answers both at
        // once; each part is asked by itself, and what they find is joined,
        // when one part finds more than sentences sharing some of its words.
        let answers = parts.asked.map { (part: $0, answer: answerAsOne($0, context: context)) }
        let answered = answers.filter(\.answer.found)
        guard var joined = answered.first?.answer,
              answered.contains(where: { !Self.isAtBest($0.answer, Self.sharedWordsGroup) }) else { return nil }
        for other in answered.dropFirst() {
            joined.items += other.answer.items
            joined.followUps += other.answer.followUps.filter { !joined.followUps.contains($0) }
        }
        joined.question = question
        let unanswered = answers.filter { !$0.answer.found }.map { "“\($0.part)” found nothing" }
            + parts.leftOut.map { "“\($0)” cannot be asked without what it points back to" }
        joined.notes.append("no text answers the whole question; answered " + answered.map { "“\($0.part)”" }.joined(separator: " and ")
            + (unanswered.isEmpty ? "" : "; " + unanswered.joined(separator: "; ")))
        return joined
    }

    /// The answer found nothing, or only items of `group`.
    static func isAtBest(_ answer: Answer, _ group: String) -> Bool {
        answer.items.allSatisfy { $0.group == group }
    }

    /// The questions a compound one asks ("what is X, and how does it differ
    /// from Y?"), split before "and" followed by a question word. A later part
    /// that points back ("how does it differ ...") cannot be asked alone: it
    /// is left out. Nil when there is nothing to split or nothing left to ask.
    static func parts(of question: String) -> (asked: [String], leftOut: [String])? {
        let ns = question as NSString
        let splits = partBoundary.matches(in: question, range: NSRange(location: 0, length: ns.length))
        guard !splits.isEmpty, splits.count <= 2 else { return nil }
        var asked: [String] = [], leftOut: [String] = []
        var start = 0
        for (index, split) in (splits.map(Optional.some) + [nil]).enumerated() {
            let end = split?.range.location ?? ns.length
            let part = ns.substring(with: NSRange(location: start, length: end - start))
                .trimmingCharacters(in: CharacterSet(charactersIn: " ,;-?")) + "?"
            start = split.map { $0.range.location + $0.range.length } ?? ns.length
            let words = Words.tokens(part).map(\.word)
            // The first part has no other part before it: a pronoun after its
            // own nouns points to them ("devices stuck in setup - can they ...").
            let pointing = index == 0 ? words.prefix { Words.isStopWord($0) || pointingBack.contains($0) } : words[...]
            if pointing.contains(where: pointingBack.contains) { leftOut.append(part) } else if words.count >= 3 { asked.append(part) }
        }
        return asked.isEmpty ? nil : (asked, leftOut)
    }

    private static let partBoundary = try! NSRegularExpression(
        pattern: #",?\s+and\s+(?=(?:how|what|which|why|where|when|who)\b)"#, options: [.caseInsensitive])
    private static let pointingBack: Set<String> = ["it", "its", "they", "them", "their", "this", "that", "these", "those"]
}
