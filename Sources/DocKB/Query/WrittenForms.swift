/// How often the documents write each form a guess may take (a run of words
/// for an abbreviation, a word for a clipping), forms that differ only in
/// their endings counted together, and which one clearly wins.
/// Shared by `InitialismGuess` and `ClippedWordGuess`.
struct WrittenForms {
    /// Times written, by stemmed form.
    private var counts: [String: Int] = [:]
    /// Times each spelling was written, by stemmed form.
    private var spellings: [String: [String: Int]] = [:]

    mutating func add(_ spelling: String, stemmed: String) {
        counts[stemmed, default: 0] += 1
        spellings[stemmed, default: [:]][spelling, default: 0] += 1
    }

    /// The spelling written most often of the form written most often (on a
    /// tie, the one sorting first: "rule" before "rules"), when that form is
    /// written at least `minimumCount` times and `dominance` times as often
    /// as any other.
    func likeliest(minimumCount: Int, dominance: Int) -> String? {
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let best = ranked.first, best.value >= minimumCount else { return nil }
        if ranked.count > 1, best.value < dominance * ranked[1].value { return nil }
        return spellings[best.key]!.max { a, b in (a.value, b.key) < (b.value, a.key) }?.key
    }
}
