import XCTest
@testable import DocKB

/// When no sentence holds enough of a question's words, the section the
/// full-text index ranks first is quoted, if it holds most of them.
final class NearestSectionAnswerTests: XCTestCase {
    static let article = """
        # Northwind glaze kilns

        ## Cooling

        Porcelain pieces crack when the vent plug is pulled early.

        The pyrometer reading must be under 500 degrees first.

        Stoneware tolerates a slightly earlier opening.

        ## Loading shelves

        Stack the shelves on three posts so that air moves between them.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["kilns/glaze.md": Self.article], for: self)
    }

    func testTheSectionHoldingTheWordsIsQuotedByItsBestSentences() throws {
        let answer = try engine().answer("porcelain crack plug pyrometer reading degrees?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.found, text)
        XCTAssertEqual(answer.items.first?.group, AnswerEngine.nearestSectionGroup, text)
        XCTAssertTrue(answer.notes.contains { $0.hasPrefix("no sentence holds enough of the question's words") }, text)
        XCTAssertTrue(answer.items.allSatisfy { $0.source.path == "kilns/glaze.md" }, text)
        XCTAssertTrue(text.contains("500 degrees"), text)
        XCTAssertFalse(text.contains("Stack the shelves"), text)
    }

    /// The answer to `question` from a kiln article whose cooling section
    /// says `cooling`, one paragraph each, and its rendered text.
    private func answer(_ question: String, cooling: [String]) throws -> (Answer, String) {
        let article = "# Northwind glaze kilns\n\n## Cooling porcelain\n\n" + cooling.map { $0 + "\n\n" }.joined()
            + "## Loading shelves\n\nStack the shelves on three posts so that air moves between them.\n"
        let answer = try InventedArticles.engine(["kilns/glaze.md": article], for: self).answer(question)
        return (answer, AnswerRenderer().render(answer, as: .text))
    }

    func testASentenceGivingTheMeasureAskedIsQuotedFirst() throws {
        let (answer, text) = try answer("how long till the pyrometer drops after porcelain glaze firing, vent plug in?", cooling: [
            "Porcelain pieces crack when the vent plug is pulled early.",
            "Glaze pieces run when the vent plug is pulled hot.",
            "The pyrometer drops slowly for about nine hours overnight.",
        ])
        XCTAssertEqual(answer.items.first?.group, AnswerEngine.nearestSectionGroup, text)
        XCTAssertTrue(text.contains("nine hours"), "the measure before a larger share of the words: \(text)")
    }

    func testASentenceGivingTheMeasureAskedNeedsHalfTheShareOfTheOthers() throws {
        let (answer, text) = try answer("how long till the pyrometer drops once porcelain cracks, glaze runs, vent plug in?", cooling: [
            "Porcelain pieces crack when the door is opened early.",
            "Glaze runs when the kiln is tilted hot.",
            "The vent plug stays in the lid until the end.",
            "The pyrometer drops slowly for about nine hours overnight.",
        ])
        XCTAssertEqual(answer.items.first?.group, AnswerEngine.nearestSectionGroup, text)
        XCTAssertEqual(answer.items.count, 1, text)
        XCTAssertTrue(text.contains("nine hours"), text)
    }

    func testASectionHoldingTooFewOfTheWordsIsNotQuoted() throws {
        let answer = try engine().answer("porcelain glaze recipe feldspar silica ratio cone temperature?")
        XCTAssertFalse(answer.found, AnswerRenderer().render(answer, as: .text))
        XCTAssertFalse(answer.suggestions.isEmpty)
    }
}
