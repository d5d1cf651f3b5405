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
