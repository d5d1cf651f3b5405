import XCTest
@testable import DocKB

final class ParseListTests: XCTestCase {
    func testNestedAndOrderedListsKeepLinesAndStructure() throws {
        let doc = ParseSupport.markdown("""
            Steps:

            3. Open the **Console**.
            4. Choose one:
               - Push
                 1. Nested ordered
               - Script

            - Loose item

            - Second loose item
              continued
            """)
        guard case .list(let ordered) = doc.blocks[1].kind else { return XCTFail("expected a list") }
        XCTAssertTrue(ordered.ordered)
        XCTAssertEqual(ordered.start, 3)
        XCTAssertEqual(ordered.items.map(\.line), [3, 4])
        XCTAssertEqual(ordered.items[0].leadContent, [.text("Open the "), .strong([.text("Console")]), .text(".")])
        let nested = try XCTUnwrap(ordered.items[1].nestedLists.first)
        XCTAssertFalse(nested.ordered)
        XCTAssertEqual(nested.items.map(\.line), [5, 7])
        XCTAssertEqual(nested.items.map(\.leadContent.plainText), ["Push", "Script"])
        let deepest = try XCTUnwrap(nested.items[0].nestedLists.first)
        XCTAssertTrue(deepest.ordered)
        XCTAssertEqual(deepest.start, 1)
        XCTAssertEqual(deepest.items.first?.line, 6)
        XCTAssertEqual(doc.blocks[1].line, 3)
        XCTAssertGreaterThanOrEqual(doc.blocks[1].endLine, 7)

        guard case .list(let loose) = doc.blocks[2].kind else { return XCTFail("expected a second list") }
        XCTAssertFalse(loose.ordered)
        XCTAssertEqual(loose.items.map(\.line), [9, 11])
        XCTAssertEqual(loose.items[1].leadContent, [.text("Second loose item"), .softBreak, .text("continued")])
    }

    func testListItemsHoldOtherBlocks() throws {
        let doc = ParseSupport.markdown("""
            1. First

               ```powershell
               Get-Item x
               ```

               > [!TIP]
               > Inside an item.
            """)
        guard case .list(let list) = doc.blocks[0].kind else { return XCTFail("expected a list") }
        let kinds = list.items[0].blocks.map(\.kind)
        XCTAssertEqual(kinds.count, 3)
        XCTAssertEqual(kinds[1], .code(language: "powershell", text: "Get-Item x"))
        XCTAssertEqual(ParseSupport.alerts(in: doc).map(\.kind), [.tip])
        XCTAssertEqual(list.items[0].blocks[2].line, 7)
    }
}
