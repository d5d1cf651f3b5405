import Foundation
import GRDB
import XCTest
@testable import DocKB

/// Incremental builds give what a clean build of the same sources gives,
/// row for row and byte for byte; a build with nothing to do writes nothing;
/// the changelog of a replayed history matches what a diff of the files shows.
final class IncrementalBuildTests: XCTestCase {
    private func copyOfDocsSource() throws -> URL {
        let root = try ScratchFolder.make(for: self)
        let source = root.appendingPathComponent("docs-src")
        try FileManager.default.copyItem(at: PackagePaths.docsSource, to: source)
        return source
    }

    @discardableResult
    private func build(_ source: URL, into output: URL) throws -> BuildReport {
        try BuildPipeline(source: source, output: output, sitePublisher: StaticSitePublisher()).run()
    }

    private func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) no longer says \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    func testAnIncrementalBuildEqualsACleanBuild() throws {
        let source = try copyOfDocsSource()
        let output = source.deletingLastPathComponent().appendingPathComponent("incremental")
        try build(source, into: output)

        // A fact changes in the seed; a heading (an anchor other documents link to) in another document.
        let seed = source.appendingPathComponent("core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md")
        try replace("|Windows Installer|", with: "|Windows Installer version 5.0|", in: seed)
        let firewall = source.appendingPathComponent("core/clients/deploy/windows-firewall-and-port-settings-for-clients.md")
        try replace("## Programs and Ports that Configuration Manager Requires", with: "## Ports dockb tests renamed", in: firewall)

        let report = try build(source, into: output)
        let history = try XCTUnwrap(report.history)
        XCTAssertEqual(history.kind, .incremental)
        XCTAssertEqual(history.changes.filter { $0.entityType == "component" }.map(\.description),
                       ["component Windows Installer min_version (none) → 5.0"])
        XCTAssertLessThan(history.documentsParsed, history.documents, "unchanged documents were parsed again")
        XCTAssertGreaterThanOrEqual(history.documentsParsed, 2)

        let clean = source.deletingLastPathComponent().appendingPathComponent("clean")
        try build(source, into: clean)
        try assertSameKnowledgeBase(output, clean)
        XCTAssertEqual(try Self.differingFiles(output, clean), [])
    }

    /// Another build of dockb may read the documents differently: all are
    /// parsed again, but the history goes on and the facts are compared.
    func testAnotherDockbParsesEverythingAndTheHistoryGoesOn() throws {
        let (_, _, history) = try rebuildAfterTampering("UPDATE build_info SET value = 'another build' WHERE key = 'tool_build'")
        XCTAssertEqual(history.id, 2)
        XCTAssertEqual(history.kind, .full)
        XCTAssertEqual(history.documentsParsed, history.documents)
        XCTAssertEqual(history.changes.filter { $0.entityType == "component" }.map(\.description),
                       ["component Windows Installer min_version (none) → 5.0"])
    }

    /// Cached facts this dockb cannot read: the build parses every document
    /// instead of failing, and the history goes on, marked as compared with nothing.
    func testUnreadableCachedFactsMeanAFullBuildThatKeepsTheHistory() throws {
        let (source, output, history) = try rebuildAfterTampering("UPDATE document_cache SET facts = x'0102'")
        XCTAssertEqual(history.id, 2)
        XCTAssertEqual(history.kind, .first)
        XCTAssertEqual(history.documentsParsed, history.documents)
        let clean = source.deletingLastPathComponent().appendingPathComponent("clean")
        try build(source, into: clean)
        try assertSameKnowledgeBase(output, clean)
    }

    /// Builds a copy of docs-src, runs `sql` on its knowledge base, changes a
    /// fact in the seed (Windows Installer gains a minimum version) and builds
    /// again: the source, the output folder and the second build's history.
    private func rebuildAfterTampering(_ sql: String) throws -> (source: URL, output: URL, history: BuildHistoryEntry) {
        let source = try copyOfDocsSource()
        let output = source.deletingLastPathComponent().appendingPathComponent("out")
        try build(source, into: output)
        try DatabaseQueue(path: output.appendingPathComponent("kb.sqlite").path).write { try $0.execute(sql: sql) }
        let seed = source.appendingPathComponent("core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md")
        try replace("|Windows Installer|", with: "|Windows Installer version 5.0|", in: seed)
        return (source, output, try XCTUnwrap(try build(source, into: output).history))
    }

    /// Rewording prose (no fact, heading, link or line changes) keeps the
    /// entity and reference pages, unless a page quotes the reworded document.
    func testAProseEditKeepsFactPagesUnlessTheyQuoteIt() throws {
        let source = try copyOfDocsSource()
        let output = source.deletingLastPathComponent().appendingPathComponent("incremental")
        let siteReports = SiteReports()
        func buildRecording() throws -> (BuildReport, SiteReport) {
            let report = try BuildPipeline(source: source, output: output,
                                           sitePublisher: StaticSitePublisher(onReport: siteReports.append)).run()
            return (report, try XCTUnwrap(siteReports.last))
        }
        _ = try buildRecording()
        // Where an earlier dockb kept the page manifest: the next render removes it.
        let formerManifest = output.appendingPathComponent(PageManifest.formerFileName)
        try Data("{}".utf8).write(to: formerManifest)

        let concepts = source.appendingPathComponent("core/plan-design/hierarchy/fundamental-concepts-for-content-management.md")
        try replace("This content requires a large amount of network bandwidth",
                    with: "This content needs a lot of network bandwidth", in: concepts)
        var (report, site) = try buildRecording()
        XCTAssertEqual(report.history?.changes, [], "no fact changed")
        XCTAssertFalse(site.factPagesRendered, "the entity and reference pages were rendered again")
        XCTAssertEqual(site.documentPagesRendered, 1)
        XCTAssertEqual(site.entityPages, 56)
        XCTAssertEqual(site.searchRowsReused, 14, "the search rows of the unchanged documents were made again")
        XCTAssertFalse(FileManager.default.fileExists(atPath: formerManifest.path))
        try assertSameAsACleanBuild(output, of: source)

        // A paragraph added to the last section moves blocks, but no heading, anchor or fact.
        let file = try FileHandle(forWritingTo: concepts)
        try file.seekToEnd()
        try file.write(contentsOf: Data("\nOne more paragraph.\n".utf8))
        try file.close()
        (report, site) = try buildRecording()
        XCTAssertEqual(report.history?.changes, [])
        XCTAssertFalse(site.factPagesRendered, "an added paragraph re-rendered the entity and reference pages")
        try assertSameAsACleanBuild(output, of: source)

        // A renamed heading changes what citations on those pages say: they are rendered again.
        try replace("## Prestage content", with: "## Prestaging content", in: concepts)
        (report, site) = try buildRecording()
        XCTAssertTrue(site.factPagesRendered, "pages citing the renamed section were kept")
        try assertSameAsACleanBuild(output, of: source)

        // The firewall document's client push section is quoted on that method's page.
        let firewall = source.appendingPathComponent("core/clients/deploy/windows-firewall-and-port-settings-for-clients.md")
        let method = output.appendingPathComponent("install-methods/client-push-installation.html")
        let before = try Data(contentsOf: method)
        try replace("add the following as exceptions to the Windows Firewall",
                    with: "add these exceptions to the Windows Firewall", in: firewall)
        (report, site) = try buildRecording()
        XCTAssertEqual(report.history?.changes, [])
        XCTAssertTrue(site.factPagesRendered, "a page quoting the reworded text was kept")
        XCTAssertNotEqual(try Data(contentsOf: method), before)
        try assertSameAsACleanBuild(output, of: source)

        // A fact alone: other documents' links are kept, not resolved again; all else is rendered.
        let seed = source.appendingPathComponent("core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md")
        try replace("|Windows Installer|", with: "|Windows Installer version 5.0|", in: seed)
        (report, site) = try buildRecording()
        XCTAssertEqual(report.history?.changes.filter { $0.entityType == "component" }.count, 1)
        XCTAssertTrue(site.factPagesRendered)
        try assertSameAsACleanBuild(output, of: source)
    }

    private func assertSameAsACleanBuild(_ output: URL, of source: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let clean = source.deletingLastPathComponent().appendingPathComponent("clean-\(UUID().uuidString)")
        try build(source, into: clean)
        try assertSameKnowledgeBase(output, clean, file: file, line: line)
        XCTAssertEqual(try Self.differingFiles(output, clean), [], file: file, line: line)
    }

    /// A link written as raw HTML leads where the other document's anchors
    /// say: renaming the heading it points at changes the linking page too.
    func testARawHTMLLinkFollowsARenamedHeading() throws {
        let root = try ScratchFolder.make(for: self)
        let source = root.appendingPathComponent("docs")
        // An HTML block: cmark-gfm hands it over as raw HTML, not as a link.
        try ScratchFolder.write("# Guide\n\n<p>See <a href=\"setup.md#network-notes\">the notes</a> first.</p>\n",
                                to: "docs/guide.md", in: root)
        try ScratchFolder.write("# Setup\n\n## Network notes\n\nThe network is fast.\n", to: "docs/setup.md", in: root)
        let output = root.appendingPathComponent("incremental")
        try build(source, into: output)
        let guide = output.appendingPathComponent("docs/guide.html")
        XCTAssertTrue(try String(contentsOf: guide, encoding: .utf8).contains("setup.html#network-notes"))

        try replace("## Network notes", with: "## Notes on the network", in: source.appendingPathComponent("setup.md"))
        try build(source, into: output)
        XCTAssertFalse(try String(contentsOf: guide, encoding: .utf8).contains("#network-notes"),
                       "the guide still links to an anchor that is gone")
        try assertSameAsACleanBuild(output, of: source)
    }

    func testNothingChangedWritesNothing() throws {
        let source = try copyOfDocsSource()
        let output = source.deletingLastPathComponent().appendingPathComponent("out")
        try build(source, into: output)
        let kb = output.appendingPathComponent(KnowledgeBaseWriter.fileName)
        let before = try FileManager.default.attributesOfItem(atPath: kb.path)[.modificationDate] as? Date
        let index = output.appendingPathComponent("index.html")
        let indexBefore = try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date

        let report = try build(source, into: output)
        XCTAssertNil(report.history, "a build with nothing to do records no build")
        XCTAssertTrue(report.text().hasPrefix("Up to date"), report.text())
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: kb.path)[.modificationDate] as? Date, before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date, indexBefore)
        XCTAssertEqual(report.counts.documents, 15)
    }

    func testTheSameSourcesGiveTheSameBytesWhateverTheListingOrder() throws {
        let root = try ScratchFolder.make(for: self)
        let files = try FileManager.default.subpathsOfDirectory(atPath: PackagePaths.docsSource.path)
            .filter { $0.hasSuffix(".md") || $0 == "NOTICE" }.sorted()
        XCTAssertGreaterThan(files.count, 10)
        // Created in opposite orders, so directory listings differ on file
        // systems that list in creation order.
        var outputs: [URL] = []
        for (name, order) in [("one", files), ("two", Array(files.reversed()))] {
            let source = root.appendingPathComponent(name).appendingPathComponent("docs-src")
            for file in order {
                let target = source.appendingPathComponent(file)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: PackagePaths.docsSource.appendingPathComponent(file), to: target)
            }
            let output = root.appendingPathComponent(name).appendingPathComponent("out")
            try build(source, into: output)
            outputs.append(output)
        }
        try assertSameKnowledgeBase(outputs[0], outputs[1], includingHistory: true)
        XCTAssertEqual(try Self.differingFiles(outputs[0], outputs[1]), [])
    }

    func testASecondBuildIntoTheSameFolderIsRefusedWhileOneRuns() throws {
        let source = try copyOfDocsSource()
        let output = source.deletingLastPathComponent().appendingPathComponent("out")
        let held = try BuildLock.acquire(in: output)
        defer { held.release() }
        XCTAssertThrowsError(try build(source, into: output)) { error in
            guard case BuildError.locked(_, let holder) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(holder, Int(getpid()))
            XCTAssertTrue("\(error)".contains("another build"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent(KnowledgeBaseWriter.fileName).path))
    }

    // MARK: - Comparing outputs

    /// Every table's rows in rowid order (the full-text index through its
    /// content, not its b-tree pages), as `sqlite3 .dump` would list them.
    static func dump(_ output: URL, includingHistory: Bool) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: output.appendingPathComponent(KnowledgeBaseWriter.fileName).path)
        defer { try? queue.close() }
        return try queue.read { db in
            var tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT LIKE 'search_%' AND name != 'search' ORDER BY name
                """)
            if !includingHistory { tables.removeAll { ["builds", "changes"].contains($0) } }
            var out: [String: [String]] = [:]
            for table in tables {
                out[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map(\.description)
            }
            out["search"] = try Row.fetchAll(db, sql: "SELECT rowid, * FROM search ORDER BY rowid").map(\.description)
            out["build_info"]?.removeAll { $0.contains("source_folder") }
            return out
        }
    }

    private func assertSameKnowledgeBase(_ a: URL, _ b: URL, includingHistory: Bool = false,
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let left = try Self.dump(a, includingHistory: includingHistory), right = try Self.dump(b, includingHistory: includingHistory)
        XCTAssertEqual(left.keys.sorted(), right.keys.sorted(), file: file, line: line)
        for table in left.keys.sorted() where left[table] != right[table] {
            let l = left[table] ?? [], r = right[table] ?? []
            let first = zip(l, r).first { $0 != $1 }.map { "\($0.0)\n  vs\n\($0.1)" } ?? "row counts \(l.count) vs \(r.count)"
            XCTFail("table \(table) differs: \(first)", file: file, line: line)
        }
    }

    /// Paths whose bytes differ between two sites.
    static func differingFiles(_ a: URL, _ b: URL) throws -> [String] {
        let left = try siteFiles(a), right = try siteFiles(b)
        return Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.sorted()
    }

    /// Every file of the site but the knowledge base, the lock and the What
    /// changed page (a build history differs from a clean build's by design).
    static func siteFiles(_ output: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = output.standardizedFileURL.path
        let walker = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isDirectoryKey])).isDirectory != true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if relative.hasPrefix(KnowledgeBaseWriter.fileName) || relative == BuildLock.fileName || relative == SitePaths.changes {
                continue
            }
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    private func siteFiles(_ output: URL) throws -> [String: Data] { try Self.siteFiles(output) }
}

/// Site reports handed to a publisher's callback, for a test to read.
private final class SiteReports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [SiteReport] = []
    var last: SiteReport? { lock.withLock { reports.last } }
    func append(_ report: SiteReport) { lock.withLock { reports.append(report) } }
}
