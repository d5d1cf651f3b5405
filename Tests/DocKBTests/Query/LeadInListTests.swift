import XCTest
@testable import DocKB

/// Lead-ins and their lists: a list is quoted with the sentence introducing
/// it, whichever way the sentence was found; a lead-in may leave one of the
/// question's words to its items.
final class LeadInListTests: XCTestCase {
    static let article = """
        # Northwind badge service

        The Northwind Badge Service (NBS) runs on the door servers. A Badge Service (BS) also runs on each reader.

        ## Door servers

        - A door server needs a network card.
        - The following TCP ports must be open on the NBS server:

            - Port 7001 (enrolment)
            - Port 7002 (HTTPS)

        ## Signing in

        To record automatic badge pairings, the reader writes sign-in events of type Success to its local journal. Turn these events on with the following two reader settings:

        - **Record entry events**
        - **Record exit events**

        Both settings are off on a new reader.

        ## Inside the door server

        - The door server keeps a copy of each badge it has seen.
        - For troubleshooting details, see the following log files on the door server:
            - **BadgeSync.log**
            - **DoorRelay.log**

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["badges/service.md": Self.article], for: self)
    }

    private func text(_ answer: Answer) -> String { AnswerRenderer().render(answer, as: .text) }

    func testALeadInLeavingOneWordToItsItemsHoldsEveryWord() throws {
        let answer = try engine().answer("which TCP ports must be open on an NBS server for HTTPS?")
        XCTAssertEqual(answer.items.first?.text,
                       "The following TCP ports must be open on the NBS server: Port 7001 (enrolment); Port 7002 (HTTPS)", text(answer))
    }

    /// Found by words spread over its sentences, or as the sentences holding most of the question's words.
    func testAQuoteEndingTheLineWithAColonBringsItsListHoweverItIsFound() throws {
        let kb = try engine()
        for question in ["what reader settings are needed for automatic badge pairings?",
                         "which two reader settings record automatic badge pairings in the server journal?"] {
            let answer = kb.answer(question)
            XCTAssertTrue(answer.items.first?.text.hasSuffix("two reader settings: Record entry events; Record exit events") ?? false,
                          text(answer))
        }
        XCTAssertEqual(kb.answer("which two reader settings record automatic badge pairings in the server journal?").items.first?.group,
                       AnswerEngine.sharedWordsGroup)
    }

    /// "For ..., see the following files:" names them in its list: it points nowhere else.
    func testALeadInThatSaysSeeTheFollowingIsNoPointer() throws {
        let answer = try engine().answer("which logs do I look at on a door server?")
        XCTAssertTrue(answer.items.first?.text.hasSuffix("on the door server: BadgeSync.log; DoorRelay.log") ?? false, text(answer))
        XCTAssertTrue(AnswerEngine.isPointer("For the procedure to clean a door server, see Door care."))
        XCTAssertFalse(AnswerEngine.isPointer("For troubleshooting details, see the following log files on the door server:"))
        XCTAssertTrue(AnswerEngine.isPointer("For more information, see the following articles:"))
    }

    func testAnAbbreviationWithinALongerOneIsNotGroupedForTheIndex() throws {
        let kb = try engine()
        let query = kb.fullTextQuery(["badge", "northwind", "nbs", "open", "service"])
        XCTAssertTrue(query.contains("((\"northwind\" AND \"badge\" AND \"service\") OR \"nbs\")"), query)
        XCTAssertFalse(query.contains("\"bs\""), query)
    }
}

/// A lead-in that restates the question but for the abbreviation, which the
/// document's title spells out; its list says what is asked.
extension LeadInListTests {
    static let kiosks = """
        # Plan for kiosk-based agent management in Fabrikam

        Kiosk-based agent management (KBAM) lets you manage agents that run on shared kiosks in public places.

        ## Features that are not supported on kiosks

        Not all agent management features suit a kiosk; so some are not supported when agents are managed there. They typically rely on a domain or on a private network.

        The following features are not supported when agents are managed on kiosks:

        - Remote wipe.
        - Badge pairing.
        - Scheduled scans.

        ## Prerequisites for kiosk-based agent management

        - Kiosks that support kiosk-based agent management must reach the portal over HTTPS.

