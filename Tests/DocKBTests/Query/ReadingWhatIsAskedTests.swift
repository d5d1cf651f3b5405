import XCTest
@testable import DocKB

/// Questions whose words could be read two ways: a switch asked about or
/// stated, a role of the site or of an administrator, a name inside a longer
/// one, a sentence holding all but one of the words.
final class ReadingWhatIsAskedTests: QueryTestCase {
    private func names(_ question: String) -> [String] { engine.parse(question).matches.map(\.entity.name) }

    func testASwitchAQuestionDescribesIsAskedAboutNotStated() {
        let asked = engine.parse("what does the setup /source switch do?")
        XCTAssertNil(asked.stated.flags["source"], asked.factNotes.joined())
        XCTAssertEqual(asked.askedSwitches, ["source"])
        // Under a condition word, the same switch states the fact.
        XCTAssertEqual(engine.parse("what does manual installation need with /source?").stated.flags["source"], true)
        XCTAssertEqual(engine.parse("what is needed if I use /source?").stated.flags["source"], true)
        XCTAssertEqual(engine.parse("what is the relay point for when using /source?").stated.flags["source"], true)
    }

    func testARoleOneNeedsToDoSomethingIsASecurityRole() {
        let push = ask("which role do I need to manage remote push installations?")
        XCTAssertEqual(push.heading, "Security roles")
        XCTAssertTrue(text(push).contains("Infrastructure Administrator"), text(push))
        XCTAssertFalse(text(push).contains("relay point"), text(push))
        let upgrades = ask("which role is needed for automatic agent upgrades?")
        XCTAssertTrue(text(upgrades).contains("Full Administrator"), text(upgrades))
        // Roles stated for what the question names are site system roles, as is a bare "which roles are required?".
        let phones = ask("which roles are required for phone clients?")
        XCTAssertTrue(phones.heading.hasPrefix("Site system roles"), phones.heading)
        XCTAssertTrue(text(phones).contains("relay point"), text(phones))
        XCTAssertTrue(ask("which roles are required?").heading.hasPrefix("Site system roles"))
    }

    func testAHyphenedWordBeforeANameMakesAnotherThing() {
        XCTAssertFalse(names("which ports does a sub-relay point use?").contains("relay point"))
        XCTAssertTrue(names("which ports does the relay point use?").contains("relay point"))
    }

    func testANameReadAcrossAnotherIsNotNamed() {
        // "status relay point": "status ... point" with "relay point" in between.
        let split = names("what does the status relay point do?")
        XCTAssertFalse(split.contains("status point"), "\(split)")
        XCTAssertTrue(split.contains("relay point"), "\(split)")
        // Joined by a conjunction, both are named.
        let both = names("which ports do the status and relay point use?")
        XCTAssertTrue(both.contains("status point") && both.contains("relay point"), "\(both)")
    }

    func testSentencesHoldingAllButOneWordWhenNoneHoldsEvery() {
        let answer = ask("which agents fire glassy coatings on a schedule?")
        XCTAssertEqual(answer.items.first?.text, "A kiln glaze is a glassy coating that agents fire onto clay.", text(answer))
        XCTAssertEqual(answer.items.first?.group, AnswerEngine.allButOneWordGroup)
        XCTAssertTrue(answer.notes.contains { $0.contains("“schedule”") }, "\(answer.notes)")
        // A "what is" question names its subject whole: a sentence lacking a word of it is about something else.
        XCTAssertFalse(ask("what is a glaze kiln temperature?").found)
        // Words no document uses are what the question is about: never the one left out.
        XCTAssertFalse(ask("which agents fire zeppelin blimp coatings?").found)
    }
}

extension ReadingWhatIsAskedTests {
    func testTwoWordsOfANameInTheOtherOrderNameSomethingElse() {
        XCTAssertFalse(names("what does the Keeper Roster role do?").contains("Roster Keeper"))
        XCTAssertTrue(names("what does the Roster Keeper role do?").contains("Roster Keeper"))
    }

    func testWhatARoleAllowsAsksWhatItIsFor() {
        XCTAssertEqual(engine.parse("what does the Roster Keeper role allow?").intent, .purpose)
        XCTAssertEqual(engine.parse("what can the Roster Keeper do?").intent, .purpose)
        XCTAssertTrue(ask("what does the Roster Keeper role allow?").items.contains { $0.text.contains("add and remove agent operators") })
    }
}

