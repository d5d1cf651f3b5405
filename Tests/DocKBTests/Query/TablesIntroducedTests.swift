import XCTest
@testable import DocKB

/// A quote that introduces a table ("set these values under the following
/// key:") is followed by the table's rows that hold the question's other words.
final class TablesIntroducedTests: XCTestCase {
    static let article = """
        # Northwind badge kiosks

        ## Kiosk logging

        To change how much every kiosk logs, set these values under the following settings key:

        `HKLM\\SOFTWARE\\Northwind\\Kiosk\\Logs`

        | Name | Values | Description |
        |------|--------|-------------|
        | Detail | `0`: Chatty<br>`1`: Normal | How much each log line says. |
        | KeepDays | Any number of days | How long old logs stay on the kiosk. |

        ## Lobby screens

        Each lobby screen takes its colours from these settings:

        Screens restart nightly.

        | Name | Values |
        |------|--------|
        | Tint | Any colour |

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["kiosks/logging.md": Self.article], for: self)
    }

    func testTheRowsHoldingTheQuestionsOtherWordsFollowTheQuote() throws {
        let answer = try engine().answer("settings key to make kiosk logs chatty")
        let text = AnswerRenderer().render(answer, as: .text)
        let quote = try XCTUnwrap(answer.items.first { $0.text.contains("under the following settings key") }, text)
        XCTAssertTrue(quote.text.contains("Kiosk\\Logs" + AnswerEngine.nestedSeparator + "Detail | 0: Chatty 1: Normal"), text)
        XCTAssertFalse(quote.text.contains("KeepDays"), "a row without the question's other words stays out: \(text)")
        XCTAssertFalse(answer.notes.contains { $0.hasPrefix(AnswerEngine.noQuoteHoldsPrefix) && $0.contains("chatty") }, text)
    }

    func testATableWithAParagraphBetweenIsNotIntroduced() throws {
        let engine = try engine()
        let section = try XCTUnwrap(engine.sectionsMatching("lobby", limit: 1).first)
        XCTAssertEqual(engine.rowsOfTableIntroduced(at: section.cite(atLine: 0), quoted: section.lines[0]) ?? [], [])
        let logging = try XCTUnwrap(engine.sectionsMatching("logging", limit: 1).first)
        XCTAssertEqual(engine.rowsOfTableIntroduced(at: logging.cite(atLine: 0), quoted: logging.lines[0]) ?? [], [],
                       "a line between that the quote does not hold")
        let key = try XCTUnwrap(logging.lines.first { $0.hasPrefix("HKLM") })
        XCTAssertEqual(engine.rowsOfTableIntroduced(at: logging.cite(atLine: 0), quoted: logging.lines[0] + " " + key)?.count, 2)
    }

    func testTheNoteKeepsOnlyTheWordsNoQuotedRowHolds() {
        let notes = ["stated: x", AnswerEngine.noQuoteHolds(["turn", "chatty"])]
        XCTAssertEqual(AnswerEngine.notes(notes, holding: [Words.stem("chatty")]), ["stated: x", AnswerEngine.noQuoteHolds(["turn"])])
        XCTAssertEqual(AnswerEngine.notes(notes, holding: [Words.stem("chatty"), Words.stem("turn")]), ["stated: x"])
    }
}
