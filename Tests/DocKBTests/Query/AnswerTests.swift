import Foundation
import XCTest
@testable import DocKB

final class AnswerTests: QueryTestCase {
    func testMethodAnswerCombinesOwnInheritedAndPortRules() {
        let answer = ask("what do I need for manual installation?")
        let output = text(answer)
        XCTAssertTrue(output.contains("unless you run setup with /source"), output)
        XCTAssertTrue(output.contains("Contoso Transfer Service"), "inherited desktop-agent component\n\(output)")
        XCTAssertTrue(output.contains("relay point (required)"), "inherited site role\n\(output)")
        XCTAssertTrue(output.contains("TCP 80"), "method port from the port document\n\(output)")
        XCTAssertFalse(output.contains("network access account"), "another method's rule leaked\n\(output)")
        XCTAssertFalse(output.contains("ADMIN$"), output)
        let conditional = answer.items.first { $0.text.contains("/source") && $0.kind == "requirement" }
        XCTAssertEqual(conditional?.status, .unknown)
        XCTAssertEqual(conditional?.dependsOn, ["source"])
        XCTAssertTrue(answer.followUps.contains { $0.contains("set source yes|no") })
    }

    func testStatingSourceLeavesOutWhatItExcludes() {
        let answer = ask("what do I need for manual installation with /source?")
        XCTAssertFalse(answer.items.contains { $0.text.contains("downloads its files") })
        XCTAssertTrue(answer.omitted.contains { $0.source.line == 42 && $0.reason.contains("source = yes") })
        XCTAssertTrue(answer.items.contains { $0.text.hasPrefix("TCP 445") && $0.status == .met })
        XCTAssertTrue(text(answer).contains("Left out"))
        let session = ask("what do I need for manual installation?", QueryContext(flags: ["source": false]))
        XCTAssertTrue(session.items.contains { $0.text.contains("downloads its files") && $0.status == .met })
    }

    func testAnotherForestMakesTheGroupPolicyRuleApply() {
        let unknown = ask("what do I need for package-based installation?")
        XCTAssertEqual(unknown.items.first { $0.source.line == 52 }?.status, .unknown)
        let forest = ask("what do I need for package-based installation from another forest for upgrades?")
        XCTAssertEqual(forest.items.first { $0.source.line == 52 }?.status, .met)
    }

    func testReleaseNamedWithAComponentIsComparedWithItsMinimumVersion() {
        let newer = ask("is Fabrikam Runtime 3.2 enough?")
        XCTAssertEqual(newer.intent, .versionCheck)
        XCTAssertEqual(newer.heading, "Is Fabrikam Runtime 3.2 enough?")
        XCTAssertEqual(newer.items.map(\.text), ["Fabrikam Runtime 3.2 is newer than the minimum version 3.1.4: enough (fabrt.exe)"])
        XCTAssertEqual(newer.items.first?.source.line, 15)
        let older = ask("do agents need Fabrikam Runtime 3.1?")
        XCTAssertTrue(older.items.first?.text.contains("is older than the minimum version 3.1.4: not enough") ?? false,
                      text(older))
        XCTAssertTrue(ask("is Contoso Transfer Service 2.0 supported?").items.first?.text
            .contains("no minimum version is stated") ?? false)
        // The short name alone (".NX") names its component; the service pack is left for the reader to check.
        let qualified = ask("is .NX 2.0 enough?")
        XCTAssertTrue(qualified.items.first?.text.contains("minimum version 2.0 SP2, which also asks for SP2") ?? false,
                      text(qualified))
        // Without a component there is nothing to compare: the question's own intent answers.
        XCTAssertNotEqual(ask("what do I need for manual installation 2.0?").intent, .versionCheck)
        // "version" may stand between the name and its release.
        XCTAssertEqual(ask("is Fabrikam Runtime version 3.2 enough?").intent, .versionCheck)
        // A release written after another name is that name's, not the component's.
        XCTAssertNotEqual(ask("what do I set in Fabrikam Runtime for protocol 3.2?").intent, .versionCheck)
    }

