import XCTest
@testable import DocKB

/// When a sentence of the prose comes before an install method's list: the
/// list's lines hold the question's words only between them, or a word of
/// asking ("anything") is no word a line must hold.
final class ListLeadingSentenceTests: XCTestCase {
    static let prerequisites = """
        # Prerequisites for Northwind kiosk agents

        ## Installation methods

        ### Kiosk installation

        - The kiosk server must run the Northwind relay service.
        - A remote badge reader needs a network card.
        - Disk space: 200 MB for the agent cache.

        """

    /// Another article's sentences, which no line of the method's list holds.
    static let planning = """
        # Planning the relay

        ## Relay console

        The relay console is required on the site server when the kiosk server is on a remote computer and the relay service isn't installed on the site server.

        ## Small kiosks

        A kiosk with little disk space can run the agent in light mode. Configure the relay to start with the kiosk.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["kiosks/prerequisites.md": Self.prerequisites, "relay/planning.md": Self.planning], for: self)
    }

    private func text(_ answer: Answer) -> String { AnswerRenderer().render(answer, as: .text) }

    func testASentenceHoldingWordsTheLinesHoldOnlyBetweenThemLeadsTheList() throws {
        let kb = try engine()
        let answer = kb.answer("for kiosk installation the kiosk server is remote and the relay service isn't installed on the site server - what is needed on the site server?")
        XCTAssertTrue(answer.items.first?.text.hasPrefix("The relay console is required on the site server") ?? false, text(answer))
        XCTAssertEqual(answer.items.first?.group, AnswerEngine.everyWordGroup, text(answer))
        XCTAssertTrue(answer.items.contains { $0.text.contains("Northwind relay service") }, "the list stays\n\(text(answer))")
        // One line holds every word asked: the list answers by itself.
        let card = kb.answer("what does kiosk installation need for a remote badge reader?")
        XCTAssertNotEqual(card.items.first?.group, AnswerEngine.everyWordGroup, text(card))
    }

    func testAWordOfAskingIsNoWordALineMustHold() throws {
        let kb = try engine()
        let parsed = kb.parse("do I need anything on the site server for kiosk installation?")
        XCTAssertFalse(AnswerEngine.otherAskedStems(parsed).contains(Words.stem("anything")), "\(AnswerEngine.otherAskedStems(parsed))")
        // Nor is another wording put beside the question's word ("configure" for "set"), though sentences may hold either.
        let set = kb.parse("what does kiosk installation need to set the relay?")
        XCTAssertTrue(set.tokens.contains { $0.isAlternative && $0.word == "configure" }, "\(set.tokens.map(\.word))")
        XCTAssertFalse(AnswerEngine.otherAskedStems(set).contains(Words.stem("configure")), "\(AnswerEngine.otherAskedStems(set))")
    }

    func testAMeasureIsNotAnsweredBySentencesGivingNoNumber() throws {
        // "kiosk" is in no line: the sentence holding every word still gives no number of megabytes.
        let answer = try engine().answer("how much disk space does kiosk installation need on a kiosk?")
        XCTAssertTrue(answer.items.first?.text.contains("200 MB") ?? false, text(answer))
        XCTAssertFalse(answer.items.contains { $0.text.contains("light mode") }, text(answer))
    }
}
