import XCTest
@testable import DocKB

/// A list item that leads into a list nested in it ("... the following
/// kinds of content:") is quoted with the nested items, which are what it says.
final class NestedItemsAnswerTests: XCTestCase {
    static let article = """
        # Use a badge relay with Fabrikam hub

        ## Specifications

        - The relay supports every door model in the hardware catalog.

        - An operator sends the following kinds of supported badge content:
          - Photos
          - Access schedules
          - Visitor passes

            > [!NOTE]
            > Passes expire at midnight.

        - Starting in version 2207, a relay can forward to another relay.

        """

    func testAnItemLeadingIntoANestedListIsQuotedWithItsItems() throws {
        let engine = try InventedArticles.engine(["hub/relay.md": Self.article], for: self)
        let answer = engine.answer("list all kinds of content I can send to a badge relay")
        let text = AnswerRenderer().render(answer, as: .text)
        let quote = try XCTUnwrap(answer.items.first { $0.text.contains("kinds of supported badge content:") }, text)
        XCTAssertTrue(quote.text.hasSuffix("content: Photos; Access schedules; Visitor passes"), text)
        // Neither the note under an item nor the next item of the outer list is one of them.
        XCTAssertFalse(quote.text.contains("midnight"), text)
        XCTAssertFalse(quote.text.contains("2207"), text)
    }
}
