import Foundation
import GRDB
import XCTest
@testable import DocKB

final class KnowledgeBaseWriterTests: XCTestCase {
    private var folder: URL!
    private var counts = StoreCounts()
    private var storedDiagnostics: [Diagnostic] = []

    override func setUpWithError() throws {
        folder = try ScratchFolder.make(for: self)
        let writer = KnowledgeBaseWriter(outputFolder: folder)
        counts = try writer.publish(documentPaths: [SampleDocuments.otherPath, SampleDocuments.guidePath],
                                    buildInfo: ["source_folder": "/docs"]) { session in
            storedDiagnostics += try session.add(SampleDocuments.other(), facts: SampleDocuments.otherFacts(), links: [])
            storedDiagnostics += try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(),
                                                 links: SampleDocuments.guideLinks())
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        try KnowledgeBase(url: folder.appendingPathComponent("kb.sqlite")).read(body)
    }

    private func strings(_ sql: String) throws -> [String] {
        try read { try String.fetchAll($0, sql: sql) }
    }

    private func count(_ table: String) throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    func testANewKnowledgeBaseHasTheLargestPages() throws {
        // Written once, in bulk: the largest pages split and write least (see `KnowledgeBaseWriter.pageSize`).
        XCTAssertEqual(try read { try Int.fetchOne($0, sql: "PRAGMA page_size") }, 65536)
    }

