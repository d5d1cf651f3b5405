import XCTest
@testable import DocKB

/// Questions in other words than the documents': the sentences holding the
/// most of their rare words answer, when no sentence holds them all.
final class SentenceRankingTests: QueryTestCase {
    /// A statement of the lookup holding `stems`, for comparing with the ranked sentences.
    /// A statement writing `stems` itself, and holding `subject` too by the subject it was found under.
    private func statement(_ stems: Set<String>, subject: Set<String> = []) -> AnswerEngine.RankedStatement {
        AnswerEngine.RankedStatement(
            statement: .init(kind: "requirement", text: stems.sorted().joined(separator: " "), condition: nil, conditionText: nil,
                             cite: Citation(documentID: 1, path: QueryFixture.prereqs, line: 1, anchor: "a"),
                             rule: "r", stems: stems.union(subject)),
            score: 0.6, onStated: false)
    }

    func testTheSentenceHoldingMostOfTheRareWordsAnswers() {
        // No sentence says "keep" with "glaze": none holds every word, or all but one.
        let answer = ask("how do I keep kiln shelves clean after a glaze firing?")
        // The next sentence of the paragraph comes along; the pointer after it does not.
        XCTAssertEqual(answer.items.first?.text,
                       "Clean the kiln shelves with a soft brush after every firing. For example, remove glaze drips before they harden.",
                       text(answer))
        XCTAssertEqual(answer.items.first?.group, AnswerEngine.sharedWordsGroup)
        XCTAssertEqual(answer.items.first?.source.line, 162)
        XCTAssertEqual(answer.items.count, 1, "the example, quoted with it, is not quoted again")
        XCTAssertTrue(answer.notes.contains("no quoted sentence holds “keep”"), answer.notes.joined(separator: "; "))
    }

    func testTwoWordsInCommonAreNotAnAnswer() throws {
        // "kiln shelves" holds most of the weight of "agent kiln shelves", in two words only.
        let parsed = engine.parse("agent kiln shelves?")
        let (query, words) = try XCTUnwrap(engine.sentenceQuery(parsed))
        XCTAssertEqual(engine.rankedSentences(parsed, query, words: words).map(\.quote.sentence), [])
    }

    func testAnExampleIsQuotedWithTheSentenceItIllustrates() {
        let answer = ask("why remove glaze drips from kiln shelves?")
        XCTAssertEqual(answer.items.first?.text,
                       "Clean the kiln shelves with a soft brush after every firing. For example, remove glaze drips before they harden.",
                       text(answer))
    }

    func testAnotherWordForTheSameActHoldsTheQuestionsWord() {
        // The fixture says "remove glaze drips"; the question says "delete".
        let answer = ask("why delete glaze drips from kiln shelves?")
        XCTAssertEqual(answer.items.first?.text,
                       "Clean the kiln shelves with a soft brush after every firing. For example, remove glaze drips before they harden.",
                       text(answer))
        XCTAssertFalse(answer.notes.contains { $0.contains("delete") || $0.contains("remove") }, answer.notes.joined(separator: "; "))
        // The parser writes the other word beside the question's; statements need not hold it.
        let parsed = engine.parse("why delete glaze drips from kiln shelves?")
        XCTAssertTrue(parsed.tokens.contains { $0.isAlternative && $0.word == "remove" })
        XCTAssertFalse(parsed.contentStems.contains(Words.stem("remove")))
        // Held or not, the other word is not a second word of the question.
        let (query, _) = try! XCTUnwrap(engine.sentenceQuery(engine.parse("why delete glaze drips from kiln shelves?")))
        let held = Set(["remove", "glaze", "drips", "kiln", "shelves"].map(Words.stem))
        XCTAssertEqual(query.share(holding: held), 1, accuracy: 1e-9)
        XCTAssertLessThan(query.share(holding: held.subtracting([Words.stem("remove")])), 1)
    }

    func testAPointerIsNoAnswer() {
        XCTAssertTrue(AnswerEngine.isPointer("For the procedure to sand kiln shelves, see Kiln repairs."))
        XCTAssertFalse(AnswerEngine.isPointer("For kilns older than 2010, sand the shelves by hand."))
        let answer = ask("what procedure sands the kiln shelves by hand?")
        XCTAssertFalse(text(answer).contains("see Kiln repairs"), text(answer))
    }

