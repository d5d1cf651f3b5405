import Foundation

/// An entity a question names, and how well.
public struct EntityMatch: Sendable {
    public var entity: Entity
    /// Weighted share of the entity's words the question contains (0...1).
    public var coverage: Double
    /// Matched weight times coverage: rare words, fully named, score highest.
    public var score: Double
    /// Question token positions that name it.
    var positions: Set<Int>
}

extension EntityMatch {
    /// Stems of the question words that named this entity.
    func positionsStems(_ parsed: ParsedQuestion) -> Set<String> {
        Set(positions.map { parsed.tokens[$0].stem })
    }
}

/// A question taken apart: intent, named entities, stated facts, the words
/// left over for ranking, and the typo corrections and abbreviations applied.
public struct ParsedQuestion: Sendable {
    public var text: String
    var tokens: [Token]
    public var intent: Intent
    public var listKind: ListKind?
    public var necessity: String?
    public var matches: [EntityMatch]
    public var stated: QueryContext
    public var factNotes: [String]
    /// ("wrkgroup", "workgroup", ambiguous)
    public var corrections: [(from: String, to: String, ambiguous: Bool)]
    /// ("sup", "software update point")
    public var expansions: [(from: String, to: String)]
    /// Content stems that name neither the intent nor the main subject.
    var residualStems: [String]
    /// Every content stem of the question.
    var contentStems: [String]
    var intentPositions: Set<Int>
    /// Stems of the thing a "what/which X" question asks for (X).
    var headStems: [String] = []
    /// That thing is written in the plural ("which UDP ports"): the question asks for several.
    var headIsPlural = false
    /// For a `.changes` question: which builds, kinds of change and kinds of fact.
    var changes: ChangeQuestion?
    /// A `.siteSystemRoles` question that said only "role" (see `IntentDetector.Result.bareRole`).
    var asksBareRole = false
    /// Condition variables the question asks about rather than states ("do I
    /// need to extend the schema?"): left unset, so what depends on them shows both ways.
    public var askedVariables: [String] = []
    /// A release number the question gives with what it names (".NET
    /// Framework 4.6"): to be checked against the minimum version. Only
    /// dotted numbers: a bare "2107" is the product's version (`stated`).
    public var askedVersion: String?
    /// Positions of the words that state a fact ("with /source"): they set
    /// a condition and are not words to look the answer up by.
    var statedPositions: Set<Int> = []
    /// Words of the question that no document uses, as asked.
    public var unknownWords: [String] = []
    /// Abbreviations no document writes, or that they write seldom, read as
    /// the words their letters most often start in the documents ("ts" →
    /// "task sequence").
    public var guessedAbbreviations: [(from: String, to: String, seldomWritten: Bool)] = []
    /// Shortened words read as the longer word they most often begin in the
    /// documents ("cert" → "certificate"): words no document writes, or that
    /// the documents write seldom (then kept beside the longer word).
    public var guessedClippings: [(from: String, to: String, seldomWritten: Bool)] = []
    /// Clauses naming what the question is not about ("besides SMB,"), read as if absent.
    public var leftAside: [String] = []

    /// The match the intent should answer about: the first of `kinds` (in
    /// order of preference) that the question names well, else the best match.
    /// "GPO installation" names both the term "group policy object" and the
    /// method "Group policy-based installation"; a requirements question wants
    /// the method.
    func subject(preferring kinds: [EntityKind]) -> EntityMatch? {
        guard let top = matches.first else { return nil }
        for kind in kinds {
            if let m = matches.first(where: {
                $0.entity.kind == kind && ($0.score >= top.score * 0.6 || ($0.coverage >= 0.6 && $0.score >= top.score * 0.3))
            }) { return m }
        }
        return top
    }

    /// Command-line switches the question asks about ("what does /logon do?"),
    /// not those stating a fact ("with /source").
    var askedSwitches: Set<String> = []
    /// File names the question writes ("client.msi", "ccmsetup.exe"), lower-cased.
    var askedFiles: Set<String> = []

    /// `text` (whose tokens are `tokens`) writes every asked switch as a
    /// switch and every asked file name whole: a line about "/logon" or
    /// "client.msi" names them, not the word "logon" or the extension alone.
    func writesAskedLiterals(_ text: String, tokens: [Token]) -> Bool {
        guard !askedSwitches.isEmpty || !askedFiles.isEmpty else { return true }
        let lower = text.lowercased()
        return askedSwitches.isSubset(of: tokens.filter(\.isSwitch).map(\.word)) && askedFiles.allSatisfy(lower.contains)
    }

    /// "Can I ...?", "does X ...?", "is X ...?": answered by yes or no.
    var asksYesOrNo: Bool { tokens.first.map { IntentDetector.auxiliaries.contains($0.word) } ?? false }

    /// "How long", "how often": where the measure words asked after "how" stand.
    var measurePositions: Set<Int> { QuestionParser.measurePositions(tokens) }

    /// The units the measure asked is given in ("how often": minutes, days), when it takes one.
    var askedUnits: Set<String>? {
        measurePositions.sorted().lazy.compactMap { AnswerEngine.units(ofMeasure: tokens[$0].word) }.first
    }

    /// The words no document uses that a search may do without: when the
    /// words searched for (content words, not cue or measure words) leave at
    /// least three known ones, and twice as many known as unknown ("how long
    /// are denied application approval requests kept?"). Otherwise the
    /// unknown words are what the question is about ("how do I bake kiln
    /// bread?") and nothing should answer it.
    func unknownWordsSetAside() -> Set<String> {
        let measure = measurePositions
        let searched = Set(tokens.filter {
            !Words.isStopWord($0.word) && !IntentDetector.cueWords.contains($0.word) && !measure.contains($0.position)
                && $0.word.contains(where: \.isLetter)
        }.map(\.word))
        let unknown = Set(unknownWords).intersection(searched)
        let known = searched.count - unknown.count
        return known >= max(3, 2 * unknown.count) ? unknown : []
    }

