import XCTest
@testable import DocKB

/// A how-to question whose best quote is one step of a short numbered
/// procedure gets every step of it.
final class ProcedureStepsTests: XCTestCase {
    static let article = """
        # Northwind relays

        ## Skip badges

        A relay can skip badges that you list.

        ### Process to make a skip list

        1. Create a text file on the relay. Name it as you like.
        2. Add the badge numbers of the badges to be skipped by the relay, one on each line.
        3. Save the text file on the relay.
        4. Set the **SkipListFile** value of the relay to the full path of the text file.
        5. If you don't want the relay light to turn red for skipped badges, set **QuietSkip** to 1.

        ## Relay lights

        The relay light turns red when a badge is skipped.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["relay/skip.md": Self.article], for: self)
    }

    func testAHowToQuestionGetsEveryStepOfTheProcedure() throws {
        let answer = try engine().answer("how do I make a relay skip some badge numbers?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertEqual(answer.items.first?.text,
                       "Process to make a skip list › 1. Create a text file on the relay.; "
                       + "2. Add the badge numbers of the badges to be skipped by the relay, one on each line.; "
                       + "3. Save the text file on the relay.; "
                       + "4. Set the SkipListFile value of the relay to the full path of the text file.; "
                       + "5. If you don't want the relay light to turn red for skipped badges, set QuietSkip to 1.", text)
        XCTAssertEqual(answer.items.first?.source.line, 9, "cited at the procedure's first step")
    }

    /// A quote of an item nested in a step ("<drive>: ...") is of that step;
    /// a step that introduces a command line brings it.
    func testAnItemNestedInAStepIsOfThatStepsProcedure() throws {
        let kb = try InventedArticles.engine(["relay/reset.md": """
            # Relay reset

            ## Reset a stuck relay

            1. Unplug the relay from the hub.
            2. Open a console on the hub, and type the following command:

                `relay-reset <relay> -hub <hub>`

                Replace the following values:

                - `<relay>`: The name of the stuck relay. The hub resets the stuck relay and clears its queue.
                - `<hub>`: The name of the hub.

            3. Plug the relay in again.

            """], for: self)
        let answer = kb.answer("how do I reset a stuck relay?")
        XCTAssertEqual(answer.items.first?.text,
                       "Reset a stuck relay › 1. Unplug the relay from the hub.; "
                       + "2. Open a console on the hub, and type the following command: relay-reset <relay> -hub <hub>; "
                       + "3. Plug the relay in again.", AnswerRenderer().render(answer, as: .text))
    }

    func testAStepSayingWhenToTakeItIsQuotedAlone() throws {
        let answer = try engine().answer("how do I keep the relay light from turning red for skipped badges?")
        XCTAssertEqual(answer.items.first?.text,
                       "If you don't want the relay light to turn red for skipped badges, set QuietSkip to 1.",
                       AnswerRenderer().render(answer, as: .text))
    }

    func testOtherQuestionsKeepTheStep() throws {
        XCTAssertTrue(AnswerEngine.asksHowTo("how can we skip badges?"))
        XCTAssertFalse(AnswerEngine.asksHowTo("how many badges can a relay skip?"))
        XCTAssertFalse(AnswerEngine.asksHowTo("which badge numbers are skipped by the relay?"))
        let answer = try engine().answer("which badge numbers are skipped by the relay?")
        XCTAssertFalse(answer.items.contains { $0.text.contains("SkipListFile") }, AnswerRenderer().render(answer, as: .text))
    }
}
