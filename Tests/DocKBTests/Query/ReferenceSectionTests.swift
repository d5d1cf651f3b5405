import XCTest
@testable import DocKB

/// Reference articles: a heading names an option and the sentences below
/// it give its values without repeating the name; limits are written "up to
/// N" where questions say "the maximum number"; abbreviations are asked
/// where the sentences spell the name out.
final class ReferenceSectionTests: XCTestCase {
    static let article = """
        # Fabrikam agent options

        The agent reads its options at start. A relay server (RS) forwards agent traffic between offices.

        ## Options

        ### /sweeptimeout

        When the agent can't reach its relay, this option sets how long it keeps trying, in minutes. The default value is 90 minutes (an hour and a half).

        ### /quietstart

        Starts the agent without opening its window on the desktop. The option takes no value.

        ### Required catalog encoding

        The relay writes its store in the UTF-16LE encoding. Other encodings fail the start check.

        ## Limits

        ### Relay servers

        - Each branch office supports up to 12 relay servers at once.
        - Place relay servers close to the office they serve, on a fast link.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["agents/options.md": Self.article], for: self)
    }

    private func text(_ answer: Answer) -> String { AnswerRenderer().render(answer, as: .text) }

    func testTheHeadingNamingAnOptionIsTheSubjectOfTheSentencesBelowIt() throws {
        let kb = try engine()
        for question in ["what is the default value of the agent /sweeptimeout option?", "what's the default value of /sweeptimeout?"] {
            let answer = kb.answer(question)
            XCTAssertTrue(answer.items.first?.text.contains("The default value is 90 minutes") ?? false, "\(question)\n\(text(answer))")
            XCTAssertEqual(answer.items.first?.source.anchor, "sweeptimeout", question)
        }
        // Quoted under the heading it is about; a word of asking in the heading need not be asked.
        let encoding = kb.answer("which catalog encoding does the relay store need?")
        XCTAssertEqual(encoding.items.first?.text.hasPrefix("Required catalog encoding › The relay writes its store in the UTF-16LE"),
                       true, text(encoding))
        XCTAssertTrue(kb.answer("what is the default value of /sweeptimeout?").items.first?.text.hasPrefix("/sweeptimeout › ") ?? false)
        // Another option's heading lends its sentences nothing.
        XCTAssertFalse(text(kb.answer("what is the default value of /quietstart?")).contains("90 minutes"))
    }

    func testTheAttributeOfAThingIsLookedUpNotDefined() throws {
        let kb = try engine()
        XCTAssertEqual(kb.parse("what is the default value of the /sweeptimeout option?").intent, .lookup)
        XCTAssertEqual(kb.parse("what is the default value of the /sweeptimeout option?").headStems, ["default", "valu"])
        XCTAssertEqual(kb.parse("what is the purpose of a relay server?").intent, .purpose)
        XCTAssertEqual(kb.parse("what is a relay server?").intent, .whatIs)
    }

    func testTheMaximumNumberIsAskedAsHowManyAndAnAbbreviationIsHeldSpelledOut() throws {
        let kb = try engine()
        XCTAssertEqual(kb.parse("what is the maximum number of relay servers per branch office?").measurePositions, [3, 4])
        for question in ["what is the maximum number of relay servers per branch office?", "what's the max number of RSs per branch office?"] {
            let answer = kb.answer(question)
            XCTAssertEqual(answer.items.first?.text, "Each branch office supports up to 12 relay servers at once.", "\(question)\n\(text(answer))")
            XCTAssertFalse(answer.notes.contains { $0.contains("lacks") }, "\(question)\n\(text(answer))")
        }
    }

    func testAnAbbreviationIsHeldByTheWordsItStandsFor() {
        let expansions = ["rs": ["relay", "servers"]]
        let held: Set<String> = [Words.stem("relay"), Words.stem("server"), "branch"]
        XCTAssertEqual(AnswerEngine.spellingOut(["rs", "offic"], in: held, expansions), held.union(["rs"]))
        XCTAssertEqual(AnswerEngine.spellingOut(["rs"], in: [Words.stem("relay"), "branch"], expansions), [Words.stem("relay"), "branch"])
    }
}

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

    func testAnAbbreviationWithinALongerOneIsNotGroupedForTheIndex() throws {
        let kb = try engine()
        let query = kb.fullTextQuery(["badge", "northwind", "nbs", "open", "service"])
        XCTAssertTrue(query.contains("((\"northwind\" AND \"badge\" AND \"service\") OR \"nbs\")"), query)
        XCTAssertFalse(query.contains("\"bs\""), query)
    }
}
