import XCTest
@testable import DocKB

/// A quote that is a link to a section of its own document ("- [Badge
/// rejected](#rejected)") is answered by that section and its subsections.
final class SectionsLinkedToTests: XCTestCase {
    static let article = """
        # Troubleshoot Northwind badge kiosks

        ## Kiosk rejects a badge

        Look at the section for the message the kiosk shows:

        - [Badge outside its window](#symptom-window)
        - [Reader not paired](#symptom-pairing)

        ### <a name="symptom-window"></a> Badge outside its window

        #### Cause

        The badge was shown more than ten minutes after the kiosk woke.

        #### Workaround

        Wake the kiosk again by touching its screen. Then show the badge.

        ### <a name="symptom-pairing"></a> Reader not paired

        #### Cause

        The reader lost its pairing after a power cut.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["kiosks/troubleshoot.md": Self.article], for: self)
    }

    func testAQuotedLinkIsAnsweredByTheSectionItPointsTo() throws {
        let answer = try engine().answer("kiosk rejects a badge with \"badge outside its window\"")
        let text = AnswerRenderer().render(answer, as: .text)
        let quote = try XCTUnwrap(answer.items.first { $0.text.contains("Badge outside its window") }, text)
        XCTAssertTrue(quote.text.contains(AnswerEngine.nestedSeparator + "Cause: The badge was shown more than ten minutes"), text)
        XCTAssertTrue(quote.text.contains("Workaround: Wake the kiosk again"), text)
        XCTAssertFalse(quote.text.contains("power cut"), "another symptom's section stays out: \(text)")
        XCTAssertEqual(quote.source.anchor, "symptom-window", "cited where the section is")
    }

    func testASentenceThatOnlyMentionsALinkIsNotAnsweredByItsSection() throws {
        let engine = try engine()
        let section = try XCTUnwrap(engine.sectionsMatching("rejects", limit: 1).first)
        let link = section.cite(atLine: try XCTUnwrap(section.lines.firstIndex { $0.hasPrefix("Badge outside") }))
        XCTAssertNotNil(engine.sectionLinked(from: link, quoting: "Badge outside its window"))
        XCTAssertNil(engine.sectionLinked(from: link, quoting: "Badge outside its window, which is rare, is shown"),
                     "the quote must end with the link's text")
        XCTAssertNil(engine.sectionLinked(from: section.cite(atLine: 0), quoting: section.lines[0]), "no link on that line")
    }
}
