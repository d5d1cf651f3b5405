import Foundation

/// The kinds of things a question can name, each learned from one part of the
/// typed layer.
public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case installMethod = "install method"
    case subject
    case siteSystemRole = "site system role"
    case component
    case securityRole = "security role"
    case permission
    case portUse = "port use"
    case term
}

public struct Entity: Hashable, Sendable, Codable, CustomStringConvertible {
    public var kind: EntityKind
    public var name: String
    public var description: String { "\(kind.rawValue) \"\(name)\"" }
}

/// One way of writing an entity: its name, a heading, a file name, an alias.
struct SurfaceForm: Sendable {
    var entity: Entity
    var stems: [String]
    var totalWeight: Double
    /// For a name that is one thing twice ("Client -- > Client"), how many
    /// times it writes each word: a question names it only by writing them as often.
    let timesWritten: [String: Int]?

    init(entity: Entity, stems: [String], totalWeight: Double) {
        self.entity = entity
        self.stems = stems
        self.totalWeight = totalWeight
        let counts = Dictionary(stems.map { ($0, 1) }, uniquingKeysWith: +)
        timesWritten = counts.count < stems.count && counts.values.allSatisfy({ $0 > 1 }) ? counts : nil
    }
}

/// Everything the question parser knows about the knowledge base's words,
/// built once per process from the rows (names, aliases, abbreviations in
/// parentheses, file names, condition phrases). Nothing here is written by
/// hand: another documentation set yields another lexicon.
public struct Lexicon: Sendable {
    var forms: [SurfaceForm] = []
    /// Inverse frequency of a stem among the surface forms: "push" weighs more
    /// than "installation", which every method name contains.
    var weights: [String: Double] = [:]
    /// Stems that occur in exactly one entity name: naming them names the entity
    /// ("push" for "Client push installation"), however short the mention.
    var identifyingStems: Set<String> = []
    /// Abbreviations and aliases, lower-cased, to the words they stand for.
    var expansions: [String: [String]] = [:]
    /// Every word the knowledge base uses; a question word outside it may be a typo.
    var vocabulary: Set<String> = []
    /// Every word of every name, the long forms of abbreviations included
    /// (those have no weight of their own: they are added after weighing).
    private(set) var nameStems: Set<String> = []
    /// Words worth correcting a typo to: entity words and question cue words.
    var correctionTargets: [String: Int] = [:]
    /// Entity names for TAB completion and "did you mean".
    public private(set) var entityNames: [String] = []
    var variables: [VariableForm] = []

    struct VariableForm: Sendable {
        var variable: ConditionVariable
        var stems: Set<String>
        /// Command-line switches in the phrase ("/source"): naming one is enough.
        var switches: Set<String>
        /// The phrase itself is negative ("a version of Windows that's not updated").
        var negated: Bool
    }

    init(kb: KnowledgeBaseSnapshot, texts: TextIndex) {
        var entities: [(Entity, [String])] = []
        func add(_ kind: EntityKind, _ name: String?, also extra: [String?] = []) {
            guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            let entity = Entity(kind: kind, name: name)
            entities.append((entity, [name] + extra.compactMap { $0 }))
        }
        for m in kb.methods { add(.installMethod, m.name, also: [m.heading == m.name ? nil : m.heading]) }
        for r in kb.siteRoles { add(.siteSystemRole, r.name) }
        for c in kb.components { add(.component, c.name, also: [c.file]) }
        for r in kb.securityRoles { add(.securityRole, r.name) }
        for p in kb.permissions {
            add(.permission, p.permission)
            add(.securityRole, p.securityRole)
        }
        for p in kb.ports { add(.portUse, p.subject) }
        let methodNames = Set(kb.methods.map { $0.name.lowercased() })
        for r in kb.requirements where !methodNames.contains(r.subject.lowercased()) { add(.subject, r.subject) }
        for r in kb.siteRoles { add(.subject, r.subject) }
        for p in kb.permissions { add(.subject, p.subject) }

        var seen = Set<String>()
        for (entity, names) in entities {
            for name in names {
                let stems = texts.stems(of: name)
                guard !stems.isEmpty else { continue }
                let key = "\(entity.kind.rawValue)|\(entity.name.lowercased())|\(stems.joined(separator: " "))"
                guard seen.insert(key).inserted else { continue }
                forms.append(SurfaceForm(entity: entity, stems: stems, totalWeight: 0))
            }
        }
        buildWeights(texts)
        buildVocabulary(texts)
        buildExpansions(kb, entities: entities.map(\.0))
        buildVariables(kb.variables)
        nameStems = Set(forms.flatMap(\.stems))
        var names = Set<String>()
        entityNames = entities.map(\.0.name).filter { names.insert($0.lowercased()).inserted }.sorted()
    }