    func testASentenceOutranksAStatementThatSharesOnlyCommonWords() {
        let parsed = engine.parse("how do I clean kiln shelves after a glaze firing?")
        let ranking = engine.sentenceRanking(parsed)
        XCTAssertTrue(engine.sentencesOutrank([statement(["kiln", "glaz"])], ranking))
        // A statement holding as many of the rare words keeps its place.
        XCTAssertFalse(engine.sentencesOutrank([statement(["kiln", "shelv", "clean", "fir", "aft"])], ranking))
    }

    func testAStatementsSubjectWordsCountAsHeadingWords() {
        let parsed = engine.parse("how do I clean kiln shelves after a glaze firing?")
        let ranking = engine.sentenceRanking(parsed)
        // Written by the statement, the rare words keep it in place; held only by its subject, they count for half.
        XCTAssertFalse(engine.sentencesOutrank([statement(["kiln", "shelv", "clean", "fir", "aft"])], ranking))
        XCTAssertTrue(engine.sentencesOutrank([statement(["kiln", "aft"], subject: ["shelv", "clean", "fir"])], ranking))
    }

    func testASentenceHoldingLessOfTheQuestionNeedsAWiderMargin() {
        // The best sentence holds about 0.7 of the words' weight ("keep" and "status" are in none
        // of its paragraph): below `outrankingShare`, it needs twice the margin.
        let parsed = engine.parse("how do I keep kiln shelves clean after a status firing?")
        XCTAssertLessThan(engine.sentenceRanking(parsed)?.sentences.first?.share ?? 1, AnswerEngine.outrankingShare)
        XCTAssertTrue(engine.sentencesOutrank([statement(["kiln"])], engine.sentenceRanking(parsed)))
        XCTAssertFalse(engine.sentencesOutrank([statement(["kiln", "shelv", "clean"])], engine.sentenceRanking(parsed)))
    }

    func testARowThatOnlyPointsElsewhereIsNoStatement() {
        let ranked = engine.rankedStatements(engine.parse("which permissions drain batch hosts?"))
        XCTAssertFalse(ranked.contains { $0.statement.text.hasPrefix("For the permissions to drain") }, "\(ranked.map(\.statement.text))")
        XCTAssertTrue(ranked.contains { $0.statement.text.hasPrefix("Restart the QBS service") }, "\(ranked.map(\.statement.text))")
    }

    func testAnEverydayWordIsReadAsTheDocumentsTerm() {
        // No document says "PCs" or "DCs": the question is read with "computers" and "domain controller".
        let parsed = engine.parse("do PCs on a DC need a relay point?")
        XCTAssertEqual(Array(parsed.tokens.map(\.word).prefix(5)), ["do", "computers", "on", "a", "domain"])
        XCTAssertTrue(parsed.tokens.contains { $0.word == "controller" })
        XCTAssertTrue(engine.answer("do PCs need a relay point?").notes.contains("read “pcs” as “computers”"))
        // Everyday shortenings of the documents' words.
        XCTAssertEqual(engine.parse("which DB prereqs does the relay point have?").tokens.map(\.word).filter { ["database", "prerequisites"].contains($0) },
                       ["database", "prerequisites"])
        // A word said twice is noted once.
        XCTAssertEqual(engine.answer("do PCs and more PCs need a relay point?").notes.filter { $0 == "read “pcs” as “computers”" }.count, 1)
    }

    func testSpokenFillersAndVerbsOfAnyActAreNotRankedBy() {
        let parsed = engine.parse("can someone really put the agent app from the store on phones too?")
        XCTAssertTrue(parsed.unknownWords.isEmpty, "\(parsed.unknownWords)")
        let words = engine.sentenceQuery(parsed)?.words ?? []
        XCTAssertTrue(words.contains("store"), "\(words)")
        XCTAssertTrue(words.filter { ["someone", "really", "put", "too"].contains($0) }.isEmpty, "\(words)")
        // Everyday names of devices: read as the documents' term when they do not use the word.
        XCTAssertTrue(engine.answer("do handhelds need a relay point?").notes.contains("read “handhelds” as “mobile devices”"))
        // A word that brings in an example ranks nothing: "files like packages" asks about files and packages.
        let example = engine.parse("which port do agents use for files like packages?")
        XCTAssertFalse(example.contentStems.contains(Words.stem("like")), "\(example.contentStems)")
        XCTAssertFalse(example.unknownWords.contains("like"), "\(example.unknownWords)")
    }

