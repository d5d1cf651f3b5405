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
        // A short opener, then the pronoun.
        XCTAssertTrue(AnswerEngine.continuesByPronoun("By default, it uses port 7010."))
        XCTAssertTrue(AnswerEngine.continuesByPronoun("Otherwise, they retry."))
        // The pronoun comes after a clause that names what it stands for.
        XCTAssertFalse(AnswerEngine.continuesByPronoun("When the relay starts up again, it retries."))
    }

    /// "By default, it uses port 7010.": the words of the sentence "it"
    /// stands for are the sentence's own, and a "what port" question is
    /// answered by the sentence that names a port.
    func testASentenceIsReadWithTheSentenceItsPronounStandsFor() throws {
        let engine = try InventedArticles.engine(["hub/relay.md": """
            # Badge relay

            ## Connect a relay to the uplink gateway

            - **Gateway name**: Type the name of the uplink gateway.
            - **Port**: Type the network port on which the relay reaches the uplink gateway. By default, it uses port 7010.
            - **Account**: By default, the relay uses its own service account and a signed token to reach the uplink gateway.

            """], for: self)
        let answer = engine.answer("what port does a relay use by default to reach the uplink gateway?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertEqual(answer.items.first?.text,
                       "Port: Type the network port on which the relay reaches the uplink gateway. By default, it uses port 7010.",
                       text)
        XCTAssertFalse(answer.items.contains { $0.text.contains("signed token") }, text)
    }
}
