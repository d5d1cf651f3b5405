import XCTest
@testable import DocKB

/// A sentence that introduces a list or table is quoted with the lines that
/// hold the question's words it lacks, when some lines hold more of them
/// than others; a question asking for several things gets every line.
final class NarrowedListTests: XCTestCase {
    func testTheLinesHoldingTheMostOfTheLackedWordsAreKeptUnderTheTableHeader() {
        let listed = ["Code | Meaning", "K-1 | Kiln cold", "K-2 | Door open", "K-3 | Door open and kiln cold", "…"]
        let words: Set<String> = ["door", "cold"]
        func held(_ line: String) -> Set<String> { words.filter { line.lowercased().contains($0) } }
        XCTAssertEqual(AnswerEngine.narrowed(listed, holding: held), ["Code | Meaning", "K-3 | Door open and kiln cold"])
    }

    func testNothingIsNarrowedWhenNoLineHoldsMoreOrTheKeptLinesWouldLoseAWord() {
        let even = ["Port 7001 (relay)", "Port 7002 (relay)"]
        XCTAssertNil(AnswerEngine.narrowed(even, holding: { $0.contains("relay") ? ["relay"] : [] }), "every line holds it")
        XCTAssertNil(AnswerEngine.narrowed(even, holding: { _ in [] }), "no line holds a lacked word")
        let spread = ["Badge and kiosk", "Kiosk only", "Relay only"]
        let words: Set<String> = ["badge", "kiosk", "relay"]
        XCTAssertNil(AnswerEngine.narrowed(spread, holding: { line in words.filter { line.lowercased().contains($0) } }),
                     "keeping the first line would drop the only line holding 'relay'")
    }

    // MARK: - In answers

    static let article = """
        # Northwind kiln codes

        ## Controller codes

        When a Northwind kiln controller stops a firing, it shows one of the following codes:

        | Code | Meaning |
        |---|---|
        | K-101 | The door opened during the firing. |
        | K-102 | The thermocouple reads below the set point. |
        | K-103 | The element relay failed to close. |
        | K-104 | The supply voltage dropped below the rated value. |

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["kilns/codes.md": Self.article], for: self)
    }

    func testAQuestionNamingOneRowGetsThatRowUnderTheHeader() throws {
        let answer = try engine().answer("the kiln controller stops a firing and shows code K-103, what happened?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(text.contains("element relay failed to close"), text)
        XCTAssertTrue(text.contains("Code | Meaning"), text)
        XCTAssertFalse(text.contains("K-101"), text)
        XCTAssertFalse(text.contains("K-104"), text)
    }

    func testAQuestionAskingForSeveralThingsGetsEveryRow() throws {
        let answer = try engine().answer("which codes does the kiln controller show when it stops a firing?")
        let text = AnswerRenderer().render(answer, as: .text)
        for code in ["K-101", "K-102", "K-103", "K-104"] { XCTAssertTrue(text.contains(code), text) }
    }
}
