import XCTest
@testable import DocKB

/// A paragraph right after a list that names its items with "these" and a
/// noun is quoted with them: alone, it does not say which they are.
final class ListsReferredBackTests: XCTestCase {
    static let article = """
        # Northwind depot hubs

        ## Hub-only services

        Before you split a depot, remove the following services from the depot server:

        - Route planner
        - Fuel ledger
        - Courier archive

        Northwind supports these services only on the hub of a depot group. Remove them before you split the depot.

        ## Courier tools

        - Scanner app
        - Label printer

        Each courier also carries a spare battery.

        Couriers must update these tools every month.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["depots/hubs.md": Self.article], for: self)
    }

    func testAParagraphNamingTheListBeforeItIsQuotedWithItsItems() throws {
        let answer = try engine().answer("which services are supported only on the hub of a depot group?")
        let text = AnswerRenderer().render(answer, as: .text)
        let quote = try XCTUnwrap(answer.items.first { $0.text.contains("supports these services only on the hub") }, text)
        XCTAssertTrue(quote.text.hasSuffix(AnswerEngine.nestedSeparator + "Route planner; Fuel ledger; Courier archive"), text)
    }

    /// A paragraph between the list and "these tools": the list is not right before it.
    func testAListWithAParagraphBetweenIsNotReferredBack() throws {
        let answer = try engine().answer("how often must couriers update their tools?")
        let text = AnswerRenderer().render(answer, as: .text)
        let quote = try XCTUnwrap(answer.items.first { $0.text.contains("update these tools every month") }, text)
        XCTAssertFalse(quote.text.contains("Scanner app"), text)
    }

    func testOnlyADemonstrativeNamingSomethingRefersBack() {
        XCTAssertTrue(AnswerEngine.refersBack(firstSentenceOf: "Keep these services running. Then restart."))
        XCTAssertTrue(AnswerEngine.refersBack(firstSentenceOf: "Use those tools"))
        // What follows a colon is named there, not before.
        XCTAssertFalse(AnswerEngine.refersBack(firstSentenceOf: "Follow these steps:"))
        XCTAssertFalse(AnswerEngine.refersBack(firstSentenceOf: "Install these following services."))
        // Only the first sentence: a later "these" refers to the sentences before it.
        XCTAssertFalse(AnswerEngine.refersBack(firstSentenceOf: "Open the console. Check these values."))
    }
}
