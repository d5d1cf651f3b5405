import XCTest
@testable import DocKB

/// A quote of a troubleshooting section's problem is followed by the remedy
/// the section right after it gives, under a heading such as "Workaround".
final class RemedyQuoteTests: XCTestCase {
    static let article = """
        # Northwind relay troubleshooting

        ## Known issues

        ### Badge reports stay empty

        Badge reports stay empty when the relay journal and the report server are on different hosts.

        #### Workaround

        Grant the **Report Reader** account the **journal_read** permission on the relay journal.

        ### Relays drop sign-ins

        Relays drop sign-ins when the queue is full.

        ### Resolution notes

        Queue sizes are listed in the relay reference.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["relay/troubleshoot.md": Self.article], for: self)
    }

    func testAProblemIsQuotedWithTheWorkaroundUnderIt() throws {
        let answer = try engine().answer("badge reports stay empty when the journal is on a different host - what permission is missing?")
        let text = AnswerRenderer().render(answer, as: .text)
        let quoted = try XCTUnwrap(answer.items.firstIndex { $0.text.hasPrefix("Badge reports stay empty when") }, text)
        XCTAssertEqual(answer.items.count, quoted + 2, text)
        XCTAssertEqual(answer.items[quoted + 1].text,
                       "Workaround: Grant the Report Reader account the journal_read permission on the relay journal.", text)
        XCTAssertEqual(answer.items[quoted + 1].source.line, 11, "cited where the remedy is written")
        XCTAssertEqual(answer.items.map(\.number), Array(1...answer.items.count))
    }

    /// Only a heading that is a remedy's name and nothing more heads one;
    /// a section of another kind after the quoted one adds nothing.
    func testOnlyAHeadingNamingARemedyHeadsOne() throws {
        XCTAssertTrue(AnswerEngine.namesARemedy("Workaround"))
        XCTAssertFalse(AnswerEngine.namesARemedy("Resolution notes"))
        let answer = try engine().answer("why do relays drop sign-ins?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.items.first?.text.hasPrefix("Relays drop sign-ins when the queue is full") ?? false, text)
        XCTAssertFalse(text.contains("Queue sizes are listed"), text)
    }
}
