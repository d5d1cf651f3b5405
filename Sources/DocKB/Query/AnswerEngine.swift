import Foundation

/// Answers questions from the typed layer: parses the question, picks the
/// subject the intent needs, gathers the subject's own rules and the ones it
/// inherits, evaluates their conditions, and keeps every line's citation.
///
/// Build one per process: construction loads the lexicon and word indexes;
/// `answer` is then pure in-memory work.
public final class AnswerEngine: Sendable {
    public let knowledgeBase: KnowledgeBaseSnapshot
    public let lexicon: Lexicon
    let parser: QuestionParser
    /// Condition variable → the words it was introduced by.
    let phrases: [String: String]
    let statements: StatementIndex
    /// Requirement rows by line: a component or role row made from the same
    /// line takes its condition from there.
    let requirementAt: [Citation.Spot: RequirementRow]
    /// Stems of every row text, computed once: answers compare them for each
    /// row, and a corpus-sized base has thousands of rows.
    let stemCache: [String: [String]]
    /// Stems of row texts met while answering (purposes, descriptions), kept
    /// for the next question.
    private let memo = StemMemo()
    /// Every statement that names a security role, for "who can ..." questions.
    let roleEvidence: [RoleEvidence]

    public init(knowledgeBase kb: KnowledgeBaseSnapshot) {
        knowledgeBase = kb
        let texts = TextIndex(kb)
        let lexicon = Lexicon(kb: kb, texts: texts)
        self.lexicon = lexicon
        parser = QuestionParser(lexicon: lexicon, documentsMention: kb.documentsMention,
                                documentsCallVersion: kb.documentsCallVersion, wordsSpelledBy: { kb.wordsSpelled(by: $0) },
                                seldomWrittenAbbreviation: { kb.words(seldomWrittenAbbreviation: $0) },
                                wordClippedTo: { kb.word(clippedTo: $0) },
                                seldomWrittenClipping: { kb.word(seldomWrittenClipping: $0, known: $1) },
                                wordsRunTogether: { kb.words(runTogetherIn: $0) },
                                wordBeforeNumber: { kb.word(initial: $0, number: $1) },
                                proseCommonlyUses: { kb.prose(commonlyUses: $0) })
        phrases = Dictionary(kb.variables.map { ($0.name, $0.phrase) }, uniquingKeysWith: { a, _ in a })
        statements = StatementIndex(kb: kb, texts: texts)
        requirementAt = Dictionary(kb.requirements.map { ($0.cite.spot, $0) }, uniquingKeysWith: { first, _ in first })
        stemCache = texts.stems
        roleEvidence = RoleEvidence.collect(kb, texts: texts)
    }

    public func parse(_ question: String) -> ParsedQuestion { parser.parse(question) }

    public func answer(_ question: String, context: QueryContext = QueryContext()) -> Answer {
        let whole = answerAsOne(question, context: context)
        let answer = answerPartByPart(question, whole: whole, context: context) ?? whole
        // Quotes completed by what stands next to them in their document: the list a
        // "these X" names, the section a quoted link points to, the rows of the table a quote
        // introduces, the workaround after a problem, the rest of a procedure.
        return quotingProcedure(quotingRemedies(quotingTablesIntroduced(quotingSectionsLinkedTo(quotingListsReferredBack(answer)))))
    }

