import XCTest
@testable import DocKB

final class ConditionTests: XCTestCase {
    func testCanonicalTextParenthesizesNestedGroups() {
        let c = Condition.any([.not(.flag("schema-extended")), .all([.flag("a"), .flag("b")])])
        XCTAssertEqual(c.description, "not schema-extended or (a and b)")
        XCTAssertEqual(Condition.version(.atLeast, "1906").description, "version >= 1906")
    }

    func testAnchorNameReadsNameAndIdAttributes() {
        XCTAssertEqual(InlineHTML.anchorName(#"<a name="BKMK_x"></a>"#), "BKMK_x")
        XCTAssertEqual(InlineHTML.anchorName("<a id='y'>"), "y")
        XCTAssertNil(InlineHTML.anchorName("<b>"))
        XCTAssertEqual(InlineHTML.anchorName(#"<br/><A NAME="z"></A>"#), "z")
        XCTAssertEqual(InlineHTML.anchorName(#"<abbr title="t">x</abbr> <a id="w">"#), "w")
        XCTAssertNil(InlineHTML.anchorName(#"<abbr id="v">"#))
        XCTAssertNil(InlineHTML.anchorName("<"))
        XCTAssertNil(InlineHTML.anchorName("<a"))
    }
}
