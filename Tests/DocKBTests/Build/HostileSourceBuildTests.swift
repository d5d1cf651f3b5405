import Foundation
import GRDB
import XCTest
@testable import DocKB

/// A source folder holding every kind of hostile input issue 6 names next to
/// two real documents, through the whole build and site: the build succeeds,
/// each hostile file is reported by name (and line where it has one), and the
/// real documents come out exactly as they do without the hostile company.
final class HostileSourceBuildTests: XCTestCase {
    private static let normalDocuments = [
        "core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md",
        "core/clients/deploy/windows-firewall-and-port-settings-for-clients.md",
    ]

    /// File name → the line its warning must name (nil: any line).
    private static let hostileFiles: [String: Int?] = [
        "long-line.md": 3, "wide-table.md": 3, "deep-nesting.md": nil, "nul.md": 4, "invalid-utf8.md": 4,
        "image.md": 1, "docs/loop": 1,
    ]

    /// 252 bytes is a valid file name, but its page (`.html`, and the dot and
    /// process id of the file the page is first written to) would not be.
    func testAFileNameNearTheLimitGetsAPageOthersLinkTo() throws {
        let scratch = try ScratchFolder.make(for: self)
        let source = scratch.appendingPathComponent("src")
        let long = String(repeating: "a", count: 252)
        try ScratchFolder.write("# Long\n\nSee [the other](ok.md).\n", to: long + ".md", in: source)
        try ScratchFolder.write("# Ok\n\nSee [the long one](\(long).md).\n", to: "ok.md", in: source)
        let output = scratch.appendingPathComponent("out")
        let built = try SiteBuild.build(source: source, output: output)
        XCTAssertEqual(built.build.errors, [])
        let page = SitePaths.page(forDocument: long + ".md")
        XCTAssertLessThanOrEqual(page.split(separator: "/").last!.utf8.count, SitePaths.longestFileName)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), page)
        let site = try SiteCheck(root: output)
        XCTAssertEqual(site.brokenLinks, [])
        XCTAssertNotEqual(SitePaths.page(forDocument: long + ".md"), SitePaths.page(forDocument: long + "b.md"))
    }

    func testHostileFilesAreReportedAndTheRestOfTheBuildIsIntact() throws {
        let scratch = try ScratchFolder.make(for: self)
        let control = scratch.appendingPathComponent("control")
        let hostile = scratch.appendingPathComponent("hostile")
        for folder in [control, hostile] { try copyNormalDocuments(to: folder) }
        try writeHostileFiles(to: hostile)

        let controlBuild = try SiteBuild.build(source: control, output: scratch.appendingPathComponent("control-out"))
        let hostileOutput = scratch.appendingPathComponent("hostile-out")
        let hostileBuild = try SiteBuild.build(source: hostile, output: hostileOutput)
        print(String(format: "hostile folder: build and site in %.1f s", hostileBuild.seconds))

        XCTAssertEqual(hostileBuild.build.errors, [])
        XCTAssertEqual(hostileBuild.build.counts.documents, 2 + Self.hostileFiles.count - 1, "every .md file is a document")
        for (file, line) in Self.hostileFiles.sorted(by: { $0.key < $1.key }) {
            let warnings = hostileBuild.build.warnings.filter { $0.location.path == file }
            XCTAssertFalse(warnings.isEmpty, "no warning names \(file)")
            if let line { XCTAssertTrue(warnings.contains { $0.location.line == line }, "\(file): \(warnings)") }
        }
        // Every warning is a line to read, even about a header of 10,000 columns.
        let wide = hostileBuild.build.warnings.filter { $0.location.path == "wide-table.md" }.map(\.message)
        XCTAssertTrue(wide.contains { $0.contains("(10000 columns)") }, "\(wide.map { $0.prefix(200) })")
        XCTAssertLessThan(wide.map(\.count).max() ?? 0, 1_000)
        let longLine = hostileBuild.build.warnings.filter { $0.location.path == "long-line.md" }.map(\.message)
        XCTAssertTrue(longLine.contains { $0.contains("CVE-2023-22486") }, "\(longLine)")
        XCTAssertTrue(longLine.contains { $0.contains("no facts were read") }, "\(longLine)")
        XCTAssertTrue(hostileBuild.build.warnings.contains { $0.location.path == "deep-nesting.md" && $0.message.contains("flattened") })
        XCTAssertTrue(hostileBuild.build.warnings.contains { $0.location.path == "image.md" && $0.message.contains("NUL") })

        // The real documents: the same facts and rows, and their pages.
        let controlRows = try factRows(in: scratch.appendingPathComponent("control-out/kb.sqlite"))
        let hostileRows = try factRows(in: hostileOutput.appendingPathComponent("kb.sqlite"))
        XCTAssertGreaterThan(controlRows.values.map(\.count).reduce(0, +), 50, "the real documents state facts")
        for (table, rows) in controlRows.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(hostileRows[table], rows, "\(table) of the real documents")
        }
        XCTAssertEqual(hostileBuild.site.documentPages, controlBuild.site.documentPages + Self.hostileFiles.count - 1)
        for path in Self.normalDocuments {
            let page = hostileOutput.appendingPathComponent(SitePaths.page(forDocument: path))
            let html = try String(contentsOf: page, encoding: .utf8)
            XCTAssertTrue(html.contains("Prerequisites") || html.contains("firewall"), "\(page.path) lost its text")
        }
    }

    private func copyNormalDocuments(to folder: URL) throws {
        for path in Self.normalDocuments {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: PackagePaths.docsSource.appendingPathComponent(path), to: target)
        }
    }

    private func writeHostileFiles(to folder: URL) throws {
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        // Ten megabytes of documentation prose on one line: bold, code, a link,
        // an abbreviation and a port in every sentence.
        let sentence = "To install the client by **client push**, the site server needs `ccmsetup.exe` and the "
            + "[Background Intelligent Transfer Service (BITS)](https://example.com/bits) on TCP 443 from the client computer "
            + "to the management point. "
        try write("long-line.md", Array(("# Long line\n\n" + String(repeating: sentence, count: 10_000_000 / sentence.utf8.count + 1) + "\n").utf8))
        let columns = 0..<10_000
        let header: String = "|" + columns.map { "h\($0)|" }.joined()
        let delimiter: String = "|" + String(repeating: "-|", count: columns.count)
        let row: String = "|" + columns.map { "c\($0)|" }.joined()
        try write("wide-table.md", Array("# Wide\n\n\(header)\n\(delimiter)\n\(row)\n".utf8))
        let list = (0..<1_000).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
        try write("deep-nesting.md", Array(("# Deep\n\n" + list + "\n\n" + String(repeating: ">", count: 1_000) + " deep quote\n").utf8))
        try write("nul.md", Array("# NUL\n\nline one\nline\0two\0\n".utf8))
        try write("invalid-utf8.md", Array("# Bad\n\nGood line\nBad ".utf8) + [0xFF, 0xC3, 0x28] + Array(" end\n".utf8))
        var random = SeededGenerator(seed: 7)
        try write("image.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &random) })
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("docs/loop").path, withDestinationPath: "..")
    }

    /// Every fact and lossless row of the real documents, without row ids, by table.
    private func factRows(in knowledgeBase: URL) throws -> [String: [String]] {
        let tables = ["components", "site_system_roles", "security_roles", "permissions", "ports", "install_methods",
                      "requirements", "aliases", "sections", "doc_tables", "lists", "alerts", "links", "includes"]
        return try KnowledgeBase(url: knowledgeBase).read { db in
            var out: [String: [String]] = [:]
            for table in tables {
                var rows: [String] = []
                for path in Self.normalDocuments {
                    for row in try Row.fetchAll(db, sql: """
                        SELECT t.* FROM \(table) t JOIN documents d ON d.id = t.document_id WHERE d.path = ? ORDER BY t.id
                        """, arguments: [path]) {
                        rows.append(row.columnNames.filter { !$0.hasSuffix("id") }
                            .map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " | "))
                    }
                }
                out[table] = rows
            }
            return out
        }
    }
}