    func answerAsOne(_ question: String, context: QueryContext) -> Answer {
        let parsed = parser.parse(question)
        let ranking = LazySentenceRanking { [self] in sentenceRanking(parsed) }
        let effective = context.merging(parsed.stated)
        var builder = startAnswer(question, parsed, context: effective)
        if let version = parsed.askedVersion, Self.versionCheckable.contains(parsed.intent),
           versionCheckAnswer(parsed, version: version, &builder) {
            return builder.finish()
        }
        if conditionedMethodsAnswer(parsed, &builder) { return builder.finish() }
        switch parsed.intent {
        case .requirements: requirementsAnswer(parsed, &builder)
        case .ports: portsAnswer(parsed, &builder)
        case .permissions: permissionsAnswer(parsed, &builder)
        case .securityRoles: securityRolesAnswer(parsed, &builder)
        case .siteSystemRoles: siteSystemRolesAnswer(parsed, &builder)
        case .version: versionAnswer(parsed, &builder)
        case .isRequired: isRequiredAnswer(parsed, &builder)
        case .versionCheck: break
        case .whatIs, .purpose: descriptionAnswer(parsed, &builder)
        case .restart: restartAnswer(parsed, &builder)
        case .list: listAnswer(parsed, &builder)
        case .changes: changesAnswer(parsed, &builder)
        case .lookup: break
        }
        measureNoLineGives(parsed, ranking, &builder)
        focusOnTheOtherWords(parsed, &builder)
        sentencesForWhatNoLineHolds(parsed, ranking, &builder)
        if !builder.answer.found, builder.answer.omitted.isEmpty, let kind = bareListing(parsed) {
            listAnswer(kind: kind, parsed, &builder)
            if Self.asksHowMany(parsed) { builder.answer.heading = "\(builder.answer.items.count) \(kind.rawValue)" }
        }
        if !builder.answer.found, builder.answer.omitted.isEmpty, parsed.intent != .changes {
            categoryAnswer(parsed, &builder)
        }
        if !builder.answer.found, builder.answer.omitted.isEmpty, parsed.intent != .changes {
            var statements = rankedStatements(parsed)
            let quotes = proseQuotes(parsed)
            // A version question is not answered by statements that give no
            // release, when a sentence the question's words find gives one.
            if parsed.intent == .version,
               !Self.quotable(statements).contains(where: { Self.givesAReleaseBeyond(parsed, $0.statement.text) }),
               quotes.contains(where: { Self.givesAReleaseBeyond(parsed, $0.sentence) }) {
                statements = []
            }
            // A sentence holding every word of the question (and naming the
            // kind of thing asked for: "which ... versions") says more than a
            // row holding some of them, unless the row is conditioned on what
            // the question states (which only the rows know).
            let head = Set(parsed.headStems)
            func namesWhatIsAsked(_ quote: ProseQuote) -> Bool {
                // A version question's cue word was consumed: its answer holds a number,
                // one the question does not ("Windows 10" names, not answers).
                if parsed.intent == .version, !Self.givesAReleaseBeyond(parsed, quote.sentence) { return false }
                return head.isEmpty || !head.isDisjoint(with: stems(quote.sentence))
            }
            // A list item whose headings and lead-in hold the rest of the words ("Windows Server
            // 2019 › Site system servers: … supported for the following roles: Management point")
            // holds every word too, unless a statement holds them all by itself.
            let statementHoldsEveryWord = (statements.first?.score ?? 0) >= 0.999
            // "How much disk space ...?": a sentence holding every word but no number does not
            // answer a measure that a statement gives ("Disk space: 500 MB available ...").
            // Nor does it when a sentence holding most of the words gives a number ("… must be 4 to 30 characters long").
            let asksMeasure = !parsed.measurePositions.isEmpty
            let measureGiven = asksMeasure && (Self.quotable(statements).contains { Self.givesNumber($0.statement.text) }
                || quotes.contains { Self.givesNumber($0.sentence) }
                || (ranking.ranking?.sentences.contains { Self.givesNumber($0.quote.sentence) } ?? false))
            let leading = quotes.filter {
                ($0.holdsEveryWord || ($0.underHeadings && !statementHoldsEveryWord)) && namesWhatIsAsked($0)
                    && !(measureGiven && !Self.givesNumber($0.sentence))
            }
            if !leading.isEmpty, !(statements.first?.onStated ?? false) { proseAnswer(leading, &builder) }
            // A sentence that holds clearly more of the question's rare words than the best statement answers instead.
            if !builder.answer.found, sentencesOutrank(statements, ranking.ranking) || onlySentencesGiveTheMeasure(parsed, statements, ranking) {
                sharedWordsAnswer(ranking.ranking, &builder)
            }
            if !builder.answer.found { lookupAnswer(statements, &builder) }
            // A measure no quote gives: the sentences holding most of the words give it (the number-giving first).
            if !builder.answer.found, builder.answer.omitted.isEmpty, measureGiven, !quotes.contains(where: { Self.givesNumber($0.sentence) }) {
                sharedWordsAnswer(ranking.ranking, &builder)
            }
            if !builder.answer.found, builder.answer.omitted.isEmpty { proseAnswer(quotes, &builder) }
            // A comparison table's cell, where the column the question names
            // meets the row of its other words: between them the two hold
            // every word, which the sentences below do not.
            if !builder.answer.found, builder.answer.omitted.isEmpty {
                tableCellAnswer(parsed, weights: ranking.ranking?.query.weights ?? [:], &builder)
            }
            if !builder.answer.found, builder.answer.omitted.isEmpty {
                let nearest = quotesMissingOneWord(parsed)
                proseAnswer(nearest.quotes, &builder, group: Self.allButOneWordGroup)
                if builder.answer.found {
                    builder.answer.notes.append("no sentence holds every word: each quoted lacks one of "
                        + nearest.leftOut.map { "“\($0)”" }.joined(separator: ", "))
                }
            }
            if !builder.answer.found, builder.answer.omitted.isEmpty { sharedWordsAnswer(ranking.ranking, &builder) }
        }
        if parsed.intent != .changes { keyedRowAnswer(parsed, &builder) }
        if !builder.answer.found, builder.answer.omitted.isEmpty, builder.answer.suggestions.isEmpty, parsed.intent != .changes {
            nearestSectionAnswer(parsed, &builder)
        }
        if !builder.answer.found, builder.answer.omitted.isEmpty, builder.answer.suggestions.isEmpty {
            builder.answer.suggestions = suggestions(for: parsed)
        }
        return builder.finish()
    }

