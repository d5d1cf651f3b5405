import XCTest
@testable import DocKB

/// A table keyed by release answers a question naming one release, which
/// is read as a stated version: the row, not a sentence naming the release.
final class KeyedRowAnswerTests: XCTestCase {
    static let article = """
        # Northwind relay client

        ## Supported versions

        Each release of the relay client has a build number of its own:

        | Version | Release date | Support end date |
        |---|---|---|
        | 2105<br/>7.1.2105 | June 1, 2021 | No earlier than June 1, 2023 |
        | 2011<br/>7.1.2011 | November 2, 2020 | June 1, 2022 |

        ## Using the relay client

        To manage kiosks that run an old system, use the Northwind relay client version 2105.

        When upgrading relay clients from version 2011 to version 2105, run the relay setup with the /keep switch.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["relay/client.md": Self.article], for: self)
    }

    private func text(_ answer: Answer) -> String { AnswerRenderer().render(answer, as: .text) }

    func testTheRowOfTheReleaseAskedLeadsTheAnswer() throws {
        let kb = try engine()
        let answer = kb.answer("when does support end for the 2011 Northwind relay client?")
        XCTAssertEqual(answer.items.first?.text, "2011 7.1.2011 — Release date: November 2, 2020; Support end date: June 1, 2022",
                       text(answer))
        XCTAssertEqual(answer.items.first?.group, AnswerEngine.keyedRowGroup, text(answer))
        // A quote holding every word (the lead-in with its table) answers by itself.
        let build = kb.answer("what build number is the 2105 relay client?")
        XCTAssertTrue(build.items.first?.text.contains("2105 7.1.2105 | June 1, 2021") ?? false, text(build))
        XCTAssertFalse(build.items.contains { $0.group == AnswerEngine.keyedRowGroup }, text(build))
    }

    func testTwoReleasesOrALineHoldingEveryWordKeepTheAnswer() throws {
        let kb = try engine()
        // From one release to another: the step between them is asked, not either row.
        let upgrade = kb.answer("upgrading relay clients from 2011 to 2105, which switch?")
        XCTAssertFalse(upgrade.items.contains { $0.group == AnswerEngine.keyedRowGroup }, text(upgrade))
        XCTAssertNil(AnswerEngine.row(keyedBy: "2012", in: MatrixTable(documentID: 1, sectionRank: 0, anchor: "", heading: "",
                                                                        rows: [(1, ["Version"]), (2, ["20121"])])))
    }
}
