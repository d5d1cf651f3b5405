import Foundation
import XCTest
@testable import DocKB

/// A statement too long to be one (a 10 MB line) states no facts: each fact
/// would quote all of it.
final class LongStatementTests: XCTestCase {
    private let sentence = "Clients use TCP 443 from the client computer to the management point (MP). "

    func testAStatementOverTheLimitGivesAWarningAndNoFacts() {
        let count = ExtractionRun.maxStatementLength / sentence.utf8.count + 1
        let long = InventedMarkdown.facts(path: "long.md", "# Ports\n\n## Ports used by clients\n\n" + String(repeating: sentence, count: count) + "\n")
        XCTAssertEqual(long.ports, [])
        XCTAssertEqual(long.aliases, [])
        XCTAssertEqual(long.diagnostics.map(\.location), [SourceLocation(path: "long.md", line: 5)])
        XCTAssertTrue(long.diagnostics.first?.message.contains("no facts were read") ?? false)
    }

    func testAStatementUnderTheLimitIsRead() {
        let count = ExtractionRun.maxStatementLength / sentence.utf8.count - 1
        let read = InventedMarkdown.facts(path: "long.md", "# Ports\n\n## Ports used by clients\n\n" + String(repeating: sentence, count: count) + "\n")
        XCTAssertEqual(read.ports.count, count)
        XCTAssertEqual(read.aliases.map(\.alias), ["MP"])
        XCTAssertEqual(read.diagnostics, [])
    }
}