    /// A question that names a subject and more ("what is required on the
    /// proxy server for mobile devices?") gets the subject's whole list, with
    /// the lines that hold every other word of the question first.
    private func focusOnTheOtherWords(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        // An adverb ("actually", "automatically") says how, not what: no line need mention it.
        let adverbs = Set(parsed.tokens.filter(Words.isAdverb).map(\.stem))
        let other = Set(Self.otherAskedStems(parsed).filter {
            // Words of many names ("client") are too common to pick lines by.
            !adverbs.contains($0) && lexicon.weight($0) >= lexicon.typicalWeight
        })
        guard !other.isEmpty, !b.answer.items.isEmpty else { return }
        let holding = b.answer.items.filter { other.isSubset(of: Set(stems($0.text))) }.count
        let words = parsed.tokens.filter { other.contains($0.stem) }.map(\.word)
        var seenWords = Set<String>()
        let label = words.filter { seenWords.insert($0).inserted }.joined(separator: " ")
        // "Does manual installation need a network access account?": the list answers, and says it has none.
        if holding == 0, parsed.asksYesOrNo {
            b.answer.notes.append("\(Self.noLineMentions) “\(label)”")
        }
        // Words most lines hold ("client") tell none of them apart.
        guard b.answer.items.count > 2, holding * 2 <= b.answer.items.count else { return }
        guard holding == 0 else {
            // The words close together ("proxy web server") before the same words far apart.
            b.bringForward(group: "Lines about “\(label)”") { item in Self.span(of: other, in: stems(item.text)) }
            return
        }
        // No line holds them all ("client push with Kerberos mutual auth, any forest requirement?"):
        // those holding most of them (by weight) first, when few lines do.
        let total = Words.orderedSum(other, lexicon.weight)
        func share(_ item: AnswerItem) -> Double {
            Words.orderedSum(other.intersection(stems(item.text)), lexicon.weight) / total
        }
        let near = b.answer.items.filter { share($0) >= Self.mostOfTheOtherWords }.count
        guard other.count > 1, near > 0, near * 2 <= b.answer.items.count else { return }
        b.bringForward(group: "Lines holding most of “\(label)”") { item in
            let held = share(item)
            // Ranks: the larger the share held, the smaller (per mille missed).
            return held >= Self.mostOfTheOtherWords ? Int(((1 - held) * 1000).rounded()) : nil
        }
    }