    func testASentenceHoldingWhatNoLineMentionsLeadsTheList() {
        // No requirement of phone clients mentions the store or the app; one sentence does, without "DNS".
        let answer = ask("what do phone clients need from the store app over the network besides DNS?")
        XCTAssertEqual(answer.items.first?.text, "Phone clients download the app from the public store over any network, once per device.",
                       text(answer))
        XCTAssertEqual(answer.items.first?.group, AnswerEngine.sharedWordsGroup)
        XCTAssertTrue(answer.items.contains { $0.text.hasPrefix("Optional: a DNS alias") }, text(answer))
    }

    func testACommandLineIsNoSentence() throws {
        let parsed = engine.parse("how do I run setup quietly with trace logs?")
        let (query, words) = try XCTUnwrap(engine.sentenceQuery(parsed))
        let sentences = engine.rankedSentences(parsed, query, words: words).map(\.quote.sentence)
        XCTAssertFalse(sentences.contains { $0.hasPrefix("Run setup.exe") }, "\(sentences)")
    }

    func testAnAbbreviationAndTheWordsItStandsForAreOneWord() throws {
        // "QBS" is read with "quartz batch service" beside it: one word of the question, not four.
        let (query, _) = try XCTUnwrap(engine.sentenceQuery(engine.parse("does the QBS drain the spool folder?")))
        XCTAssertEqual(query.wordsHeld(Set(["qbs", "quartz", "batch", "service"].map(Words.stem))), 1)
        XCTAssertEqual(query.wordsHeld(Set(["qbs", "drain", "spool"].map(Words.stem))), 3)
    }

    func testARankedSentenceBringsTheNextOnesOfItsParagraph() {
        XCTAssertEqual(AnswerEngine.withFollowing(0, of: ["One.", "Two.", "Three.", "Four."]), "One. Two. Three.")
        XCTAssertEqual(AnswerEngine.withFollowing(2, of: ["One.", "Two.", "Three.", "Four."]), "Three. Four.")
        XCTAssertEqual(AnswerEngine.withFollowing(0, of: ["One.", "For details, see Two.", "Three."]), "One.")
        let long = String(repeating: "x", count: AnswerEngine.longestQuotedSentence)
        XCTAssertEqual(AnswerEngine.withFollowing(0, of: ["One.", long]), "One.")
    }

    func testAQuoteThatBringsAChosenOneAlongTakesItsPlace() {
        func ranked(_ sentence: String, _ share: Double) -> AnswerEngine.RankedSentence {
            AnswerEngine.RankedSentence(
                quote: AnswerEngine.ProseQuote(sentence: sentence, heading: "h", cite: Citation(documentID: 1, path: "p", line: 1, anchor: "a"),
                                               sectionID: 1, defines: false, holdsEveryWord: false, citedAtHeading: false,
                                               coverage: 1, closeness: 3, position: 0),
                share: share)
        }
        let chosen = AnswerEngine.distinct([ranked("Two.", 0.9), ranked("One. Two.", 0.8), ranked("One.", 0.8),
                                            ranked("Four.", 0.7), ranked("Five.", 0.6)], upTo: 3)
        // "One. Two." says all "Two." does and takes its place; "One." is then quoted already.
        XCTAssertEqual(chosen.map(\.quote.sentence), ["One. Two.", "Four.", "Five."])
    }

