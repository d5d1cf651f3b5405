import XCTest
@testable import DocKB

/// A list item that leads into a list nested in it ("... the following
/// kinds of content:") is quoted with the nested items, which are what it
/// says. Items nested under a quoted item qualify it, and are quoted with it.
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

        ## Limits

        - A relay in the lobby doesn't open turnstile doors.
          - Starting in version 2301, a lobby relay opens turnstile doors when a guard approves.
          - Turnstiles in the car park never open from a relay.

        - A relay keeps a log of the last day only.

        ## Relay registry values

        To tune the badge queue, add these values on every relay host:

        - **Name**: BadgeQueueDepth
        - **Type**: REG_DWORD
        - **Value**: (the queue depth)
          - The default is **512**.

        ## Setting up a relay

        Follow these steps on each relay host:

        1. Install the relay service.
        2. Open the relay console.
           - Sign in with a hub account.
           - Accept the certificate.
        3. Add the doors.
           - Pick each door from the catalog.
           - Test each door.
        4. Start the relay.
           - The relay checks for badge updates every 15 minutes.

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

    /// The items under a quoted item qualify it: the later release that lifts its limit.
    func testAnItemIsQuotedWithTheItemsNestedUnderIt() throws {
        let engine = try InventedArticles.engine(["hub/relay.md": Self.article], for: self)
        let answer = engine.answer("does a lobby relay open turnstile doors?")
        let text = AnswerRenderer().render(answer, as: .text)
        let quote = try XCTUnwrap(answer.items.first { $0.text.contains("doesn't open turnstile doors") }, text)
        XCTAssertTrue(quote.text.contains(AnswerEngine.nestedSeparator + "Starting in version 2301"), text)
        XCTAssertTrue(quote.text.contains("car park"), text)
        // The next item of the outer list is not under it.
        XCTAssertFalse(quote.text.contains("last day"), text)
    }

    /// A short list is quoted with what is nested under its items ("Value: …" over its default).
    func testAShortListIsQuotedWithItsNestedItems() throws {
        let engine = try InventedArticles.engine(["hub/relay.md": Self.article], for: self)
        let answer = engine.answer("what is the default badge queue depth on a relay host?")
        let text = AnswerRenderer().render(answer, as: .text)
        let quote = try XCTUnwrap(answer.items.first { $0.text.contains("add these values on every relay host:") }, text)
        XCTAssertTrue(quote.text.contains("Value: (the queue depth)" + AnswerEngine.nestedSeparator + "The default is 512."), text)
    }

    /// A long list (steps and their details) is quoted by its items alone.
    func testALongListIsQuotedWithoutItsNestedItems() throws {
        let lines = ["Follow these steps on each relay host:", "", "Install the relay service.", "Open the relay console.",
                     "Sign in with a hub account.", "Accept the certificate.", "Add the doors.", "Pick each door from the catalog.",
                     "Test each door.", "Start the relay.", "The relay checks for badge updates every 15 minutes."]
        var items = AnswerEngine.ItemLines()
        for (index, line) in lines.enumerated() where index >= 2 {
            items.depths[line] = ["Install the relay service.", "Open the relay console.", "Add the doors.", "Start the relay."]
                .contains(line) ? 1 : 2
        }
        let long = AnswerEngine.linesIntroduced(after: 0, in: lines, items: items)
        XCTAssertEqual(long, ["Install the relay service.", "Open the relay console.", "Add the doors.", "Start the relay."])
        // The first two steps alone, with their details, are short enough to quote whole.
        let short = AnswerEngine.linesIntroduced(after: 0, in: Array(lines.prefix(6)), items: items)
        XCTAssertEqual(short, ["Install the relay service.",
                               "Open the relay console." + AnswerEngine.nestedSeparator + "Sign in with a hub account."
                                   + AnswerEngine.nestedSeparator + "Accept the certificate."])
    }
}
