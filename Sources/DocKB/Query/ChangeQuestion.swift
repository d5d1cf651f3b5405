/// Recognises questions about what changed between builds, and reads which
/// builds and which changes they ask for: "what changed?", "what's new",
/// "changes since the last build", "which components were removed in the
/// last 3 builds", "what changed in build 5".
///
/// A question is about changes when it has a change word (changed, new,
/// added, removed, reworded, ...) and either points at builds or recency
/// ("last", "since", "builds"), or says nothing else ("what changed?",
/// "recent changes"), or puts the change word right after "what/which" and
/// the kind of fact ("which ports were added"). A change word in a question
/// about needs ("what new components are required?") is not enough: those
/// ask about the documents, not their history.
struct ChangeQuestion: Sendable, Hashable {
    var builds: BuildSelection = .latest(1)
    /// Only these kinds of change; empty for all.
    var kinds: Set<FactChange.Kind> = []
    /// Only facts of these `entity_type`s; empty for all.
    var entityTypes: Set<String> = []
    /// Token positions that expressed the change question.
    var consumed: Set<Int> = []

    /// Change words by stem, with the kind of change they single out (nil: any).
    private static let changeStems: [String: FactChange.Kind?] = [
        "chang": nil, "new": nil, "differenc": nil, "changelog": nil, "diff": nil,
        "add": .added, "appear": .added,
        "remov": .removed, "delet": .removed, "dropp": .removed, "disappear": .removed,
        "reword": .changed, "modifi": .changed, "edit": .changed, "rewritten": .changed, "rewrit": .changed,
    ]
    /// Stems of the words for one kind of change ("add", "remov"): outside a
    /// change question they name an action ("who can add users?").
    static let actionStems: Set<String> = Set(changeStems.filter { $0.value != nil }.keys)
    /// "updated" is a change; "update" is mostly part of a name ("software update point").
    private static let changeWords: Set<String> = ["updated"]
    private static let recencyWords: Set<String> = ["last", "latest", "recent", "recently", "previous", "previously",
                                                    "since", "newest"]
    private static let buildStems: Set<String> = ["build", "rebuild", "revision"]
    /// The one asking, as the doer of the change ("can I delete ...", "should we remove ...").
    private static let askers: Set<String> = ["i", "we"]
    private static let needWords: Set<String> = ["need", "needs", "needed", "require", "required", "requires",
                                                 "necessary", "mandatory", "must"]
    /// Words that may stand between "what/which" and the change word.
    private static let bridgeWords: Set<String> = ["been", "got", "gotten", "there", "else", "anything", "something",
                                                   "fact", "facts", "thing", "things", "recently", "just"]
    private static let listingWords: Set<String> = ["show", "list", "print", "display", "give", "tell", "me", "please"]
    private static let allWords: Set<String> = ["all", "every", "ever", "history", "whole"]
    private static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12,
    ]

    /// Words of the question that belong to its change reading, for typo
    /// correction (they must not be "corrected" into document words).
    static let vocabulary: Set<String> = [
        "changed", "changes", "change", "changelog", "new", "added", "removed", "deleted", "dropped", "reworded",
        "modified", "updated", "edited", "rewritten", "last", "latest", "recent", "recently", "previous", "since",
        "newest", "build", "builds", "rebuild", "revision", "revisions", "differences",
    ]

    /// The change question `tokens` ask, or nil when they ask something else.
    static func read(_ tokens: [Token]) -> ChangeQuestion? {
        let words = tokens.map(\.word), stems = tokens.map(\.stem)
        // A word after a dot is part of a name ("CD.Latest", "report.new"), not a change or a time.
        let changeAt = tokens.indices.filter {
            !tokens[$0].followsDot && (Self.changeStems[stems[$0]] != nil || Self.changeWords.contains(words[$0]))
        }
        guard let firstChange = changeAt.first else { return nil }
        let anchored = tokens.contains { !$0.followsDot && (Self.recencyWords.contains($0.word) || Self.buildStems.contains($0.stem)) }
        var reading = ChangeQuestion()
        let typeAt = reading.readEntityTypes(tokens)
        let needs = tokens.indices.contains { Self.needWords.contains(words[$0]) && !typeAt.contains($0) }

        let isChangeQuestion: Bool
        if anchored {
            // "Can I delete the current revision of a package?": the asker is to do it; the documents say how.
            isChangeQuestion = !words[..<firstChange].contains { Self.askers.contains($0) }
        } else if needs || words.contains(where: { ["how", "why", "who", "where", "when"].contains($0) }) {
            // "how do I add ...", "what new components are required": about the documents.
            isChangeQuestion = false
        } else if firstChange + 1 < tokens.count, tokens[firstChange + 1].word == "between" {
            // "the difference between X and Y" compares two things; between builds, it is anchored above.
            isChangeQuestion = false
        } else {
            isChangeQuestion = onlyTalksAboutChanges(tokens, typeAt: typeAt)
                || changeFollowsQuestionWord(tokens, change: firstChange, typeAt: typeAt)
        }
        guard isChangeQuestion else { return nil }

        for index in changeAt {
            if let kind = Self.changeStems[stems[index]] ?? nil { reading.kinds.insert(kind) }
        }
        reading.readBuilds(tokens)
        reading.consumed.formUnion(changeAt)
        reading.consumed.formUnion(typeAt)
        reading.consumed.formUnion(tokens.indices.filter {
            Self.recencyWords.contains(words[$0]) || Self.buildStems.contains(stems[$0])
                || Self.listingWords.contains(words[$0]) || Self.allWords.contains(words[$0])
                || Self.bridgeWords.contains(words[$0]) || Self.number(words[$0]) != nil
                || ["what", "which"].contains(words[$0])
        })
        return reading
    }

    /// Every content word is a change, recency, build, listing or fact-kind
    /// word: "what changed?", "recent changes", "show me the changelog".
    private static func onlyTalksAboutChanges(_ tokens: [Token], typeAt: Set<Int>) -> Bool {
        tokens.indices.allSatisfy { i in
            let t = tokens[i]
            return Words.isStopWord(t.word) || typeAt.contains(i) || Self.changeStems[t.stem] != nil
                || Self.changeWords.contains(t.word) || Self.recencyWords.contains(t.word) || Self.buildStems.contains(t.stem)
                || Self.listingWords.contains(t.word) || Self.bridgeWords.contains(t.word) || Self.allWords.contains(t.word)
                || Self.number(t.word) != nil
        }
    }

    /// "what/which [kind of fact] [auxiliaries] <change word>": "what's new",
    /// "which ports were added", "what has been removed for client push".
    private static func changeFollowsQuestionWord(_ tokens: [Token], change: Int, typeAt: Set<Int>) -> Bool {
        guard let wh = tokens.prefix(change).lastIndex(where: { ["what", "which", "anything"].contains($0.word) }) else {
            return false
        }
        // "what is the new version of X" uses "new" as an adjective of a thing in the documents.
        if tokens[change].word == "new", change + 1 < tokens.count, !Words.isStopWord(tokens[change + 1].word),
           !typeAt.contains(change + 1) {
            return false
        }
        let between = (wh + 1)..<change
        // "which roles can remove users": a modal asks what is possible, not what changed.
        if between.contains(where: { IntentDetector.modals.contains(tokens[$0].word) }) { return false }
        return between.count <= 4 && between.allSatisfy { i in
            IntentDetector.auxiliaries.contains(tokens[i].word) || Self.bridgeWords.contains(tokens[i].word)
                || typeAt.contains(i) || ["the", "s"].contains(tokens[i].word)
        }
    }

    /// Kinds of fact the question names ("components", "site system roles");
    /// returns their positions.
    private mutating func readEntityTypes(_ tokens: [Token]) -> Set<Int> {
        let stems = tokens.map(\.stem)
        var used: Set<Int> = []
        for i in stems.indices {
            switch stems[i] {
            case "component": entityTypes.insert("component"); used.insert(i)
            case "port": entityTypes.insert("port"); used.insert(i)
            case "permission": entityTypes.insert("permission"); used.insert(i)
            case "requir", "prerequisit", "rul":
                // "requirements" names the kind; "required" is a need, read by the caller.
                guard !Self.needWords.contains(tokens[i].word) else { continue }
                entityTypes.insert("requirement"); used.insert(i)
            case "method" where i > 0 && stems[i - 1] == "install":
                entityTypes.insert("install_method"); used.formUnion([i - 1, i])
            case "rol":
                if i >= 2, stems[i - 1] == "system", stems[i - 2] == "sit" {
                    entityTypes.insert("site_system_role"); used.formUnion([i - 2, i - 1, i])
                } else if i >= 1, stems[i - 1] == "security" {
                    entityTypes.insert("security_role"); used.formUnion([i - 1, i])
                } else {
                    entityTypes.formUnion(["site_system_role", "security_role"]); used.insert(i)
                }
            default: continue
            }
        }
        return used
    }

    /// "last 3 builds" / "last three builds" → the newest 3; "since build 5" →
    /// builds after 5; "in build 5" → build 5; "all builds", "ever" → all.
    private mutating func readBuilds(_ tokens: [Token]) {
        let words = tokens.map(\.word)
        for i in tokens.indices where Self.buildStems.contains(tokens[i].stem) {
            if i + 1 < words.count, let id = Int(words[i + 1]) {
                builds = i > 0 && words[i - 1] == "since" ? .since(id) : .build(id)
                return
            }
            if let count = words[max(0, i - 2)..<i].compactMap(Self.number).last, count > 0 {
                builds = .latest(count)
                return
            }
        }
        if words.contains(where: { Self.allWords.contains($0) }), words.contains(where: { ["ever", "history", "builds"].contains($0) }) {
            builds = .all
        }
    }

    private static func number(_ word: String) -> Int? {
        Int(word) ?? numberWords[word]
    }
}
