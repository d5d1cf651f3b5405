import XCTest
@testable import DocKB

final class ParseTableTests: XCTestCase {
    func testCellsKeepInlineMarkupBreaksLinksAndCode() throws {
        let doc = ParseSupport.markdown("""
            Intro line.

            |Name|Details|
            |:---|--:|
            |**Modify** on `Collection`|First<br />Second<br/>Third|
            |[Guide](../guide.md#setup)|Run `setup.exe /source:x` now<!-- 4963362 -->|
            |Pipe in `a\\|b` code|plain|
            """)
        let table = try XCTUnwrap(ParseSupport.tables(in: doc).first)
        XCTAssertEqual(doc.blocks.last?.line, 3)
        XCTAssertEqual(doc.blocks.last?.endLine, 7)
        XCTAssertEqual(table.headerNames, ["name", "details"])
        XCTAssertEqual(table.header.line, 3)
        XCTAssertEqual(table.rows.map(\.line), [5, 6, 7])
        XCTAssertEqual(table.alignments, [.left, .right])

        let first = table.rows[0].cells
        XCTAssertEqual(first[0], [.strong([.text("Modify")]), .text(" on "), .code("Collection")])
        XCTAssertEqual(first[1], [.text("First"), .html("<br />"), .text("Second"), .html("<br/>"), .text("Third")])
        XCTAssertEqual(first[1].plainText, "First\nSecond\nThird")
        XCTAssertEqual(first[0].strongTexts, ["Modify"])

        let second = table.rows[1].cells
        XCTAssertEqual(second[0], [.link(destination: "../guide.md#setup", title: "", content: [.text("Guide")])])
        XCTAssertEqual(second[1].codeTexts, ["setup.exe /source:x"])
        XCTAssertEqual(second[1].last, .html("<!-- 4963362 -->"))
        XCTAssertEqual(table.rows[2].cells[0].codeTexts, ["a|b"])
    }

    func testEmptyHeaderRowOfOlderArticles() throws {
        let doc = ParseSupport.markdown("|||\n|-|-|\n|Role|Required|\n|Point|Yes|\n")
        let table = try XCTUnwrap(ParseSupport.tables(in: doc).first)
        XCTAssertTrue(table.hasEmptyHeader)
        XCTAssertEqual(table.header.cells.count, 2)
        XCTAssertEqual(table.rows.map { $0.cells.map(\.plainText) }, [["Role", "Required"], ["Point", "Yes"]])
    }

    func testRaggedRowsArePaddedOrCutToTheHeaderAsGFMDoes() throws {
        let doc = ParseSupport.markdown("|a|b|c|\n|-|-|-|\n|1|\n|1|2|3|4|5|\n| x | y |\n")
        let table = try XCTUnwrap(ParseSupport.tables(in: doc).first)
        XCTAssertEqual(table.rows.map { $0.cells.map(\.plainText) },
                       [["1", "", ""], ["1", "2", "3"], ["x", "y", ""]])
        // Rows that lose nothing share a warning; a row whose cells are dropped has its own.
        XCTAssertEqual(doc.diagnostics.map(\.location.line), [3, 4])
        XCTAssertEqual(doc.diagnostics.map(\.message), [
            "table row has 1 cell, its header 3: the missing cells are read as empty; 1 more row of this table differs from the header",
            "table row has 5 cells, its header 3: the cells past the header are dropped (4 | 5)",
        ])
    }

    func testCellsDroppedPastTheHeaderAreNamedInAWarning() throws {
        let doc = ParseSupport.markdown("""
            Text.

            > | Key | Value |
            > |-----|-------|
            > | a | 1 |
            > || 2 | lost text |
            >  | b \\| c | 3 |

            | One |
            |-----|
            | kept | |
            | also | kept | |
            """, path: "docs/ragged.md")
        let tables = ParseSupport.tables(in: doc)
        XCTAssertEqual(tables.count, 2)
        XCTAssertEqual(tables[0].rows.map { $0.cells.map(\.plainText) }, [["a", "1"], ["", "2"], ["b | c", "3"]])
        XCTAssertEqual(doc.diagnostics.map { "\($0.location.path):\($0.location.line)" }, ["docs/ragged.md:6", "docs/ragged.md:11", "docs/ragged.md:12"])
        XCTAssertEqual(doc.diagnostics.map(\.message), [
            "table row has 3 cells, its header 2: the cells past the header are dropped (lost text)",
            "table row has 2 cells, its header 1: the empty cells past the header are dropped",
            "table row has 3 cells, its header 1: the cells past the header are dropped (kept)",
        ])
    }

