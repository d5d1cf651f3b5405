import Foundation
import XCTest
@testable import DocKB

/// The document cache's compact forms give back exactly what was stored.
final class CompactCodingTests: XCTestCase {
    func testOutlinesRoundTripThroughTheirCompactForm() throws {
        let heading: [Inline] = [
            .html("<a name=\"bkmk_x\">"), .html("</a>"), .text("Install "), .code("/source"),
            .strong([.emphasis([.text("now")]), .strikethrough([.text("later")])]),
            .link(destination: "a.md#b", title: "t", content: [.text("link"), .softBreak, .lineBreak]),
            .image(source: "i.png", title: "", alt: "alt \"quoted\""),
        ]
        let outline = DocumentOutline(
            path: "a/b.md", sha256: "00", title: "B",
            frontMatter: FrontMatter(), sections: [
                Section(index: 0, parent: nil, level: 1, heading: "B", content: [.text("B")], explicitAnchors: [],
                        slug: "b", line: 3, blockRange: 0..<2),
                Section(index: 1, parent: 0, level: 2, heading: "Install /source now", content: heading,
                        explicitAnchors: ["bkmk_x"], slug: "install-source-now", line: 9, blockRange: 3..<3),
            ],
            extraAnchors: ["free"], includes: ["../includes/x.md"],
            links: [.init(destination: "a.md#b", text: "link", line: 9)])
        let data = try JSONEncoder().encode(outline)
        XCTAssertEqual(try JSONDecoder().decode(DocumentOutline.self, from: data), outline)
        XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("_0"), "the synthesized enum form is not used")
    }

    func testAnInvertedBlockRangeIsRejectedNotTrapped() {
        let json = #"[0, null, 1, "h", [], [], "h", 1, 5, 2]"#
        XCTAssertThrowsError(try JSONDecoder().decode(Section.self, from: Data(json.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode(Inline.self, from: Data(#"["?", "x"]"#.utf8)))
    }
}
