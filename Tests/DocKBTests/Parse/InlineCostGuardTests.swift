import Foundation
import XCTest
@testable import DocKB

/// Paragraphs with many emphasis markers and many links, which cmark-gfm 0.29
/// parses in polynomial time (CVE-2023-22486), lose their links with a warning.
final class InlineCostGuardTests: XCTestCase {
    private let parser = MarkdownParser()

    func testEmphasisAndLinksRepeatedInOneParagraphAreReadAsText() throws {
        let doc = parser.parse(Data(("# T\n\n" + String(repeating: "*a* [b](c) ", count: 3_000) + "\n\nAfter [ok](d.md).\n").utf8),
                               path: "cve.md")
        XCTAssertEqual(doc.diagnostics.map(\.location), [SourceLocation(path: "cve.md", line: 3)])
        XCTAssertTrue(doc.diagnostics[0].message.contains("6000 emphasis markers and 3000 closing brackets"), doc.diagnostics[0].message)
        guard case .paragraph(let content) = doc.blocks[1].kind else { return XCTFail("paragraph expected") }
        XCTAssertFalse(content.contains { if case .link = $0 { true } else { false } }, "the links are text")
        XCTAssertTrue(content.plainText.hasPrefix("a [b](c) a [b](c)"), String(content.plainText.prefix(40)))
        XCTAssertEqual(content.filter { if case .emphasis = $0 { true } else { false } }.count, 3_000, "emphasis stays")
        guard case .paragraph(let after) = doc.blocks[2].kind else { return XCTFail("paragraph expected") }
        XCTAssertEqual(after[1], .link(destination: "d.md", title: "", content: [.text("ok")]), "other paragraphs keep their links")
    }

    func testOrdinaryParagraphsAreUntouched() {
        // 1,000 emphasis markers and 1,000 links: a score of one million, the limit.
        let text = String(repeating: "*a* [b](c) ", count: 500) + "\n"
        let doc = parser.parse(Data(text.utf8), path: "ok.md")
        XCTAssertEqual(doc.diagnostics, [])
        guard case .paragraph(let content) = doc.blocks.first?.kind else { return XCTFail("paragraph expected") }
        XCTAssertEqual(content.filter { if case .link = $0 { true } else { false } }.count, 500)
    }

    func testBlocksKeepTheirShapeAndEscapedBracketsStayEscaped() throws {
        let items = (0..<1_500).map { "- *a* [b](c) \\[x](y) item \($0)" }.joined(separator: "\n")
        let doc = parser.parse(Data((items + "\n").utf8), path: "list.md")
        XCTAssertEqual(doc.diagnostics.map(\.location.line), [1])
        XCTAssertTrue(doc.diagnostics[0].message.hasPrefix("lines 1-1500 hold"), doc.diagnostics[0].message)
        guard case .list(let list) = doc.blocks.first?.kind else { return XCTFail("list expected") }
        XCTAssertEqual(list.items.count, 1_500)
        XCTAssertEqual(list.items.last?.leadContent.plainText, "a [b](c) [x](y) item 1499")
    }

    func testFencedCodeIsNeitherCountedNorChanged() throws {
        let code = String(repeating: "*a* [b](c) ", count: 3_000)
        let doc = parser.parse(Data(("```\n" + code + "\n\n" + code + "\n```\n").utf8), path: "code.md")
        XCTAssertEqual(doc.diagnostics, [])
        guard case .code(_, let text) = doc.blocks.first?.kind else { return XCTFail("code block expected") }
        XCTAssertEqual(text, code + "\n\n" + code)
    }
}