    /// The stems of the other wordings the parser put beside written words
    /// ("allow" beside "let"), each with the stem of the word it stands
    /// beside: a text holding either holds the word asked. None the question
    /// writes itself ("edit or modify"). Read once, when the question is parsed.
    var alternativeStems: [String: String] = [:]
    /// The other wordings of `alternativeStems`, as written, by the written word they stand beside.
    var alternativeWords: [String: [String]] = [:]

    /// `alternativeStems` and `alternativeWords` of `tokens`.
    static func alternatives(in tokens: [Token]) -> (stems: [String: String], words: [String: [String]]) {
        let writtenStems = Set(tokens.filter { !$0.isAlternative }.map(\.stem))
        var stems: [String: String] = [:]
        var words: [String: [String]] = [:]
        var written: Token?
        for token in tokens {
            if token.isAlternative, let written {
                guard !writtenStems.contains(token.stem) else { continue }
                stems[token.stem] = written.stem
                words[written.word, default: []].append(token.word)
            } else if !token.isExpansion {
                written = token
            }
        }
        return (stems, words)
    }

    /// Content stems outside `match` and the intent words.
    func stems(excluding match: EntityMatch?) -> [String] {
        tokens.indices.filter { i in
            !Words.isStopWord(tokens[i].word) && !intentPositions.contains(i) && !(match?.positions.contains(i) ?? false)
        }.map { tokens[$0].stem }
    }
}

public struct QuestionParser: Sendable {
    let lexicon: Lexicon
    /// Whether a word stands somewhere in the documents' text: such a word is
    /// never a typo, even when no typed row uses it ("groups", "PowerShell").
    var documentsMention: @Sendable (String) -> Bool = { _ in false }
    /// Whether the documents write "version NUMBER" (see `FactReader`).
    var documentsCallVersion: @Sendable (String) -> Bool = { _ in false }
    /// The words the documents most likely abbreviate as a word they never
    /// write (see `InitialismGuess`), or nil.
    var wordsSpelledBy: @Sendable (String) -> [String]? = { _ in nil }
    /// The words the documents most likely abbreviate as a word they write,
    /// but seldom and those words far more often (see
    /// `KnowledgeBaseSnapshot.words(seldomWrittenAbbreviation:)`), or nil.
    var seldomWrittenAbbreviation: @Sendable (String) -> [String]? = { _ in nil }
    /// The word the documents most likely shorten as a word they never
    /// write (see `ClippedWordGuess`), or nil.
    var wordClippedTo: @Sendable (String) -> String? = { _ in nil }
    /// The word the documents most likely shorten as a word they write, but
    /// seldom, given the word when known (see
    /// `KnowledgeBaseSnapshot.word(seldomWrittenClipping:known:)`), or nil.
    var seldomWrittenClipping: @Sendable (String, String?) -> String? = { _, _ in nil }
    /// The two words the documents write for a word of the question that
    /// runs them together, and whether they write that word too, seldom
    /// (see `KnowledgeBaseSnapshot.words(runTogetherIn:)`), or nil.
    var wordsRunTogether: @Sendable (String) -> (words: [String], seldomWritten: Bool)? = { _ in nil }
    /// The word the documents write before a number that an initial begins
    /// ("o365": "office"; see `KnowledgeBaseSnapshot.word(initial:number:)`), or nil.
    var wordBeforeNumber: @Sendable (Character, String) -> String? = { _, _ in nil }
    /// Whether the documents' prose uses a word in many sections (see
    /// `KnowledgeBaseSnapshot.prose(commonlyUses:)`): such a word names no entity alone.
    var proseCommonlyUses: @Sendable (String) -> Bool = { _ in false }
    /// Verbs that, before another ending in -ing, say it goes on ("keeps failing").
    static let continuingVerbs: Set<String> = ["keep", "keeps", "kept", "keeping"]

    /// A clause set off by a comma or semicolon that names what the question
    /// is not about ("besides SMB, which ports ...", "..., other than the
    /// console?"): its words would otherwise pick the very subject it puts
    /// aside. Without the punctuation, where it ends is not known, and the
    /// question is read whole. Returns the question without such clauses, and the clauses.
    static func settingAsideExclusions(_ question: String) -> (question: String, leftAside: [String]) {
        let clauses = exclusionClause.matches(in: question).map(\.range)
        guard !clauses.isEmpty else { return (question, []) }
        var kept = question
        for clause in clauses.reversed() { kept.replaceSubrange(clause, with: " ") }
        // A question that is all exclusion asks about what it names after all.
        guard kept.contains(where: \.isLetter) else { return (question, []) }
        let aside = clauses.map { question[$0].trimmingCharacters(in: CharacterSet(charactersIn: " ,;")) }
        return (kept, aside)
    }

    /// "besides X," at the start of the question, up to its comma; ", except X" after a comma, up to
    /// the next one or the end. Not "except when ...", which states a condition.
    private static let exclusionClause: Pattern = {
        let opener = #"(?:besides|except(?: for)?(?!\s+(?:when|if|where|while|in)\b)|excluding|apart from|aside from|other than)"#
        return Pattern(#"^\s*"# + opener + #"\s[^,;?]+[,;]|(?<=[,;])\s*"# + opener + #"\s[^,;?]+(?:[,;]|(?=\?\s*$)|$)"#,
                       requiring: [["besides", "except", "excluding", "apart", "aside", "other"]])
    }()