    func testDocumentRowsKeepFrontMatterAndIdsFollowTheGivenOrder() throws {
        let rows = try read { try Row.fetchAll($0, sql: "SELECT id, path, title, ms_date, author, sha256, front_matter FROM documents ORDER BY id") }
        XCTAssertEqual(rows.map { $0["path"] as String }, [SampleDocuments.otherPath, SampleDocuments.guidePath])
        XCTAssertEqual(rows[1]["title"] as String, "Setup guide")
        XCTAssertEqual(rows[1]["ms_date"] as String, "06/01/2020")
        XCTAssertEqual(rows[1]["author"] as String, "writer")
        XCTAssertEqual(rows[1]["sha256"] as String, "abc123")
        XCTAssertEqual(rows[1]["front_matter"] as String, #"{"author":"writer","ms.date":"06\/01\/2020","title":"Setup"}"#)
    }

    func testSectionsKeepTheHeadingTreeAndTheirOwnText() throws {
        let rows = try read { try Row.fetchAll($0, sql: """
            SELECT s.heading, s.anchor, s.slug, s.level, s.line, p.heading AS parent, s.body
            FROM sections s LEFT JOIN sections p ON p.id = s.parent_id
            JOIN documents d ON d.id = s.document_id WHERE d.path = 'guide/setup.md' ORDER BY s.line
            """) }
        XCTAssertEqual(rows.map { $0["heading"] as String }, ["Setup guide", "Requirements", "Notes"])
        XCTAssertEqual(rows.map { $0["parent"] as String? }, [nil, "Setup guide", "Requirements"])
        XCTAssertEqual(rows[1]["anchor"] as String, "bkmk_req")
        XCTAssertEqual(rows[1]["slug"] as String, "requirements")
        XCTAssertEqual(rows[0]["body"] as String, "Read the other first.")
        XCTAssertTrue((rows[1]["body"] as String).contains("Agent | Needs setup.exe restart"), rows[1]["body"] as String)
        XCTAssertTrue((rows[1]["body"] as String).contains("Nested two"))
        XCTAssertTrue((rows[2]["body"] as String).contains("Careful with restarts"))
    }

    func testAnchorsHoldExplicitAndSlugForms() throws {
        let anchors = try strings("""
            SELECT a.anchor || ':' || a.kind FROM anchors a JOIN documents d ON d.id = a.document_id
            WHERE d.path = 'guide/setup.md' ORDER BY a.line, a.kind
            """)
        XCTAssertEqual(anchors, ["setup-guide:slug", "bkmk_req:explicit", "requirements:slug", "notes:slug"])
    }

    func testTablesKeepEveryRowAndCellWithHeaderAtIndexZero() throws {
        let cells = try read { try Row.fetchAll($0, sql: """
            SELECT r.row_index, r.is_header, r.line, c.column_index, c.text, c.markdown
            FROM table_cells c JOIN table_rows r ON r.id = c.row_id JOIN doc_tables t ON t.id = r.table_id
            WHERE t.ordinal = 0 ORDER BY r.row_index, c.column_index
            """) }
        XCTAssertEqual(cells.count, 6)
        XCTAssertEqual(cells[0]["text"] as String, "Component")
        XCTAssertEqual(cells[0]["is_header"] as Bool, true)
        XCTAssertEqual(cells[0]["row_index"] as Int, 0)
        XCTAssertEqual(cells[2]["markdown"] as String, "**Agent**")
        XCTAssertEqual(cells[2]["text"] as String, "Agent")
        XCTAssertEqual(cells[3]["markdown"] as String, "Needs `setup.exe`<br />restart")
        XCTAssertEqual(cells[3]["text"] as String, "Needs setup.exe\nrestart")
        XCTAssertEqual(cells[3]["line"] as Int, 15)
    }

    func testTableCountAndClassificationFollowTheDocuments() throws {
        let expected = SampleDocuments.tableCount(SampleDocuments.guide().blocks) + SampleDocuments.tableCount(SampleDocuments.other().blocks)
        XCTAssertEqual(expected, 2)
        XCTAssertEqual(try count("doc_tables"), expected)
        XCTAssertEqual(counts.tables, expected)
        let tables = try read { try Row.fetchAll($0, sql: "SELECT t.ordinal, t.line, t.kind, t.shape, t.column_count, s.heading AS section FROM doc_tables t LEFT JOIN sections s ON s.id = t.section_id ORDER BY ordinal") }
        XCTAssertEqual(tables[0]["kind"] as String?, "components")
        XCTAssertEqual(tables[0]["shape"] as String, "component|description")
        XCTAssertEqual(tables[0]["section"] as String, "Requirements")
        XCTAssertNil(tables[1]["kind"] as String?)
        XCTAssertEqual(tables[1]["shape"] as String, "port|use")
        XCTAssertEqual(tables[1]["line"] as Int, 23)
        XCTAssertEqual(counts.classifiedTables, 1)
        XCTAssertTrue(storedDiagnostics.contains { $0.location.line == 23 && $0.message.contains("not classified (header port|use)") },
                      "\(storedDiagnostics)")
    }

    func testListsKeepNestingInItemsAndInAlerts() throws {
        let items = try read { try Row.fetchAll($0, sql: """
            SELECT i.text, i.depth, i.position, i.line, l.ordered, parent.text AS parent_text
            FROM list_items i JOIN lists l ON l.id = i.list_id
            LEFT JOIN list_items parent ON parent.id = l.parent_item_id ORDER BY i.line, i.id
            """) }
        XCTAssertEqual(items.map { $0["text"] as String },
                       ["First", "Nested one", "Nested two", "Second\nPort | Use\n443 | HTTPS", "Inside the alert"])
        XCTAssertEqual(items.map { $0["depth"] as Int }, [0, 1, 1, 0, 0])
        XCTAssertEqual(items.map { $0["parent_text"] as String? }, [nil, "First", "First", nil, nil])
        XCTAssertEqual(items.map { $0["ordered"] as Bool }, [false, true, true, false, false])
        XCTAssertEqual(try count("lists"), 3)
        XCTAssertEqual(counts.listItems, 5)
    }

    func testAlertsCommentsIncludesAndDiagnosticsAreStored() throws {
        XCTAssertEqual(try strings("SELECT kind || '@' || line || ':' || text FROM alerts"),
                       ["important@29:Careful with restarts\nInside the alert"])
        XCTAssertEqual(try strings("SELECT line || ':' || text FROM comments ORDER BY line"),
                       ["9:<!-- SCCMDocs-pr#1 -->", "16:<!-- 42 -->", "33:<!-- first -->", "34:<!-- second -->"])
        XCTAssertEqual(try strings("SELECT name || '=' || path FROM includes"), ["shared=../includes/shared.md"])
        XCTAssertEqual(try strings("SELECT path || ':' || line || ':' || message FROM diagnostics ORDER BY path, line"),
                       ["guide/other.md:2:odd front matter", "guide/setup.md:16:row without a version",
                        "guide/setup.md:23:table stored but not classified (header port|use)"])
    }

    func testLinksRecordTargetDocumentAnchorAndStatus() throws {
        let links = try read { try Row.fetchAll($0, sql: """
            SELECT l.line, l.status, l.target_anchor, t.path AS target, s.heading AS section
            FROM links l LEFT JOIN documents t ON t.id = l.target_document_id
            LEFT JOIN sections s ON s.id = l.section_id ORDER BY l.line
            """) }
        XCTAssertEqual(links.map { $0["status"] as String }, ["resolved", "dangling-document"])
        XCTAssertEqual(links[0]["target"] as String?, SampleDocuments.otherPath)
        XCTAssertEqual(links[0]["target_anchor"] as String?, "part")
        XCTAssertEqual(links[0]["section"] as String?, "Setup guide")
        XCTAssertNil(links[1]["target"] as String?)
        XCTAssertEqual(counts.links, [.resolved: 1, .danglingDocument: 1])
    }

    func testLinksMayPointAtDocumentsWrittenLater() throws {
        let later = try ScratchFolder.make(for: self)
        try KnowledgeBaseWriter(outputFolder: later).publish(
            documentPaths: [SampleDocuments.guidePath, SampleDocuments.otherPath], buildInfo: [:]
        ) { session in
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: SampleDocuments.guideLinks())
            try session.add(SampleDocuments.other(), facts: SampleDocuments.otherFacts(), links: [])
        }
        let (target, violations) = try KnowledgeBase(url: later.appendingPathComponent("kb.sqlite")).read { db in
            (try String.fetchOne(db, sql: """
                SELECT t.path FROM links l JOIN documents t ON t.id = l.target_document_id
                """),
             try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
        }
        XCTAssertEqual(target, SampleDocuments.otherPath)
        XCTAssertEqual(violations, 0)
    }

    func testTypedRowsCiteDocumentLineAndAnchor() throws {
        let guideID = try read { try Int64.fetchOne($0, sql: "SELECT id FROM documents WHERE path = 'guide/setup.md'") }
        for table in ["components", "site_system_roles", "security_roles", "permissions", "ports",
                      "install_methods", "requirements", "aliases"] {
            let rows = try read { try Row.fetchAll($0, sql: "SELECT document_id, line, anchor FROM \(table)") }
            XCTAssertEqual(rows.count, 1, table)
            XCTAssertEqual(rows.first?["document_id"] as Int64?, guideID, table)
            XCTAssertGreaterThan(rows.first?["line"] as Int? ?? 0, 0, table)
            XCTAssertFalse((rows.first?["anchor"] as String? ?? "").isEmpty, table)
        }
        let component = try XCTUnwrap(try read { try Row.fetchOne($0, sql: "SELECT * FROM components") })
        XCTAssertEqual(component["name"] as String, "Agent")
        XCTAssertEqual(component["min_version"] as String?, "4.5.2")
        XCTAssertEqual(component["file"] as String?, "setup.exe")
        XCTAssertEqual(component["may_restart"] as Bool, true)
        let port = try XCTUnwrap(try read { try Row.fetchOne($0, sql: "SELECT * FROM ports") })
        XCTAssertEqual(port["protocol"] as String, "TCP")
        XCTAssertEqual(port["source"] as String?, "client")
        XCTAssertEqual(port["destination"] as String?, "management point")
        XCTAssertEqual(port["condition"] as String?, "source")
        XCTAssertEqual(try strings("SELECT necessity FROM site_system_roles"), ["required"])
        XCTAssertEqual(try strings("SELECT condition FROM install_methods"), ["upgrade"])
    }

    func testRequirementConditionsAreCanonicalTextAndDecodableJSON() throws {
        let row = try XCTUnwrap(try read { try Row.fetchOne($0, sql: "SELECT * FROM requirements") })
        XCTAssertEqual(row["necessity"] as String?, "optional, recommended")
        XCTAssertEqual(row["condition"] as String?, "not extended-schema or another-forest")
        let json = try XCTUnwrap(row["condition_json"] as String?)
        XCTAssertEqual(try JSONDecoder().decode(Condition.self, from: Data(json.utf8)), SampleDocuments.schemaOrForest)
        XCTAssertEqual(row["mentions"] as String, #"[{"kind":"site_system_role","name":"management point"}]"#)
        XCTAssertEqual(try strings("SELECT name || '=' || phrase FROM condition_variables ORDER BY name"),
                       ["another-forest=a different forest", "extended-schema=extended the schema"])
        XCTAssertEqual(counts.conditionVariables, 2)
    }

    func testFullTextSearchFindsSectionsAndFacts() throws {
        let sections = try strings("SELECT title FROM search WHERE search MATCH 'careful' AND kind = 'section'")
        XCTAssertEqual(sections, ["Notes"])
        let hits = try strings("SELECT kind FROM search WHERE search MATCH 'management' ORDER BY kind")
        XCTAssertTrue(hits.contains("site_system_role") && hits.contains("alias") && hits.contains("port"), "\(hits)")
        // Porter stemming: "restarting" finds "restarts".
        XCTAssertFalse(try strings("SELECT title FROM search WHERE search MATCH 'restarting'").isEmpty)
        XCTAssertEqual(try count("search"), counts.searchEntries)
        // Merging is off while a build adds rows, and back to FTS5's default for whoever writes next.
        XCTAssertEqual(try strings("SELECT v FROM search_config WHERE k = 'automerge'"), ["\(KnowledgeBaseWriter.ftsAutomerge)"])
    }

    func testBuildInfoNamesToolSchemaAndSource() throws {
        let info = try KnowledgeBase(url: folder.appendingPathComponent("kb.sqlite")).buildInfo()
        XCTAssertEqual(info["source_folder"], "/docs")
        XCTAssertEqual(info["tool_version"], KnowledgeBaseWriter.toolVersion)
        XCTAssertEqual(info["schema_migrations"], "v1-lossless-layer v1-typed-layer v1-full-text-index v2-build-history v3-section-body-lines")
    }

    func testReaderCannotWrite() throws {
        XCTAssertThrowsError(try read { try $0.execute(sql: "DELETE FROM documents") })
    }
}
