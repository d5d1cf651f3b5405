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
        // A table of two columns is a lookup: the named column meets the row all the same.
        XCTAssertEqual(cells("what is the default sweep interval?"), ["Sweep interval — Default: 7 days"])
    }

    /// "From which X ...?" asks for an X: a cell whose row, column and table
    /// heading name no X does not answer it, though it holds the other words.
    func testACellNamingNothingOfTheKindAskedForDoesNotAnswer() throws {
        let kb = try InventedArticles.engine(["agents/resets.md": """
            # Resetting Fabrikam agents

            ## Badge reset

            | Platform | Badge reset |
            |---|---|
            | Kiosk terminal | Supported |
            | Handheld scanner | Not supported |

            Start each badge reset from the central depot console, which signs the new badge.

            """], for: self)
        let answer = kb.answer("from which console do I start a badge reset on a kiosk terminal?")
        XCTAssertFalse(answer.items.contains { $0.kind == "table_cell" }, text(answer))
        XCTAssertTrue(answer.items.first?.text.contains("central depot console") ?? false, text(answer))
        // Asked without a kind of thing, the cell answers.
        let cell = kb.answer("does badge reset work on a kiosk terminal?")
        XCTAssertEqual(cell.items.first?.text, "Kiosk terminal — Badge reset: Supported", text(cell))
    }

    /// Lookup tables: the keys' column named ("exit code 7") asks for the
    /// other one; a heading's second name in parentheses names the column too.
    static let lookups = """
        # Fabrikam setup reference

        ## Exit codes

        | Exit code | Meaning |
        |---|---|
        | 0 | Success |
        | 7 | Restart needed |
        | 9 | Disk full |

        ## Regions

        | Region | Region number (RNR) | Short name |
        |---|---|---|
        | Northern isles | 0410 | NIS |
        | Southern coast | 0820 | SCO |

        """

    func testALookupTableAnswersByItsKeyAndAHeadingByEitherName() throws {
        let kb = try InventedArticles.engine(["setup/reference.md": Self.lookups], for: self)
        func cells(_ question: String) -> [String] { kb.answer(question).items.filter { $0.kind == "table_cell" }.map(\.text) }
        XCTAssertEqual(cells("setup ended with exit code 7, what does that mean?"), ["7 — Meaning: Restart needed"])
        XCTAssertEqual(cells("what is the region number of the southern coast?"),
                       ["Southern coast — Region number (RNR): 0820 (Short name: SCO)"])
        XCTAssertEqual(cells("RNR of the northern isles"), ["Northern isles — Region number (RNR): 0410 (Short name: NIS)"])
        // The keys' column unnamed: a bare number picks no row.
        XCTAssertEqual(cells("what does 7 mean?"), [])
    }

    /// A support matrix: rows and columns are releases, cells say whether they go together.
    static let matrix = """
        # Fabrikam agent support

        ## Agents by server release

        The following table lists which agent releases each server release supports.

        | Agent version | Server 2104 | Server 2107 |
        |---|---|---|
        | **Edge 2019** | ![Supported](media/yes.png) | ![Supported](media/yes.png) |
        | **2103**<br>(7.0.1) | ![Not supported](media/no.png) | ![Supported](media/yes.png) |

        """

    func testReleasesNameTheRowAndTheColumnOfASupportMatrix() throws {
        let kb = try InventedArticles.engine(["agents/support.md": Self.matrix], for: self)
        let answer = kb.answer("is agent 2103 supported on server 2104?")
        XCTAssertEqual(answer.items.first?.text, "2103 (7.0.1) — Server 2104: Not supported (Server 2107: Supported)",
                       text(answer))
        XCTAssertEqual(answer.items.first?.source.line, 10)
        // The cell holds every word between its row and column: it comes before
        // sentences that lack one (the header row lacks "2103").
        XCTAssertEqual(kb.answer("agent 2103 with server 2104").items.first?.kind, "table_cell")
    }

    func testANumberGivenToAnotherNameDoesNotPickARow() throws {
        let kb = try InventedArticles.engine(["agents/support.md": Self.matrix], for: self)
        // "2019" is the database's release here, not the agent row "Edge 2019".
        let answer = kb.answer("is database 2019 supported on server 2107?")
        XCTAssertFalse(answer.items.contains { $0.kind == "table_cell" }, text(answer))
    }

    func testAQuestionNamingTheLabelColumnAndOneColumnGetsTheColumn() throws {
        let kb = try InventedArticles.engine(["agents/support.md": Self.matrix], for: self)
        let answer = kb.answer("which agent versions are supported with server 2104?")
        XCTAssertEqual(answer.items.map(\.text), ["Edge 2019 — Server 2104: Supported", "2103 (7.0.1) — Server 2104: Not supported"],
                       text(answer))
        XCTAssertEqual(answer.items.map(\.source.line), [9, 10])
    }

    func testAHeaderRowIsNotQuotedAsAnAnswer() throws {
        let kb = try InventedArticles.engine(["agents/support.md": Self.matrix], for: self)
        // The header row holds all but one word of the question, and names columns only.
        let answer = kb.answer("agent version for server 2104")
        XCTAssertFalse(answer.items.contains { $0.text.contains("Agent version | Server 2104") }, text(answer))
        XCTAssertEqual(answer.items.first?.text, "Edge 2019 — Server 2104: Supported", text(answer))
        // Among the sentences that hold the question's words, the header row is none.
        let quoted = kb.proseQuotes(kb.parse("agent server"), searching: ["agent", "server"]).map(\.sentence)
        XCTAssertFalse(quoted.contains { $0.contains(" | ") }, "\(quoted)")
        XCTAssertTrue(quoted.contains { $0.hasPrefix("The following table lists which agent releases") }, "\(quoted)")
    }
}