extension ReadingWhatIsAskedTests {
    func testWhichMethodsHaveRulesOnACondition() {
        let source = ask("which installation methods depend on /source?")
        XCTAssertEqual(Set(source.items.map(\.group)), ["Manual installation", "Ports: Manual installation, Kiosk computer installation"],
                       text(source))
        XCTAssertTrue(source.heading.hasPrefix("2 installation methods with rules on"), source.heading)
        // Stated or not, the condition is what is asked about: no rule is left out by it.
        XCTAssertTrue(source.omitted.isEmpty, text(source))
        XCTAssertTrue(source.items.allSatisfy { $0.dependsOn.contains("source") }, text(source))
        let schema = ask("which methods need the directory schema extended?")
        XCTAssertEqual(Set(schema.items.map(\.group)), ["Package-based installation"], text(schema))
        XCTAssertFalse(schema.notes.contains { $0.hasPrefix("stated: extended-directory-schema") }, "\(schema.notes)")
        // A question about one method's needs under a condition is not this one.
        XCTAssertFalse(ask("what does manual installation need with /source?").heading.contains("with rules on"))
        XCTAssertFalse(ask("which methods are there?").heading.contains("with rules on"))
    }
}

extension ReadingWhatIsAskedTests {
    func testAConditionAskedAboutForANamedMethodIsNotStated() {
        let parsed = engine.parse("do I need to extend the directory schema for package-based installation?")
        XCTAssertEqual(parsed.matches.first?.entity.name, "Package-based installation")
        XCTAssertEqual(parsed.askedVariables, ["extended-directory-schema"])
        XCTAssertNil(parsed.stated.flags["extended-directory-schema"])
        // After a condition word it is stated, as before.
        let stated = engine.parse("is package-based installation required if the directory schema is extended?")
        XCTAssertEqual(stated.stated.flags["extended-directory-schema"], true)
    }
}

extension ReadingWhatIsAskedTests {
    func testTheSubjectListedUnderHeadingsAnswersBeforeASentenceItsHeadingCompletes() {
        let answer = ask("which kiln models support the status point?")
        XCTAssertEqual(answer.items.first?.text,
                       "Kiln model K7 › Site points: This kiln model is supported for the following points: Status point", text(answer))
        XCTAssertEqual(answer.items.first?.source.line, 146)
    }
}

extension ReadingWhatIsAskedTests {
    func testTheCasesARestartLeadInListsAreWhenAComponentNeedsARestart() {
        let answer = ask("when does Fabrikam Runtime need a restart?")
        let when = answer.items.filter { $0.group == "When Fabrikam Runtime needs a restart" }.map(\.text)
        XCTAssertEqual(when, ["A kiln task is running.", "The agent waits for a restart from an earlier update."], text(answer))
    }
}

extension ReadingWhatIsAskedTests {
    func testAnAbbreviationAfterACapitalizedWordOfNoNameIsPartOfAnotherName() {
        // "Azure AD" is not "Active Directory".
        XCTAssertFalse(names("what does Adatum QBS drain?").contains("quartz batch service"))
        XCTAssertTrue(names("what does the QBS drain?").contains("quartz batch service"))
        // A word of a known name before it only qualifies it.
        XCTAssertTrue(names("what does Contoso QBS drain?").contains("quartz batch service"))
    }
}

extension ReadingWhatIsAskedTests {
    func testAYesNoQuestionIsAnsweredByTheSentenceItRestates() {
        let answer = ask("does the QBS drain the spool folder at night after the last agent reports?")
        XCTAssertEqual(answer.items.first?.text, "The QBS only drains the spool folder at night, after the last agent reports.", text(answer))
        // Asked as "which", the same words want a sentence that says more than they do.
        XCTAssertFalse(ask("which QBS drains the spool folder at night after the last agent reports?")
            .items.contains { $0.text.hasPrefix("The QBS only drains") })
    }
}

extension ReadingWhatIsAskedTests {
    func testAMethodsRuleConditionedAwayIsTheVerdict() {
        let with = ask("does manual installation need a relay point if I run setup with /source?")
        XCTAssertEqual(with.heading, "Is relay point required for Manual installation? Not under what the question states", text(with))
        XCTAssertFalse(with.omitted.isEmpty)
        let without = ask("does manual installation need a relay point?")
        XCTAssertEqual(without.heading, "Is relay point required?", text(without))
        XCTAssertTrue(without.items.contains { $0.group == "For Manual installation" }, text(without))
    }
}

