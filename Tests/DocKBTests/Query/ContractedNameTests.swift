import XCTest
@testable import DocKB

/// A name's missing words written short beside the words a question does
/// write ("configmgr console" for "Configuration Manager console") name that
/// thing, not another one.
final class ContractedNameTests: XCTestCase {
    func testAContractionTakesEachWordsFirstLetterInTurn() {
        XCTAssertTrue(QuestionParser.contracts("configmgr", ["Configuration", "Manager"]))
        XCTAssertTrue(QuestionParser.contracts("cm", ["Configuration", "Manager"]))
        XCTAssertTrue(QuestionParser.contracts("RelayMgr", ["Relay", "Manager"]))
        XCTAssertFalse(QuestionParser.contracts("sql", ["Configuration", "Manager"]))
        XCTAssertFalse(QuestionParser.contracts("config", ["Configuration", "Manager"]), "every word must be in it")
        XCTAssertFalse(QuestionParser.contracts("c", ["Configuration", "Manager"]))
        XCTAssertFalse(QuestionParser.contracts("mc", ["Configuration", "Manager"]), "in their order")
    }

    func testAContractedNameIsTheThingNamed() throws {
        let kb = try InventedArticles.engine(["hub/ports.md": """
            # Ports used by the hub

            ## Relay Manager console -- > Badge Store

            |Description|UDP|TCP|
            |---|---|---|
            |RPC Endpoint Mapper|135|135|

            ## Site hub -- > Badge Store

            |Description|UDP|TCP|
            |---|---|---|
            |Server Message Block (SMB)|--|445|

            """], for: self)
        let answer = kb.answer("which ports does the relaymgr console need to reach the badge store?")
        XCTAssertEqual(answer.subject, "port use \"Relay Manager console -- > Badge Store\"", AnswerRenderer().render(answer, as: .text))
        XCTAssertFalse(answer.items.contains { $0.text.contains("445") }, AnswerRenderer().render(answer, as: .text))
    }
}