    /// A list item that ends in a parenthesis is a statement, not a title:
    /// "macOS Catalina (10.15) (requires site version 1910 or later, ...)".
    func testAListItemEndingInAParenthesisIsASentenceToRank() throws {
        XCTAssertTrue(AnswerEngine.endsAsAStatement("Fabrikam OS 12 (requires relay release 2104 or later, and agent 5.1 or later)"))
        XCTAssertFalse(AnswerEngine.endsAsAStatement("Fabrikam OS 12 (x64)"), "a name with its variant is a title")
        XCTAssertFalse(AnswerEngine.endsAsAStatement("Relay | TCP 8001 | to reach the relay from the agent (required)"))
        // A key and a cell of prose describing it: a statement, full stop or not.
        XCTAssertTrue(AnswerEngine.endsAsAStatement(
            "Relay point | Update the runtime on the hub, the badge servers, and any kiosk with the console - Restart the relay service as necessary"))
        XCTAssertFalse(AnswerEngine.endsAsAStatement("Relay point | Kiosk runtime 4.2 or later"))
        let kb = try InventedArticles.engine(["agents/platforms.md": """
            # Agent platforms

            ## Supported versions

            - **Fabrikam OS 12** (requires relay release 2104 or later, and agent 5.1 or later)
            - **Fabrikam OS 11** (x64)

            ## Limitations

            Running the agent under an account other than the service account isn't supported on Fabrikam OS.

            """], for: self)
        let ranked = kb.sentenceRanking(kb.parse("is fabrikam os 12 supported with the relay and the agent"))?.sentences ?? []
        XCTAssertEqual(ranked.first?.quote.cite.line, 5, "\(ranked.map(\.quote.sentence))")
    }
}

/// Two accounts described side by side: the rows of one are requirement
/// statements whose subject ("relay migration") holds the question's last
/// word; the other's sentence holds every other word itself.
extension SentenceRankingTests {
    static let accounts = """
        # Prerequisites for relay migration

        ## Required configurations for migration

        - **Data gathering:**

          To gather data from each source office, configure these two accounts:

          - **Source Office Account:** This account reads the relay catalog of the source office.

              - For an older relay, this account requires **Read** permission to all source office objects.

          - **Source Office Store Account:** This account opens the store database of the source office and requires **Connect**, **Execute**, and **Select** permissions to the source office store database.

        """

    func testTheSentenceNamingTheAccountAnswersOverStatementsHoldingTheSubject() throws {
        let kb = try InventedArticles.engine(["relay/prerequisites-for-relay-migration.md": Self.accounts], for: self)
        let answer = kb.answer("what rights does the source office store account need for migration?")
        XCTAssertTrue(answer.items.first?.text.hasPrefix("Source Office Store Account:") ?? false, AnswerRenderer().render(answer, as: .text))
    }
}

/// A document whose title names what every section is about, which its
/// sentences never repeat.
extension SentenceRankingTests {
    static let upgrade = """
        # Upgrade agents to the latest release with Fabrikam Console

        Kiosks and relays take part in every rollout.

        ## Roll out

        When you use kiosk media, you must include a signing certificate in the rollout package. This makes the package available in the media wizard.

        """

    func testTheDocumentTitleIsCreditedAsTheHeadingIs() throws {
        let kb = try InventedArticles.engine(["agents/upgrade-agents.md": Self.upgrade], for: self)
        let parsed = kb.parse("what must an agent upgrade include with kiosk media?")
        let ranking = try XCTUnwrap(kb.sentenceRanking(parsed))
        let quote = try XCTUnwrap(ranking.sentences.first { $0.quote.sentence.contains("signing certificate") })
        let own = Set(Words.tokens("When you use kiosk media, you must include a signing certificate in the rollout package.").map(\.stem))
        let headingOnly = ranking.query.share(holding: own, headingHolds: Set(Words.tokens("Roll out").map(\.stem)))
        // "agent" and "upgrade", held by the title only, count for the sentence too (at the heading's rate).
        XCTAssertGreaterThan(quote.share, headingOnly + 0.05)
    }
}

/// A sentence and those quoted after it in its paragraph or item.
final class FollowingSentenceTests: XCTestCase {
    static let limits = """
        # Fabrikam couriers

        A relay point (RP) forwards crates between depots.

        ## Limits

        - Couriers can't carry sealed crates. Each crate must be opened at the depot.

        - You can't make a courier a relay point. Relay point computers must belong to a depot.

        """

    /// The words of the sentence quoted after it count for it, as its heading's do: "courier" and
    /// the relay point ("RP") are in the first, "computer" only in the second.
    func testTheSentenceQuotedAfterItHoldsTheRestOfTheWords() throws {
        let kb = try InventedArticles.engine(["couriers/limits.md": Self.limits], for: self)
        let answer = kb.answer("courier computer as an RP?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertEqual(answer.items.first?.text,
                       "You can't make a courier a relay point. Relay point computers must belong to a depot.", text)
    }
}