extension ReadingWhatIsAskedTests {
    func testASentenceIsQuotedWithTheNextWhenThatOneGoesOnFromIt() {
        XCTAssertEqual(AnswerEngine.continuation(after: 0, in: ["Agents can't reach the relay point.", "Instead, they use the cache point."]),
                       "Instead, they use the cache point.")
        XCTAssertNil(AnswerEngine.continuation(after: 0, in: ["Agents can't reach the relay point.", "Phones use the cache point."]))
        XCTAssertNil(AnswerEngine.continuation(after: 1, in: ["Agents can't reach the relay point.", "Instead, they use the cache point."]))
        // "By default, ..." gives the default of what the sentence before set out.
        XCTAssertEqual(AnswerEngine.continuation(after: 0, in: ["The relay uses this port to reach its store.",
                                                                "By default, it uses port 4022"]),
                       "By default, it uses port 4022")
        XCTAssertNil(AnswerEngine.continuation(after: 0, in: ["The relay uses this port to reach its store.",
                                                              "Bytes default to zero."]))
    }
}

extension ReadingWhatIsAskedTests {
    func testAHowDoIQuestionAfterAStatedFactAsksWhatItTakes() {
        XCTAssertEqual(engine.parse("I haven't extended the directory schema, how do I install agents on kiosk computers?").intent, .requirements)
        XCTAssertEqual(engine.parse("how do I install agents on kiosk computers?").intent, .requirements)
        XCTAssertNotEqual(engine.parse("how many agents install on kiosk computers?").intent, .requirements)
    }

    func testTheSameStatementForSeveralSubjectsIsQuotedOnce() {
        func statement(_ line: Int) -> AnswerEngine.RankedStatement {
            AnswerEngine.RankedStatement(
                statement: .init(kind: "requirement", text: "Use group policy to pass setup parameters.", condition: nil, conditionText: nil,
                                 cite: Citation(documentID: 1, path: QueryFixture.prereqs, line: line, anchor: "a\(line)"),
                                 rule: "requirements row \(line)", stems: []),
                score: 1, onStated: false)
        }
        var builder = AnswerBuilder(answer: Answer(question: "q", intent: .lookup, heading: ""), context: QueryContext(), phrases: [:])
        // The same line read as a security role's row, and another statement.
        var roleRow = statement(52)
        roleRow.statement.text = "Full Administrator: " + roleRow.statement.text
        var other = statement(70)
        other.statement.text = "Restart the agent after setup."
        engine.lookupAnswer([statement(52), statement(62), roleRow, other], &builder)
        // One quote of the repeated words, and one per line.
        XCTAssertEqual(builder.answer.items.map(\.source.line), [52, 70])
    }
}

extension ReadingWhatIsAskedTests {
    func testASentenceStandingInSeveralSectionsIsQuotedOnce() {
        func quote(_ sentence: String, line: Int) -> AnswerEngine.ProseQuote {
            AnswerEngine.ProseQuote(sentence: sentence, heading: "H\(line)",
                                    cite: Citation(documentID: 2, path: QueryFixture.ports, line: line, anchor: "h\(line)"),
                                    sectionID: Int64(line), defines: false, holdsEveryWord: true, citedAtHeading: false,
                                    coverage: 3, closeness: 0, position: line)
        }
        var builder = AnswerBuilder(answer: Answer(question: "q", intent: .lookup, heading: ""), context: QueryContext(), phrases: [:])
        engine.proseAnswer([quote("Agents download from a relay point.", line: 10), quote("Agents download from a relay point.", line: 20),
                            quote("Agents retry after an hour.", line: 30)], &builder)
        XCTAssertEqual(builder.answer.items.map(\.source.line), [10, 30])
    }