    private mutating func buildWeights(_ texts: TextIndex) {
        var frequency: [String: Int] = [:]
        for form in forms { for stem in Set(form.stems) { frequency[stem, default: 0] += 1 } }
        let n = Double(max(forms.count, 1))
        for (stem, df) in frequency { weights[stem] = log(1 + n / Double(df)) }
        let sorted = weights.values.sorted()
        typicalWeight = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        var names: [String: Set<String>] = [:]
        for form in forms { for stem in form.stems { names[stem, default: []].insert(form.entity.name.lowercased()) } }
        // Several forms share one entity name: read each name once.
        let marked = Set(Set(forms.map(\.entity.name)).flatMap(Self.markedShortStems(in:)))
        // A word of one name only, unless the documents' rows use it everywhere
        // ("server", "support"): such a word is the language's, not the name's.
        var rowsUsing: [String: Int] = [:]
        for stems in texts.stems.values { for stem in Set(stems) { rowsUsing[stem, default: 0] += 1 } }
        let commonInRows = max(Self.commonWordRows, texts.stems.count * Self.commonWordPercent / 100)
        identifyingStems = Set(names.filter {
            $0.value.count == 1 && !$0.key.allSatisfy(\.isNumber)
                && (marked.contains($0.key) || ($0.key.count >= 4 && rowsUsing[$0.key, default: 0] <= commonInRows))
        }.keys)
        for i in forms.indices { forms[i].totalWeight = forms[i].stems.reduce(0) { $0 + weight($1) } }
    }

    /// A word in more rows than this (and than `commonWordPercent` of them) is too common to name anything alone.
    static let commonWordRows = 10
    static let commonWordPercent = 3

