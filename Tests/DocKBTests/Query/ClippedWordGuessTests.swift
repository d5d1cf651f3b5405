import XCTest
@testable import DocKB

/// A shortened word ("cert") is read as the longer word it most often begins
/// in the documents, when that word clearly wins.
final class ClippedWordGuessTests: XCTestCase {
    func testTheWordWrittenMostOftenWinsWithItsEndingsCountedTogether() {
        let texts = ["Each kiosk certificate expires yearly.", "Renew the certificate before it expires.",
                     "Kiosk certificates live in the badge store.", "A certain kiosk is certified."]
        XCTAssertEqual(ClippedWordGuess.likeliestWord(clippedTo: "cert", in: texts), "certificate")
        XCTAssertEqual(ClippedWordGuess.likeliestWord(clippedTo: "CERT", in: texts), "certificate", "case does not matter")
    }

    func testNoGuessWithoutAClearWinner() {
        let even = ["authentication authentication authentication", "authorization authorization authorization"]
        XCTAssertNil(ClippedWordGuess.likeliestWord(clippedTo: "auth", in: even), "two words, each as often")
        XCTAssertNil(ClippedWordGuess.likeliestWord(clippedTo: "cert", in: ["one certificate", "two certificates"]),
                     "written twice is too rare")
    }

    func testAClippingKeepsAtMostHalfOfItsWord() {
        let texts = ["The extracted badge.", "Badges extracted nightly.", "An extracted copy.", "More extracted rows."]
        XCTAssertNil(ClippedWordGuess.likeliestWord(clippedTo: "extra", in: texts), "'extra' is a word of its own")
        XCTAssertEqual(ClippedWordGuess.likeliestWord(clippedTo: "extr", in: texts), "extracted")
    }

    func testOnlyWholeWordsOfLettersCount() {
        let texts = ["on-premises kiosks", "the premises badge", "premises2 premises3 xpremises", "Premises are leased."]
        XCTAssertEqual(ClippedWordGuess.likeliestWord(clippedTo: "prem", in: texts), "premises",
                       "a hyphen starts a word; digits or a letter before it make another word")
        XCTAssertNil(ClippedWordGuess.likeliestWord(clippedTo: "prem", in: ["premises2 premises3 xpremises premiseś"]))
    }

    func testAnIdentifierOfCodeIsNoWord() {
        let code = ["var mgmtExcept = error", "throw mgmtExcept", "log(mgmtExcept)", "mgmtExcept.message"]
        XCTAssertNil(ClippedWordGuess.likeliestWord(clippedTo: "mgmt", in: code), "a capital after a small letter")
        XCTAssertEqual(ClippedWordGuess.likeliestWord(clippedTo: "mgmt", in: code + ["MGMTCONSOLE", "Mgmtconsole mgmtconsole"]),
                       "mgmtconsole", "capitals throughout, or first, still make a word")
    }

    func testWhichQuestionWordsMayBeClippings() {
        XCTAssertTrue(ClippedWordGuess.mayBeClipping("cert"))
        XCTAssertTrue(ClippedWordGuess.mayBeClipping("Config"))
        XCTAssertFalse(ClippedWordGuess.mayBeClipping("ref"), "three letters begin too many words")
        XCTAssertFalse(ClippedWordGuess.mayBeClipping("CERT"), "capitals are an abbreviation's")
        XCTAssertFalse(ClippedWordGuess.mayBeClipping("with"), "a stop word")
        XCTAssertFalse(ClippedWordGuess.mayBeClipping("x64abc"))
        XCTAssertFalse(ClippedWordGuess.mayBeClipping("certificat"), "longer than a clipping")
    }

    // MARK: - In answers

    /// Twelve sections that each speak of the kiosks' `word` ("diagnostics"),
    /// and, when `clipping` is given, one that writes it once, about something else.
    static func articles(_ word: String, writingOnce clipping: String? = nil) -> [String: String] {
        var text = "# Northwind badge kiosks\n\n## Kiosk \(word)\n\nThe kiosk \(word) must be signed by the badge authority.\n\n"
        for number in 1...11 {
            text += "## Station \(number)\n\nStation \(number) renews its \(word) every \(number + 1) weeks.\n\n"
        }
        if let clipping { text += "## Lobby\n\nThe lobby screen shows a \(clipping) icon while the door is locked.\n\n" }
        return ["kiosks/badges.md": text]
    }

    func testAClippingNoDocumentWritesIsReadAsItsWord() throws {
        let engine = try InventedArticles.engine(Self.articles("diagnostics"), for: self)
        let answer = engine.answer("who must sign the kiosk diag?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.notes.contains { $0.hasPrefix("read “diag” as “diagnostics”: no document writes") }, text)
        XCTAssertFalse(answer.notes.contains { $0.contains("no document uses") }, text)
        XCTAssertTrue(text.contains("badge authority"), text)
    }

    func testAClippingTheDocumentsWriteSeldomIsReadAsItsWordToo() throws {
        // Guessed ("diag"), or the everyday clipping's word ("cert", see `Words.everydayTerms`).
        for (word, clipping) in [("diagnostics", "diag"), ("certificate", "cert")] {
            let engine = try InventedArticles.engine(Self.articles(word, writingOnce: clipping), for: self)
            let question = "who must sign the kiosk \(clipping)?"
            let parsed = engine.parse(question)
            XCTAssertTrue(parsed.guessedClippings.contains { $0.from == clipping && $0.to == word && $0.seldomWritten },
                          "\(parsed.guessedClippings)")
            XCTAssertTrue(parsed.tokens.contains { $0.word == clipping && $0.isAlternative }, "the written word stays beside it")
            let text = AnswerRenderer().render(engine.answer(question), as: .text)
            XCTAssertTrue(text.contains("read “\(clipping)” as “\(word)” too"), text)
            XCTAssertTrue(text.contains("badge authority"), text)
            XCTAssertFalse(text.contains("lobby screen"), text)
        }
    }

    func testAClippingTheDocumentsWriteOftenIsAWordOfItsOwn() throws {
        var articles = Self.articles("diagnostics", writingOnce: "diag")
        articles["kiosks/icons.md"] = "# Icons\n\n" + (1...4).map { "## Icon \($0)\n\nIcon \($0) is a diag icon.\n\n" }.joined()
        let parsed = try InventedArticles.engine(articles, for: self).parse("who must sign the kiosk diag?")
        XCTAssertTrue(parsed.guessedClippings.isEmpty, "five sections write 'diag': a word of its own there")
    }
}
