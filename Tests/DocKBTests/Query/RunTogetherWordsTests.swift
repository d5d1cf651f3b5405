import XCTest
@testable import DocKB

/// A word of the question that runs together two words the documents write
/// side by side ("wifi", "Wi-Fi"), or an initial and a number ("o365"), is
/// read as the documents write them.
final class RunTogetherWordsTests: XCTestCase {
    func testEveryCutIntoTwoWordsOfTwoLettersOrMore() {
        XCTAssertEqual(RunTogetherWords.splits(of: "WiFi"), [["wi", "fi"]])
        XCTAssertEqual(RunTogetherWords.splits(of: "badgeid"), [["ba", "dgeid"], ["bad", "geid"], ["badg", "eid"], ["badge", "id"]])
        XCTAssertEqual(RunTogetherWords.splits(of: "abc"), [])
    }

    func testTheSplitWrittenMostOftenWins() {
        let candidates = RunTogetherWords.splits(of: "badgeid")
        XCTAssertEqual(RunTogetherWords.likeliestSplit(candidates, phraseSections: [0, 1, 0, 5], wordSections: 0), ["badge", "id"])
        XCTAssertNil(RunTogetherWords.likeliestSplit(candidates, phraseSections: [0, 0, 0, 0], wordSections: 0), "never written")
        XCTAssertNil(RunTogetherWords.likeliestSplit(candidates, phraseSections: [0, 0, 0, 9], wordSections: 1),
                     "a word written once needs its split ten times as often")
        XCTAssertEqual(RunTogetherWords.likeliestSplit(candidates, phraseSections: [0, 0, 0, 10], wordSections: 1), ["badge", "id"])
    }

    func testWhichQuestionWordsMayRunTogether() {
        XCTAssertTrue(RunTogetherWords.mayRunTogether("wifi"))
        XCTAssertFalse(RunTogetherWords.mayRunTogether("WIFI"), "capitals are an abbreviation's")
        XCTAssertFalse(RunTogetherWords.mayRunTogether("abc"), "too short")
        XCTAssertFalse(RunTogetherWords.mayRunTogether("x64abc"))
    }

    func testAnInitialAndANumber() {
        XCTAssertEqual(RunTogetherWords.initialAndNumber("N365")?.initial, "n")
        XCTAssertEqual(RunTogetherWords.initialAndNumber("n365")?.number, "365")
        XCTAssertNil(RunTogetherWords.initialAndNumber("n3"), "one digit is a version of many things")
        XCTAssertNil(RunTogetherWords.initialAndNumber("nw365"))
        let texts = ["Northwind 365 badges renew weekly.", "Use Northwind 365 for the kiosks.", "Northwind 365 admins sign them.",
                     "The north 365 gate.", "Nightly runs 365 days a year."]
        XCTAssertEqual(RunTogetherWords.likeliestWord(initial: "n", number: "365", in: texts), "northwind")
        XCTAssertNil(RunTogetherWords.likeliestWord(initial: "n", number: "365", in: Array(texts.prefix(2))), "written twice is too rare")
    }

    // MARK: - In answers

    /// A section on the kiosks' badge readers that writes `term` for them, and
    /// eleven more that use it, plus one that writes `runTogether` once, when given.
    static func articles(_ term: String, writingOnce runTogether: String? = nil) -> [String: String] {
        var text = "# Northwind badge kiosks\n\n## Readers\n\nEach \(term) reader must be paired by the badge authority.\n\n"
        for number in 1...11 {
            text += "## Station \(number)\n\nStation \(number) cleans its \(term) reader every \(number + 1) weeks.\n\n"
        }
        if let runTogether { text += "## Lobby\n\nThe lobby screen shows a \(runTogether) icon while the door is locked.\n\n" }
        return ["kiosks/readers.md": text]
    }

    func testAWordNoDocumentWritesIsReadAsTheTwoTheyWrite() throws {
        let engine = try InventedArticles.engine(Self.articles("Near-Field"), for: self)
        let question = "who pairs the nearfield reader?"
        XCTAssertEqual(engine.parse(question).corrections.map(\.to), ["near field"])
        let text = AnswerRenderer().render(engine.answer(question), as: .text)
        XCTAssertTrue(text.contains("read “nearfield” as “near field”"), text)
        XCTAssertTrue(text.contains("badge authority"), text)
    }

    func testAWordTheDocumentsWriteSeldomIsReadAsTheTwoToo() throws {
        let engine = try InventedArticles.engine(Self.articles("Near-Field", writingOnce: "nearfield"), for: self)
        XCTAssertEqual(engine.parse("who pairs the nearfield reader?").corrections.map(\.to), ["near field"])
        var often = Self.articles("Near-Field")
        often["kiosks/icons.md"] = "# Icons\n\n" + (1...4).map { "## Icon \($0)\n\nIcon \($0) is a nearfield icon.\n\n" }.joined()
        XCTAssertEqual(try InventedArticles.engine(often, for: self).parse("who pairs the nearfield reader?").corrections.count, 0,
                       "four sections write it: a word of its own there")
    }

    func testAnInitialRunIntoANumberIsReadAsTheWordTheDocumentsWriteBeforeIt() throws {
        let engine = try InventedArticles.engine(Self.articles("Northwind 365"), for: self)
        let question = "who pairs the n365 reader?"
        XCTAssertEqual(engine.parse(question).corrections.map(\.to), ["northwind 365"])
        let text = AnswerRenderer().render(engine.answer(question), as: .text)
        XCTAssertTrue(text.contains("badge authority"), text)
    }
}

/// Shorthand of the hurried: a slash form ("w/o"), and a run-together word
/// with an everyday clipping in it ("cmdline").
extension RunTogetherWordsTests {
    func testAPartTheEverydayTableReadsIsReadAsItsWord() {
        XCTAssertEqual(RunTogetherWords.readings(of: "cmdline").last, ["command", "line"])
        XCTAssertEqual(RunTogetherWords.readings(of: "wifi"), [["wi", "fi"]], "nothing to read: the splits alone")
    }

    func testSlashShorthandIsReadAsItsWord() {
        let (read, question) = QuestionParser.expandingShorthand("run it w/o the screen, W/O logs, w/ a badge; w/out, and/or")
        XCTAssertEqual(question, "run it without the screen, without logs, with a badge; w/out, and/or")
        XCTAssertEqual(read.map(\.to), ["without", "with"])
    }

    func testAQuestionWithShorthandIsReadAsTheDocumentsWriteIt() throws {
        let engine = try InventedArticles.engine(Self.articles("Near-Field"), for: self)
        let parsed = engine.parse("who must pair the near-field reader w/o a cable?")
        XCTAssertTrue(parsed.tokens.contains { $0.word == "without" })
        XCTAssertFalse(parsed.tokens.contains { $0.word == "w" || $0.word == "o" }, "\(parsed.tokens.map(\.word))")
        XCTAssertTrue(engine.answer("who must pair the near-field reader w/o a cable?").notes.contains("read “w/o” as “without”"))
        let command = try InventedArticles.engine(Self.articles("Command Line"), for: self)
        XCTAssertEqual(command.parse("who must pair the cmdline reader?").corrections.map(\.to), ["command line"])
    }
}