    /// The question's words besides its subject's name and intent that say
    /// what is asked about it: not words of asking or cue words, not numbers.
    static func otherAskedStems(_ parsed: ParsedQuestion) -> [String] {
        // Another wording put beside the question's word ("configure" for "set") is not asked as well.
        parsed.residualStems.filter {
            !genericAskingStems.contains($0) && !cueStems.contains($0) && !$0.allSatisfy(\.isNumber)
                && parsed.alternativeStems[$0] == nil
        }
    }

    static let noLineMentions = "none of the lines below mentions"

    /// The weighted share of a question's other words a line must hold to come first when none holds them all.
    static let mostOfTheOtherWords = 0.5

    /// A list answer none of whose lines holds a word the question asks
    /// about ("what firewall exception do I need for group policy client
    /// install?": port rows never say "exception") is led by up to two
    /// sentences of the prose that hold every word of the question. So is
    /// one none of whose lines holds every such word: words held only across
    /// lines ("remote" in one, "WSUS" in another) say nothing together.
    private func sentencesForWhatNoLineHolds(_ parsed: ParsedQuestion, _ ranking: LazySentenceRanking, _ b: inout AnswerBuilder) {
        guard b.answer.found, Self.listingIntents.contains(parsed.intent) else { return }
        let unknown = Set(parsed.unknownWords.map(Words.stem))
        // The words the question writes: an abbreviation's long form, which the parser wrote beside
        // it, is asked through the abbreviation (held by a sentence spelling it out), not word by word.
        let written = Set(parsed.tokens.filter { !$0.isExpansion }.map(\.stem))
        let asked = Set(Self.otherAskedStems(parsed).filter { !unknown.contains($0) && written.contains($0) })
        func lacked(by text: Set<String>) -> Set<String> {
            asked.subtracting(Self.spellingOut(asked, in: text, lexicon.expansions))
        }
        let missingEverywhere = lacked(by: b.answer.items.reduce(into: Set<String>()) { $0.formUnion(stems($1.text)) })
        // What the line holding most of the words lacks.
        let missingFromEachLine = b.answer.items.map { lacked(by: Set(stems($0.text))) }
            .min { Words.orderedSum($0, lexicon.weight) < Words.orderedSum($1, lexicon.weight) } ?? []
        guard !missingFromEachLine.isEmpty else { return }
        // An abbreviation asked ("MP") is held by a sentence that spells it out, its words side by side.
        func holds(_ missing: Set<String>, _ sentence: String) -> Bool {
            let own = stems(sentence)
            return missing.isSubset(of: Set(own).union(Self.spelledOut(missing, inStems: own, lexicon.expansions)))
        }
        // A title line ("Prerequisites for deploying clients") has no stop or colon: it states nothing.
        // A question asking how much is answered by a sentence that gives a number.
        func states(_ quote: ProseQuote) -> Bool {
            quote.sentence.contains(where: ".:!?".contains) && (parsed.measurePositions.isEmpty || Self.givesNumber(quote.sentence))
        }
        var quotes = proseQuotes(parsed).filter { $0.holdsEveryWord && holds(missingFromEachLine, $0.sentence) && states($0) }
        var group = Self.everyWordGroup
        // Else, for a word no line holds, the sentences holding most of the question's words, that one
        // among them ("do workgroup clients need to be approved manually?": the list never says "approve").
        if quotes.isEmpty, !missingEverywhere.isEmpty, let ranked = ranking.ranking?.sentences {
            // Only clearly close ones: the list is an answer already.
            quotes = ranked.filter { $0.share >= Self.outrankingShare }.map(\.quote)
                .filter { holds(missingEverywhere, $0.sentence) && states($0) }
            group = Self.sharedWordsGroup
        }
        guard !quotes.isEmpty else { return }
        let count = b.answer.items.count
        proseAnswer(Array(quotes.prefix(Self.sentencesLeadingAList)), &b, keepHeading: true, group: group)
        let added = Set(b.answer.items.dropFirst(count).map(\.number))
        b.bringForward(group: group) { added.contains($0.number) ? $0.number : nil }
        // The sentences mention what the lines did not.
        b.answer.notes.removeAll { $0.hasPrefix(Self.noLineMentions) }
    }

