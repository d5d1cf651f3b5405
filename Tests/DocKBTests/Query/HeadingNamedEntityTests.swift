import XCTest
@testable import DocKB

/// An article where a component is named once, in a table, and the list of
/// what to install from it stands under a heading that writes only its
/// abbreviation. Another subject's name shares words with the abbreviation's
/// long form, joined by "and".
final class HeadingNamedEntityTests: XCTestCase {
    static let article = """
        ---
        title: Infrastructure requirements for kiosk imaging
        ---
        # Infrastructure requirements for kiosk imaging

        ## Dependencies

        | Component | Minimum version | Description |
        |---|---|---|
        | Capture and Imaging Kit (CIK) | 4.2 | Tools that capture and service kiosk images. |

        ### CIK features

        Install the following features of the CIK:

        - Image Capture Tool
        - Driver Packager
        - Boot Media Builder

        ## Fabrikam Imaging Services

        Fabrikam Imaging Services (FIS) sends boot images to kiosks over the network.

        ### FIS requirements

        - The Fabrikam Imaging Services server must be a member of a domain.
        - The Fabrikam Imaging Services server requires a dedicated data disk.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["kiosk/imaging.md": Self.article], for: self)
    }

    private func text(_ answer: Answer) -> String { AnswerRenderer().render(answer, as: .text) }

    func testTheAndOfAnAbbreviationsLongFormJoinsNoTwoNames() throws {
        // "Fabrikam" asked, "imaging" only in what CIK stands for: not "Fabrikam Imaging Services".
        let names = try engine().parse("which Fabrikam CIK features do I need for kiosk imaging?").matches.map(\.entity.name)
        XCTAssertEqual(names.first, "Capture and Imaging Kit", "\(names)")
        XCTAssertFalse(names.contains("Fabrikam Imaging Services"), "\(names)")
    }

    func testLinesUnderAHeadingNamingTheComponentAreAboutIt() throws {
        let answer = try engine().answer("which Fabrikam CIK features do I need for kiosk imaging?")
        let lines = answer.items.map(\.text)
        for feature in ["Image Capture Tool", "Driver Packager", "Boot Media Builder"] {
            // Quoted under the heading, which is what names the component.
            XCTAssertTrue(lines.contains("CIK features › \(feature)"), text(answer))
        }
        XCTAssertFalse(lines.contains { $0.contains("member of a domain") }, text(answer))
    }
}
