import XCTest
@testable import DocKB

/// "What is the minimum version for ...?" is answered by the sentence that
/// gives a release, not by rules of the same subject that give none.
final class ReleaseAnswerTests: XCTestCase {
    static let article = """
        # Fabrikam hub badge sync and door actions

        Fabrikam hub version 2207 and later let a portal operator open doors remotely and copy badges to the hub.

        ## Prerequisites

        - An operator account with owner rights on the Fabrikam hub portal.
        - The Open door action permission in the Fabrikam hub portal, for door actions.

        """

    func testAReleaseSentenceOutranksRulesThatGiveNone() throws {
        let engine = try InventedArticles.engine(["hub/badge-sync.md": Self.article], for: self)
        let answer = engine.answer("what is the minimum Fabrikam hub version for badge sync and door actions?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.found, text)
        XCTAssertEqual(answer.items.first?.source.line, 3, text)
        XCTAssertTrue(text.contains("2207"), text)
    }

    /// "Starting in version N, X does Y. It replaces Z.": asked about Z, the
    /// answer is the sentence giving the release, with the one going on about it.
    func testASentenceGoingOnByPronounCreditsTheReleaseBeforeIt() throws {
        let engine = try InventedArticles.engine(["hub/printing.md": """
            # Badge printing

            ## Overview

            Starting in version 2301, use the hub to print badges at each door. It retires the Contoso spool relay that older sites ran on a separate server.

            Printers report their toner level to the hub instead of the console.

            """], for: self)
        let answer = engine.answer("which version do I need to print instead of the Contoso spool relay?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.items.first?.text.hasPrefix("Starting in version 2301") ?? false, text)
    }

    /// "Which firmware version must a door run for badge relay ...?": the
    /// rules of the subject the question names that give a release.
    func testAVersionQuestionNamingASubjectGetsItsRulesThatGiveARelease() throws {
        let engine = try InventedArticles.engine(["hub/relay.md": """
            # Badge relay

            ## Prerequisites

            - An operator account on the hub portal.
            - For offline doors only: a door controller running firmware 4.1 or later, paired with the hub.
            - A network path from each door to the hub.

            ## Sign-in

            Operators sign in with their identity at the console. Nobody signed in means the console is locked.

            """], for: self)
        // Too many of the question's words are elsewhere for any one rule to hold enough of them.
        let answer = engine.answer(
            "which firmware version must a paired door controller run for the badge relay to authenticate with its identity when nobody is signed in at the console?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertEqual(answer.items.map(\.source.line), [6], text)
    }
}