extension FollowingSentenceTests {
    /// "It works only if X. Alternatively, Y.": the other way comes with the quote, though it is long.
    func testTheAlternativeAfterAQuoteComesAlong() {
        let condition = "This works only if the registry is published to every branch office and its list is current."
        let alternative = "Alternatively, couriers can ask a relay point for the nearest depot."
        let long = "Couriers find the nearest depot by asking the central registry for its list of depots, "
            + "which they read at the start of every route and keep until the route ends, so that a courier "
            + "who loses the signal on the road still knows where each depot stands and how long the drive takes."
        XCTAssertGreaterThan(long.count + condition.count + alternative.count + 2, AnswerEngine.longestQuotedSentence)
        let sentences = [long, condition, alternative]
        let quoted = AnswerEngine.withFollowing(0, of: sentences)
        XCTAssertTrue(quoted.hasSuffix("Alternatively, couriers can ask a relay point for the nearest depot."), quoted)
        // Not any sentence: one that does not open an alternative stays out past the length.
        let other = [long, sentences[1], "Couriers " + String(repeating: "walk ", count: 60) + "home."]
        XCTAssertFalse(AnswerEngine.withFollowing(0, of: other).contains("home."))
    }

    /// "... The maximum value is 90.": the bound a setting's description gives last comes with it.
    func testTheBoundOrDefaultAfterAQuoteComesAlong() {
        let sentences = ["Days to keep badges: the kiosk keeps returned badges for the number of days you set.",
                         "Then a clerk can check which badges came back.",
                         "If you set the number of days to 0, returned badges stay in the tray until a clerk empties it.",
                         "The maximum is 60 days."]
        XCTAssertTrue(AnswerEngine.withFollowing(0, of: sentences).hasSuffix("The maximum is 60 days."))
        XCTAssertTrue(AnswerEngine.withFollowing(0, of: Array(sentences.dropLast()) + ["By default, it is 14."])
            .hasSuffix("By default, it is 14."))
        XCTAssertFalse(AnswerEngine.withFollowing(0, of: Array(sentences.dropLast()) + ["The clerk signs the sheet."])
            .contains("signs"), "any other third sentence stays out")
        XCTAssertTrue(AnswerEngine.givesABoundOrDefault("The minimum is two."))
        XCTAssertFalse(AnswerEngine.givesABoundOrDefault("The maximal approach works."))
    }
}

/// Two sibling sections give the same sentence about two things; the
/// question names one of them, which only its section's heading holds.
extension SentenceRankingTests {
    static let jobs = """
        # Northwind job actions

        ## Stop job

        Stops a running job on the relays of a collection.

        ### Permissions - Stop job

        The following built-in roles have these permissions by default:

        - Floor Manager
        - Relay Operator
        - Night Supervisor

        ## Run job

        Runs a job on the relays of a collection.

        ### Permissions - Run job

        The following built-in roles have this permission by default:

        - Floor Manager
        - Relay Operator

        Add this permission to any custom roles that need to run jobs.

        """

    func testASentenceUnderAnotherThingsHeadingIsLeftOut() throws {
        let kb = try InventedArticles.engine(["relay/jobs.md": Self.jobs], for: self)
        let answer = kb.answer("which built-in roles have the Run Job permission by default?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.items.first?.text.hasSuffix("by default: Floor Manager; Relay Operator") ?? false, text)
        XCTAssertFalse(text.contains("Night Supervisor"), text)
    }
}

/// "X shows an error, how do I fix it?": the symptom is what to find; the
/// words of showing and fixing are words of asking.
extension SentenceRankingTests {
    func testWordsOfASymptomAndItsRemedyAreNoWordsToFind() throws {
        let kb = try InventedArticles.engine(["relay/console.md": """
            # Relay console

            ## Common issues

            The console shows Denied when the operator lacks permissions. To fix it, grant the operator the Run Job permission.

            ## Fix list

            Each fix is listed with the build that brings it.

            """], for: self)
        let words = try XCTUnwrap(kb.sentenceQuery(kb.parse("the relay console shows Denied, how do I fix it?"))).words
        XCTAssertFalse(words.contains("shows") || words.contains("fix"), "\(words)")
        XCTAssertTrue(words.contains("denied"), "\(words)")
    }
}
