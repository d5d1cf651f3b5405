import Foundation
import XCTest
@testable import DocKB

/// How `SiteWriter.commit` publishes files: new and changed ones with the
/// right bytes and permissions, stale ones removed, and a failed commit
/// leaving the previous pages and no temporary files behind.
final class SiteWriterTests: XCTestCase {
    private func commit(_ files: [String: String], to root: URL, sources: String = "abc") throws -> SiteWriter {
        let writer = try SiteWriter(root: root)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try writer.write(Data(text.utf8), to: path) }
        try writer.commit(sourcesSHA256: sources)
        return writer
    }

    private func text(_ path: String, in root: URL) -> String? {
        try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file below `root`, hidden ones included, relative to it.
    private func allFiles(_ root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        return enumerator.compactMap { $0 as? String }.filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    func testFilesAreGroupedByTheFolderTheyAreWrittenTo() {
        let targets = ["/out/docs/a.html", "/out/index.html", "/out/docs/b.html", "/out/docs/c/d.html",
                       "/out/.dockb-site", "/out/docs/.e.html.7.tmp"]
        XCTAssertEqual(SiteWriter.groupedByFolder(targets) { $0 }, [
            ["/out/docs/a.html", "/out/docs/b.html", "/out/docs/.e.html.7.tmp"],
            ["/out/index.html", "/out/.dockb-site"],
            ["/out/docs/c/d.html"],
        ])
        XCTAssertEqual(SiteWriter.groupedByFolder(["top.html", "a/b.html", "other.html"]) { $0 },
                       [["top.html", "other.html"], ["a/b.html"]], "a path without a folder shares the empty folder")
        XCTAssertEqual(SiteWriter.groupedByFolder([String]()) { $0 }, [])
    }

    func testCommitWritesNewAndChangedFilesAndRemovesStaleOnes() throws {
        let root = try ScratchFolder.make(for: self)
        let first = try commit(["index.html": "one", "docs/a.html": "a", "docs/b.html": "b"], to: root)
        XCTAssertEqual(first.filesRewritten, 3)

        let second = try commit(["index.html": "two", "docs/a.html": "a", "docs/c/d.html": "d"], to: root)
        XCTAssertEqual(second.filesRewritten, 2, "the unchanged page is not written again")
        XCTAssertEqual(second.filesRemoved, 1)
        XCTAssertEqual(text("index.html", in: root), "two")
        XCTAssertEqual(text("docs/c/d.html", in: root), "d")
        XCTAssertNil(text("docs/b.html", in: root))
        XCTAssertEqual(allFiles(root), [SiteWriter.marker, "docs/a.html", "docs/c/d.html", "index.html"],
                       "no temporary file is left")
        XCTAssertTrue(SiteWriter.isCurrent(root, sourcesSHA256: "abc"))
    }

    func testFilesAreCreatedWithTheProcessUmask() throws {
        let root = try ScratchFolder.make(for: self)
        let previous = umask(0o027)
        defer { umask(previous) }
        _ = try commit(["index.html": "one"], to: root)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("index.html").path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o640)
    }

    func testFailedCommitKeepsThePreviousPagesAndLeavesNoTemporaryFiles() throws {
        let root = try ScratchFolder.make(for: self)
        _ = try commit(["index.html": "one", "docs/a.html": "a"], to: root)
        // A folder where the next render puts a page: that write fails.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs/blocked.html"), withIntermediateDirectories: true)

        XCTAssertThrowsError(try commit(["index.html": "two", "docs/a.html": "changed", "docs/blocked.html": "x"], to: root, sources: "def")) { error in
            XCTAssertTrue("\(error)".contains("docs/blocked.html"), "the error names the file: \(error)")
        }
        XCTAssertEqual(text("index.html", in: root), "one", "changed pages are replaced only once every file is written")
        XCTAssertEqual(text("docs/a.html", in: root), "a")
        XCTAssertEqual(allFiles(root), [SiteWriter.marker, "docs/a.html", "index.html"])
        XCTAssertTrue(SiteWriter.isCurrent(root, sourcesSHA256: "abc"), "the marker still describes the site on disk")
        XCTAssertFalse(SiteWriter.isCurrent(root, sourcesSHA256: "def"))
    }

    /// New files can go to disk before the commit; files that exist wait for
    /// it (they are compared and replaced atomically), and the commit counts,
    /// keeps and syncs the early ones like the rest.
    func testNewFilesArePublishedBeforeTheCommit() throws {
        let root = try ScratchFolder.make(for: self)
        _ = try commit(["index.html": "one", "docs/a.html": "a", "docs/old.html": "old"], to: root)

        let writer = try SiteWriter(root: root)
        try writer.write(Data("two".utf8), to: "index.html")
        try writer.write(Data("a".utf8), to: "docs/a.html")
        try writer.write(Data("new".utf8), to: "docs/new/page.html")
        try writer.write(Data("first".utf8), to: "docs/again.html")
        try writer.publishNewFiles()
        XCTAssertEqual(text("docs/new/page.html", in: root), "new", "a new file is written at once")
        XCTAssertEqual(text("index.html", in: root), "one", "an existing file waits for the commit")
        // Queued again after it was published: the commit writes the last bytes.
        try writer.write(Data("second".utf8), to: "docs/again.html")
        XCTAssertEqual(writer.queuedFiles, ["index.html", "docs/a.html", "docs/new/page.html", "docs/again.html"])
        XCTAssertEqual(writer.filesWritten, 4)
        XCTAssertEqual(writer.bytesWritten, 3 + 1 + 3 + 6)

        try writer.commit(sourcesSHA256: "next")
        XCTAssertEqual(writer.filesRewritten, 3, "index, the new page and the re-queued one; the unchanged page is not written")
        XCTAssertEqual(writer.filesRemoved, 1)
        XCTAssertEqual(text("index.html", in: root), "two")
        XCTAssertEqual(text("docs/again.html", in: root), "second")
        XCTAssertEqual(allFiles(root), [SiteWriter.marker, "docs/a.html", "docs/again.html", "docs/new/page.html", "index.html"])
    }
}
