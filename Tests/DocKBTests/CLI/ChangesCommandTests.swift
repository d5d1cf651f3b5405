import Foundation
import XCTest
@testable import DocKB

/// `dockb changes` on knowledge bases with and without a recorded history.
final class ChangesCommandTests: XCTestCase {
    typealias Rows = BuildHistoryRows

    private func run(_ arguments: [String], in folder: URL) throws -> CommandLineTests.Run {
        try DockbProcess.run(arguments, in: folder, test: self)
    }

    /// `site-output/kb.sqlite` under a scratch folder, holding `entries`.
    private func outputFolder(_ entries: [BuildHistoryEntry]) throws -> URL {
        let root = try ScratchFolder.make(for: self)
        let output = root.appendingPathComponent("site-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Rows.record(entries, in: try Rows.makeDatabase(in: output))
        return root
    }

    func testPrintsTheLatestBuildByDefaultAndMoreOnRequest() throws {
        let root = try outputFolder(ChangeLogTests.history)
        let latest = try run(["changes"], in: root)
        XCTAssertEqual(latest.status, 0, latest.stderr)
        XCTAssertEqual(latest.stdout, """
            site-output/kb.sqlite: the latest of 3 builds recorded

            build 3 (full, 3 of 3 documents parsed): 0 added, 1 removed, 1 changed
              - component Microsoft Silverlight  (core/x.md:40)
              ~ requirement “Windows clients” reworded: “Clients need internet access.” → “Clients need access to the internet.”  (core/y.md:7)

            """)

        let two = try run(["changes", "--output", "site-output", "--last", "2"], in: root)
        XCTAssertEqual(two.status, 0, two.stderr)
        let lines = two.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "site-output/kb.sqlite: the last 2 of 3 builds recorded")
        XCTAssertEqual(lines.filter { $0.hasPrefix("build ") },
                       ["build 3 (full, 3 of 3 documents parsed): 0 added, 1 removed, 1 changed",
                        "build 2 (incremental, 1 of 2 documents parsed): 1 added, 0 removed, 1 changed"])
        XCTAssertTrue(lines.contains("  ~ component Windows Installer: min_version 3.1.4000.2435 → (none)  (core/x.md:44)"),
                      two.stdout)

        let all = try run(["changes", "--db", "site-output/kb.sqlite", "--last", "10"], in: root)
        XCTAssertTrue(all.stdout.hasPrefix("site-output/kb.sqlite: all 3 builds recorded\n"), all.stdout)
        XCTAssertTrue(all.stdout.contains("build 1 (first, 2 of 2 documents parsed): no fact changed"), all.stdout)
    }

    func testNoHistoryIsSaidPlainlyAndIsNoError() throws {
        let empty = try run(["changes"], in: try outputFolder([]))
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertEqual(empty.stdout, "site-output/kb.sqlite records no builds yet.\n")

        let root = try ScratchFolder.make(for: self)
        _ = try Rows.makeDatabase(in: root, upTo: "v1-full-text-index")
        let old = try run(["changes", "--db", "kb.sqlite"], in: root)
        XCTAssertEqual(old.status, 0, old.stderr)
        XCTAssertTrue(old.stdout.hasPrefix("kb.sqlite records no build history"), old.stdout)
    }

    func testAMissingKnowledgeBaseOrAWrongUsageFails() throws {
        let root = try ScratchFolder.make(for: self)
        let missing = try run(["changes", "--output", "nowhere"], in: root)
        XCTAssertEqual(missing.status, 66)
        XCTAssertEqual(missing.stderr, "dockb: error: no knowledge base at nowhere/kb.sqlite: run `dockb build` first, or pass --db PATH or --output DIR\n")
        try ScratchFolder.write("not sqlite", to: "notes.sqlite", in: root)
        let garbage = try run(["changes", "--db", "notes.sqlite"], in: root)
        XCTAssertEqual(garbage.status, 66)
        XCTAssertTrue(garbage.stderr.contains("notes.sqlite is not a dockb knowledge base"), garbage.stderr)
        XCTAssertEqual(try run(["changes", "--db", "a", "--output", "b"], in: root).status, 64)
        XCTAssertEqual(try run(["changes", "--last", "0"], in: root).status, 64)
    }
}
