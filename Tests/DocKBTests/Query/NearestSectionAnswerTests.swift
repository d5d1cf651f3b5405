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

    func testASectionHoldingTooFewOfTheWordsIsNotQuoted() throws {
        let answer = try engine().answer("porcelain glaze recipe feldspar silica ratio cone temperature?")
        XCTAssertFalse(answer.found, AnswerRenderer().render(answer, as: .text))
        XCTAssertFalse(answer.suggestions.isEmpty)
    }
}
