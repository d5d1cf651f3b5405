import Foundation
import XCTest
@testable import DocKB

/// The word checks that turn text away before a regular expression runs must
/// never change an answer: they may only skip text the expression cannot match.
final class PatternPrefilterTests: XCTestCase {
    private let samples = [
        "Outbound: TCP Port **10123**", "outbound: tcp port 80", "HTTPS (by default, TCP 443)", "no ports here",
        "The PORT 135 (UDP) is used", "Ports 80 (TCP)", "", "tcp", "\u{2019}TCP 443\u{2019}", "\u{017F}ite \u{017F}y\u{017F}tem role",
        "The management point site system role", "a distribution point role", "MANAGEMENT POINT ROLE", "point", "role point",
        "site system r\u{00F4}le", "Ta\u{212A}e \u{FB01}le", "Security Role", "security\u{00A0}role",
    ]

    func testPrefilteredPatternsAnswerAsTheExpressionAlone() {
        let cases: [(String, Bool, [[String]])] = [
            (#"\b(TCP|UDP)(?:/IP)?\s+(?:ports?\s+)?\**(\d+(?:\s*-\s*\d+)?)\**"#, true, [["tcp", "udp"]]),
            (#"\bports? (\d{2,5}) \((TCP|UDP)\)"#, true, [["port"], ["tcp", "udp"]]),
            (#"\b((?:[A-Za-z-]+ ){0,3}point)s? (?:site system |site |server )?roles?\b"#, true, [["point"], ["role"]]),
            (#"\bsite system role"#, true, [["site system role"]]),
            (#"\bfile"#, true, [["file"]]),
            (#"([A-Z]+) Role"#, false, [["role"]]),
        ]
        for (expression, caseInsensitive, words) in cases {
            let filtered = Pattern(expression, caseInsensitive: caseInsensitive, requiring: words)
            let plain = Pattern(expression, caseInsensitive: caseInsensitive)
            for text in samples {
                XCTAssertEqual(filtered.matches(text), plain.matches(text), "\(expression) on \(text)")
                XCTAssertEqual(filtered.firstMatch(in: text), plain.firstMatch(in: text), "\(expression) on \(text)")
                XCTAssertEqual(filtered.matches(in: text).map(\.groups), plain.matches(in: text).map(\.groups), "\(expression) on \(text)")
            }
        }
    }

    func testTheCheckTurnsAwayOnlyASCIITextWithoutTheWords() {
        let ports = Pattern(#"\bports? (\d+)"#, requiring: [["port"]])
        XCTAssertFalse(ports.mayMatch("nothing to see"))
        XCTAssertTrue(ports.mayMatch("a PORT 80"))
        XCTAssertTrue(ports.mayMatch("caf\u{00E9} without the word"), "non-ASCII text always goes to the expression")
        XCTAssertTrue(Pattern(#"x"#).mayMatch("anything"), "no words: no check")
    }

    func testContainsIgnoringCaseAgreesWithFoundation() {
        for text in samples {
            for word in ["site system role", "security role", "TCP", "point", "\u{00F4}"] {
                XCTAssertEqual(Text.contains(text, ignoringCase: word), text.range(of: word, options: .caseInsensitive) != nil,
                               "\(word) in \(text)")
            }
        }
    }
}
