import XCTest
@testable import DocKB

/// "What do I need before I add a second relay in standby mode for failover?"
/// names the subject of rules "Relay failover in Fabrikam Hub" by its
/// distinctive words, not side by side; words every subject has need not be asked.
final class SubjectOutOfOrderTests: XCTestCase {
    static let articles = [
        "relay/failover.md": """
            # Relay failover in Fabrikam Hub

            ## Prerequisites

            - Both relay servers must be joined to the same forest.
            - The relay store must be on a remote share.

            """,
        "badges/scanning.md": """
            # Badge scanning in Fabrikam Hub

            ## Prerequisites

            - Scanners must run firmware 3.2 or later.
            - Add a second scanner in standby mode before each door opens.

            """,
    ]

    func testAQuestionHoldingEveryDistinctiveWordOfASubjectGetsItsRules() throws {
        let engine = try InventedArticles.engine(Self.articles, for: self)
        let answer = engine.answer("what do I need before I add a second relay in standby mode for failover?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertEqual(answer.heading, "What you need for Relay failover in Fabrikam Hub", text)
        XCTAssertEqual(Set(answer.items.map(\.source.line)), [5, 6], text)
        XCTAssertTrue(answer.notes.contains { $0.contains("as “Relay failover in Fabrikam Hub”") }, text)
    }

    func testOneWordOfTheSubjectDoesNotNameIt() throws {
        let engine = try InventedArticles.engine(Self.articles, for: self)
        let answer = engine.answer("what do I need before I add a second relay in standby mode?")
        XCTAssertNotEqual(answer.heading, "What you need for Relay failover in Fabrikam Hub", AnswerRenderer().render(answer, as: .text))
    }
}
