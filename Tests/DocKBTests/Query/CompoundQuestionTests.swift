import XCTest
@testable import DocKB

/// "What is X, and how does it differ from Y?": when no text answers the
/// whole question, each part that can be asked alone is, and the answers are joined.
final class CompoundQuestionTests: XCTestCase {
    func testAQuestionSplitsBeforeAndFollowedByAQuestionWord() throws {
        let parts = try XCTUnwrap(AnswerEngine.parts(of: "which port does the relay use, and what does the hub log?"))
        XCTAssertEqual(parts.asked, ["which port does the relay use?", "what does the hub log?"])
        XCTAssertEqual(parts.leftOut, [])
        let pointing = try XCTUnwrap(AnswerEngine.parts(of: "what is a badge relay and how does it differ from a hub?"))
        XCTAssertEqual(pointing.asked, ["what is a badge relay?"])
        XCTAssertEqual(pointing.leftOut, ["how does it differ from a hub?"])
        XCTAssertNil(AnswerEngine.parts(of: "which ports and protocols does the relay use?"))
        XCTAssertNil(AnswerEngine.parts(of: "what is it and how does it work?"))
    }

    /// The first part's pronoun after its own nouns points to them, not back
    /// before the question; a later part's points to the part before it.
    func testTheFirstPartsPronounAfterItsNounsPointsWithinIt() throws {
        let parts = try XCTUnwrap(AnswerEngine.parts(
            of: "relays stuck in pairing - can they reach the hub without a badge, and which firmware is needed?"))
        XCTAssertEqual(parts.asked, ["relays stuck in pairing - can they reach the hub without a badge?", "which firmware is needed?"])
        XCTAssertEqual(parts.leftOut, [])
        let later = try XCTUnwrap(AnswerEngine.parts(of: "which firmware do relays need, and what does the hub log about them?"))
        XCTAssertEqual(later.leftOut, ["what does the hub log about them?"])
    }

    func testEachPartIsAnsweredWhenTheWholeFindsNothing() throws {
        let engine = try InventedArticles.engine(["hub/relay.md": """
            # Badge relay

            ## Overview

            A badge relay forwards badge reads from each door to the hub.

            ## Logging

            The hub logs every forwarded read in its journal.

            """], for: self)
        let answer = engine.answer("what does a badge relay forward, and what does the hub log?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertEqual(Set(answer.items.map(\.source.line)), [5, 9], text)
        XCTAssertTrue(answer.notes.contains { $0.hasPrefix("no text answers the whole question") }, text)
    }
}