    func testARoleLineLeadsWithTheSentenceThatStatesItsNecessity() {
        let required = ask("which site system roles are required?")
        let relay = required.items.first { $0.source.line == 22 }
        XCTAssertEqual(relay?.text.hasPrefix("relay point (required): Agents need a relay point to talk to the site."), true,
                       text(required))
        let asked = ask("is a relay point required for desktop agents?")
        XCTAssertEqual(asked.items.first { $0.source.line == 22 }?.text.contains(
            "required for desktop agents. Agents need a relay point to talk to the site. Setting up"), true, text(asked))
        // The whole description keeps the documents' order.
        XCTAssertEqual(ask("what is a relay point?").items.first { $0.source.line == 22 }?.text.contains(
            "Setting up an agent doesn't need a relay point. Agents need"), true)
    }

    func testAskingWhetherToMeetAConditionListsWhatDependsOnIt() {
        let answer = ask("do I need to extend the directory schema?")
        XCTAssertEqual(answer.heading, "What depends on whether you extended the directory schema")
        let rule = answer.items.first { $0.source.line == 52 }
        XCTAssertEqual(rule?.group, "For Package-based installation")
        XCTAssertEqual(rule?.status, .unknown, "the schema is asked about, not stated: the rule shows both ways")
        XCTAssertFalse(answer.items.contains { $0.text.contains("extended agent") })
        XCTAssertFalse(answer.notes.contains { $0.contains("extended-directory-schema") })
    }

    func testVersionBeforeTheGateLeavesTheRuleOut() {
        let before = ask("what do I need for kiosk computer installation on version 1902?")
        XCTAssertFalse(before.items.contains { $0.text.contains("Signing support") })
        XCTAssertTrue(before.omitted.contains { $0.condition == "version >= 1906" })
        let after = ask("what do I need for kiosk computer installation on version 2107?")
        XCTAssertEqual(after.items.first { $0.text.contains("Signing support") }?.status, .met)
    }

    func testPortsWhoCanPermissionsAndVersions() {
        XCTAssertTrue(text(ask("which port does remote control use?")).contains("inbound TCP 2701"))
        let who = text(ask("who can configure automatic agent upgrades?"))
        XCTAssertTrue(who.contains("Full Administrator"), who)
        let wipe = text(ask("what permissions do I need to wipe a phone?"))
        XCTAssertTrue(wipe.contains("Delete resource on Collection"), wipe)
        XCTAssertTrue(wipe.contains("Operations Administrator"), wipe)
        XCTAssertFalse(wipe.contains("Modify Resource"), wipe)
        // One word of three is no match: no permission row, and no heading naming a role it was not taken from.
        let tray = ask("what permissions do I need to wipe a printer tray?")
        XCTAssertFalse(tray.items.contains { $0.kind == "permission" }, text(tray))
        XCTAssertFalse(tray.heading.hasPrefix("Permissions for"), tray.heading)
        XCTAssertTrue(text(ask("what is the minimum Fabrikam Runtime version?")).contains("3.1.4 (fabrt.exe)"))
        let unversioned = text(ask("which CTS version is required?"))
        XCTAssertTrue(unversioned.contains("Contoso Transfer Service: no minimum version is stated."), unversioned)
    }

    func testProseSentencesAnswerWhatNoRowDoes() {
        let answer = ask("what is a kiln glaze?")
        XCTAssertEqual(answer.heading, "What the documents' text says")
        XCTAssertEqual(answer.items.map(\.text), [
            "A kiln glaze is a glassy coating that agents fire onto clay.",
            "Agents that skip the kiln glaze step dry faster.",
        ], text(answer))
        XCTAssertEqual(answer.items.first?.source.line, 40)
        // Every word must stand in one sentence: scattered words are no answer.
        XCTAssertFalse(ask("what is a glaze kiln temperature?").found)
    }