    /// How many sentences may lead a list answer.
    static let sentencesLeadingAList = 2

    /// Intents whose answer is a list of typed rows about a subject. Not
    /// "who can ...": role descriptions say what a role does in their own
    /// verbs, so a word of the question they lack is no sign they miss it.
    static let listingIntents: Set<Intent> = [.requirements, .ports, .siteSystemRoles, .isRequired]

    /// The fewest consecutive words of `text` that hold every stem of `wanted`, if any do.
    static func span(of wanted: Set<String>, in text: [String]) -> Int? {
        var last: [String: Int] = [:]
        var best: Int?
        for (index, stem) in text.enumerated() where wanted.contains(stem) {
            last[stem] = index
            if last.count == wanted.count, let start = last.values.min() {
                best = min(best ?? .max, index - start + 1)
            }
        }
        return best
    }

    /// Words of asking that say nothing about what is asked.
    static let genericAskingStems: Set<String> = Set(["need", "required", "requirement", "must", "have", "do", "use", "get",
                                                      // Verbs of any act ("put it on", "go through"): the rest of the question says which.
                                                      "put", "go", "goes", "going",
                                                      // Verbs of consulting ("which logs do I look at"): what is looked at is asked.
                                                      "look", "looks", "looking",
                                                      // Words asking whether a thing can be ("is it possible"): the rest says what.
                                                      "possible", "possibly", "feasible",
                                                      // Words of a symptom and its remedy ("X shows an error, how do I fix it?"):
                                                      // the symptom is what to find.
                                                      "shows", "fix"].map(Words.stem))

    /// Intents a question naming a component and a release can have: "is X
    /// 4.6 enough", "do I need X 4.6", "which X version, 4.5 or 4.6?".
    static let versionCheckable: Set<Intent> = [.version, .isRequired, .lookup, .whatIs]

    /// An empty answer to `question`, with the notes on how it was read.
    func startAnswer(_ question: String, _ parsed: ParsedQuestion, context: QueryContext) -> AnswerBuilder {
        var builder = AnswerBuilder(answer: Answer(question: question, intent: parsed.intent, heading: ""),
                                    context: context, phrases: phrases)
        builder.answer.notes = readingNotes(parsed)
        return builder
    }

    private func readingNotes(_ parsed: ParsedQuestion) -> [String] {
        var notes: [String] = []
        for c in parsed.corrections {
            notes.append(c.ambiguous ? "did you mean “\(c.to)” (for “\(c.from)”)? answering as if so"
                                     : "read “\(c.from)” as “\(c.to)”")
        }
        for e in parsed.expansions { notes.append("“\(e.from.uppercased())” = \(e.to)") }
        for g in parsed.guessedAbbreviations {
            let abbreviation = g.from.uppercased()
            notes.append(g.seldomWritten
                ? "read “\(abbreviation)” as “\(g.to)”: the documents seldom write \(abbreviation), "
                  + "and these words its letters begin far more often"
                : "read “\(abbreviation)” as “\(g.to)”: no document writes \(abbreviation), "
                  + "and these are the words its letters most often begin")
        }
        for g in parsed.guessedClippings {
            notes.append(g.seldomWritten
                ? "read “\(g.from)” as “\(g.to)” too: the documents seldom write “\(g.from)”, and “\(g.to)” far more often"
                : "read “\(g.from)” as “\(g.to)”: no document writes “\(g.from)”, and this is the word it most often begins")
        }
        if !parsed.unknownWords.isEmpty {
            notes.append("no document uses " + parsed.unknownWords.map { "“\($0)”" }.joined(separator: ", "))
        }
        notes += parsed.factNotes.map { "stated: " + $0 }
        notes += parsed.leftAside.map { "left aside: “\($0)”" }
        // A word the question repeats ("PCs ... PCs") is read, and noted, once.
        var seen = Set<String>()
        return notes.filter { seen.insert($0).inserted }
    }

