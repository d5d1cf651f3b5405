import Foundation
import XCTest
@testable import DocKB

/// One document keeps at most `FactExtractor.maxFactsPerDocument` facts: a
/// file repeating one port sentence would otherwise fill the build's memory.
final class FactLimitTests: XCTestCase {
    private static let article = """
        # Agent ports

        ## Ports

        The agent uses TCP port 8001 to reach the relay.

        The agent uses TCP port 8002 to reach the relay.

        The agent uses TCP port 8003 to reach the relay.

        The agent uses TCP port 8004 to reach the relay.

        """

    func testFactsPastTheLimitAreDroppedWholeLinesAtATimeWithAWarning() {
        let document = MarkdownParser().parse(Data(Self.article.utf8), path: "agents/ports.md")
        let all = FactExtractor().extract(document)
        XCTAssertEqual(all.ports.map(\.port), ["8001", "8002", "8003", "8004"])
        let bounded = FactExtractor.bounded(all, in: document, limit: 2)
        XCTAssertEqual(bounded.ports.map(\.port), ["8001", "8002"])
        let warning = bounded.diagnostics.last
        XCTAssertEqual(warning?.location.line, 9, "the line of the first fact dropped")
        XCTAssertEqual(warning?.message, "no facts were read from this line on: the document states 4 facts, more than the 2 one document may hold")
        XCTAssertEqual(FactExtractor.bounded(all, in: document, limit: 4).ports.count, 4)
        XCTAssertEqual(FactExtractor.bounded(all, in: document, limit: 4).diagnostics, all.diagnostics)
    }
}
