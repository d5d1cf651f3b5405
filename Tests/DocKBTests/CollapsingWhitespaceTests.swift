import XCTest
@testable import DocKB

/// `collapsingWhitespace` decides ASCII by byte for speed; it must agree with
/// the definition it replaced (split on `Character.isWhitespace`, join with
/// one space) on every input.
final class CollapsingWhitespaceTests: XCTestCase {
    private func reference(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private func assertAgrees(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(text.collapsingWhitespace, reference(text), "input \(text.unicodeScalars.map { String($0.value, radix: 16) })",
                       file: file, line: line)
    }

    func testEveryASCIICharacterBetweenWords() {
        for value in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(value))
            assertAgrees("a" + character + "b")
            assertAgrees(character + "a" + character + character + "b" + character)
        }
    }

    func testUnicodeWhiteSpaceAndGraphemesThatStartWithASpace() {
        let samples = [
            "no\u{00A0}break", "next\u{0085}line", "ideographic\u{3000}space", "line\u{2028}separator",
            "em\u{2003}space", "zero\u{200B}width", "curly \u{2019}quote\u{2019}  here",
            // A combining mark after a space makes one character that starts with white space.
            "a \u{0301}b", "a\r\nb", "\r\n\r\n", "caf\u{00E9}\t\n ol\u{00E9}", "\u{1F680} \u{1F680}",
            "", " ", "\t\n", "x",
        ]
        for sample in samples { assertAgrees(sample) }
    }

    func testRandomMixturesAgree() {
        let pieces = ["a", "Z", "9", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{00A0}",
                      "\u{2019}", "\u{0301}", "\u{3000}", "\u{0085}", "\u{FFFD}", "\0"]
        var state: UInt64 = 0x5EED
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            assertAgrees(text)
        }
    }
}
