import XCTest
@testable import DocKB

/// Control characters from documents and file names never reach a terminal
/// as themselves: an escape sequence in a table cell would clear the screen.
final class TerminalSafeTextTests: XCTestCase {
    func testControlCharactersAreWrittenOut() {
        XCTAssertEqual("a\u{1B}[2Jb\u{7}".terminalSafe(), "a\\u{1B}[2Jb\\u{7}")
        XCTAssertEqual("tab\tand\nline".terminalSafe(), "tab\tand\nline")
        XCTAssertEqual("one\nline".terminalSafe(keepingLineFeeds: false), "one\\u{A}line")
        XCTAssertEqual("\u{85}é✓".terminalSafe(), "\\u{85}é✓")
    }

    func testAnAnswerQuotingAnEscapeSequenceIsSafeInTextAndMarkdown() {
        var answer = Answer(question: "which port?", intent: .lookup, heading: "Ports")
        let cite = Citation(documentID: 1, path: "a\u{1B}.md", line: 7, anchor: "ports")
        answer.items = [AnswerItem(number: 1, group: "Ports", kind: "port", text: "Evil \u{1B}]0;PWNED\u{7} service",
                                   status: .met, condition: nil, conditionText: nil, dependsOn: [], source: cite,
                                   derivation: [])]
        for format in [AnswerFormat.text, .markdown] {
            let out = AnswerRenderer().render(answer, as: format)
            XCTAssertFalse(out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, out)
            XCTAssertTrue(out.contains("Evil \\u{1B}]0;PWNED\\u{7} service"), out)
        }
        // JSON keeps the text as it is: its encoder escapes control characters.
        XCTAssertTrue(AnswerRenderer().render(answer, as: .json).contains("\\u001b"))
    }

    func testAWarningIsOneLineWhateverTheFileIsCalled() {
        let warning = Diagnostic(at: SourceLocation(path: "two\nlines.md", line: 3), "quoted \u{1B}[31m")
        XCTAssertEqual(warning.description, "two\\u{A}lines.md:3: warning: quoted \\u{1B}[31m")
    }
}