    func testASwitchIsAnsweredByTheRowItKeys() {
        let trace = ask("what does /trace do?")
        XCTAssertEqual(trace.items.first?.text, "/trace | This setup switch writes one log line for each step.", text(trace))
        // The row of another switch holds none of the question's words; the example command is no sentence with the table.
        XCTAssertFalse(trace.items.contains { $0.text.hasPrefix("/quiet") }, text(trace))
        XCTAssertFalse(trace.items.contains { $0.text.contains("In this example") }, text(trace))
        let folder = ask("what is LOGDIR?")
        XCTAssertEqual(folder.items.first?.text, "LOGDIR=C:\\logs | This property names the folder that receives the logs.", text(folder))
        // A switch asked about is matched as a switch: the kiosk method's rows do not answer "/kiosk".
        XCTAssertFalse(ask("what does /kiosk do?").items.contains { $0.kind == "requirement" })
    }

    func testTheActionAWhoCanQuestionAsksAboutRanksItsRoles() {
        for question in ["who can add agent operators?", "which security role can remove agent operators?"] {
            let answer = ask(question)
            XCTAssertEqual(answer.items.first?.text, "Roster Keeper grants permissions to add and remove agent operators.", text(answer))
            XCTAssertFalse(answer.items.contains { $0.text.hasPrefix("Roster Reader") }, text(answer))
        }
    }

    func testBarePrerequisitesListTheComponents() {
        for question in ["which prerequisites are there?", "what are the dependencies?"] {
            let answer = ask(question)
            XCTAssertEqual(answer.heading, "All components", question)
            XCTAssertEqual(answer.items.count, 4, question)
        }
    }

    func testHowManyListsTheKindWithItsCount() {
        XCTAssertEqual(ask("how many ports are there?").heading, "7 ports")
        let components = ask("how many components are required?")
        XCTAssertEqual(components.heading, "4 components", text(components))
        XCTAssertEqual(components.items.count, 4)
    }

    func testAListOfPermissionsForARoleHoldsThatRolesOnly() {
        let answer = ask("show the permissions of the Full Administrator")
        XCTAssertFalse(answer.items.isEmpty, text(answer))
        XCTAssertTrue(answer.items.allSatisfy { $0.text.contains("Full Administrator") }, text(answer))
    }

    func testADifferenceBetweenTwoThingsDescribesBothAndIsNotAChangeQuestion() {
        XCTAssertNotEqual(engine.parse("what is the difference between the relay point and the cache point?").intent, .changes)
        XCTAssertEqual(engine.parse("what is the difference between build 1 and build 2?").intent, .changes)
        // Both things compared are described, in the question's order.
        let answer = ask("what is the difference between the relay point and the cache point?")
        XCTAssertEqual(answer.heading, "relay point and cache point", text(answer))
        XCTAssertEqual(answer.items.first?.kind, "site_system_role")
        XCTAssertTrue(answer.items.contains { $0.text.hasPrefix("cache point") }, text(answer))
    }

    func testAVersionQuestionAboutANameWithoutAComponentRowGetsTheLinesGivingItsReleases() {
        let answer = ask("which QBS version is required?")
        XCTAssertEqual(answer.items.map(\.text), ["QBS 2.4 (role in Quartz Server 2020)"], text(answer))
    }

    func testAPortsQuestionWhoseWordsTellNoPortsApartListsThemAll() {
        // Most port rows are about agents, none says "keep running" (prose does): all of them answer.
        XCTAssertEqual(ask("which ports must agents keep running?").heading, "All ports")
        XCTAssertNotEqual(ask("which ports must be open for the frobnicator?").heading, "All ports")
    }

    func testAPortsQuestionNamingOnlyASubjectListsEveryPortButAnotherSubjects() {
        // "desktop agents" tell no row apart: none is theirs by its words, all are but the phones'.
        let answer = ask("which ports do desktop agents need?")
        XCTAssertEqual(answer.heading, "Ports for desktop agents", text(answer))
        let ports = answer.items.filter { $0.kind == "port" }
        XCTAssertEqual(ports.count, 6, text(answer))
        XCTAssertFalse(ports.contains { $0.text.contains("enrollment proxy") }, text(answer))
        // A word that tells rows apart still picks them.
        XCTAssertEqual(ask("which port does remote control need for desktop agents?").items.filter { $0.kind == "port" }.count, 1)
    }

