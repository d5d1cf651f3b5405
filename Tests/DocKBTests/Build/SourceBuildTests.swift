import Foundation
import GRDB
import XCTest
@testable import DocKB

/// Whole builds of real documentation (docs-src and the 59 revisions of the
/// seed article), through the real parser and extractor.
final class SourceBuildTests: XCTestCase {
    private func tablesPerDocument(_ knowledgeBase: URL) throws -> [String: Int] {
        try KnowledgeBase(url: knowledgeBase).read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT d.path, count(t.id) AS tables FROM documents d
                LEFT JOIN doc_tables t ON t.document_id = d.id GROUP BY d.id
                """) {
                counts[row["path"]] = row["tables"]
            }
            return counts
        }
    }

    /// Per document, the number of tables stored must be the number cmark-gfm finds.
    private func assertTableCountsMatchCmarkGFM(source: URL, knowledgeBase: URL,
                                                file: StaticString = #filePath, line: UInt = #line) throws {
        let stored = try tablesPerDocument(knowledgeBase)
        let files = try SourceScanner(root: source).scan().files
        XCTAssertEqual(stored.count, files.count, "documents stored", file: file, line: line)
        var total = 0
        for sourceFile in files {
            let expected = try CmarkGFM.tableCount(of: sourceFile.url)
            total += expected
            XCTAssertEqual(stored[sourceFile.relativePath], expected, "tables of \(sourceFile.relativePath)", file: file, line: line)
        }
        XCTAssertGreaterThan(total, 0, "the documents have tables", file: file, line: line)
    }

    func testDocsSourceBuildsWithAsManyTablesAsCmarkGFMFinds() throws {
        let output = try ScratchFolder.make(for: self)
        let report = try BuildPipeline(source: PackagePaths.docsSource, output: output).run()
        XCTAssertEqual(report.counts.documents, 15)
        XCTAssertEqual(report.errors, [])
        try assertTableCountsMatchCmarkGFM(source: PackagePaths.docsSource, knowledgeBase: output.appendingPathComponent("kb.sqlite"))
        XCTAssertEqual(report.counts.tables, try tablesPerDocument(output.appendingPathComponent("kb.sqlite")).values.reduce(0, +))
    }

    func testEveryRelativeLinkOfTheSeedResolvesInDocsSource() throws {
        let output = try ScratchFolder.make(for: self)
        try BuildPipeline(source: PackagePaths.docsSource, output: output).run()
        let links = try KnowledgeBase(url: output.appendingPathComponent("kb.sqlite")).read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.line, l.destination, l.status FROM links l JOIN documents d ON d.id = l.document_id
                WHERE d.path = 'core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md'
                """)
        }
        let relative = links.filter { !($0["status"] as String == "external") }
        XCTAssertGreaterThanOrEqual(relative.count, 20, "the seed's 18 links to 14 other documents and 2 to its own anchors")
        for link in relative {
            XCTAssertEqual(link["status"] as String, "resolved", "line \(link["line"] as Int): \(link["destination"] as String)")
        }
    }

    func testAllRevisionsOfTheSeedBuildWithoutErrors() throws {
        let revisions = try PackagePaths.sharedData("revisions/prerequisites-for-deploying-clients-to-windows-computers")
        let names = try FileManager.default.contentsOfDirectory(atPath: revisions.path).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(names.count, 59)
        let source = try ScratchFolder.make(for: self).appendingPathComponent("revisions")
        try FileManager.default.copyItem(at: revisions, to: source)
        let output = source.deletingLastPathComponent().appendingPathComponent("out")

        let report = try BuildPipeline(source: source, output: output).run()

        XCTAssertEqual(report.counts.documents, 59)
        XCTAssertEqual(report.errors.map(\.description), [])
        let knowledgeBase = output.appendingPathComponent("kb.sqlite")
        try assertTableCountsMatchCmarkGFM(source: source, knowledgeBase: knowledgeBase)
        let withoutSections = try KnowledgeBase(url: knowledgeBase).read {
            try String.fetchAll($0, sql: "SELECT path FROM documents WHERE id NOT IN (SELECT document_id FROM sections)")
        }
        XCTAssertEqual(withoutSections, [], "every revision has headings")
    }
}

/// The cmark-gfm command-line tool, the reference for how many tables a file has.
enum CmarkGFM {
    static func executable() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("cmark-gfm")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw XCTSkip("the cmark-gfm command is not installed (Debian package cmark-gfm; .ci/run installs it)")
    }

    static func tableCount(of file: URL) throws -> Int {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["-e", "table", "-t", "xml", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let xml = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        return xml.components(separatedBy: "<table>").count - 1 + xml.components(separatedBy: "<table ").count - 1
    }
}