        """

    func testALeadInSayingOnlyTheQuestionsWordsIsQuotedForItsListAndTheTitleSpellsOutTheAbbreviation() throws {
        let kb = try InventedArticles.engine(["agents/plan-kiosk-based-agent-management.md": Self.kiosks], for: self)
        let answer = kb.answer("which features aren't supported for KBAM agents on kiosks?")
        XCTAssertTrue(answer.items.first?.text.hasSuffix("when agents are managed on kiosks: Remote wipe.; Badge pairing.; Scheduled scans.") ?? false,
                      text(answer))
    }

    func testAnAbbreviationIsSpelledOutByItsWordsSideBySide() {
        let expansions = ["kbam": ["kiosk", "based", "agent", "management"], "rp": ["relay", "point"]]
        let asked: Set<String> = ["kbam", "rp", "kiosk"]
        XCTAssertEqual(AnswerEngine.spelledOut(asked, in: "Plan for kiosk-based agent management", expansions), ["kbam"])
        // The words apart, in one text or in two read together, spell out nothing.
        XCTAssertEqual(AnswerEngine.spelledOut(asked, in: "Relay names and the point of sale", expansions), [])
        XCTAssertEqual(AnswerEngine.spelledOut(asked, in: "Each relay point serves kiosks", expansions), ["rp"])
    }
}

/// A step that ends "use this command:" over the command, which is no list item.
extension LeadInListTests {
    static let relayCommand = """
        # Install the relay with Northwind Portal

        1. In the portal, add the relay package to the kiosk group.
        2. In the package settings, enter the install parameters. For example, use this command for a relay on the intranet:

            `RELAYCMD="/HUB:<FQDN of hub> RELAYSITE=<site code>"`

            > [!NOTE]
            > For a relay on the internet, see Internet relays.

        3. Assign the package to the kiosks.

        """

    func testASentenceEndingInAColonBringsTheCommandAfterIt() throws {
        let kb = try InventedArticles.engine(["relay/install.md": Self.relayCommand], for: self)
        let answer = kb.answer("which install parameters do I enter in the relay package settings?")
        XCTAssertTrue(answer.items.first?.text.hasSuffix(#"on the intranet: RELAYCMD="/HUB:<FQDN of hub> RELAYSITE=<site code>""#) ?? false,
                      text(answer))
    }
}

/// A sentence ending in a colon, then a line break and the entry it
/// introduces, in one paragraph: the entry ends in a dot as a sentence does,
/// and is quoted with the sentence all the same.
extension LeadInListTests {
    static let relayLog = """
        # Relay troubleshooting

        ## Queued sign-ins

        > [!NOTE]
        > When a relay can't reach its hub, sign-ins wait in a queue. The following entry is then written to **relay.log**:  
        > `Queue is full. Code = 4411.`

        The queue holds up to 500 sign-ins.

        """

    func testALineBreakAfterAColonKeepsWhatTheSentenceIntroducesWithIt() throws {
        let kb = try InventedArticles.engine(["relay/troubleshoot.md": Self.relayLog], for: self)
        let answer = kb.answer("which entry is written to relay.log?")
        XCTAssertEqual(answer.items.first?.text,
                       "The following entry is then written to relay.log: Queue is full. Code = 4411.", text(answer))
        // A paragraph of its own after the colon's is no part of it.
        let lines = ["The following entry is then written to relay.log:", "The queue holds up to 500 sign-ins."]
        XCTAssertEqual(AnswerEngine.linesIntroduced(after: 0, in: lines, items: .init()), [])
        XCTAssertEqual(AnswerEngine.linesIntroduced(after: 0, in: lines, items: .init(), goesOnInItsBlock: true), [lines[1]])
    }
}

extension LeadInListTests {
    /// A lead-in and a numbered list of `count` reader models, one per item.
    private static func readerList(_ count: Int) -> String {
        "# Badge readers\n\n## Reader search order\n\nA door server looks for a badge reader in the following order of priority:\n\n"
            + (1...count).map { "\($0). The reader model R\($0 * 100)" }.joined(separator: "\n") + "\n"
    }

    func testAListOfTenIsQuotedWholeAndALongerOneSaysItIsCutShort() throws {
        let ten = try InventedArticles.engine(["badges/readers.md": Self.readerList(10)], for: self)
            .answer("in what order of priority does a door server look for a badge reader?")
        XCTAssertTrue(ten.items.first?.text.hasSuffix("The reader model R1000") ?? false, text(ten))
        let long = try InventedArticles.engine(["badges/readers.md": Self.readerList(15)], for: self)
            .answer("in what order of priority does a door server look for a badge reader?")
        let quote = long.items.first?.text ?? ""
        XCTAssertTrue(quote.hasSuffix("The reader model R\(AnswerEngine.maximumListedLines * 100); …"), text(long))
        XCTAssertFalse(quote.contains("R\((AnswerEngine.maximumListedLines + 1) * 100)"), text(long))
    }
}