    func testASentenceLeadsAListNoLineOfWhichHoldsAWordAsked() {
        let answer = ask("what firewall exception does manual installation need?")
        XCTAssertEqual(answer.items.first?.text, "For manual installation, add Remote Assistance as an exception to the agent firewall.",
                       text(answer))
        XCTAssertEqual(answer.items.first?.group, "Sentences holding every word of the question")
        XCTAssertTrue(answer.items.contains { $0.kind == "port" && $0.text.contains("TCP 80") }, "the port rows stay\n\(text(answer))")
        // A yes-or-no question too, and its note that no line mentions the exception goes.
        let yesOrNo = ask("does manual installation need a firewall exception?")
        XCTAssertEqual(yesOrNo.items.first?.kind, "text", text(yesOrNo))
        XCTAssertFalse(yesOrNo.notes.contains { $0.hasPrefix("none of the lines") }, "\(yesOrNo.notes)")
        // The rows hold every word asked: no sentence comes first.
        XCTAssertNotEqual(ask("which ports does manual installation need?").items.first?.kind, "text")
    }

    func testLinesHoldingMostOfTheOtherWordsComeFirstWhenNoneHoldsThemAll() {
        // Line 35 holds "local Administrators group" and "member", not "server".
        let answer = ask("what does remote push installation need from the local administrators group of a member server?")
        XCTAssertEqual(answer.items.first?.source.line, 35, text(answer))
        XCTAssertEqual(answer.items.first?.group, "Lines holding most of “local group member server”")
    }

    func testAYesOrNoQuestionSaysWhenNoLineMentionsWhatItAsksAbout() {
        let answer = ask("does manual installation need a glaze kiln?")
        XCTAssertTrue(answer.found, text(answer))
        XCTAssertTrue(answer.notes.contains("none of the lines below mentions “glaze kiln”"), "\(answer.notes)")
        XCTAssertFalse(ask("what does manual installation need?").notes.contains { $0.hasPrefix("none of the lines") })
        // An adverb says how something is asked, not what about: no line need mention it.
        let adverb = ask("does manual installation really need a glaze kiln?")
        XCTAssertTrue(adverb.notes.contains("none of the lines below mentions “glaze kiln”"), "\(adverb.notes)")
    }

    func testComponentsAreListedByWhatTheirTablesLeadInSays() {
        let silent = ask("which components does setup copy silently?")
        XCTAssertEqual(silent.items.map(\.text), ["Northwind .NX Library version 2.0 SP2 (nxlib.msi)"], text(silent))
        XCTAssertEqual(silent.heading, "Components: Bundled dependencies")
        // Prerequisites are what component tables list; an adverb ("automatically") names no method.
        XCTAssertEqual(ask("which prerequisites does setup copy silently?").heading, "Components: Bundled dependencies")
        XCTAssertFalse(engine.parse("which prerequisites are copied automatically?").matches.contains {
            $0.entity.name == "Automatic agent upgrades"
        })
        // The heading alone can describe a group; words no group's text has describe none.
        XCTAssertEqual(ask("which components are external?").items.count, 3)
        XCTAssertFalse(ask("which components are purple?").items.contains { $0.kind == "component" })
    }

    func testASentenceEndingInAColonIsQuotedWithTheListItIntroduces() {
        // "glaze" stands only in the section's heading: the sentence need not repeat it.
        let answer = ask("which agent tasks keep running during a glaze firing?")
        XCTAssertEqual(answer.items.first?.text, "The following agent tasks keep running during a firing: "
                       + "Inventory scans: they read local files; Health checks: they wait for the kiln to cool", text(answer))
        // Cited at the line the sentence stands on, not at its section's heading (80).
        XCTAssertEqual(answer.items.first?.source.line, 84)
        // A word neither the sentence nor its heading has is still no match: at most, the
        // sentence is quoted as lacking it.
        let coating = ask("which agent tasks keep running during a glaze coating?")
        XCTAssertFalse(coating.items.contains { $0.group == AnswerEngine.everyWordGroup }, text(coating))
        XCTAssertTrue(!coating.found || coating.notes.contains { $0.contains("“coating”") }, text(coating))
    }

