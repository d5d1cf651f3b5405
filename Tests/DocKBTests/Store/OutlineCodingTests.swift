import Foundation
import XCTest
@testable import DocKB

/// The document cache's binary outlines give back exactly what was stored,
/// and anything else is refused with an error, never a trap.
final class OutlineCodingTests: XCTestCase {
    private let outline = DocumentOutline(
        path: "a/b.md", sha256: "00", title: "B",
        frontMatter: FrontMatter(fields: ["title": "B", "ms.date": "01/02/2024", "description": "ünïcode ✓"]),
        sections: [
            Section(index: 0, parent: nil, level: 1, heading: "B", content: [.text("B")], explicitAnchors: [],
                    slug: "b", line: 3, blockRange: 0..<2),
            Section(index: 1, parent: 0, level: 2, heading: "Install /source now", content: [
                .html("<a name=\"bkmk_x\">"), .html("</a>"), .text("Install "), .code("/source"),
                .strong([.emphasis([.text("now")]), .strikethrough([.text("later")])]),
                .link(destination: "a.md#b", title: "t", content: [.text("link"), .softBreak, .lineBreak]),
                .image(source: "i.png", title: "", alt: "alt \"quoted\""),
            ], explicitAnchors: ["bkmk_x", ""], slug: "install-source-now", line: 300_000, blockRange: 3..<3),
        ],
        extraAnchors: ["free"], includes: ["../includes/x.md"],
        links: [.init(destination: "a.md#b", text: "link", line: 9), .init(destination: "", text: "", line: -1)],
        hasRawHTMLLinks: true)

    func testOutlinesRoundTrip() throws {
        let data = OutlineCoding.encode(outline)
        XCTAssertEqual(try OutlineCoding.decode(data), outline)
        XCTAssertEqual(OutlineCoding.encode(try OutlineCoding.decode(data)), data, "the same outline gives the same bytes")
        let empty = DocumentOutline(path: "", sha256: "", title: "", frontMatter: FrontMatter(), sections: [],
                                    extraAnchors: [], includes: [], links: [])
        XCTAssertEqual(try OutlineCoding.decode(OutlineCoding.encode(empty)), empty)
    }

    func testEveryTruncationAndOtherBytesAreRefused() {
        let data = OutlineCoding.encode(outline)
        for length in 0..<data.count {
            XCTAssertThrowsError(try OutlineCoding.decode(data.prefix(length)), "cut at \(length) of \(data.count)")
        }
        XCTAssertThrowsError(try OutlineCoding.decode(data + Data([0])), "bytes after the outline")
        XCTAssertThrowsError(try OutlineCoding.decode(Data(#"{"path":"a.md"}"#.utf8)), "the JSON form")
        XCTAssertThrowsError(try OutlineCoding.decode(OutlineCoding.formatTag + Data(repeating: 0xFF, count: 20)), "a varint too long")
    }

    func testNestingPastTheLimitIsRefusedNotOverflowingTheStack() throws {
        var content: [Inline] = [.text("x")]
        for _ in 0..<(OutlineCoding.maximumInlineDepth + 1) { content = [.strong(content)] }
        var deep = outline
        deep.sections[1].content = content
        XCTAssertThrowsError(try OutlineCoding.decode(OutlineCoding.encode(deep)))
    }
}
