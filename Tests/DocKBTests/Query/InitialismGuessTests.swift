import XCTest
@testable import DocKB

/// An abbreviation no document writes is read as the words its letters most
/// often begin in the documents, when those words clearly win.
final class InitialismGuessTests: XCTestCase {
    func testTheRunOfWordsWrittenMostOftenWins() {
        let texts = ["Each badge window opens a new badge session.",
                     "Close the badge window before the next badge window opens.",
                     "A bright wall is no badge window.", "Blue widgets ship later."]
        XCTAssertEqual(InitialismGuess.likeliestWords(spelling: "bw", in: texts), ["badge", "window"])
    }

    func testEndingsOfOneRunCountTogetherAndTheSingularIsShownOnATie() {
        let texts = ["Rotating relay keys is done by the relay key service.",
                     "Relay keys expire; a relay key lasts a year.", "Remote kiosks are separate."]
        XCTAssertEqual(InitialismGuess.likeliestWords(spelling: "RK", in: texts), ["relay", "key"])
    }

    func testARunNeverSpansPunctuationOrACellBorder() {
        let texts = ["Qualifiers | Read", "string qualifiers. Read it", "the qualifiers, read aloud", "quiet rooms"]
        XCTAssertNil(InitialismGuess.likeliestWords(spelling: "qr", in: texts), "no phrase holds 'qualifiers read'")
    }

    func testARunHoldingAnAbbreviationIsNoSpelling() {
        let held = ["Each Azure VM runs a relay.", "Start the Azure VM first.", "An Azure VM is billed hourly."]
        XCTAssertNil(InitialismGuess.likeliestWords(spelling: "av", in: held), "'VM' is an abbreviation itself")
        let whole = ["The Northwind Badge Window opens.", "Each Northwind Badge Window closes.", "A Northwind Badge Window lasts."]
        XCTAssertEqual(InitialismGuess.likeliestWords(spelling: "nbw", in: whole), ["northwind", "badge", "window"])
    }

    func testNoGuessWithoutAClearWinner() {
        let close = ["badge window badge window badge window", "bright wall bright wall"]
        XCTAssertNil(InitialismGuess.likeliestWords(spelling: "bw", in: close), "3 against 2 is no clear win")
        let rare = ["badge window", "one more badge window"]
        XCTAssertNil(InitialismGuess.likeliestWords(spelling: "bw", in: rare), "written twice is too rare")
    }

    func testStopWordsNumbersAndSingleLettersMakeNoRun() {
        let texts = ["to set it up, go to settings to see to it", "T 5 S s t s", "a x64 b b x64 c x64"]
        XCTAssertNil(InitialismGuess.likeliestWords(spelling: "ts", in: texts))
        XCTAssertNil(InitialismGuess.likeliestWords(spelling: "xb", in: texts))
        XCTAssertNil(InitialismGuess.likeliestWords(spelling: "abcdefg", in: texts), "longer than an abbreviation")
    }

    func testOnlyWordsWrittenInCapitalsAreAbbreviations() {
        XCTAssertEqual(InitialismGuess.abbreviations(in: "Why do RKs expire on the BW of a Relay? IT asked, x64 too, A"),
                       ["rk", "bw"])
    }

    // MARK: - In answers

    static let article = """
        # Northwind badge kiosks

        ## Badge windows

        A badge window is the time a kiosk accepts badges after it wakes.
        Each badge window lasts ten minutes unless the kiosk is docked.
        A docked kiosk keeps its badge window open until it is undocked.

        ## Bright walls

        A bright wall shows the kiosk's status.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["kiosks/badges.md": Self.article], for: self)
    }

    func testAQuestionWithTheAbbreviationIsAnsweredFromTheWordsItStandsFor() throws {
        let answer = try engine().answer("how long does a BW last?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.notes.contains { $0.hasPrefix("read “BW” as “badge window”") }, text)
        XCTAssertFalse(answer.notes.contains { $0.contains("no document uses") }, text)
        XCTAssertTrue(text.contains("ten minutes"), text)
    }

    /// Six sections on badge windows, and `sectionsWritingBW` more whose text writes "BW" once.
    static func articles(sectionsWritingBW: Int) -> [String: String] {
        var text = article
        for number in 1...5 { text += "## Gate \(number)\n\nGate \(number) opens its badge window at \(number + 6) a.m.\n\n" }
        for number in 0..<sectionsWritingBW { text += "## Label \(number)\n\nLabel \(number) of the lobby screen reads BW.\n\n" }
        return ["kiosks/badges.md": text]
    }

    func testAnAbbreviationTheDocumentsWriteSeldomIsReadAsTheWordsItStandsFor() throws {
        let engine = try InventedArticles.engine(Self.articles(sectionsWritingBW: 1), for: self)
        let parsed = engine.parse("how long does a BW last?")
        XCTAssertTrue(parsed.guessedAbbreviations.contains { $0.from == "bw" && $0.to == "badge window" && $0.seldomWritten },
                      "\(parsed.guessedAbbreviations)")
        let answer = engine.answer("how long does a BW last?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.notes.contains { $0.hasPrefix("read “BW” as “badge window”: the documents seldom write BW") }, text)
        XCTAssertTrue(text.contains("ten minutes"), text)
    }

    func testAnAbbreviationTheDocumentsWriteOftenIsNotGuessed() throws {
        let parsed = try InventedArticles.engine(Self.articles(sectionsWritingBW: 4), for: self).parse("how long does a BW last?")
        XCTAssertTrue(parsed.guessedAbbreviations.isEmpty, "four sections write BW: a name of its own there")
    }

    func testAnEverydayTermIsNotGuessedWhereTheDocumentsWriteIt() throws {
        var articles = Self.articles(sectionsWritingBW: 0)
        articles["kiosks/badges.md"]! += "## Desk\n\nThe desk PC prints badges.\n\n"
            + (1...6).map { "## Printer \($0)\n\nPrinter \($0) prints colour badges.\n\n" }.joined()
        let parsed = try InventedArticles.engine(articles, for: self).parse("which PC prints badges?")
        XCTAssertTrue(parsed.guessedAbbreviations.isEmpty, "“PC” is a computer, not “printer colour”: \(parsed.guessedAbbreviations)")
    }

    func testAWordNotWrittenInCapitalsIsNotGuessed() throws {
        let answer = try engine().answer("how long does a bw last?")
        XCTAssertFalse(answer.notes.contains { $0.contains("read “BW”") }, answer.notes.joined(separator: "\n"))
        XCTAssertTrue(answer.notes.contains("no document uses “bw”"), answer.notes.joined(separator: "\n"))
    }
}