    func testAListItemIsQuotedWithTheHeadingsAndLeadInItStandsUnder() {
        let answer = ask("is kiln model K9 supported for a glaze agent?")
        XCTAssertEqual(answer.items.first?.text, "Kiln model K9 › Firing agents: Starting in version 2107, this kiln model is "
                       + "supported for the following agents: Glaze agent", text(answer))
        XCTAssertEqual(answer.items.first?.source.line, 135)
        XCTAssertEqual(answer.items.first?.group, "List items with the headings and lead-in they stand under")
        // The item must hold a word its headings lack: the headings alone quote no item.
        // (The section's own sentence may answer, under the heading it is about.)
        XCTAssertFalse(ask("is kiln model K9 supported for a firing agent?").items.contains {
            $0.group == "List items with the headings and lead-in they stand under"
        })
    }

    func testAnEmptyItemDoesNotEndTheListASentenceIntroduces() {
        let lines = ["Agents keep these:", "Inventory scans", "", "Health checks", "A paragraph after the list."]
        XCTAssertEqual(AnswerEngine.linesIntroduced(after: 0, in: lines, items: .init(depths: ["Inventory scans": 0, "Health checks": 0])),
                       ["Inventory scans", "Health checks"])
    }

    /// A note under an item ("Scans run nightly.") neither ends the list nor is one of its lines.
    func testANoteUnderAnItemDoesNotEndTheListASentenceIntroduces() {
        let lines = ["Agents keep these:", "Inventory scans", "Scans run nightly.", "Health checks", "A paragraph after the list."]
        let items = AnswerEngine.ItemLines(depths: ["Inventory scans": 0, "Health checks": 0], under: ["Scans run nightly."])
        XCTAssertEqual(AnswerEngine.linesIntroduced(after: 0, in: lines, items: items), ["Inventory scans", "Health checks"])
    }

    /// An item ending in a colon introduces the items nested one level below
    /// it, each with those nested deeper under it (the list is short), and
    /// not the next items of its own list.
    func testAnItemIntroducesTheItemsOneLevelBelowIt() {
        let lines = ["Agents send these:", "Scans", "Checks", "Watch the doors", "Doors close at night.", "Logs", "Next item"]
        let items = AnswerEngine.ItemLines(depths: ["Agents send these:": 0, "Scans": 1, "Checks": 1, "Watch the doors": 2,
                                                    "Logs": 1, "Next item": 0],
                                           under: ["Doors close at night."])
        XCTAssertEqual(AnswerEngine.linesIntroduced(after: 0, in: lines, items: items),
                       ["Scans", "Checks" + AnswerEngine.nestedSeparator + "Watch the doors", "Logs"])
    }

    func testAStatementConditionedOnTheFactTheQuestionStatesComesFirst() {
        let answer = ask("what must be set on the proxy server of the enrollment proxy?")
        XCTAssertEqual(answer.items.first?.text, "If you use a proxy server, it must allow SSL tunneling.", text(answer))
    }

    func testASentenceHoldingEveryWordComesBeforeARowHoldingSome() {
        // The Roster Keeper row holds "add", "remove" and "operator", not "record".
        let answer = ask("how can I add or remove an operator record?")
        XCTAssertEqual(answer.items.first?.kind, "text", text(answer))
        XCTAssertTrue(answer.items.first?.text.contains("Edit Roster") ?? false, text(answer))
        XCTAssertFalse(answer.items.contains { $0.text.contains("Roster Keeper") }, text(answer))
        // A row conditioned on what the question states still comes first (see the proxy server test above).
        XCTAssertEqual(ask("what must be set on the proxy server of the enrollment proxy?").items.first?.kind, "requirement")
    }

    func testAMeasureIsQuotedFromALaterSentenceAndAnUnknownWordIsSetAside() {
        // No document uses "kept"; the sentence holding the other words gives no number, the one two after it does.
        let answer = ask("how long are disabled operator records kept?")
        XCTAssertTrue(answer.items.first?.text.hasPrefix("Records of disabled operators stay") ?? false, text(answer))
        XCTAssertTrue(answer.items.first?.text.hasSuffix("… A cleanup task deletes them after 45 days.") ?? false, text(answer))
        XCTAssertTrue(answer.notes.contains("no document uses “kept”"), "\(answer.notes)")
        // The section recorded no line for its body's lines: the quote cites its heading.
        XCTAssertEqual(answer.items.first?.source.line, 100)
        // Without a measure asked, the sentence comes with the next only because that one goes on from it ("They ...").
        let plain = ask("where do disabled operator records stay?")
        XCTAssertEqual(plain.items.first?.text,
                       "Records of disabled operators stay in the site database for a while. They are hidden from views.", text(plain))
        // Two words no document uses are what the question is about: no answer.
        XCTAssertFalse(ask("how long are disabled operator records archived offsite?").found)
    }

