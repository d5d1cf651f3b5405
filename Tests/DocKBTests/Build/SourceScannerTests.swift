import Foundation
import XCTest
@testable import DocKB

final class SourceScannerTests: XCTestCase {
    func testFindsMarkdownFilesSortedByRelativePath() throws {
        let root = try ScratchFolder.make(for: self)
        for path in ["z.md", "b/c.md", "a.md", "b/a/UPPER.MD", "b-c.md", "notes.txt", ".git/x.md", "b/.hidden.md"] {
            try ScratchFolder.write("# x\n", to: path, in: root)
        }
        let result = try SourceScanner(root: root).scan()
        XCTAssertEqual(result.files.map(\.relativePath), ["a.md", "b-c.md", "b/a/UPPER.MD", "b/c.md", "z.md"])
        XCTAssertEqual(result.warnings, [])
        XCTAssertEqual(result.files.first?.url.lastPathComponent, "a.md")
    }

    func testASymbolicLinkLoopIsSkippedWithAWarning() throws {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# x\n", to: "docs/page.md", in: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("docs/loop").path,
                                                   withDestinationPath: "..")
        let result = try SourceScanner(root: root).scan()
        XCTAssertEqual(result.files.map(\.relativePath), ["docs/page.md"])
        XCTAssertEqual(result.warnings.map(\.location.path), ["docs/loop"])
        XCTAssertTrue(result.warnings[0].message.contains("already scanned"), result.warnings[0].message)
    }

    func testAFolderReachedThroughALinkIsListedUnderItsRealPath() throws {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# x\n", to: "zreal/page.md", in: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("alias").path,
                                                   withDestinationPath: "zreal")
        let outside = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# y\n", to: "shared.md", in: outside)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked").path,
                                                   withDestinationPath: outside.path)
        let result = try SourceScanner(root: root).scan()
        XCTAssertEqual(result.files.map(\.relativePath), ["linked/shared.md", "zreal/page.md"])
        XCTAssertEqual(result.warnings.map(\.location.path), ["alias"])
    }

    func testADanglingLinkIsSkippedWithAWarning() throws {
        let root = try ScratchFolder.make(for: self)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("gone.md").path,
                                                   withDestinationPath: "nowhere.md")
        let result = try SourceScanner(root: root).scan()
        XCTAssertEqual(result.files, [])
        XCTAssertEqual(result.warnings.map(\.location.path), ["gone.md"])
    }

    func testASecondFileWithTheSameNormalizedNameIsSkippedWithAWarning() throws {
        let root = try ScratchFolder.make(for: self)
        // "é" as one code point, and as "e" with a combining accent: two files to Linux, one name to Swift.
        let composed = "caf\u{E9}.md", decomposed = "cafe\u{301}.md"
        for name in [composed, decomposed] {
            let file = fopen(root.path + "/" + name, "w")
            XCTAssertNotNil(file)
            fputs("# x\n", file)
            fclose(file)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).count, 2)
        let result = try SourceScanner(root: root).scan()
        XCTAssertEqual(result.files.count, 1)
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertTrue(result.warnings[0].message.contains("the same text once normalized"), result.warnings[0].message)
    }

    func testAPipeNamedLikeMarkdownIsSkippedWithAWarning() throws {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# x\n", to: "page.md", in: root)
        XCTAssertEqual(mkfifo(root.path + "/pipe.md", 0o644), 0)
        let result = try SourceScanner(root: root).scan()
        XCTAssertEqual(result.files.map(\.relativePath), ["page.md"])
        XCTAssertEqual(result.warnings.map(\.location.path), ["pipe.md"])
        XCTAssertEqual(result.warnings.first?.message, "skipped: not a regular file")
    }

    func testAnUnreadableFileIsSkippedWithAWarning() throws {
        try XCTSkipIf(getuid() == 0, "root reads every file; permissions cannot make one unreadable")
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# x\n", to: "locked.md", in: root)
        try ScratchFolder.write("# y\n", to: "open.md", in: root)
        chmod(root.appendingPathComponent("locked.md").path, 0)
        let result = try SourceScanner(root: root).scan()
        XCTAssertEqual(result.files.map(\.relativePath), ["open.md"])
        XCTAssertEqual(result.warnings.map(\.location.path), ["locked.md"])
    }

    func testAMissingSourceFolderIsAnError() throws {
        let root = try ScratchFolder.make(for: self).appendingPathComponent("absent")
        XCTAssertThrowsError(try SourceScanner(root: root).scan()) {
            XCTAssertEqual($0 as? BuildError, .sourceFolderMissing(root.path))
            XCTAssertEqual("\($0)", "source folder \(root.path) does not exist")
        }
    }

    func testAFileAsSourceFolderIsAnError() throws {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# x\n", to: "page.md", in: root)
        let file = root.appendingPathComponent("page.md")
        XCTAssertThrowsError(try SourceScanner(root: file).scan()) {
            XCTAssertEqual($0 as? BuildError, .sourceNotAFolder(file.path))
        }
    }
}
