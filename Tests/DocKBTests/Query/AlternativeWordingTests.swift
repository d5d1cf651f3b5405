import XCTest
@testable import DocKB

/// A question's word with another wording put beside it ("let" with
/// "allow", "rename" with "name"): a text holding either holds the word, and
/// the other wording is never one more word a text must hold.
final class AlternativeWordingTests: XCTestCase {
    static let article = """
        # Fabrikam gadget fleets

        ## Gadget scopes

        A gadget scope groups the gadgets one team looks after. Scopes allow a team to see only its own gadgets,
        and prevent changes to the gadgets of other teams.

        To change the name of a gadget scope, you must have the **Modify** permission for the **Gadget Scopes** object.

        To run a gadget report, you need the **Run Report** permission for the **Report** object.

        ## Copying a relay disk

        Before you copy the disk of a relay, stop the Fabrikam relay service: type `net stop fabrelay` at a command prompt.

        ## Relay names

        A relay keeps its gadgets when you rename it, but the console doesn't let you rename a relay while it syncs.

        ## Relay backup

        Schedule the relay backup task to keep a copy of every relay's badge list. Relays without a backup lose their lists when they restart.

        ## Relay traffic

        The gadget firewall allows inbound relay traffic on port 7010 only.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["fleet/gadgets.md": Self.article], for: self)
    }

    func testTheParserPutsTheOtherWordingBesideTheWrittenOne() throws {
        let parsed = try engine().parse("which permission lets me rename a gadget scope")
        XCTAssertEqual(parsed.alternativeStems[Words.stem("allow")], Words.stem("lets"))
        XCTAssertEqual(parsed.alternativeWords["lets"], ["allow"])
        // A wording the question writes itself is a word asked, not another wording.
        let both = try engine().parse("does the firewall let or allow relay traffic")
        XCTAssertNil(both.alternativeStems[Words.stem("allow")])
    }

    /// "app" beside "application", where the documents write it out.
    func testAnAppIsAnApplicationWhereTheDocumentsSaySo() throws {
        let kb = try InventedArticles.engine(["fleet/requests.md": """
            # Gadget requests

            An application request that nobody approves within 30 days is removed.

            """], for: self)
        let parsed = kb.parse("how long until an unapproved app request is removed?")
        XCTAssertEqual(parsed.alternativeWords["app"], ["application"])
        let answer = kb.answer("when is an app request that nobody approves removed?")
        XCTAssertEqual(answer.items.first?.text, "An application request that nobody approves within 30 days is removed.",
                       AnswerRenderer().render(answer, as: .text))
        // A text that says neither gets no other wording.
        XCTAssertNil(try engine().parse("which app uses relay traffic").alternativeWords["app"])
    }

    /// Two words with other wordings ("lets", "rename"), neither in the row as
    /// written: the row holds one wording of each, which is all of the question.
    func testAPermissionRowHoldingOneWordingOfEachWordAnswers() throws {
        let answer = try engine().answer("which permission lets me rename a gadget scope")
        let permissions = answer.items.filter { $0.kind == "permission" }.map(\.text)
        XCTAssertEqual(permissions.first?.hasPrefix("Modify on Gadget Scopes"), true, AnswerRenderer().render(answer, as: .text))
    }

    /// A typed row's share of the question's words counts a word and its
    /// other wording once: held by either, it is held.
    func testOverlapCountsAWordAndItsOtherWordingOnce() throws {
        let kb = try engine()
        let parsed = kb.parse("which permission lets me rename a gadget scope")
        let query = kb.actionStems(parsed)
        let row = "to change the name of a gadget scope Modify Gadget Scopes"
        XCTAssertTrue(query.contains(Words.stem("allow")), "\(query)")
        let folded = kb.overlap(query, row, alternatives: parsed.alternativeStems)
        let counted = kb.overlap(query, row)
        // Held: "rename" (as "name"), "gadget", "scope"; lacking: "lets" (nor "allow").
        let held = ["rename", "gadget", "scope"].map { kb.lexicon.weight(Words.stem($0)) }.reduce(0, +)
        let lacking = kb.lexicon.weight(Words.stem("lets"))
        XCTAssertEqual(folded, held / (held + lacking), accuracy: 1e-9)
        XCTAssertLessThan(counted, folded)
    }

    /// The sentence writes the question's own word ("stop"), not the other
    /// wording ("prevent"): it still holds every word.
    func testASentenceWithTheWrittenWordHoldsEveryWord() throws {
        let answer = try engine().answer("which service do I stop before I copy the disk of a relay?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(text.contains("net stop fabrelay"), text)
        XCTAssertTrue(text.contains(AnswerEngine.everyWordGroup), text)
    }

    /// The sentence writes only the other wording ("allows" for "let").
    func testASentenceWithTheOtherWordingHoldsEveryWord() throws {
        let answer = try engine().answer("does the gadget firewall let inbound relay traffic?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(text.contains("port 7010"), text)
        XCTAssertTrue(text.contains(AnswerEngine.everyWordGroup), text)
    }

    /// "back up" where the documents write "backup": the word the verb and its
    /// particle make holds both; the particle is no word of its own to find.
    func testAVerbAndItsParticleAreReadAsTheWordTheyMake() throws {
        let kb = try engine()
        let parsed = kb.parse("how do I back up a relay's badge list?")
        XCTAssertEqual(parsed.alternativeStems[Words.stem("backup")], Words.stem("back"))
        XCTAssertFalse(parsed.tokens.contains { $0.word == "up" }, "\(parsed.tokens.map(\.word))")
        let answer = kb.answer("how do I back up a relay's badge list?")
        XCTAssertTrue(answer.items.first?.text.hasPrefix("Schedule the relay backup task") ?? false,
                      AnswerRenderer().render(answer, as: .text))
        // No join the documents do not write ("set up" gives no "setup" here).
        XCTAssertNil(kb.parse("how do I set up a relay?").alternativeStems[Words.stem("setup")])
    }
}
