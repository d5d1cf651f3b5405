import XCTest
@testable import DocKB

/// A quoted sentence that begins by pointing back ("These credentials are
/// ...", "It can also ...") is quoted with the sentence it points back to.
final class PronounReferenceTests: XCTestCase {
    func testASentenceBeginningWithAPronounBringsTheSentenceBeforeIt() throws {
        let engine = try InventedArticles.engine(["hub/relay.md": """
            # Badge relay

            ## Accounts

            When the relay can't sign in as itself, the hub keeps an operator name and password for it. These stored credentials, kept in the hub vault, are the relay service account.

            ## Doors

            Each door reports to the nearest relay. A door never signs in with the relay service account.

            """], for: self)
        let answer = engine.answer("what is the relay service account?")
        let text = AnswerRenderer().render(answer, as: .text)
        let quote = try XCTUnwrap(answer.items.first { $0.text.contains("These stored credentials") }, text)
        XCTAssertTrue(quote.text.hasPrefix("When the relay can't sign in as itself"), text)
    }

    func testThePronounsThatPointBack() {
        XCTAssertTrue(AnswerEngine.continuesByPronoun("These credentials are the account."))
        XCTAssertTrue(AnswerEngine.continuesByPronoun("It can also use the account."))
        XCTAssertFalse(AnswerEngine.continuesByPronoun("Items are listed below."))
        XCTAssertFalse(AnswerEngine.continuesByPronoun("Iterate over the doors."))
    }
}
