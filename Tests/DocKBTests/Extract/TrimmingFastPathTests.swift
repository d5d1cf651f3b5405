import XCTest
@testable import DocKB

/// The ASCII fast paths give what their Foundation versions give.
final class TrimmingFastPathTests: XCTestCase {
    /// Random strings over the characters the rules turn on.
    private func samples(_ alphabet: [String], count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    func testTrimmingPeriodMatchesFoundation() {
        let alphabet = ["a", "Z", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", ".", ":", ";", ",", "-", "é", "\u{A0}", "\u{2028}"]
        for text in samples(alphabet, count: 20_000, seed: 7) + ["", " . ", "a \n.", "x.;, ", "\t\t"] {
            XCTAssertEqual(Text.trimmingPeriod(text), Text.trimmingPeriodFoundation(text), "\(Array(text.unicodeScalars))")
        }
        XCTAssertNotNil(Text.trimmingPeriodASCII("Modify."), "ASCII text takes the fast path")
        XCTAssertNil(Text.trimmingPeriodASCII("Modifié."))
    }

    func testCommentBodyMatchesItsReplacements() {
        let alphabet = ["a", " ", "\t", "\n", "-", "--", "<", ">", "!", "\u{7F}", "\u{1}", "é", "‹"]
        for text in samples(alphabet, count: 20_000, seed: 11) + ["", "a", "a-b", "a--b", "-a", "a-", "<!-- x -->", " x "] {
            XCTAssertEqual(MarkupText.commentBody(text), MarkupText.commentBodyReplacing(text), "\(Array(text.unicodeScalars))")
        }
        XCTAssertTrue(MarkupText.isSafeCommentText("TODO: check the ports table"))
        XCTAssertFalse(MarkupText.isSafeCommentText("a -- b"))
    }
}