    /// "w/o", "w/": shorthand written with a slash, which splits it into
    /// letters that say nothing ("w", "o"). Each is read as its word, with a
    /// note; the rest of the question is left as written.
    static func expandingShorthand(_ question: String) -> (read: [(from: String, to: String)], question: String) {
        var read: [(from: String, to: String)] = []
        var text = question
        for (pattern, word) in shorthandPatterns {
            let matches = pattern.matches(in: text)
            guard !matches.isEmpty else { continue }
            read.append((String(text[matches[0].range]).trimmingCharacters(in: .whitespaces), word))
            for match in matches.reversed() { text.replaceSubrange(match.range, with: word) }
        }
        return (read, text)
    }

    private static let shorthandPatterns: [(Pattern, String)] = [
        (Pattern(#"(?<![\w/])w/o(?![\w/])"#, requiring: [["w/o"]]), "without"),
        (Pattern(#"(?<![\w/])w/(?=\s)"#, requiring: [["w/"]]), "with"),
    ]

    /// Below this share of an entity's (weighted) words, a match is noise.
    static let minimumCoverage = 0.42
    /// A name whose rarest word the question lacks must be named this fully.
    static let coverageWithoutRarestWord = 0.6

    /// "Win10", "server2019": a word and a number written together, which
    /// no document does, read as the two ("win 10", then "windows 10").
    /// Kept whole when the documents write it so ("x64", "ipv6").
    func splittingRunTogetherNumbers(_ tokens: [Token]) -> [Token] {
        guard tokens.contains(where: { Self.runsWordIntoNumber($0) || Self.runsNumberIntoWord($0) }) else { return tokens }
        var split: [Token] = []
        for token in tokens {
            // "win10": the word, then the number; "32bit": the number, then the word.
            let cut = Self.runsWordIntoNumber(token) ? token.word.firstIndex(where: \.isNumber)
                : Self.runsNumberIntoWord(token) ? token.word.firstIndex(where: \.isLetter) : nil
            guard let cut, !documentsMention(token.word) else {
                var kept = token
                kept.position = split.count
                split.append(kept)
                continue
            }
            var first = token, second = token
            first.word = String(token.word[..<cut])
            second.word = String(token.word[cut...])
            second.isCapitalized = false
            for var part in [first, second] {
                part.stem = Words.stem(part.word)
                part.position = split.count
                split.append(part)
            }
        }
        return split
    }

    /// Digits only, then letters, at least two ("32bit", "10gb"); not an
    /// ordinal ("2nd", "4th"), whose letters are no word.
    private static func runsNumberIntoWord(_ token: Token) -> Bool {
        guard !token.isSwitch, let letters = token.word.firstIndex(where: \.isLetter), letters != token.word.startIndex,
              token.word.distance(from: letters, to: token.word.endIndex) >= 2,
              !["st", "nd", "rd", "th", "s"].contains(token.word[letters...]) else { return false }
        return token.word[..<letters].allSatisfy { $0.isASCII && $0.isNumber }
            && token.word[letters...].allSatisfy { $0.isLetter && $0.isASCII }
    }

    /// Letters, at least two, then digits only.
    private static func runsWordIntoNumber(_ token: Token) -> Bool {
        guard !token.isSwitch, let digits = token.word.firstIndex(where: \.isNumber),
              token.word.distance(from: token.word.startIndex, to: digits) >= 2 else { return false }
        return token.word[..<digits].allSatisfy { $0.isLetter && $0.isASCII }
            && token.word[digits...].allSatisfy { $0.isASCII && $0.isNumber }
    }

    public func parse(_ question: String) -> ParsedQuestion {
        var expansions: [(String, String)] = []
        var tokens: [Token] = []
        var corrections: [(String, String, Bool)] = []
        let (shorthand, expanded) = Self.expandingShorthand(question)
        corrections += shorthand.map { ($0, $1, false) }
        let (withoutAside, leftAside) = Self.settingAsideExclusions(expanded)
        let written = splittingRunTogetherNumbers(Words.tokens(withoutAside))
        let capitals = InitialismGuess.abbreviations(in: withoutAside)
        var guessed: [(from: String, to: String, seldomWritten: Bool)] = []
        var clipped: [(from: String, to: String, seldomWritten: Bool)] = []
        let clippings = Set(withoutAside.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .filter(ClippedWordGuess.mayBeClipping).map { $0.lowercased() })
        var skipped: Set<Int> = []
        for (index, token) in written.enumerated() where !skipped.contains(index) {
            // "keeps failing": the verb of going on says only that the next one repeats.
            if Self.continuingVerbs.contains(token.word), index + 1 < written.count,
               written[index + 1].word.hasSuffix("ing"), written[index + 1].word.count > 5 { continue }
            var word = token.word
            var keptClipping: String?
            // "PCs" where the documents say "computers": their term, its first words before it.
            if !token.isSwitch, let term = Words.everydayTerms[word], !documentsMention(word) {
                corrections.append((word, term, false))
                let words = term.split(separator: " ").map(String.init)
                for w in words.dropLast() { tokens.append(Token(word: w, stem: Words.stem(w), position: tokens.count, isSwitch: false)) }
                word = words.last!
            } else if token.isPluralAcronym, lexicon.expansions[word] == nil, lexicon.expansions[String(word.dropLast())] != nil {
                // "DPs": the plural of an abbreviation the documents use, read as that abbreviation.
                word.removeLast()
            } else if !token.isSwitch, !token.followsDot, let (initial, number) = RunTogetherWords.initialAndNumber(word),
                      let full = wordBeforeNumber(initial, number) {
                // "o365" where the documents write "Office 365": the word its initial stands for, then the number.
                corrections.append((word, full + " " + number, false))
                tokens.append(Token(word: full, stem: Words.stem(full), position: tokens.count, isSwitch: false))
                word = number
            } else if !token.isSwitch, !token.followsDot, RunTogetherWords.mayRunTogether(word[...]), !capitals.contains(word),
                      lexicon.expansions[word] == nil, !Words.isStopWord(word), !IntentDetector.cueWords.contains(word),
                      Words.everydayTerms[word] == nil, let split = wordsRunTogether(word) {
                // "wifi" where the documents write "Wi-Fi": read as the two words, with a note. Before
                // typo correction: the documents' own two words say more than a name one letter away.
                corrections.append((word, split.words.joined(separator: " "), false))
                for w in split.words.dropLast() { tokens.append(Token(word: w, stem: Words.stem(w), position: tokens.count, isSwitch: false)) }
                word = split.words.last!
            } else if !token.isSwitch, let fix = lexicon.correction(for: word), !documentsMention(word) {
                corrections.append((word, fix.word, fix.ambiguous))
                word = fix.word
            } else if !token.isSwitch, !token.followsDot, clippings.contains(word), lexicon.expansions[word] == nil,
                      !IntentDetector.cueWords.contains(word) {
                // A shortened word ("diag") is read as the word it most often begins, with a note: when no
                // document writes it, or when they write it seldom and the word far more often ("cert"; the
                // word of an everyday clipping when there is one). Then the clipping stays beside the word,
                // as another wording of it.
                if !documentsMention(word) {
                    if let full = wordClippedTo(word) { clipped.append((word, full, false)); word = full }
                } else if let full = seldomWrittenClipping(word, Words.everydayTerms[word].flatMap { $0.hasPrefix(word) ? $0 : nil }) {
                    clipped.append((word, full, true))
                    keptClipping = word
                    word = full
                }
            }
            // An abbreviation no document defines or writes is read as if the question spelled out
            // the words whose initials the documents most often write ("TS", "task sequence"), noted as a guess.
            // So is one they write seldom, and its words far more often ("MP" once in a table's header),
            // unless it is an everyday term, whose meaning is known ("PC").
            let singular = token.isPluralAcronym ? String(word.dropLast()) : word
            if lexicon.expansions[word] == nil, lexicon.expansions[singular] == nil, !token.isSwitch, !token.followsDot,
               capitals.contains(singular), case let written = documentsMention(word),
               !(written && Words.everydayTerms[singular] != nil),
               let words = written ? seldomWrittenAbbreviation(singular) : wordsSpelledBy(singular) {
                guessed.append((singular, words.joined(separator: " "), written))
                for w in words { tokens.append(Token(word: w, stem: Words.stem(w), position: tokens.count, isSwitch: false)) }
                continue
            }
            // An abbreviation is read as what it stands for, and kept, since
            // names use it too ("Microsoft Intune MDM installation"). Not in a
            // file name ("wimgapi.msi") and never a function word ("do").
            if let expansion = lexicon.expansions[word], !token.isSwitch, !token.followsDot, !Words.isStopWord(word) {
                expansions.append((word, expansion.joined(separator: " ")))
                tokens.append(Token(word: word, stem: Words.stem(word), position: tokens.count, isSwitch: false))
                for w in expansion where w != word {
                    tokens.append(Token(word: w, stem: Words.stem(w), position: tokens.count, isSwitch: false, isExpansion: true))
                }
                continue
            }
            let stem = Words.stem(word)
            tokens.append(Token(word: word, stem: stem, position: tokens.count, isSwitch: token.isSwitch,
                                followsDot: token.followsDot, followsHyphen: token.followsHyphen, isCapitalized: token.isCapitalized))
            if let written = keptClipping {
                tokens.append(Token(word: written, stem: Words.stem(written), position: tokens.count, isSwitch: false,
                                    isExpansion: true, isAlternative: true))
            }
            // "edit" where a document says "modify": the other word goes beside
            // it, as an abbreviation's words do, and either counts as this one.
            if !token.isSwitch, let other = Words.otherWordings[stem], documentsMention(other) {
                tokens.append(Token(word: other, stem: Words.stem(other), position: tokens.count, isSwitch: false,
                                    isExpansion: true, isAlternative: true))
            }
            // "fail over" where a document says "failover": the noun the verb and its particle make,
            // which holds both; the particle alone is no word to find ("switches over").
            if !token.isSwitch, index + 1 < written.count, Words.particles.contains(written[index + 1].word),
               case let joined = word + written[index + 1].word, joined.count >= Words.shortestJoinedVerb,
               documentsMention(joined) {
                tokens.append(Token(word: joined, stem: Words.stem(joined), position: tokens.count, isSwitch: false,
                                    isExpansion: true, isAlternative: true))
                skipped.insert(index + 1)
            }
        }
        let intent = IntentDetector().detect(tokens)
        let switches = Set(tokens.filter(\.isSwitch).map(\.position))
        // Words that name an entity ("Active Directory", or "extend" of
        // "extended interoperability client") do not name it when they are
        // part of a longer phrase that names a condition ("extend the Active
        // Directory schema"): the question speaks of the condition.
        let reader = FactReader(lexicon: lexicon, documentsCallVersion: documentsCallVersion)
        // Words that say what is asked ("which OS versions") state no fact.
        let asking = intent.consumed.union(Self.askedPredicate(tokens)).union(Self.askedSwitchPositions(tokens, intent.intent))
        let unrestricted = reader.facts(in: tokens, excluding: asking)
        let conditionPhrases = unrestricted.variables.map(\.positions)
        // Words no document uses (and no typo of one): a name holding one is not in the documents.
        // The word after "how" asks for a measure ("how long"): the answer gives it in its own words.
        let measure = Self.measurePositions(tokens)
        let unknownWords = Set(tokens.filter { token in
            !Words.isStopWord(token.word) && !IntentDetector.cueWords.contains(token.word) && !token.isSwitch
                // A verb of any act ("gets", "goes") names nothing a document must.
                && !measure.contains(token.position) && !AnswerEngine.genericAskingStems.contains(token.stem)
                && token.word.contains(where: \.isLetter) && !lexicon.nameStems.contains(token.stem)
                && lexicon.expansions[token.word] == nil && !documentsMention(token.word) && !documentsMention(token.stem)
        }.map(\.position))
        let matches = matchEntities(tokens, excluding: intent.consumed.union(switches), unknownWords: unknownWords).filter { match in
            !conditionPhrases.contains { match.positions.isStrictSubset(of: $0) }
        }
        // The subject's own name cannot also state a fact; a qualifier its
        // heading carries ("(for upgrades only)") still can.
        let nameStems = Set(matches.first.map { Words.contentStems($0.entity.name) } ?? [])
        let namePositions = matches.first?.positions.filter { nameStems.contains(tokens[$0].stem) } ?? []
        // Read again only when a name must be kept out of it.
        var stated = namePositions.isEmpty ? unrestricted
            : reader.facts(in: tokens, excluding: asking.union(namePositions))
        let asked = intent.intent == .isRequired ? Self.askedVariables(stated, tokens, intent.consumed) : []
        for variable in stated.variables where asked.contains(variable.name) {
            stated.context.flags[variable.name] = nil
            stated.notes.removeAll { $0 == variable.note }
        }
        var parsed = ParsedQuestion(
            text: question, tokens: tokens, intent: intent.intent, listKind: intent.listKind,
            necessity: intent.necessity, matches: matches, stated: stated.context, factNotes: stated.notes,
            corrections: corrections.map { (from: $0.0, to: $0.1, ambiguous: $0.2) },
            expansions: expansions.map { (from: $0.0, to: $0.1) }, residualStems: [],
            contentStems: tokens.filter { !Words.isStopWord($0.word) && !$0.isAlternative }.map(\.stem),
            intentPositions: intent.consumed)
        parsed.residualStems = parsed.stems(excluding: matches.first)
        (parsed.alternativeStems, parsed.alternativeWords) = ParsedQuestion.alternatives(in: tokens)
        parsed.leftAside = leftAside
        parsed.headStems = intent.head.map { tokens[$0].stem }
        parsed.headIsPlural = intent.head.last.map { tokens[$0].word.hasSuffix("s") && tokens[$0].word != tokens[$0].stem } ?? false
        parsed.changes = intent.changes
        parsed.asksBareRole = intent.bareRole
        parsed.askedVariables = asked
        parsed.statedPositions = stated.consumed.union(stated.variables.flatMap(\.positions))
        parsed.unknownWords = unknownWords.sorted().map { tokens[$0].word }
        parsed.guessedAbbreviations = guessed
        parsed.guessedClippings = clipped
        parsed.askedSwitches = Set(tokens.filter { $0.isSwitch && !parsed.statedPositions.contains($0.position) }.map(\.word))
        parsed.askedFiles = Set(tokens.indices.dropFirst().filter { tokens[$0].followsDot && tokens[$0].word.contains(where: \.isLetter) }
            .map { tokens[$0 - 1].word + "." + tokens[$0].word })
        parsed.askedVersion = tokens.first {
            Self.isDottedVersion($0.word) && !(matches.first?.positions.contains($0.position) ?? false)
        }?.word
        return parsed
    }

    /// "4.6", "6.20.5002", "1.2.3514.0": digits in two to four dot-separated
    /// parts; not an object identifier ("1.3.6.1.5.5.7.3.1").
    static func isDottedVersion(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return (2...4).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Words that put what follows them under a condition ("is X required
    /// if the schema is extended?"): a condition named after one is stated.
    static let conditionalWords: Set<String> = ["if", "when", "whenever", "unless", "once", "since", "because", "after", "with", "without"]

    /// The variables a yes/no question about needing something asks about:
    /// named after its cue ("need", "required") with no conditional word
    /// between ("do I need to extend the AD schema?").
    static func askedVariables(_ stated: FactReader.Stated, _ tokens: [Token], _ intentPositions: Set<Int>) -> [String] {
        guard let cue = intentPositions.max() else { return [] }
        return stated.variables.filter { variable in
            guard let first = variable.positions.min(), first > cue else { return false }
            return !tokens[(cue + 1)..<first].contains { conditionalWords.contains($0.word) }
        }.map(\.name)
    }

    /// "What does the ccmsetup /source parameter do?": a switch a question
    /// describing something names, with no word before it that puts it under
    /// a condition ("with /source", "if I use /source"), is what is asked
    /// about; it states nothing.
    static func askedSwitchPositions(_ tokens: [Token], _ intent: Intent) -> Set<Int> {
        guard intent == .whatIs || intent == .purpose else { return [] }
        return Set(tokens.indices.filter { index in
            tokens[index].isSwitch && !tokens[..<index].contains { conditionalWords.contains($0.word) || usingWords.contains($0.word) }
        })
    }

    /// Verbs that put a switch under a condition when they come before it ("using /source").
    static let usingWords: Set<String> = ["use", "uses", "using", "used", "specify", "specifying", "specified", "run", "running"]

    /// Positions of the measure words asked right after "how" ("how long", "how often").
    static func measurePositions(_ tokens: [Token]) -> Set<Int> {
        var positions = Set(tokens.indices.dropFirst().filter {
            IntentDetector.measureWords.contains(tokens[$0].word) && tokens[$0 - 1].word == "how"
        })
        // "How long until (before, after) X happens" asks how long X takes: the sentence giving it says "up to 30 minutes".
        for index in tokens.indices.dropFirst(2) where durationLinks.contains(tokens[index].word)
            && tokens[index - 1].word == "long" && tokens[index - 2].word == "how" {
            positions.insert(index)
        }
        // "The maximum number of X" asks how many, as "how many X" does: sentences say "up to 12 X".
        for index in tokens.indices.dropFirst() where countWords.contains(tokens[index].word)
            && upperBoundWords.contains(tokens[index - 1].word) {
            positions.formUnion([index - 1, index])
        }
        // "The maximum password length" asks how long it may be, in its unit: "no more than 12 characters".
        for index in tokens.indices.dropFirst() where boundedMeasureWords.contains(tokens[index].word) {
            if let bound = tokens[max(0, index - 3)..<index].last(where: { upperBoundWords.contains($0.word) }) {
                positions.formUnion([bound.position, index])
            }
        }
        return positions
    }

    private static let durationLinks: Set<String> = ["until", "till", "before", "after"]
    private static let countWords: Set<String> = ["number", "count"]
    private static let upperBoundWords: Set<String> = ["maximum", "max", "largest", "highest"]
    /// Measures asked only with an upper bound ("the maximum length"); see `AnswerEngine.units(ofMeasure:)`.
    private static let boundedMeasureWords: Set<String> = ["length", "size"]

    /// "Which client types don't use a fallback status point?": a negated
    /// verb right after the "which ..." phrase says what is asked of it and
    /// states nothing, up to a clause that does state ("... if I use /source").
    static func askedPredicate(_ tokens: [Token]) -> Set<Int> {
        guard let wh = tokens.firstIndex(where: { $0.word == "which" || $0.word == "what" }),
              let aux = tokens[(wh + 1)...].firstIndex(where: { IntentDetector.auxiliaries.contains($0.word) }),
              aux > wh + 1, aux + 1 < tokens.count, Words.negations.contains(tokens[aux + 1].word),
              // "what happens if I don't ...": the negation is in a clause that states.
              !tokens[(wh + 1)..<aux].contains(where: { statingWords.contains($0.word) }) else { return [] }
        let end = tokens[(aux + 2)...].firstIndex { statingWords.contains($0.word) } ?? tokens.count
        return Set(aux..<end)
    }

    /// Words that open a clause stating a fact in a question.
    /// ("with", "after" and the like also join the asked part: "which clients don't work with a proxy server?")
    static let statingWords: Set<String> = ["if", "when", "unless", "whenever"]

    /// Where a name's words stand in the question: every occurrence, unless
    /// a word is asked twice, then the occurrences in the shortest stretch
    /// holding each word ("the enrollment point and the enrollment proxy
    /// point" names "enrollment point" by its first two words only).
    static func closestOccurrences(_ occurrences: [(stem: String, positions: [Int])]) -> Set<Int> {
        let all = occurrences.flatMap { occurrence in occurrence.positions.map { (position: $0, stem: occurrence.stem) } }
            .sorted { $0.position < $1.position }
        guard occurrences.count > 1, all.count > occurrences.count else { return Set(all.map(\.position)) }
        var inWindow: [String: Int] = [:]
        var best: Range<Int> = all.indices
        var start = 0
        for end in all.indices {
            inWindow[all[end].stem, default: 0] += 1
            while inWindow.count == occurrences.count, let count = inWindow[all[start].stem], count > 1 {
                inWindow[all[start].stem] = count - 1
                start += 1
            }
            if inWindow.count == occurrences.count,
               all[end].position - all[start].position < all[best.upperBound - 1].position - all[best.lowerBound].position {
                best = start..<(end + 1)
            }
        }
        return Set(all[best].map(\.position))
    }

    /// A partly matched name whose words stand, in the question, next to a
    /// word no entity name has: "Windows PowerShell" is not "Windows
    /// Installer", a "boundary group" not "Group Policy-based installation".
    /// A word of other names ("Intune enrollment") may only qualify the
    /// name, and keeps it.
    static func namesAnotherThing(_ nameStems: [String], at positions: Set<Int>, in tokens: [Token],
                                  unmatchedNameWords: () -> [String] = { [] }, nameWords isNameWord: (String) -> Bool) -> Bool {
        func isContent(_ token: Token) -> Bool {
            !Words.isStopWord(token.word) && !IntentDetector.cueWords.contains(token.word) && !token.isSwitch
                && !token.word.allSatisfy { $0.isNumber || $0 == "." } && !isNameWord(token.stem)
        }
        for position in positions {
            for side in [position - 1, position + 1] where tokens.indices.contains(side) && !positions.contains(side) {
                if isContent(tokens[side]), !nameStems.contains(tokens[side].stem),
                   !contracts(tokens[side].word, unmatchedNameWords()) { return true }
            }
        }
        return false
    }

    /// Whether `word` is the name's words it lacks written short: "configmgr"
    /// for "Configuration Manager", "cm" for the same. It starts as the first
    /// of them, takes each one's first letter in turn, and is made of their
    /// letters in order. Then "configmgr console" is the "Configuration
    /// Manager console" the documents name, not another console.
    static func contracts(_ word: String, _ names: [String]) -> Bool {
        let short = Array(word.lowercased()), words = names.map { Array($0.lowercased()) }
        guard short.count >= 2, words.count >= 2, let first = words.first?.first, short.first == first else { return false }
        var index = 0
        for name in words {
            // The word's next letter is this name word's first; then as many of its letters as follow in order.
            guard index < short.count, short[index] == name.first else { return false }
            index += 1
            for letter in name.dropFirst() where index < short.count && short[index] == letter { index += 1 }
        }
        return index == short.count
    }

    /// The matched words, capitalized, run on to a capitalized word the
    /// documents never use: "Read-only Analyst" is a name the documents do
    /// not know, not the permission "Read". Lower-case words around a name
    /// ("the minimum Fabrikam version", "is X enough") qualify it.
    static func isPartOfAnUnknownName(_ positions: Set<Int>, in tokens: [Token], unknown: Set<Int>) -> Bool {
        guard !unknown.isEmpty, let first = positions.min(), let last = positions.max(),
              positions.allSatisfy({ tokens[$0].isCapitalized }) else { return false }
        // A hyphen joins even a lower-case stop word into the name ("Read-only").
        func continues(_ token: Token) -> Bool { token.isCapitalized || token.followsHyphen }
        var start = first, end = last
        while start > 0, tokens[start].followsHyphen || continues(tokens[start - 1]) { start -= 1 }
        while end + 1 < tokens.count, continues(tokens[end + 1]) { end += 1 }
        // The question's first word is capitalized as any sentence's is: that says nothing of a name.
        return (start...end).contains { $0 > 0 && unknown.contains($0) && !positions.contains($0) && tokens[$0].isCapitalized }
    }

    /// "Pull-distribution point": the name's first word joined by a hyphen
    /// to a word before it that the name lacks is a compound naming another
    /// kind of thing.
    static func isModifiedByACompound(_ positions: Set<Int>, in tokens: [Token]) -> Bool {
        guard let first = positions.min(), first > 0, tokens[first].followsHyphen else { return false }
        let before = tokens[first - 1]
        return !positions.contains(first - 1) && !Words.isStopWord(before.word) && before.word.contains(where: \.isLetter)
    }

    /// "Azure AD" is not "Active Directory": an abbreviation the name was
    /// read from, right after a capitalized word no name has, is part of a
    /// longer name the documents write that way.
    static func abbreviationIsPartOfALongerName(_ positions: Set<Int>, in tokens: [Token], nameWords: (String) -> Bool) -> Bool {
        // The parser writes an abbreviation first, then the words it stands for.
        guard let abbreviation = positions.min().flatMap({ first in
            !tokens[first].isExpansion && tokens.indices.contains(first + 1) && tokens[first + 1].isExpansion ? first
                : tokens[first].isExpansion ? tokens[..<first].lastIndex(where: { !$0.isExpansion }) : nil
        }), abbreviation > 1 else { return false }
        let before = tokens[abbreviation - 1]
        return before.isCapitalized && !before.isExpansion && !Words.isStopWord(before.word) && !nameWords(before.stem)
    }

    /// "The Application Administrator security role" does not name the
    /// Security Administrator: two words of a name side by side in the other
    /// order belong to two phrases.
    static func writesTwoWordsInReverse(_ nameStems: [String], at positions: Set<Int>, in tokens: [Token]) -> Bool {
        let sorted = positions.sorted()
        for (a, b) in zip(sorted, sorted.dropFirst()) where b == a + 1 {
            guard let first = nameStems.firstIndex(of: tokens[a].stem), let second = nameStems.firstIndex(of: tokens[b].stem),
                  nameStems.filter({ $0 == tokens[a].stem || $0 == tokens[b].stem }).count == 2 else { continue }
            if second < first { return true }
        }
        return false
    }

    /// "Cloud management gateway connection point" is not the management
    /// point: a name whose words stand apart, with words of another name
    /// that shares one of them in between, is two names read across. Not
    /// when a conjunction joins them ("the distribution and management point"),
    /// nor when the words between are what an abbreviation stands for ("PGO
    /// installation": "package group object installation").
    static func isSplitByAnotherName(_ match: EntityMatch, among others: [EntityMatch], in tokens: [Token]) -> Bool {
        guard let first = match.positions.min(), let last = match.positions.max() else { return false }
        let gap = Set((first...last).filter { !match.positions.contains($0) })
        // A conjunction an abbreviation stands for ("assessment and deployment kit") joins no two names.
        guard !gap.isEmpty, !gap.contains(where: { conjunctions.contains(tokens[$0].word) && !tokens[$0].isExpansion }),
              !gap.allSatisfy({ tokens[$0].isExpansion }) else { return false }
        return others.contains { other in
            other.entity != match.entity && other.coverage >= minimumCoverage
                && !other.positions.isDisjoint(with: match.positions) && !other.positions.isDisjoint(with: gap)
        }
    }

    static let conjunctions: Set<String> = ["and", "or", "nor"]

    /// "Which widget guard parts need always-on protection?" does not name
    /// "Widget protection": words of a name with more than
    /// `mostWordsWithinAName` other words of the question between two of
    /// them belong to different phrases.
    static func standFarApart(_ positions: Set<Int>, in tokens: [Token]) -> Bool {
        let sorted = positions.sorted()
        return zip(sorted, sorted.dropFirst()).contains { a, b in
            tokens[(a + 1)..<b].filter { !Words.isStopWord($0.word) && !$0.isExpansion }.count > mostWordsWithinAName
        }
    }

    static let mostWordsWithinAName = 3

    /// Scores every surface form by the weighted share of its words the
    /// question contains; keeps the best form per entity, then drops matches
    /// whose words a better match already explains.
    func matchEntities(_ tokens: [Token], excluding excluded: Set<Int>, unknownWords: Set<Int> = []) -> [EntityMatch] {
        var positionsByStem: [String: [Int]] = [:]
        // An adverb says how something is done ("installed automatically"); it
        // names nothing, though it stems like a name's adjective ("Automatic").
        for token in tokens where !excluded.contains(token.position) && !Words.isStopWord(token.word) && !Words.isAdverb(token) {
            positionsByStem[token.stem, default: []].append(token.position)
        }
        // A name's stem that kept its plural s ("APIs": the stemmer keeps the
        // s of words in -is, like "analysis") also meets the singular asked.
        func askedPositions(of stem: String) -> [Int]? {
            if let found = positionsByStem[stem] { return found }
            guard stem.count >= 4, stem.hasSuffix("s") else { return nil }
            return positionsByStem[String(stem.dropLast())]
        }
        // Asked of the full-text index once per word, however many names hold it.
        var commonInProse: [String: Bool] = [:]
        func proseCommonlyUses(_ word: String) -> Bool {
            if let known = commonInProse[word] { return known }
            let common = self.proseCommonlyUses(word)
            commonInProse[word] = common
            return common
        }
        var best: [Entity: EntityMatch] = [:]
        for form in lexicon.forms {
            let matched = Set(form.stems.filter { askedPositions(of: $0) != nil })
            guard !matched.isEmpty else { continue }
            // A name that is one thing twice ("Client -- > Client", traffic between two
            // clients) is named only by a question that says it twice. ("Remote Assistance
            // and Remote Desktop" only shares a word between two things.)
            if let times = form.timesWritten,
               times.contains(where: { (askedPositions(of: $0.key)?.count ?? 0) < $0.value }) { continue }
            let weight = Words.orderedSum(matched, lexicon.weight)
            let coverage = weight / max(form.totalWeight, 0.0001)
            // A word of one name only names it alone, unless the prose uses it everywhere: a small
            // knowledge base has few names, and "deploy" may be in one of them only.
            guard coverage >= Self.minimumCoverage || matched.intersection(lexicon.identifyingStems).contains(where: { stem in
                !(askedPositions(of: stem) ?? []).allSatisfy { proseCommonlyUses(tokens[$0].word) }
            }) else { continue }
            // Without its rarest word, a name is met only by words many names share
            // ("install clients" is not "client push installation"), unless most of it is there.
            let rarest = form.stems.map(lexicon.weight).max() ?? 0
            guard coverage >= Self.coverageWithoutRarestWord || matched.contains(where: { lexicon.weight($0) >= rarest }) else { continue }
            let positions = Self.closestOccurrences(matched.map { ($0, askedPositions(of: $0) ?? []) })
            if matched.count < Set(form.stems).count,
               Self.namesAnotherThing(form.stems, at: positions, in: tokens,
                                      // Tokenized only when a word beside the match is not in the name.
                                      unmatchedNameWords: {
                                          Words.tokens(form.entity.name).filter {
                                              !Words.isStopWord($0.word) && !matched.contains($0.stem)
                                          }.map(\.word)
                                      },
                                      // An abbreviation stands beside the words it was read as ("GPO group policy object").
                                      nameWords: { lexicon.nameStems.contains($0) || lexicon.expansions[$0] != nil }) { continue }
            if Self.isPartOfAnUnknownName(positions, in: tokens, unknown: unknownWords) { continue }
            if Self.isModifiedByACompound(positions, in: tokens) { continue }
            if Self.abbreviationIsPartOfALongerName(positions, in: tokens, nameWords: { lexicon.nameStems.contains($0) }) { continue }
            if Self.writesTwoWordsInReverse(form.stems, at: positions, in: tokens) { continue }
            if Self.standFarApart(positions, in: tokens) { continue }
            let candidate = EntityMatch(entity: form.entity, coverage: coverage, score: weight * coverage,
                                        positions: positions)
            if let existing = best[form.entity], existing.score >= candidate.score { continue }
            best[form.entity] = candidate
        }
        let ranked = best.values.sorted {
            ($0.score, $0.coverage, $1.entity.name) > ($1.score, $1.coverage, $0.entity.name)
        }
        var accepted: [EntityMatch] = []
        for match in ranked {
            // "software update point" is not "Software Update Manager" when a name
            // holds all three words: a match whose words another well-named match
            // holds and goes beyond is only part of that name.
            if ranked.contains(where: { other in
                match.positions.isStrictSubset(of: other.positions) && other.coverage >= Self.minimumCoverage
                    && !Set(Words.contentStems(match.entity.name)).isSubset(of: Set(match.positions.map { tokens[$0].stem }))
            }) { continue }
            if Self.isSplitByAnotherName(match, among: ranked, in: tokens) { continue }
            // A name of another kind, mostly named, is another reading of the same words
            // ("GPO installation": the term "group policy object", the method "Group policy-based installation").
            let dominated = accepted.contains { better in
                match.positions.isSubset(of: better.positions) && match.score < better.score * 0.999
                    && (match.entity.kind == better.entity.kind || match.coverage < Self.coverageWithoutRarestWord)
            }
            if !dominated { accepted.append(match) }
        }
        return accepted
    }
}
