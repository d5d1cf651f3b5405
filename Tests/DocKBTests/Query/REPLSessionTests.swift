import XCTest
@testable import DocKB

final class REPLSessionTests: QueryTestCase {
    func testWhyExplainsAnAnswerLine() {
        let session = REPLSession(engine: engine)
        XCTAssertTrue(session.handle("why 1").text.contains("ask a question first"))
        _ = session.handle("what do I need for manual installation?")
        let line = session.lastAnswer!.items.first { $0.condition == "not source" }!.number
        let why = session.handle("why \(line)").text
        XCTAssertTrue(why.contains("requirements row"), why)
        XCTAssertTrue(why.contains("not source"), why)
        XCTAssertTrue(why.contains("source = not set"), why)
        XCTAssertTrue(why.contains("\(QueryFixture.prereqs) line 42"), why)
        XCTAssertTrue(why.contains("Manual installation"), "section heading\n\(why)")
        XCTAssertTrue(session.handle("why 999").text.contains("usage: why N"))
    }

    /// The REPL passes Ctrl-C as `stopRequested`: a query that would run for
    /// seconds (a hundred million recursive rows) ends at once when it is true.
    func testALongSQLQueryStopsWhenAskedTo() {
        let console = SQLConsole(store: engine.knowledgeBase.store)
        let started = Date()
        let asked = Date().addingTimeInterval(0.2)
        let output = console.run("""
            WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT count(*) FROM c
            """, stopRequested: { Date() > asked })
        XCTAssertEqual(output, "interrupted")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        // The connection is fine afterwards.
        XCTAssertTrue(console.run("SELECT 42").contains("42"))
    }

    func testSetChangesLaterAnswersAndUnsetForgets() {
        let session = REPLSession(engine: engine)
        XCTAssertEqual(session.handle("set source yes").text, "source = yes  (“you run setup with /source”)\n")
        XCTAssertTrue(session.handle("what do I need for manual installation?").text.contains("Left out"))
        XCTAssertTrue(session.handle("set forest another").text.hasPrefix("installing-agents-another-forest = yes"))
        XCTAssertTrue(session.handle("set schema not extended").text.hasPrefix("extended-directory-schema = no"))
        XCTAssertEqual(session.handle("set version 2107").text, "version = 2107\n")
        let context = session.handle("context").text
        XCTAssertTrue(context.contains("version = 2107") && context.contains("source = yes"), context)
        XCTAssertTrue(session.handle("set version soon").text.contains("not a version"))
        XCTAssertTrue(session.handle("set bananas yes").text.contains("no condition matches"))
        XCTAssertEqual(session.handle("unset source").text, "source forgotten\n")
        XCTAssertFalse(session.handle("what do I need for manual installation?").text.contains("Left out"))
        XCTAssertEqual(session.handle("unset all").text, "all facts forgotten\n")
        XCTAssertTrue(session.context.isEmpty)
    }

    func testSQLIsReadOnly() {
        let session = REPLSession(engine: engine)
        let select = session.handle("sql SELECT name, min_version FROM components ORDER BY name").text
        XCTAssertTrue(select.contains("Fabrikam Runtime") && select.contains("(4 rows)"), select)
        for write in ["sql DELETE FROM components", "sql INSERT INTO aliases(alias, entity_kind, name, document_id, line, anchor) VALUES ('x','y','z',1,1,'a')",
                      "sql DROP TABLE components", "sql SELECT 1; DELETE FROM components"] {
            XCTAssertTrue(session.handle(write).text.contains("read-only"), write)
        }
        XCTAssertTrue(session.handle("sql SELECT count(*) FROM components").text.contains("4"))
        XCTAssertTrue(session.handle("sql SELEC nonsense").text.hasPrefix("sql error"))
        let tables = session.handle("tables").text
        XCTAssertTrue(tables.contains("requirements") && !tables.contains("search_data"), tables)
        XCTAssertTrue(session.handle("schema ports").text.contains("CREATE TABLE ports"))
    }

    func testCompletionOfCommandsNamesAndVariables() {
        let session = REPLSession(engine: engine)
        XCTAssertEqual(session.completions(for: "wh"), ["why "])
        XCTAssertEqual(session.completions(for: "what do I need for remote pu"), ["what do I need for Remote push installation"])
        XCTAssertTrue(session.completions(for: "set sou").contains("set source"))
        XCTAssertTrue(session.completions(for: "sql SELECT * FROM comp").contains("sql SELECT * FROM components"))
        XCTAssertEqual(session.completions(for: "what about zzz"), [])
    }

    func testHelpSourcesAndQuit() {
        let session = REPLSession(engine: engine)
        XCTAssertTrue(session.handle("help").text.contains("why N"))
        XCTAssertTrue(session.handle("sources").text.contains(QueryFixture.ports))
        _ = session.handle("which port does remote control use?")
        XCTAssertTrue(session.handle("sources").text.contains("\(QueryFixture.ports)#remote-control"))
        XCTAssertTrue(session.handle("quit").quit)
        XCTAssertFalse(session.handle("").quit)
    }
}
