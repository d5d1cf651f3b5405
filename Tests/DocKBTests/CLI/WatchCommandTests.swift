import Foundation
import XCTest
@testable import DocKB

/// `dockb watch` as a process: it builds, rebuilds on edits, reports a bad
/// file and a vanished source folder without stopping, and ends cleanly on SIGTERM.
final class WatchCommandTests: XCTestCase {
    func testRebuildsOnChangesKeepsGoingOnProblemsAndStopsOnSIGTERM() throws {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# Guide\n\nSee [the other](other.md).\n", to: "src/guide.md", in: root)
        try ScratchFolder.write("# Other\n", to: "src/other.md", in: root)
        let watch = try DockbProcess.Running(["watch", "--source", "src", "--output", "out", "--poll", "100",
                                              "--debounce", "200"], in: root)
        watch.waitForLine(containing: "watching src")
        let first = watch.waitForLine(containing: "first build: ")
        XCTAssertNotNil(first.flatMap { $0.range(of: #"^\d\d:\d\d:\d\d first build: "#, options: .regularExpression) },
                        "each build line starts with the time: \(first ?? "")")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/kb.sqlite").path))

        try ScratchFolder.write("# Guide\n\nSee [the other](other.md), now with more to say.\n", to: "src/guide.md", in: root)
        watch.waitForLine(containing: " guide.md changed: ")

        var bad = Data("# Broken\n\nLatin-1 caf".utf8)
        bad.append(0xE9)
        bad.append(contentsOf: Array("\n".utf8))
        try bad.write(to: root.appendingPathComponent("src/broken.md"))
        watch.waitForLine(containing: " broken.md changed: ")
        watch.waitForLine(containing: "broken.md:3: warning: invalid UTF-8")
        XCTAssertTrue(watch.process.isRunning, "a bad file is reported, not fatal")

        // A warning the change causes in another file is shown too.
        try FileManager.default.removeItem(at: root.appendingPathComponent("src/other.md"))
        watch.waitForLine(containing: " other.md removed: ")
        watch.waitForLine(containing: "guide.md:3: warning: dangling link: other.md")

        let source = root.appendingPathComponent("src"), away = root.appendingPathComponent("src-away")
        try FileManager.default.moveItem(at: source, to: away)
        watch.waitForLine(containing: "build failed: source folder \(source.path) does not exist; waiting for the next change")
        XCTAssertTrue(watch.process.isRunning, "a failed build is reported, not fatal")
        try FileManager.default.moveItem(at: away, to: source)
        watch.waitForLine(containing: "broken.md, guide.md changed: ")

        XCTAssertEqual(watch.terminate(), 0, watch.output)
        XCTAssertTrue(watch.output.hasSuffix("stopped watching src\n"), watch.output)
    }

    func testCtrlCStopsTheWatchCleanly() throws {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# Guide\n", to: "docs-src/guide.md", in: root)
        let watch = try DockbProcess.Running(["watch", "--poll", "50"], in: root)
        watch.waitForLine(containing: "first build: ")
        kill(watch.process.processIdentifier, SIGINT)
        watch.waitForLine(containing: "stopped watching docs-src")
        let deadline = Date().addingTimeInterval(10)
        while watch.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(watch.process.isRunning)
        XCTAssertEqual(watch.process.terminationStatus, 0, watch.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("site-output/kb.sqlite").path),
                      "the defaults are those of dockb build")
    }
}
