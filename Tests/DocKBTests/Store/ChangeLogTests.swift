import Foundation
import GRDB
import XCTest
@testable import DocKB

/// Reading the recorded build history back, and printing it.
final class ChangeLogTests: XCTestCase {
    typealias Rows = BuildHistoryRows

    static let history: [BuildHistoryEntry] = [
        BuildHistoryEntry(id: 1, kind: .first, documents: 2, documentsParsed: 2, sourcesSHA256: "aa", changes: []),
        BuildHistoryEntry(id: 2, kind: .incremental, documents: 2, documentsParsed: 1, sourcesSHA256: "bb", changes: [
            Rows.added("component", "Remote Differential Compression", "core/x.md", 42),
            Rows.changed("component", "Windows Installer", "min_version", "3.1.4000.2435", nil, "core/x.md", 44),
        ]),
        BuildHistoryEntry(id: 3, kind: .full, documents: 3, documentsParsed: 3, sourcesSHA256: "cc", changes: [
            Rows.removed("component", "Microsoft Silverlight", "core/x.md", 40),
            Rows.changed("requirement", "Windows clients", "text", "Clients need internet access.",
                         "Clients need access to the internet.", "core/y.md", 7),
        ]),
    ]

    private func knowledgeBase(_ entries: [BuildHistoryEntry] = history) throws -> URL {
        let url = try Rows.makeDatabase(in: try ScratchFolder.make(for: self))
        try Rows.record(entries, in: url)
        return url
    }

    func testNewestBuildsFirstWithTheirChangesAsRecorded() throws {
        let log = try ChangeLog(knowledgeBase: try knowledgeBase())
        XCTAssertTrue(log.recordsHistory)
        XCTAssertEqual(try log.buildCount(), 3)
        let latest = try log.entries(.latest(2))
        XCTAssertEqual(latest, [Self.history[2], Self.history[1]])
        XCTAssertNil(latest[1].changes[1].newValue, "a dropped version reads back as no value, not an empty one")
    }

    func testSelections() throws {
        let log = try ChangeLog(knowledgeBase: try knowledgeBase())
        XCTAssertEqual(try log.entries(.latest(1)).map(\.id), [3])
        XCTAssertEqual(try log.entries(.latest(10)).map(\.id), [3, 2, 1])
        XCTAssertEqual(try log.entries(.since(1)).map(\.id), [3, 2])
        XCTAssertEqual(try log.entries(.build(2)).map(\.id), [2])
        XCTAssertEqual(try log.entries(.build(9)).map(\.id), [])
        XCTAssertEqual(try log.entries(.all).map(\.id), [3, 2, 1])
    }

    func testAKnowledgeBaseWithoutBuildsHasAnEmptyHistory() throws {
        let log = try ChangeLog(knowledgeBase: try knowledgeBase([]))
        XCTAssertTrue(log.recordsHistory)
        XCTAssertEqual(try log.entries(.latest(5)), [])
        XCTAssertEqual(try log.buildCount(), 0)
    }

    /// Knowledge bases written before the history tables existed still open.
    func testAKnowledgeBaseFromBeforeTheHistoryHasNone() throws {
        let url = try Rows.makeDatabase(in: try ScratchFolder.make(for: self), upTo: "v1-full-text-index")
        let log = try ChangeLog(knowledgeBase: url)
        XCTAssertFalse(log.recordsHistory)
        XCTAssertEqual(try log.entries(.all), [])
        XCTAssertEqual(try log.buildCount(), 0)
        XCTAssertThrowsError(try KnowledgeBase(url: url), "the query reader refuses it; the change log must not")
    }

    func testFilesThatAreNoKnowledgeBaseAreNamed() throws {
        let folder = try ScratchFolder.make(for: self)
        let missing = folder.appendingPathComponent("nothing.sqlite")
        XCTAssertThrowsError(try ChangeLog(knowledgeBase: missing)) { error in
            XCTAssertEqual(error as? KnowledgeBaseError, .notAKnowledgeBase(missing.path, reason: "no such file"))
        }
        try ScratchFolder.write("# Not a database\n", to: "notes.sqlite", in: folder)
        XCTAssertThrowsError(try ChangeLog(knowledgeBase: folder.appendingPathComponent("notes.sqlite"))) { error in
            XCTAssertTrue("\(error)".contains("notes.sqlite is not a dockb knowledge base"), "\(error)")
        }
    }

    func testAnUnknownBuildKindIsReportedWithItsRow() throws {
        let url = try knowledgeBase()
        try DatabaseQueue(path: url.path).write { db in try db.execute(sql: "UPDATE builds SET kind = 'partial' WHERE id = 2") }
        XCTAssertThrowsError(try ChangeLog(knowledgeBase: url).entries(.all)) { error in
            XCTAssertEqual(error as? ChangeLogError,
                           .unknownValue(path: url.path, table: "builds", id: 2, column: "kind", value: "partial"))
        }
    }

    // MARK: - Text

    func testSummaryAndChangeLines() {
        XCTAssertEqual(Self.history[1].text(), [
            "build 2 (incremental, 1 of 2 documents parsed): 1 added, 0 removed, 1 changed",
            "  + component Remote Differential Compression  (core/x.md:42)",
            "  ~ component Windows Installer: min_version 3.1.4000.2435 → (none)  (core/x.md:44)",
        ])
        XCTAssertEqual(Self.history[2].text(indent: ""), [
            "build 3 (full, 3 of 3 documents parsed): 0 added, 1 removed, 1 changed",
            "- component Microsoft Silverlight  (core/x.md:40)",
            "~ requirement “Windows clients” reworded: “Clients need internet access.” → “Clients need access to the internet.”  (core/y.md:7)",
        ])
        XCTAssertEqual(Self.history[0].summary, "build 1 (first, 2 of 2 documents parsed): no fact changed")
    }

    func testLongSentencesAreCutToTheWordsThatDiffer() {
        let old = "Internet access is required for clients that are managed over the internet, to reach the cloud management gateway."
        let new = "Internet access is required for clients that are managed over the internet, to reach the CMG and the cloud."
        let change = Rows.changed("requirement", "Microsoft Intune MDM installation", "text", old, new, "a.md", 3)
        XCTAssertEqual(change.lines, [
            "~ requirement “Microsoft Intune MDM installation” reworded  (a.md:3)",
            "    was: “… internet, to reach the cloud management gateway.”",
            "    now: “… internet, to reach the CMG and the cloud.”",
        ])
    }

    func testALongListIsCutAndCounted() {
        let many = (1...5).map { Rows.added("port", "TCP \($0)", "p.md", $0) }
        let entry = BuildHistoryEntry(id: 4, kind: .incremental, documents: 1, documentsParsed: 1, sourcesSHA256: "", changes: many)
        let lines = entry.text(limit: 2)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines.last, "  … 3 more; `dockb changes` lists them all")
    }
}