    func testWordsSpreadOverSentencesSideBySideAreQuotedTogether() {
        let answer = ask("are disabled operators hidden from views?")
        XCTAssertEqual(answer.items.first?.text,
                       "Records of disabled operators stay in the site database for a while. They are hidden from views.", text(answer))
        // "They" stands for the records: the second sentence, read with the first, holds every word.
        XCTAssertEqual(answer.items.first?.group, AnswerEngine.everyWordGroup)
        // Sentences further apart than three are not one statement.
        XCTAssertFalse(ask("are agent messages hidden from views?").found)
    }

    /// No pronoun joins them: the two sentences hold the words only between them.
    func testSentencesWithoutAPronounHoldTheWordsBetweenThem() throws {
        let engine = try InventedArticles.engine(["depot/ledger.md": """
            # Depot ledger

            ## Retention

            Records of retired couriers stay in the depot ledger for a month. Ledger views don't show those records.

            """], for: self)
        let answer = engine.answer("do ledger views show retired couriers?")
        XCTAssertEqual(answer.items.first?.text,
                       "Records of retired couriers stay in the depot ledger for a month. Ledger views don't show those records.",
                       text(answer))
        XCTAssertEqual(answer.items.first?.group, "Sentences holding the question's words between them")
    }

    func testAWordTooCommonToNameASubjectIsReadAsTheSubjectWithTheMostRules() {
        let answer = ask("what does the agent need?")
        XCTAssertEqual(answer.heading, "What you need for desktop agents", text(answer))
        XCTAssertTrue(answer.notes.contains("read “agent” as “desktop agents”, the subject with the most rules that names it"),
                      "\(answer.notes)")
    }

    func testAWordNoDocumentUsesDoesNotKeepAStatementFromMatching() {
        // "resolve" stands in no document: it no longer lowers every statement's share below the threshold.
        let answer = ask("which DNS alias do phone clients resolve?")
        XCTAssertTrue(answer.notes.contains { $0.hasPrefix("no document uses") && $0.contains("“resolve”") }, "\(answer.notes)")
        XCTAssertTrue(answer.items.first?.text.contains("PhoneEnroll") ?? false, text(answer))
    }

    func testAnAbbreviationInASentenceHoldsTheWordsItStandsFor() {
        let answer = ask("when does the quartz batch service drain the spool folder?")
        XCTAssertEqual(answer.items.first?.text, "The QBS only drains the spool folder at night, after the last agent reports.", text(answer))
        XCTAssertEqual(answer.items.first?.source.line, 116)
        // Asked by its abbreviation, the section that writes only the abbreviation is found too.
        XCTAssertEqual(ask("when does the QBS drain the spool folder?").items.first?.text,
                       "The QBS only drains the spool folder at night, after the last agent reports.")
    }

    func testASectionNamedByTheQuestionSaysWhatItIsInItsFirstSentence() {
        let answer = ask("what is the spool folder used for?")
        XCTAssertEqual(answer.items.first?.text, "Spool folder: Holds agent messages while the site is offline.", text(answer))
        XCTAssertEqual(answer.items.first?.source.line, 112)
        // A first line that is no sentence (a command) defines nothing.
        XCTAssertFalse(ask("what are the setup options for?").items.contains { $0.text.hasPrefix("Setup options: Run") })
        // Not a "what is" question: sentences must hold the words themselves.
        XCTAssertEqual(ask("when does a spool folder fill up?").items.first?.text, "A spool folder fills up when agents stop talking to the site.")
    }

    func testAFileNameIsFoundWholeNotByItsExtension() {
        let answer = ask("what is setup.exe?")
        XCTAssertTrue(answer.items.first?.text.contains("setup.exe") ?? false, text(answer))
        XCTAssertFalse(answer.items.contains { $0.text.contains("fabrt.exe") }, text(answer))
    }

