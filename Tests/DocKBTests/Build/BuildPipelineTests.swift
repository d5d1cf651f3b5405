import Foundation
import GRDB
import XCTest
@testable import DocKB

/// The pipeline's own duties: scanning, ordering, publishing, reporting and
/// handing over to the site publisher. What the parser and extractor find is
/// checked by their own tests and by `SourceBuildTests`.
final class BuildPipelineTests: XCTestCase {
    private final class RecordingPublisher: SitePublisher, @unchecked Sendable {
        private let lock = NSLock()
        private var builds: [CompletedBuild] = []
        /// What the publisher saw when called, and after placing the knowledge base.
        private(set) var documentsReadAtCall: Int?
        private(set) var inPlaceAtCall = false
        private(set) var inPlaceAfterPlacing = false
        let failure: (any Error)?

        init(failure: (any Error)? = nil) { self.failure = failure }

        var received: [CompletedBuild] { lock.withLock { builds } }

        func publish(_ build: CompletedBuild) throws {
            if let failure { throw failure }
            let destination = build.outputFolder.appendingPathComponent(KnowledgeBaseWriter.fileName).path
            let documents = try KnowledgeBase(url: build.knowledgeBase).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") }
            let inPlace = FileManager.default.fileExists(atPath: destination)
            try build.placeKnowledgeBase()
            lock.withLock {
                builds.append(build)
                documentsReadAtCall = documents
                inPlaceAtCall = inPlace
                inPlaceAfterPlacing = FileManager.default.fileExists(atPath: destination)
            }
        }
    }

    private struct RendererBroke: Error, CustomStringConvertible {
        var description: String { "renderer broke" }
    }

    private func sourceFolder() throws -> URL {
        let root = try ScratchFolder.make(for: self)
        let source = root.appendingPathComponent("docs")
        for path in ["b/two.md", "a.md", "b/a/three.md", "c.md"] {
            try ScratchFolder.write("# \(path)\n\nText.\n", to: path, in: source)
        }
        return source
    }

    func testEveryFileBecomesADocumentInSortedOrder() throws {
        let source = try sourceFolder()
        let output = source.deletingLastPathComponent().appendingPathComponent("out")
        let report = try BuildPipeline(source: source, output: output).run()
        XCTAssertEqual(report.counts.documents, 4)
        XCTAssertEqual(report.knowledgeBase, output.appendingPathComponent("kb.sqlite").path)
        let paths = try KnowledgeBase(url: output.appendingPathComponent("kb.sqlite")).read {
            try String.fetchAll($0, sql: "SELECT path FROM documents ORDER BY id")
        }
        XCTAssertEqual(paths, ["a.md", "b/a/three.md", "b/two.md", "c.md"])
        let info = try KnowledgeBase(url: output.appendingPathComponent("kb.sqlite")).buildInfo()
        XCTAssertEqual(info["source_folder"], source.path)
    }

