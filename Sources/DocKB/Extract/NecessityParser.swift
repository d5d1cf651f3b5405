/// How strongly a text asks for something, read from its wording.
enum NecessityParser {
    static func parse(_ text: String) -> Necessity? {
        if optionalRecommended.matches(text) { return .optionalRecommended }
        let negative = notRequired.matches(text)
        let positive = requires(text)
        // "Optionally set up X. Some clients don't need it": optional first.
        if optional.matches(text) { return .optional }
        if negative && !positive { return .notRequired }
        // "X isn't required to install the client. However, it's required if
        // you deploy software": the first sentence states the rule, the rest
        // only its exceptions. ("... Clients require X to ..." is a rule too;
        // "the X you use must support HTTPS" is about X, not whether it is needed.)
        if negative && positive, case let sentences = Text.sentences(text), let first = sentences.first,
           notRequired.matches(first), !requires(first),
           sentences.dropFirst().filter({ requiresIt.matches($0) }).allSatisfy({ exception.matches($0) }) {
            return .notRequired
        }
        if recommended.matches(text) && !positive { return .recommended }
        if positive { return .required }
        if negative { return .notRequired }
        return nil
    }

    /// "required", "requires", "needs", "must": a positive rule.
    private static func requires(_ text: String) -> Bool { requiresIt.matches(text) || must.matches(text) }
    /// Says something is needed; "must" may instead say how it must be ("must support HTTPS").
    private static let requiresIt = Pattern(
        #"\b(?:(?<!n't |not |no longer )required|(?<!n't |not )requires?|(?<!n't |not )needs?|is needed)\b"#,
        requiring: [["require", "need"]])
    private static let must = Pattern(#"\bmust\b"#, requiring: [["must"]])
    private static let exception = Pattern(#"\b(?:if|when|unless|only)\b"#)
    private static let optionalRecommended = Pattern(#"\boptional,? but (?:it's |is )?recommended\b"#,
                                              requiring: [["optional"], ["recommended"]])
    private static let optional = Pattern(#"\b(?:optional|optionally|may also require|you can also)\b"#,
                                   requiring: [["optional", "may also require", "you can also"]])
    private static let recommended = Pattern(#"\b(?:recommended|recommend|should)\b"#, requiring: [["recommend", "should"]])
    private static let notRequired = Pattern(
        #"\b(?:(?:is|are)(?:n't| not) required|not required|(?:don't|doesn't|do not|does not) (?:require|need)|no longer (?:required|needed))\b"#,
        requiring: [["require", "need"]])
}