    func testANameRunningOnToAWordNoDocumentUsesIsNotTheNameInsideIt() {
        // "auditor" stands in no document: "Modify-only Auditor" is not the permission "Modify".
        let auditor = ask("what is Modify-only Auditor?")
        XCTAssertFalse(auditor.items.contains { $0.kind == "permission" }, text(auditor))
        XCTAssertTrue(auditor.notes.contains("no document uses “auditor”"), "\(auditor.notes)")
        XCTAssertTrue(ask("what is Modify?").items.contains { $0.kind == "permission" })
        // Lower-case words around a name qualify it, whether documents use them or not.
        XCTAssertTrue(ask("what is the Modify permission for phone enrollment?").items.contains { $0.kind == "permission" })
        XCTAssertTrue(ask("what is modify-only auditor?").items.contains { $0.kind == "permission" })
        // An abbreviation the documents define is read as its long form, not reported as unknown.
        XCTAssertFalse(ask("which CTS version is required?").notes.contains { $0.hasPrefix("no document uses") })
    }

    func testADefiningSentenceLeadsWhatIsASubject() {
        let answer = ask("what are phone clients?")
        XCTAssertEqual(answer.items.first?.group, "Definition", text(answer))
        XCTAssertEqual(answer.items.first?.text, "Phone clients are phones that run the agent app from the store.")
        XCTAssertTrue(answer.items.dropFirst().contains { $0.kind == "requirement" }, text(answer))
    }

    func testLinesHoldingTheQuestionsOtherWordsComeFirst() {
        let answer = ask("what do desktop agents need to talk to the site?")
        XCTAssertTrue(answer.items.first?.text.hasPrefix("relay point (required): Agents need a relay point to talk to the site.") ?? false, text(answer))
        XCTAssertEqual(answer.items.first?.group, "Lines about “talk”")
        XCTAssertEqual(answer.items.map(\.number), Array(1...answer.items.count))
        XCTAssertTrue(answer.items.contains { $0.text.hasPrefix("Fabrikam Runtime") }, "the rest of the list stays")
        XCTAssertEqual(AnswerEngine.span(of: ["proxy", "server"], in: ["use", "proxy", "web", "server"]), 3)
        XCTAssertNil(AnswerEngine.span(of: ["proxy", "server"], in: ["proxy", "point"]))
    }

    func testPermissionsOfANamedSecurityRole() {
        let answer = ask("which permissions does the Operations Administrator role have?")
        XCTAssertEqual(answer.heading, "Permissions for Operations Administrator")
        XCTAssertEqual(answer.items.filter { $0.kind == "permission" }.map { $0.text.components(separatedBy: ",")[0] },
                       ["Delete resource on Collection"], text(answer))
        // Other words narrow the role's rows the usual way.
        XCTAssertTrue(text(ask("what permissions does the Full Administrator need to configure phone enrollment?"))
            .contains("Modify on Site"))
    }

    func testPortsBetweenTwoEndsKeepTheRowsNamingTheRole() {
        // “between”, “agent” and “point” also stand in rows about other ends; the role decides.
        let answer = ask("which ports are open between an agent and the status point?")
        XCTAssertEqual(answer.items.filter { $0.kind == "port" }.map(\.text),
                       ["TCP 80: HTTP from the agent to a status point."], text(answer))
    }

    func testRolesRestartsListsAndDescriptions() {
        let optional = ask("which site system roles are optional?")
        XCTAssertEqual(Set(optional.items.map { $0.text.components(separatedBy: " (")[0] }), ["cache point", "status point"])
        XCTAssertTrue(text(ask("is a cache point required?")).contains("optional, recommended"))
        // The component, then the cases its restart lead-in lists.
        XCTAssertEqual(ask("what might need a restart?").items.map(\.kind), ["component", "requirement", "requirement"])
        XCTAssertEqual(ask("list all components").items.count, 4)
        XCTAssertTrue(text(ask("what is the status point for?")).contains("state messages"))
        XCTAssertTrue(text(ask("what is fabrt.exe?")).contains("Fabrikam Runtime"))
        XCTAssertTrue(text(ask("which DNS record do phone clients use?")).contains("PhoneEnroll"))
    }

