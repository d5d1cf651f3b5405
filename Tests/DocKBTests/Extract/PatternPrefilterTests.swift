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

/// The eight-bytes-at-a-time scans against a byte-by-byte reading, at every
/// length and offset around the eight-byte steps.
final class ASCIIScanTests: XCTestCase {
    private func naiveContains(_ bytes: [UInt8], _ word: [UInt8]) -> Bool {
        guard !word.isEmpty else { return true }
        guard bytes.count >= word.count else { return false }
        return (0...(bytes.count - word.count)).contains { start in
            word.indices.allSatisfy { bytes[start + $0].asciiLowercased == word[$0] }
        }
    }

    func testContainsAgreesWithAByteByByteSearch() {
        // Letters of both cases, their 0x20 neighbours (`@`, `[`, backtick,
        // `{`) and a byte just below a hit, which the zero-byte test may flag.
        let alphabet = Array("pPoO@`[{\u{01}q0 ".utf8)
        var generator = SystemRandomNumberGenerator()
        for word in ["p", "po", "point", "`", "(", "$", "0"].map({ Array($0.utf8) }) {
            for length in 0...40 {
                for _ in 0..<60 {
                    let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                    let found = bytes.withUnsafeBufferPointer { Text.contains($0, lowercaseASCII: word) }
                    XCTAssertEqual(found, naiveContains(bytes, word), "\(word) in \(bytes)")
                }
            }
        }
    }

    func testAWordAtEveryOffsetIsFound() {
        for length in 5...33 {
            for offset in 0...(length - 5) {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                bytes.replaceSubrange(offset..<(offset + 5), with: Array("PoInT".utf8))
                XCTAssertTrue(bytes.withUnsafeBufferPointer { Text.contains($0, lowercaseASCII: Array("point".utf8)) },
                              "length \(length) offset \(offset)")
                bytes[offset + 4] = UInt8(ascii: "s")
                XCTAssertFalse(bytes.withUnsafeBufferPointer { Text.contains($0, lowercaseASCII: Array("point".utf8)) })
            }
        }
    }

    func testNonASCIIIsSeenAtEveryOffset() {
        for length in 1...20 {
            for offset in 0..<length {
                var bytes = [UInt8](repeating: 0x41, count: length)
                XCTAssertTrue(bytes.withUnsafeBufferPointer(Text.isASCII))
                bytes[offset] = 0xC3
                XCTAssertFalse(bytes.withUnsafeBufferPointer(Text.isASCII), "length \(length) offset \(offset)")
            }
        }
    }
}
