import XCTest
@testable import DocKB

final class InlineHTMLTests: XCTestCase {
    func testLineBreaksInAnyCaseAndSpacing() {
        for raw in ["<br>", "<BR>", "<br/>", "<br />", " < B r / > ", "</br>", "</BR >"] {
            XCTAssertTrue(InlineHTML.isLineBreak(raw), raw)
        }
        for raw in ["<br", "<brr>", "<b>", "<br/ >x", "<br>\n", "<\u{00A0}br>", "", "<bR/><br>"] {
            XCTAssertFalse(InlineHTML.isLineBreak(raw), raw)
        }
    }

    func testCommentsAfterAnyLeadingWhiteSpace() {
        XCTAssertTrue(InlineHTML.isComment("<!-- note -->"))
        XCTAssertTrue(InlineHTML.isComment("\n\t <!--x"))
        XCTAssertTrue(InlineHTML.isComment("\u{2003}<!--x"), "an em space is white space too")
        XCTAssertFalse(InlineHTML.isComment("<b><!-- x -->"))
    }

    func testTrimmingMatchesFoundation() {
        for text in ["plain", " padded ", "\n\tx\r\n", "\u{00A0}nbsp\u{2028}", "", "   ", "é", " é "] {
            XCTAssertEqual(text.trimmingWhitespaceAndNewlines, text.trimmingCharacters(in: .whitespacesAndNewlines), text)
        }
    }
}
