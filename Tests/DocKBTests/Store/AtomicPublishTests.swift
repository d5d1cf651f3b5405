import Foundation
import GRDB
import XCTest
@testable import DocKB

final class AtomicPublishTests: XCTestCase {
    private struct Interrupted: Error {}

    private func publishOther(to folder: URL) throws {
        try KnowledgeBaseWriter(outputFolder: folder).publish(documentPaths: [SampleDocuments.otherPath], buildInfo: [:]) {
            try $0.add(SampleDocuments.other(), facts: SampleDocuments.otherFacts(), links: [])
        }
    }

    private func documentPaths(in folder: URL) throws -> [String] {
        try KnowledgeBase(url: folder.appendingPathComponent("kb.sqlite")).read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            return try String.fetchAll(db, sql: "SELECT path FROM documents ORDER BY id")
        }
    }

    private func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "kb.sqlite" }
    }

    func testAnExceptionMidwayLeavesThePreviousKnowledgeBaseIntact() throws {
        let folder = try ScratchFolder.make(for: self)
        try publishOther(to: folder)

        XCTAssertThrowsError(try KnowledgeBaseWriter(outputFolder: folder).publish(
            documentPaths: [SampleDocuments.guidePath, SampleDocuments.otherPath], buildInfo: [:]
        ) { session in
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: [])
            throw Interrupted()
        }) { XCTAssertTrue($0 is Interrupted) }

        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.otherPath])
        XCTAssertEqual(try leftovers(in: folder), [], "the temporary file must be removed")
    }

    func testAFailingInsertLeavesThePreviousKnowledgeBaseIntact() throws {
        let folder = try ScratchFolder.make(for: self)
        try publishOther(to: folder)

        // The same document twice violates documents.path UNIQUE inside the transaction.
        XCTAssertThrowsError(try KnowledgeBaseWriter(outputFolder: folder).publish(
            documentPaths: [SampleDocuments.guidePath], buildInfo: [:]
        ) { session in
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: [])
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: [])
        }) { XCTAssertTrue($0 is DatabaseError, "\($0)") }

        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.otherPath])
        XCTAssertEqual(try leftovers(in: folder), [])
    }

    func testALinkToADocumentNeverWrittenFailsTheForeignKeyCheck() throws {
        let folder = try ScratchFolder.make(for: self)
        try publishOther(to: folder)

        // Announced, linked to, but never added: the check before commit refuses it.
        XCTAssertThrowsError(try KnowledgeBaseWriter(outputFolder: folder).publish(
            documentPaths: [SampleDocuments.guidePath, SampleDocuments.otherPath], buildInfo: [:]
        ) { session in
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: SampleDocuments.guideLinks())
        }) { XCTAssertEqual(($0 as? DatabaseError)?.extendedResultCode, .SQLITE_CONSTRAINT_FOREIGNKEY, "\($0)") }

        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.otherPath])
        XCTAssertEqual(try leftovers(in: folder), [], "the refused file must be removed")
    }

    /// Committed, the new knowledge base can be read where it was written;
    /// `kb.sqlite` stays the previous one until it is moved into place.
    func testACommittedKnowledgeBaseIsReadableBeforeItIsInPlace() throws {
        let folder = try ScratchFolder.make(for: self)
        try publishOther(to: folder)
        let (counts, pending) = try KnowledgeBaseWriter(outputFolder: folder).commit(
            documentPaths: [SampleDocuments.guidePath], buildInfo: [:], start: .empty(history: nil)
        ) { try $0.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: []) }
        XCTAssertEqual(counts.documents, 1)
        let committed = try KnowledgeBase(url: pending.file).read { try String.fetchAll($0, sql: "SELECT path FROM documents") }
        XCTAssertEqual(committed, [SampleDocuments.guidePath])
        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.otherPath])

        try pending.moveIntoPlace()
        try pending.moveIntoPlace()
        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.guidePath])
        DeferredRemoval.waitForAll()
        XCTAssertEqual(try leftovers(in: folder), [])
    }

    /// A copy started ahead of the patch is what the patch starts from; one
    /// a build drops, or one that failed, leaves nothing behind.
    func testACopyMadeAheadIsPatchedOrRemoved() throws {
        let folder = try ScratchFolder.make(for: self)
        try publishOther(to: folder)
        let writer = KnowledgeBaseWriter(outputFolder: folder)
        let kb = folder.appendingPathComponent("kb.sqlite")

        var dropped: KnowledgeBaseCopy? = writer.startCopy(of: kb)
        dropped = nil
        XCTAssertNil(dropped)
        XCTAssertEqual(try leftovers(in: folder), [], "a dropped copy was left behind")

        let missing = writer.startCopy(of: folder.appendingPathComponent("absent.sqlite"))
        XCTAssertThrowsError(try missing.take())
        XCTAssertEqual(try leftovers(in: folder), [], "a failed copy was left behind")

        let copy = writer.startCopy(of: kb)
        let (_, pending) = try writer.commit(documentPaths: [SampleDocuments.otherPath, SampleDocuments.guidePath],
                                             buildInfo: [:], start: .copy(kb), copy: copy) { session in
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: [])
        }
        try pending.moveIntoPlace()
        DeferredRemoval.waitForAll()
        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.otherPath, SampleDocuments.guidePath],
                       "the patch did not start from the copy of the previous knowledge base")
        XCTAssertEqual(try leftovers(in: folder), [])
    }

    /// A committed knowledge base that fails its check is never moved into
    /// place, and one a build drops without moving leaves nothing behind.
    func testACommittedKnowledgeBaseThatFailsOrIsDroppedLeavesThePreviousOne() throws {
        let folder = try ScratchFolder.make(for: self)
        try publishOther(to: folder)
        let paths = [SampleDocuments.guidePath, SampleDocuments.otherPath]
        let (_, dangling) = try KnowledgeBaseWriter(outputFolder: folder).commit(documentPaths: paths, buildInfo: [:],
                                                                                  start: .empty(history: nil)) { session in
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: SampleDocuments.guideLinks())
        }
        for _ in 0..<2 {
            XCTAssertThrowsError(try dangling.moveIntoPlace()) {
                XCTAssertEqual(($0 as? DatabaseError)?.extendedResultCode, .SQLITE_CONSTRAINT_FOREIGNKEY, "\($0)")
            }
        }
        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.otherPath])
        XCTAssertEqual(try leftovers(in: folder), [])

        var dropped: PendingKnowledgeBase? = try KnowledgeBaseWriter(outputFolder: folder).commit(
            documentPaths: [SampleDocuments.guidePath], buildInfo: [:], start: .empty(history: nil)
        ) { try $0.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: []) }.1
        XCTAssertEqual(try leftovers(in: folder).count, 1)
        dropped = nil
        XCTAssertNil(dropped)
        XCTAssertEqual(try leftovers(in: folder), [])
        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.otherPath])
    }

    /// A patch checks only the rows it wrote, but still refuses a dangling one.
    func testAPatchThatLeavesADanglingReferenceIsRefused() throws {
        let folder = try ScratchFolder.make(for: self)
        let paths = [SampleDocuments.otherPath, SampleDocuments.guidePath]
        let writer = KnowledgeBaseWriter(outputFolder: folder)
        try writer.publish(documentPaths: paths, buildInfo: [:]) { session in
            try session.add(SampleDocuments.other(), facts: SampleDocuments.otherFacts(), links: [])
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: SampleDocuments.guideLinks())
        }
        let kb = folder.appendingPathComponent("kb.sqlite")
        let guideID = try KnowledgeBase(url: kb).read { try Int64.fetchOne($0, sql: "SELECT id FROM documents WHERE path = ?",
                                                                           arguments: [SampleDocuments.guidePath]) }!

        // Rewriting the guide as it was passes the check.
        try writer.publish(documentPaths: paths, buildInfo: [:], start: .copy(kb)) { session in
            try session.removeDocument(id: guideID)
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: SampleDocuments.guideLinks())
        }
        // A section of the rewritten guide whose parent is missing does not.
        XCTAssertThrowsError(try writer.publish(documentPaths: paths, buildInfo: [:], start: .copy(kb)) { session in
            try session.removeDocument(id: guideID)
            try session.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: SampleDocuments.guideLinks())
            try session.db.execute(sql: "UPDATE sections SET parent_id = 999 WHERE document_id = ? AND parent_id IS NOT NULL",
                                   arguments: [guideID])
        }) { error in
            guard case KnowledgeBaseError.danglingReference(let table, let column, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual([table, column], ["sections", "parent_id"])
        }
        XCTAssertEqual(try documentPaths(in: folder), paths)
        XCTAssertEqual(try leftovers(in: folder), [])
    }

    func testADocumentNotAnnouncedIsRefused() throws {
        let folder = try ScratchFolder.make(for: self)
        XCTAssertThrowsError(try KnowledgeBaseWriter(outputFolder: folder).publish(documentPaths: [], buildInfo: [:]) {
            try $0.add(SampleDocuments.other(), facts: ExtractedFacts(), links: [])
        }) { XCTAssertEqual($0 as? KnowledgeBaseError, .documentNotAnnounced(SampleDocuments.otherPath)) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("kb.sqlite").path))
    }

    func testAnOpenReaderKeepsSeeingTheKnowledgeBaseItOpened() throws {
        let folder = try ScratchFolder.make(for: self)
        try publishOther(to: folder)
        let reader = try KnowledgeBase(url: folder.appendingPathComponent("kb.sqlite"))

        try KnowledgeBaseWriter(outputFolder: folder).publish(documentPaths: [SampleDocuments.guidePath], buildInfo: [:]) {
            try $0.add(SampleDocuments.guide(), facts: SampleDocuments.guideFacts(), links: [])
        }

        XCTAssertEqual(try reader.read { try String.fetchAll($0, sql: "SELECT path FROM documents") }, [SampleDocuments.otherPath])
        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.guidePath])
    }

    func testTheReplacedKnowledgeBaseIsRemovedOnceTheNewOneIsInPlace() throws {
        let folder = try ScratchFolder.make(for: self)
        try publishOther(to: folder)
        let old = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("kb.sqlite").path)[.systemFileNumber]
        try publishOther(to: folder)
        DeferredRemoval.waitForAll()
        XCTAssertNotEqual(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("kb.sqlite").path)[.systemFileNumber] as? Int,
                          old as? Int, "a new file took the name")
        XCTAssertEqual(try leftovers(in: folder), [], "the name the old file was kept under is gone")
        XCTAssertEqual(try documentPaths(in: folder), [SampleDocuments.otherPath])
    }

    func testABuildRemovesWhatKilledBuildsLeftBehind() throws {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# Guide\n", to: "docs/guide.md", in: root)
        let output = root.appendingPathComponent("out")
        try BuildPipeline(source: root.appendingPathComponent("docs"), output: output).run()
        let left = ["kb.sqlite.4242-0A1B2C3D.tmp", "kb.sqlite.4243.old"]
        for name in left { try Data("left by a killed build".utf8).write(to: output.appendingPathComponent(name)) }
        try Data("not dockb's".utf8).write(to: output.appendingPathComponent("kb.sqlite.notes"))

        try ScratchFolder.write("# Guide\n\nMore.\n", to: "docs/guide.md", in: root)
        try BuildPipeline(source: root.appendingPathComponent("docs"), output: output).run()
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        XCTAssertEqual(names.filter { $0.hasPrefix("kb.sqlite") }.sorted(), ["kb.sqlite", "kb.sqlite.notes"])
    }

    func testAnOutputPathThatIsAFileIsAClearError() throws {
        let folder = try ScratchFolder.make(for: self)
        try ScratchFolder.write("not a folder", to: "taken", in: folder)
        let output = folder.appendingPathComponent("taken/site")
        XCTAssertThrowsError(try KnowledgeBaseWriter(outputFolder: output).publish(documentPaths: [], buildInfo: [:]) { _ in }) {
            guard case KnowledgeBaseError.cannotCreateOutputFolder(let path, _) = $0 else {
                return XCTFail("unexpected \($0)")
            }
            XCTAssertEqual(path, output.path)
        }
    }

    func testOpeningSomethingElseIsNotAKnowledgeBase() throws {
        let folder = try ScratchFolder.make(for: self)
        try ScratchFolder.write("plain text", to: "kb.sqlite", in: folder)
        XCTAssertThrowsError(try KnowledgeBase(url: folder.appendingPathComponent("kb.sqlite"))) {
            guard case KnowledgeBaseError.notAKnowledgeBase = $0 else { return XCTFail("unexpected \($0)") }
        }
    }
}