    /// A lead-in quoted alone and with its list: once, whole, where it first stands.
    func testASentenceQuotedAloneAndWithItsListIsQuotedOnceWhole() {
        func quote(_ sentence: String, line: Int) -> AnswerEngine.ProseQuote {
            AnswerEngine.ProseQuote(sentence: sentence, heading: "H",
                                    cite: Citation(documentID: 2, path: QueryFixture.ports, line: line, anchor: "h"),
                                    sectionID: 1, defines: false, holdsEveryWord: true, citedAtHeading: false,
                                    coverage: 3, closeness: 0, position: line)
        }
        var builder = AnswerBuilder(answer: Answer(question: "q", intent: .lookup, heading: ""), context: QueryContext(), phrases: [:])
        engine.proseAnswer([quote("The relay keeps these:", line: 10), quote("Agents retry after an hour.", line: 30),
                            quote("The relay keeps these: badge lists; door logs", line: 10)], &builder)
        XCTAssertEqual(builder.answer.items.map(\.text), ["The relay keeps these: badge lists; door logs", "Agents retry after an hour."])
    }
}

extension ReadingWhatIsAskedTests {
    func testANameWrittenWithALeadingDotIsNotAFileName() {
        // "is .NX ...": the dot opens a name; in "nxlib.msi" it joins a file name.
        XCTAssertEqual(engine.parse("is .NX installed on every agent?").askedFiles, [])
        XCTAssertEqual(engine.parse("what is nxlib.msi?").askedFiles, ["nxlib.msi"])
        XCTAssertFalse(Words.tokens("is .NX").last!.followsDot)
        XCTAssertTrue(Words.tokens("nxlib.msi").last!.followsDot)
    }

    func testWhatHappensIfAsksForAConsequenceNotAKindOfThing() {
        let parsed = engine.parse("what happens if an agent doesn't have the .NX library?")
        XCTAssertEqual(parsed.intent, .lookup)
        XCTAssertEqual(parsed.headStems, [], "“happens” is the question's verb, not the kind of thing asked for")
        XCTAssertFalse(engine.proseWords(parsed).contains("happens"), "no sentence need say “happens”")
        // Words between the verb and the clause change nothing.
        XCTAssertEqual(engine.parse("what happens by default if an agent doesn't have the .NX library?").headStems, [])
        // "which agents can ...": a head noun, as before.
        XCTAssertEqual(engine.parse("which agents can load the .NX library?").headStems, ["agent"])
    }

    func testASentenceThatSaysNotAnswersANegatedQuestionFirst() {
        let answer = ask("what happens if an agent doesn't have the .NX library?")
        XCTAssertEqual(answer.items.first?.text, "Setup downloads and installs the .NX library on each agent that doesn't have it yet.", text(answer))
        // Without the negation, the sentences keep their order.
        XCTAssertEqual(ask("what happens if an agent has the .NX library?").items.first?.text,
                       "The agent's .NX library loads from its local cache when the agent service starts.")
    }

    func testTheNextSentenceComesAlongWhenItHoldsMoreOfTheQuestion() {
        // The first sentence matches only with its heading's "agent"; the next says which log it is.
        let answer = ask("which log file records the agent installation on the agent computer?")
        XCTAssertTrue(answer.items.first?.text.hasSuffix("The setup.log file on the agent records the installation steps.") ?? false,
                      text(answer))
    }
}

extension ReadingWhatIsAskedTests {
    func testWhatIsTheRiskIfAsksForAConsequenceAsWhatHappensDoes() {
        let parsed = engine.parse("what's the risk if an agent doesn't have the .NX library?")
        XCTAssertEqual(parsed.intent, .lookup)
        XCTAssertEqual(parsed.headStems, [], "“risk” asks for an outcome, not a kind of thing")
        XCTAssertFalse(engine.proseWords(parsed).contains(Words.stem("risk")), "no sentence need say “risk”")
        XCTAssertEqual(ask("what is the impact when an agent doesn't have the .NX library?").items.first?.text,
                       "Setup downloads and installs the .NX library on each agent that doesn't have it yet.")
        // Without a clause after it, the noun is what is asked about.
        XCTAssertTrue(engine.proseWords(engine.parse("what is the risk of a kiln glaze?")).contains(Words.stem("risk")))
    }

    func testAnEverydayShortWordIsReadAsTheDocumentsWord() {
        let props = engine.parse("which setup props write the logs?")
        XCTAssertTrue(props.corrections.contains { $0.from == "props" && $0.to == "properties" }, "\(props.corrections)")
        let acct = engine.parse("which agent ver needs the service acct?")
        XCTAssertTrue(acct.corrections.contains { $0.from == "acct" && $0.to == "account" }, "\(acct.corrections)")
        XCTAssertTrue(acct.corrections.contains { $0.from == "ver" && $0.to == "version" }, "\(acct.corrections)")
    }
}