    func testAQuestionNamingOnlyAKindOfThingListsThemAll() {
        let listed = ask("list all ports").items.map(\.text)
        XCTAssertFalse(listed.isEmpty)
        for question in ["which ports are there?", "what ports", "ports", "what ports are used?"] {
            let answer = ask(question)
            XCTAssertEqual(answer.heading, "All ports", question)
            XCTAssertEqual(answer.items.map(\.text), listed, question)
        }
        XCTAssertEqual(ask("what permissions exist?").heading, "All permissions")
        XCTAssertEqual(ask("which components?").items.count, 4)
        XCTAssertEqual(ask("which security roles are there?").heading, "All security roles")
        XCTAssertEqual(ask("which security roles are built in?").heading, "All security roles")
        XCTAssertEqual(ask("what are the default security roles?").heading, "All security roles")
        // Any other content word keeps the question from being a bare listing.
        XCTAssertNotEqual(ask("which ports does remote control use?").heading, "All ports")
        XCTAssertNotEqual(ask("which ports are there for zebras?").heading, "All ports")
    }

    func testEveryLineIsNumberedAndCited() {
        let answer = ask("what do I need for remote push installation?")
        XCTAssertEqual(answer.items.map(\.number), Array(1...answer.items.count))
        for item in answer.items {
            XCTAssertTrue([QueryFixture.prereqs, QueryFixture.ports].contains(item.source.path))
            XCTAssertGreaterThan(item.source.line, 0)
            XCTAssertFalse(item.source.anchor.isEmpty)
            XCTAssertFalse(item.derivation.isEmpty)
        }
        XCTAssertTrue(answer.items.contains { $0.kind == "permission" })
        XCTAssertTrue(answer.items.contains { $0.kind == "port" && $0.text.contains("445") })
        XCTAssertEqual(answer.items.filter { $0.source.line == 38 }.count, 1, "security role line shown once")
        let output = text(answer)
        for line in output.split(separator: "\n") where !line.contains("/") {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
    }

    func testQuestionsWithoutAnswerSayNoAndSuggest() {
        let answer = ask("what do I need to bake kiln bread?")
        XCTAssertFalse(answer.found)
        XCTAssertTrue(answer.suggestions.contains { $0.contains("kiln") }, "\(answer.suggestions)")
        XCTAssertTrue(text(answer).contains("no answer"))
        XCTAssertFalse(ask("what changed in the last revision?").found)
        XCTAssertFalse(ask("zzzz qqqq").found)
    }

    func testJSONCarriesTheSameItems() throws {
        let answer = ask("what do I need for manual installation?")
        let data = Data(AnswerRenderer().render(answer, as: .json).utf8)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try XCTUnwrap(object["items"] as? [[String: Any]])
        XCTAssertEqual(items.count, answer.items.count)
        let conditional = try XCTUnwrap(items.first { ($0["condition"] as? String) == "not source" })
        XCTAssertEqual(conditional["status"] as? String, "unknown")
        XCTAssertNotNil(conditional["kind"] as? String)
        let source = try XCTUnwrap(conditional["source"] as? [String: Any])
        XCTAssertEqual(source["path"] as? String, QueryFixture.prereqs)
        XCTAssertEqual(source["line"] as? Int, 42)
        XCTAssertEqual(source["anchor"] as? String, "manual-installation")
        XCTAssertTrue(AnswerRenderer().render(answer, as: .markdown).contains("](\(QueryFixture.prereqs)#manual-installation)"))
    }

    func testMissingAndForeignDatabasesAreClearErrors() throws {
        XCTAssertThrowsError(try KnowledgeBaseSnapshot.open(path: "/nonexistent/kb.sqlite")) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/kb.sqlite"))
            XCTAssertTrue("\(error)".contains("dockb build"))
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).sqlite").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        XCTAssertThrowsError(try KnowledgeBaseSnapshot.open(path: empty)) { error in
            XCTAssertTrue("\(error)".contains("not a dockb knowledge base"), "\(error)")
        }
    }
}