    func testAHugeRaggedTableGetsAFewNotesNotOneARow() {
        let rows = (1...25).map { "| r\($0) | x | extra \($0) |" } + ["| short |"]
        let doc = ParseSupport.markdown((["| A | B |", "|---|---|"] + rows).joined(separator: "\n"))
        let messages = doc.diagnostics.map(\.message)
        XCTAssertEqual(messages.count, RaggedRows.lossyNotesPerTable + 2)
        XCTAssertEqual(messages.first, "table row has 3 cells, its header 2: the cells past the header are dropped (extra 1)")
        XCTAssertEqual(doc.diagnostics[RaggedRows.lossyNotesPerTable].location.line, 23)
        XCTAssertEqual(messages[RaggedRows.lossyNotesPerTable], "5 more rows of this table have cells past the header, which are dropped")
        XCTAssertEqual(messages.last, "table row has 1 cell, its header 2: the missing cells are read as empty")
    }

    func testRowLinesAreFoundWhateverTheLineEndings() {
        // Lone carriage returns end lines for cmark-gfm too (old front matter has them).
        let text = "---\r\ntitle: t\rauthor: a\r\n---\r\nText.\r\rText.\n\n| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n| 3 | 4 | 5 |\r\n"
        let doc = ParseSupport.markdown(text)
        XCTAssertEqual(doc.diagnostics.map(\.location.line), [12])
        XCTAssertEqual(doc.diagnostics.map(\.message), ["table row has 3 cells, its header 2: the cells past the header are dropped (5)"])
    }

    func testRowsSplitAsTheTableExtensionSplitsThem() {
        func count(_ line: String) -> Int { RaggedRows.cells(of: ArraySlice(Array(line.utf8))).count }
        XCTAssertEqual(count("| a | b |"), 2)
        XCTAssertEqual(count("a | b"), 2, "outer pipes are optional")
        XCTAssertEqual(count("| a | b |  \r"), 2, "trailing spaces and a carriage return")
        XCTAssertEqual(count("  > > | a | b"), 2, "container prefixes")
        XCTAssertEqual(count("| a \\| b |"), 1, "an escaped pipe")
        XCTAssertEqual(count("| a \\\\| b |"), 1, "a backslash before a pipe always takes it")
        XCTAssertEqual(count("| `x|y` | b |"), 3, "code spans do not protect pipes")
        XCTAssertEqual(count("|| a |"), 2, "an empty first cell")
        XCTAssertEqual(count("|"), 0)
    }

    func testTablesInsideListsAndAlertsAreFound() {
        let doc = ParseSupport.markdown("""
            - Item

              |h|
              |-|
              |v|

            > [!NOTE]
            > |k|v|
            > |-|-|
            > |1|2|

            Not a table: | a | b | without a delimiter row.
            """)
        XCTAssertEqual(ParseSupport.tables(in: doc).count, 2)
        XCTAssertEqual(ParseSupport.tables(in: doc).map(\.rows.first?.line), [5, 10])
    }

    func testTenThousandColumns() throws {
        let columns = 10_000
        let header = "|" + (0..<columns).map { "h\($0)" }.joined(separator: "|") + "|"
        let delimiter = "|" + Array(repeating: "-", count: columns).joined(separator: "|") + "|"
        let row = "|" + (0..<columns).map { "c\($0)" }.joined(separator: "|") + "|"
        let doc = ParseSupport.markdown([header, delimiter, row].joined(separator: "\n"))
        let table = try XCTUnwrap(ParseSupport.tables(in: doc).first)
        XCTAssertEqual(table.header.cells.count, columns)
        XCTAssertEqual(table.alignments.count, columns)
        XCTAssertEqual(table.rows.first?.cells.count, columns)
        XCTAssertEqual(table.rows.first?.cells.last?.plainText, "c9999")
    }
    /// Found by the property test: cmark-gfm 0.29 leaves a paragraph that a
    /// table interrupts without lines (0) and gives the table its first line.
    func testATableRightAfterTextLinesKeepsEveryLine() throws {
        let doc = ParseSupport.markdown("""
            # Ports

            Intro line one
            intro line two
            | Port | Use |
            |------|-----|
            | 443 | HTTPS |

            > Quoted intro
            > | a |
            > |---|

            - Item text
              | b |
              |---|
              | 2 |
            """)
        guard case .paragraph(let intro) = doc.blocks[1].kind else { return XCTFail("paragraph expected, got \(doc.blocks[1])") }
        XCTAssertEqual(intro.plainText, "Intro line one intro line two")
        XCTAssertEqual(doc.blocks[1].line, 3)
        XCTAssertEqual(doc.blocks[1].endLine, 4)
        XCTAssertEqual(doc.blocks[2].line, 5, "the table starts at its header row")
        XCTAssertEqual(doc.blocks[2].endLine, 7)
        let tables = ParseSupport.tables(in: doc)
        XCTAssertEqual(tables.map(\.header.line), [5, 10, 14])
        XCTAssertEqual(tables.map { $0.rows.map(\.line) }, [[7], [], [16]])
        let paragraphs = ParseSupport.allBlocks(doc.blocks).filter { if case .paragraph = $0.kind { true } else { false } }
        XCTAssertEqual(paragraphs.map(\.line), [3, 9, 13])
        XCTAssertEqual(paragraphs.map(\.endLine), [4, 9, 13])
    }
}