    // MARK: - Subject helpers shared by the intent handlers

    func stems(_ text: String?) -> [String] {
        guard let text else { return [] }
        return stemCache[text] ?? memo.stems(text)
    }

    /// Two names for the same subject: the same content words.
    func sameSubject(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        let x = stems(a), y = stems(b)
        return !x.isEmpty && Set(x) == Set(y)
    }

    /// `needle`'s words appear in order, side by side, in `haystack`.
    func containsPhrase(_ haystack: [String], _ needle: [String]) -> Bool { containsRun(haystack, needle) }

    /// Weighted share of words two phrases have in common, against the longer one.
    func similarity(_ a: String?, _ b: String?) -> Double {
        let x = Set(stems(a)), y = Set(stems(b))
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        let common = Words.orderedSum(x.intersection(y), lexicon.weight)
        let total = max(Words.orderedSum(x, lexicon.weight), Words.orderedSum(y, lexicon.weight))
        return common / total
    }

    /// Weighted share of `query` stems found in `text`; words for one act
    /// ("deploy", "install") count as the same word, and so does another
    /// wording the parser put beside a question's word (`alternatives`, see
    /// `ParsedQuestion.alternativeStems`): it is not one more word to find.
    func overlap(_ query: [String], _ text: String, alternatives: [String: String] = [:]) -> Double {
        let q = Set(query.filter { alternatives[$0] == nil }.map(Words.sameAct))
        guard !q.isEmpty else { return 0 }
        let t = Set(stems(text).map { Words.sameAct(alternatives[$0] ?? $0) })
        let total = Words.orderedSum(q, lexicon.weight)
        return Words.orderedSum(q.intersection(t), lexicon.weight) / total
    }

    /// Pairs of question words that also stand side by side in `text`
    /// ("mobile devices"), 0.1 each up to 0.2: a phrase beats scattered words.
    func phraseBonus(_ query: [String], _ text: String) -> Double {
        guard query.count > 1 else { return 0 }
        let words = stems(text)
        var pairs = Set<String>()
        for (a, b) in zip(words, words.dropFirst()) { pairs.insert(a + " " + b) }
        var hits = 0
        for (a, b) in zip(query, query.dropFirst()) where pairs.contains(a + " " + b) { hits += 1 }
        return min(0.2, 0.1 * Double(hits))
    }

    /// Every method row that is the named method: documents repeat a method
    /// under the same or a near name ("Group policy installation" /
    /// "Group policy-based installation"). Exact names first.
    func methods(like name: String) -> [MethodRow] {
        let wanted = Set(stems(name))
        let rows = knowledgeBase.methods.filter {
            let other = Set(stems($0.name))
            return $0.name.caseInsensitiveCompare(name) == .orderedSame || similarity($0.name, name) >= 0.8
                || (wanted.count >= 2 && other.count >= 2 && (wanted.isSubset(of: other) || other.isSubset(of: wanted)))
        }
        return rows.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            + rows.filter { $0.name.caseInsensitiveCompare(name) != .orderedSame }
    }

    func method(named name: String) -> MethodRow? {
        knowledgeBase.methods.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// A subject phrase of the form "all ... methods": applies to every method.
    func coversAllMethods(_ subject: String?) -> Bool {
        guard let subject else { return false }
        let words = Words.tokens(subject)
        return words.contains { $0.word == "all" || $0.word == "every" } && words.contains { $0.stem == "method" }
    }

    func documentTitle(_ cite: Citation) -> String {
        knowledgeBase.document(cite.documentID)?.title ?? cite.path
    }

    /// "row 12 of requirements (subject “Manual installation”)".
    func ruleName(_ table: String, _ id: Int64, _ detail: String = "") -> String {
        "\(table) row \(id)" + (detail.isEmpty ? "" : " (\(detail))")
    }

    /// The question named `match`: "“client push” names install method “…”".
    func route(_ match: EntityMatch, _ how: String) -> String {
        "\(how) of \(match.entity) (named by the question, match \(Int(match.coverage * 100))%)"
    }
}

/// A lock-protected memo of text → content stems, shared by the questions one
/// engine answers (the REPL asks many).
final class StemMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var stems: [String: [String]] = [:]