    /// Stems of short words a name writes in a way no ordinary word is
    /// written: capitals only ("IIS") or after a leading dot (".NET"). Such a
    /// word names its entity alone, where a short ordinary word ("use") is too
    /// common to.
    static func markedShortStems(in name: String) -> [String] {
        name.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," }).compactMap { piece in
            let word = piece.hasPrefix(".") ? piece.dropFirst() : piece
            guard (2...3).contains(word.count), word.allSatisfy({ $0.isASCII && $0.isLetter }),
                  piece.hasPrefix(".") || word.allSatisfy(\.isUppercase) else { return nil }
            return Words.stem(word.lowercased())
        }
    }

    /// The median weight: stems above it are specific enough to mean something alone.
    private(set) var typicalWeight: Double = 0

    /// Weight of a stem; stems no entity uses weigh like the rarest ones.
    func weight(_ stem: String) -> Double {
        weights[stem] ?? log(1 + Double(max(forms.count, 1)))
    }

    private mutating func buildVocabulary(_ texts: TextIndex) {
        vocabulary = texts.vocabulary
        for form in forms {
            for token in Words.tokens(form.entity.name) where token.word.count >= 4 {
                correctionTargets[token.word, default: 0] += 1
            }
        }
        for word in IntentDetector.cueWords { correctionTargets[word, default: 0] += 1 }
        vocabulary.formUnion(IntentDetector.cueWords)
    }

    /// Aliases from the documents ("Background Intelligent Transfer Service
    /// (BITS)") and initialisms of multi-word names ("software update point"
    /// → "sup"), kept only when unambiguous and not an ordinary word.
    private mutating func buildExpansions(_ kb: KnowledgeBaseSnapshot, entities: [Entity]) {
        var named = Set(forms.map { $0.entity.name.lowercased() })
        var longForms: [String: [LongForm]] = [:]
        for alias in kb.aliases {
            let key = alias.alias.lowercased()
            guard !key.isEmpty, !alias.name.isEmpty, key != alias.name.lowercased() else { continue }
            let words = Words.tokens(alias.name)
            let initials = String(words.map(\.word).filter { !Words.isStopWord($0) }.compactMap(\.first))
            longForms[key, default: []].append(LongForm(words: words.map(\.word), spellsAbbreviation: initials == key,
                                                        document: alias.cite.documentID))
            if named.insert(alias.name.lowercased()).inserted {
                let stems = words.filter { !Words.isStopWord($0.word) }.map(\.stem)
                forms.append(SurfaceForm(entity: Entity(kind: .term, name: alias.name), stems: stems,
                                         totalWeight: stems.reduce(0) { $0 + weight($1) }))
            }
            vocabulary.insert(key)
        }
        for (key, candidates) in longForms { expansions[key] = Self.likeliestLongForm(candidates) }
        // Whole names first ("management point" → "mp"); then every run of
        // two to four words inside a name ("software update point-based
        // installation" → "sup") where no whole name claims those initials.
        // A run never starts inside a compound ("based installation" of
        // "point-based installation"). Two letters are the easiest to take for
        // someone else's abbreviation, so a run of two counts only where two
        // names or more hold it ("configuration manager" in many): two words
        // that merely stand side by side in one name ("configure asset" of
        // "Configure Asset Intelligence") are no term of their own. A word
        // written in capitals ("CAS", "VM") is an abbreviation already: no run
        // holding it, and no two-word name holding it, is spelled by initials
        // ("primary or CAS" is no "PC"). Nor does a run span a word left out
        // ("checker for configuration manager" is no "CCM").
        var whole: [String: Set<String>] = [:], runs: [String: [String: Set<String>]] = [:]
        for entity in entities {
            var tokens: [Token] = [], afterLeftOut: [Bool] = [], leftOut = false
            for token in Words.tokens(entity.name) {
                if Words.isStopWord(token.word) { leftOut = true; continue }
                tokens.append(token)
                afterLeftOut.append(leftOut)
                leftOut = false
            }
            let words = tokens.map(\.word)
            guard words.count >= 2, words.allSatisfy({ $0.first?.isLetter == true }) else { continue }
            let abbreviations = Self.abbreviations(in: entity.name)
            if words.count <= 5, words.count > 2 || abbreviations.isDisjoint(with: words) {
                whole[String(words.compactMap(\.first)), default: []].insert(words.joined(separator: " "))
            }
            for start in words.indices where !tokens[start].followsHyphen {
                for length in 2...4 where start + length <= words.count && length < words.count {
                    let run = words[start..<start + length]
                    guard abbreviations.isDisjoint(with: run), !afterLeftOut[(start + 1)..<(start + length)].contains(true) else { continue }
                    runs[String(run.compactMap(\.first)), default: [:]][run.joined(separator: " "), default: []]
                        .insert(entity.name.lowercased())
                }
            }
        }
        var partial: [String: Set<String>] = [:]
        for (initials, found) in runs {
            let terms = Set(found.filter { initials.count > 2 || $0.value.count >= 2 }.keys)
            if !terms.isEmpty { partial[initials] = terms }
        }
        for (initials, names) in whole.merging(partial.filter { whole[$0.key] == nil }, uniquingKeysWith: { a, _ in a })
        where names.count == 1 {
            guard expansions[initials] == nil, !vocabulary.contains(initials), !Words.isStopWord(initials),
                  !IntentDetector.cueWords.contains(initials) else { continue }
            expansions[initials] = names.first!.split(separator: " ").map(String.init)
        }
    }

    /// The words `name` writes in capitals, two letters or more ("CAS", "VM"), lower-cased.
    static func abbreviations(in name: String) -> Set<String> {
        Set(name.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 2 && $0.allSatisfy(\.isUppercase) }
            .map { $0.lowercased() })
    }

    /// One definition of an abbreviation: its long form's words, whether their
    /// initials spell the abbreviation, and the document defining it.
    struct LongForm {
        var words: [String]
        var spellsAbbreviation: Bool
        var document: Int64
    }

    /// The long form an abbreviation most likely stands for, when the
    /// documents define it more than one way (a slip such as "cloud management
    /// point (CMG)"): one whose initials spell it, then the one the most
    /// documents define, then the last defined.
    static func likeliestLongForm(_ candidates: [LongForm]) -> [String] {
        var documents: [[String]: Set<Int64>] = [:]
        for c in candidates { documents[c.words.map { $0.lowercased() }, default: []].insert(c.document) }
        func score(_ c: LongForm) -> (Int, Int) {
            (c.spellsAbbreviation ? 1 : 0, documents[c.words.map { $0.lowercased() }]?.count ?? 0)
        }
        var best = candidates[0]
        for c in candidates.dropFirst() where score(c) >= score(best) { best = c }
        return best.words
    }

    private mutating func buildVariables(_ variables: [ConditionVariable]) {
        for variable in variables {
            let phraseTokens = Words.tokens(variable.phrase)
            var stems = Set(phraseTokens.filter { !Words.isStopWord($0.word) && !Words.negations.contains($0.word) }.map(\.stem))
            stems.formUnion(variable.name.split(separator: "-").map { Words.stem(String($0)) }
                .filter { !Words.isStopWord($0) && !Words.negations.contains($0) })
            let switches = Set(phraseTokens.filter(\.isSwitch).map(\.word))
            let negated = phraseTokens.contains { Words.negations.contains($0.word) }
            self.variables.append(VariableForm(variable: variable, stems: stems, switches: switches, negated: negated))
        }
    }

    /// The known word closest to `word`, when `word` looks like a typo of one.
    /// Returns nil for known words and when nothing is close enough.
    func correction(for word: String) -> (word: String, distance: Int, ambiguous: Bool)? {
        guard word.count >= 4, !vocabulary.contains(word), !Words.isStopWord(word),
              word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let budget = Words.typoBudget(forLength: word.count)
        var best: [(String, Int)] = []
        var bestDistance = budget + 1
        // A four-letter word one letter away from a known one is as often
        // another real word ("talk", "task"); only swapped letters ("psuh")
        // are a typo that short.
        let swapsOnly = word.count == 4
        for (target, _) in correctionTargets where !swapsOnly || Words.isAdjacentSwap(word, target) {
            let d = Words.editDistance(word, target, limit: budget)
            if d < bestDistance { bestDistance = d; best = [(target, d)] } else if d == bestDistance { best.append((target, d)) }
        }
        guard bestDistance <= budget, !best.isEmpty else { return nil }
        let ranked = best.sorted { (correctionTargets[$0.0] ?? 0, $1.0) > (correctionTargets[$1.0] ?? 0, $0.0) }
        let distinctStems = Set(best.map { Words.stem($0.0) })
        return (ranked[0].0, bestDistance, distinctStems.count > 1)
    }
}
