import Foundation
import GRDB
import XCTest
@testable import DocKB

/// The 59 revisions of the seed article, then the seed itself, built one
/// after the other as updates of one document in one source folder: every
/// build succeeds and records in `changes` what a diff of the two files shows.
final class RevisionReplayTests: XCTestCase {
    private struct Step {
        var name: String
        var history: BuildHistoryEntry
    }

    func testReplayingEveryRevisionRecordsTheChangesADiffShows() throws {
        let revisions = try PackagePaths.sharedData("revisions/prerequisites-for-deploying-clients-to-windows-computers")
        let seed = try PackagePaths.sharedData("seed/prerequisites-for-deploying-clients-to-windows-computers.md")
        let names = try FileManager.default.contentsOfDirectory(atPath: revisions.path).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(names.count, 59)

        let root = try ScratchFolder.make(for: self)
        let source = root.appendingPathComponent("docs")
        let output = root.appendingPathComponent("out")
        let document = source.appendingPathComponent("core/clients/deploy/prerequisites.md")
        try FileManager.default.createDirectory(at: document.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A second, unchanging document: incremental builds must leave it alone.
        try ScratchFolder.write("# Other\n\n| Component | Description |\n|---|---|\n| Widget | Needed |\n", to: "other.md", in: source)

        var steps: [Step] = []
        for (name, url) in names.map({ ($0, revisions.appendingPathComponent($0)) }) + [("seed", seed)] {
            try? FileManager.default.removeItem(at: document)
            try FileManager.default.copyItem(at: url, to: document)
            let report = try BuildPipeline(source: source, output: output, sitePublisher: StaticSitePublisher()).run()
            XCTAssertEqual(report.errors, [], name)
            guard let history = report.history else {
                // Two revisions can be byte-identical: then nothing is built.
                continue
            }
            XCTAssertEqual(history.kind, steps.isEmpty ? .first : .incremental, name)
            if !steps.isEmpty { XCTAssertEqual(history.documentsParsed, 1, "\(name): only the changed document is parsed") }
            steps.append(Step(name: String(name.prefix(2)), history: history))
        }
        XCTAssertGreaterThan(steps.count, 50)

        func changes(to revision: String) throws -> [String] {
            try XCTUnwrap(steps.first { $0.name == revision }, "no build for \(revision)").history.changes.map(\.description)
        }
        // A component row added (revision 23) and one removed (44).
        XCTAssertTrue(try changes(to: "23").contains("component Microsoft Intune PC software client added"))
        XCTAssertTrue(try changes(to: "44").contains("component Microsoft Silverlight removed"))
        // A minimum version raised, twice.
        XCTAssertTrue(try changes(to: "40").contains("component Microsoft SQL Server Compact min_version 3.5 SP2 → 4.0"))
        XCTAssertTrue(try changes(to: "41").contains("component Microsoft SQL Server Compact min_version 4.0 → 4.0 SP1"))
        // An installation method added, and nothing about methods removed.
        let added = try changes(to: "31")
        XCTAssertTrue(added.contains("install_method Microsoft Intune MDM installation added"))
        XCTAssertFalse(added.contains { $0.hasPrefix("install_method") && $0.hasSuffix("removed") })
        // A requirement reworded: one change of its text, not a removal and an addition.
        let reworded = try XCTUnwrap(steps.first { $0.name == "36" }).history.changes
            .filter { $0.entityName == "Microsoft Intune MDM installation" }
        XCTAssertEqual(reworded.map(\.kind), [.changed])
        XCTAssertEqual(reworded.first?.field, "text")
        // The seed drops the Windows Installer version the last revision gave.
        XCTAssertTrue(try changes(to: "se").contains("component Windows Installer min_version 3.1.4000.2435 → (none)"))

        // The knowledge base holds the same history, in order, and ends like a clean build of the seed.
        let queue = try DatabaseQueue(path: output.appendingPathComponent(KnowledgeBaseWriter.fileName).path)
        let stored = try queue.read { db in
            (try Int.fetchAll(db, sql: "SELECT id FROM builds ORDER BY id"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM changes") ?? 0)
        }
        try queue.close()
        XCTAssertEqual(stored.0, Array(1...steps.count))
        XCTAssertEqual(stored.1, steps.reduce(0) { $0 + $1.history.changes.count })

        let clean = root.appendingPathComponent("clean")
        try BuildPipeline(source: source, output: clean, sitePublisher: StaticSitePublisher()).run()
        XCTAssertEqual(try IncrementalBuildTests.dump(output, includingHistory: false),
                       try IncrementalBuildTests.dump(clean, includingHistory: false))
        XCTAssertEqual(try IncrementalBuildTests.differingFiles(output, clean), [])
    }
}
