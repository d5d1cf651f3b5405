import XCTest
@testable import DocKB

/// Comparison tables in an invented article: a question naming one column
/// and words of one row label gets the cell where they meet.
final class TableCellAnswerTests: XCTestCase {
    static let article = """
        # Caching for Fabrikam agents

        ## Caching methods compared

        Fabrikam agents can share downloads in three ways.

        | Feature | Relay cache | Neighbour sharing | Mirror service |
        |---|---|---|---|
        | Crosses routers | Yes | No | Yes |
        | Limits the link speed | Yes (timer) | No | Yes (native) |
        | Partial downloads | Yes | Yes | No |

        ## Schedules

        | Setting | Default |
        |---|---|
        | Sweep interval | 7 days |

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["agents/caching.md": Self.article], for: self)
    }

    private func text(_ answer: Answer) -> String { AnswerRenderer().render(answer, as: .text) }

    func testTheCellWhereTheNamedColumnMeetsTheRowOfTheOtherWords() throws {
        let kb = try engine()
        let answer = kb.answer("can neighbour sharing cross routers?")
        XCTAssertEqual(answer.items.first?.text, "Crosses routers — Neighbour sharing: No (Relay cache: Yes; Mirror service: Yes)",
                       text(answer))
        XCTAssertEqual(answer.items.first?.source.line, 9)
        XCTAssertEqual(answer.items.first?.source.anchor, "caching-methods-compared")
        XCTAssertTrue(text(kb.answer("does the mirror service take partial downloads?")).contains("Partial downloads — Mirror service: No"))
    }

    func testNoCellWithoutOneNamedColumnAndOneBestRow() throws {
        let kb = try engine()
        func cells(_ question: String) -> [String] { kb.answer(question).items.filter { $0.kind == "table_cell" }.map(\.text) }
        XCTAssertEqual(cells("can neighbour sharing cross routers?").count, 1)
        // Two columns named: which one is asked is not clear from the table alone.
        XCTAssertEqual(cells("do relay cache and mirror service cross routers?"), [])
        // No row label holds the question's other words.
        XCTAssertEqual(cells("does neighbour sharing have a sweep interval?"), [])
        // A table of two columns compares nothing.
        XCTAssertEqual(cells("what is the default sweep interval?"), [])
    }
}