    /// The site is rendered from the committed knowledge base while it goes
    /// to disk; the publisher puts it in place before making its own output visible.
    func testTheSitePublisherReadsTheCommittedKnowledgeBaseAndPlacesItFirst() throws {
        let source = try sourceFolder()
        let output = source.deletingLastPathComponent().appendingPathComponent("out")
        let publisher = RecordingPublisher()
        try BuildPipeline(source: source, output: output, sitePublisher: publisher).run()
        XCTAssertEqual(publisher.received.count, 1)
        XCTAssertEqual(publisher.documentsReadAtCall, 4)
        XCTAssertFalse(publisher.inPlaceAtCall, "a first build's knowledge base was in place before the site was rendered")
        XCTAssertTrue(publisher.inPlaceAfterPlacing)
        XCTAssertEqual(publisher.received.first?.outlines.map(\.path), ["a.md", "b/a/three.md", "b/two.md", "c.md"])
        XCTAssertEqual(publisher.received.first?.outputFolder, output.standardizedFileURL)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("kb.sqlite") },
                       ["kb.sqlite"], "the committed file was moved, not copied")
    }

    func testASiteFailureIsReportedAndKeepsTheKnowledgeBase() throws {
        let source = try sourceFolder()
        let output = source.deletingLastPathComponent().appendingPathComponent("out")
        XCTAssertThrowsError(try BuildPipeline(source: source, output: output,
                                               sitePublisher: RecordingPublisher(failure: RendererBroke())).run()) {
            XCTAssertEqual($0 as? BuildError, .sitePublishingFailed("renderer broke"))
        }
        XCTAssertNoThrow(try KnowledgeBase(url: output.appendingPathComponent("kb.sqlite")), "a failed site lost the knowledge base")
    }

    func testAMissingSourceFolderFailsBeforeTouchingTheOutput() throws {
        let root = try ScratchFolder.make(for: self)
        let output = root.appendingPathComponent("out")
        XCTAssertThrowsError(try BuildPipeline(source: root.appendingPathComponent("absent"), output: output).run()) {
            XCTAssertEqual($0 as? BuildError, .sourceFolderMissing(root.appendingPathComponent("absent").path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testScannerWarningsReachTheReportAndTheDiagnosticsTable() throws {
        let source = try sourceFolder()
        try FileManager.default.createSymbolicLink(atPath: source.appendingPathComponent("b/loop").path, withDestinationPath: "..")
        let output = source.deletingLastPathComponent().appendingPathComponent("out")
        let report = try BuildPipeline(source: source, output: output).run()
        XCTAssertEqual(report.warnings.first?.location.path, "b/loop")
        let stored = try KnowledgeBase(url: output.appendingPathComponent("kb.sqlite")).read {
            try String.fetchAll($0, sql: "SELECT path FROM diagnostics")
        }
        XCTAssertTrue(stored.contains("b/loop"), "\(stored)")
        XCTAssertEqual(stored.count, report.warnings.count)
    }

    func testDanglingLinksAreListedAfterOtherWarnings() throws {
        let root = try ScratchFolder.make(for: self)
        let source = root.appendingPathComponent("docs")
        try ScratchFolder.write("# A\n\nSee [gone](gone.md).\n", to: "a.md", in: source)
        try ScratchFolder.write("# Z\n\n| Colour | Mood |\n|---|---|\n| blue | calm |\n", to: "z.md", in: source)
        let report = try BuildPipeline(source: source, output: root.appendingPathComponent("out")).run()
        XCTAssertEqual(report.warnings.map(\.description), [
            "z.md:3: warning: table stored but not classified (header colour|mood)",
            "a.md:3: warning: dangling link: gone.md is not a document of the source folder",
        ])
    }

    func testTheSameSourcesGiveTheSameDatabaseContent() throws {
        let output = try ScratchFolder.make(for: self)
        var dumps: [String] = []
        for run in 0..<2 {
            let folder = output.appendingPathComponent("run\(run)")
            try BuildPipeline(source: PackagePaths.docsSource, output: folder).run()
            dumps.append(try Self.dump(folder.appendingPathComponent("kb.sqlite")))
        }
        XCTAssertGreaterThan(dumps[0].count, 1000)
        XCTAssertTrue(dumps[0] == dumps[1], "two builds of docs-src differ")
    }

    /// Every row of every table, in rowid order: what `sqlite3 .dump` compares.
    static func dump(_ knowledgeBase: URL) throws -> String {
        try KnowledgeBase(url: knowledgeBase).read { db in
            var lines: [String] = []
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_%' ORDER BY name
                """)
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") {
                    lines.append(table + " " + row.description)
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    func testReportTextListsCountsAndLimitsWarnings() {
        var counts = StoreCounts()
        counts.documents = 3
        counts.tables = 5
        counts.classifiedTables = 4
        counts.links = [.resolved: 7, .danglingAnchor: 1]
        counts.components = 2
        let warnings = (1...3).map { Diagnostic(at: SourceLocation(path: "a.md", line: $0), "problem \($0)") }
        var report = BuildReport(sourceFolder: "docs", knowledgeBase: "out/kb.sqlite", counts: counts,
                                 warnings: warnings,
                                 phases: [.init(name: "parse", seconds: 1.25), .init(name: "write", seconds: 0.25)])
        XCTAssertTrue(report.text().hasPrefix("Up to date: out/kb.sqlite"), "no history: nothing was built")
        report.history = BuildHistoryEntry(id: 4, kind: .incremental, documents: 3, documentsParsed: 1, sourcesSHA256: "x",
                                           changes: [FactChange(kind: .added, entityType: "component", entityName: "C", field: nil, oldValue: nil, newValue: nil,
                                                                path: "a.md", line: 3)])
        let text = report.text(maxWarnings: 2)
        XCTAssertTrue(text.hasPrefix("Built out/kb.sqlite from docs in 1.50 s (parse 1.25, write 0.25)\n"
                                     + "build 4 (incremental): 1 of 3 documents parsed; facts: 1 added, 0 removed, 0 changed\n"), text)
        for line in ["documents                   3",
                     "tables                      5  (4 classified, 1 unclassified)",
                     "links                       8  (7 resolved, 1 dangling-anchor)",
                     "  components                2",
                     "warnings                    3",
                     "  a.md:1: warning: problem 1",
                     "  a.md:2: warning: problem 2",
                     "  ... 1 more; all are in the diagnostics table of out/kb.sqlite"] {
            XCTAssertTrue(text.contains(line + "\n") || text.hasSuffix(line), "missing \(line) in\n\(text)")
        }
        XCTAssertFalse(text.contains("problem 3"))
        XCTAssertTrue(report.text().contains("problem 3"))
    }
}
