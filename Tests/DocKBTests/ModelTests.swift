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
    }
}