    func stems(_ text: String) -> [String] {
        lock.lock()
        if let known = stems[text] { lock.unlock(); return known }
        lock.unlock()
        let computed = Words.contentStems(text)
        lock.lock()
        stems[text] = computed
        lock.unlock()
        return computed
    }
}

/// One statement that a security role allows something: a security_roles
/// row, a permission the document says a role includes, or a requirement that
/// names a role.
struct RoleEvidence: Sendable {
    var roles: [String]
    var text: String
    var cite: Citation
    var rule: String

    static func collect(_ kb: KnowledgeBaseSnapshot, texts: TextIndex) -> [RoleEvidence] {
        var evidence: [RoleEvidence] = kb.securityRoles.map {
            RoleEvidence(roles: [$0.name], text: $0.description.localizedCaseInsensitiveContains($0.name)
                            ? $0.description : "\($0.name): \($0.description)",
                         cite: $0.cite, rule: "security_roles row \($0.id) (\($0.name))")
        }
        evidence += kb.permissions.compactMap { p in
            p.securityRole.map {
                RoleEvidence(roles: [$0], text: "\($0): \(p.label), to \(p.purpose.lowercasedFirstWordUnlessName)",
                             cite: p.cite, rule: "permissions row \(p.id) (\(p.label))")
            }
        }
        // Roles named in a requirement's words, compared by stems: cheap
        // enough for thousands of rows.
        let roleNames = Set(kb.securityRoles.map(\.name) + kb.permissions.compactMap(\.securityRole))
            .map { ($0, texts.stems(of: $0)) }.filter { !$0.1.isEmpty }
        var named: [Int: [String]] = [:]
        var frequency: [String: Int] = [:]
        for (index, r) in kb.requirements.enumerated() {
            let words = texts.stems(of: r.text)
            let present = Set(words)
            let roles = r.mentions.filter { $0.kind == "security_role" }.map(\.name)
                + roleNames.filter { $0.1.allSatisfy(present.contains) && containsRun(words, $0.1) }.map(\.0)
            var seen = Set<String>()
            named[index] = roles.filter { seen.insert($0.lowercased()).inserted }
            for role in named[index]! { frequency[role, default: 0] += 1 }
        }
        // A "role" named in a large share of all statements is a product or
        // common phrase the extractor mistook for one, not evidence.
        let ceiling = max(20, kb.requirements.count / 20)
        for (index, r) in kb.requirements.enumerated() {
            let roles = (named[index] ?? []).filter { (frequency[$0] ?? 0) <= ceiling }
            guard !roles.isEmpty else { continue }
            evidence.append(RoleEvidence(roles: roles, text: r.text, cite: r.cite,
                                         rule: "requirements row \(r.id) (subject “\(r.subject)”)"))
        }
        // One piece of evidence per line: a security_roles row wins over the
        // requirement it came from, unless the requirement holds the row's
        // sentence and more (the lead of its list item: "To configure
        // migration: ... the security role of X").
        let kept = evidence.filter { e in e.roles.allSatisfy { (frequency[$0] ?? 0) <= ceiling } }
        var best: [Citation.Spot: Int] = [:]
        for (index, e) in kept.enumerated() {
            guard let current = best[e.cite.spot] else { best[e.cite.spot] = index; continue }
            let held = kept[current]
            if e.text.count > held.text.count, e.text.localizedCaseInsensitiveContains(held.text),
               held.roles.allSatisfy({ role in e.roles.contains { $0.caseInsensitiveCompare(role) == .orderedSame } }) {
                best[e.cite.spot] = index
            }
        }
        return kept.indices.filter { best[kept[$0].cite.spot] == $0 }.map { kept[$0] }
    }
}

/// `needle` occurs in `haystack` as consecutive elements.
func containsRun(_ haystack: [String], _ needle: [String]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
        return true
    }
    return false
}
