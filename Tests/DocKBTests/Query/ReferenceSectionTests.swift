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
