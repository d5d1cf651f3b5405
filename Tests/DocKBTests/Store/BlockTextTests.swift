import Foundation
import XCTest
@testable import DocKB

final class BlockTextTests: XCTestCase {
    private func blocks(_ markdown: String) -> [Block] {
        MarkdownParser().parse(Data(markdown.utf8), path: "lines.md").blocks
    }

    func testEachLineOfASectionsTextKnowsItsSourceLine() {
        let source = """
            First paragraph,
            wrapped on two lines.

            - Item one
            - Item two
              - Nested item
            -\u{20}
            - <!-- nothing -->

            | Name | Use |
            |------|-----|
            | A    | one |
            | B    | two |

            > [!NOTE]
            > A note.

            ```
            code line one
            code line two
            ```

            Broken\\
            by a hard break.
            """
        let parsed = blocks(source)
        let (text, lines) = BlockText.plainWithLines(parsed)
        XCTAssertEqual(text, BlockText.plain(parsed))
        let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, textLines.count, text)
        // Every line's text starts on the line it cites (the second line of a code block or a hard break: its block's).
        let expected: [(String, Int)] = [("First paragraph, wrapped on two lines.", 1), ("Item one", 4), ("Item two", 5),
                                         ("Nested item", 6), ("", 7), ("", 8), ("Name | Use", 10), ("A | one", 12),
                                         ("B | two", 13), ("A note.", 16), ("code line one", 18), ("code line two", 18),
                                         ("Broken", 23), ("by a hard break.", 23)]
        XCTAssertEqual(textLines.map(String.init), expected.map(\.0))
        XCTAssertEqual(lines, expected.map(\.1))
    }

    func testBlocksWithoutTextGiveNoLines() {
        let (text, lines) = BlockText.plainWithLines(blocks("<div></div>\n\n---\n\n-\u{20}\n"))
        XCTAssertEqual(text, "")
        XCTAssertEqual(lines, [])
    }
}
