import Foundation
import XCTest
@testable import DocKB

/// Noticing changes to a source folder, and waiting for them to settle.
final class SourceWatcherTests: XCTestCase {
    private func signature(_ files: [String: Int64]) -> SourceSignature {
        SourceSignature(files: files.mapValues { SourceSignature.Stamp(size: 10, modified: $0) })
    }

    /// Times are given, not measured: the rule alone is under test.
    func testABuildWaitsUntilTheSourcesHaveBeenQuietLongEnough() {
        let original = signature(["a.md": 1]), saved = signature(["a.md": 2]), savedAgain = signature(["a.md": 3])
        var debouncer = ChangeDebouncer(built: original, quiet: .milliseconds(300), now: .zero)
        XCTAssertNil(debouncer.observe(original, now: .milliseconds(500)), "nothing changed")
        XCTAssertFalse(debouncer.isSettling)
        XCTAssertNil(debouncer.observe(saved, now: .milliseconds(1000)), "a change is seen, not yet built")
        XCTAssertTrue(debouncer.isSettling, "the watcher looks again sooner")
        XCTAssertNil(debouncer.observe(saved, now: .milliseconds(1200)), "quiet for 200 ms only")
        XCTAssertNil(debouncer.observe(savedAgain, now: .milliseconds(1250)), "written again: the wait starts over")
        XCTAssertNil(debouncer.observe(savedAgain, now: .milliseconds(1500)))
        XCTAssertEqual(debouncer.observe(savedAgain, now: .milliseconds(1550)), savedAgain, "quiet for 300 ms: build")
        XCTAssertEqual(debouncer.built, savedAgain)
        XCTAssertFalse(debouncer.isSettling)
        XCTAssertNil(debouncer.observe(savedAgain, now: .milliseconds(2000)), "built once, not again")
        XCTAssertNil(debouncer.observe(original, now: .milliseconds(2100)), "reverted: a change like any other")
        XCTAssertEqual(debouncer.observe(original, now: .milliseconds(2400)), original)
    }

    func testAChangeThatIsUndoneBeforeItSettlesBuildsNothing() {
        let original = signature(["a.md": 1])
        var debouncer = ChangeDebouncer(built: original, quiet: .milliseconds(300), now: .zero)
        XCTAssertNil(debouncer.observe(signature(["a.md": 1, "b.md": 5]), now: .milliseconds(100)))
        XCTAssertNil(debouncer.observe(original, now: .milliseconds(200)))
        XCTAssertNil(debouncer.observe(original, now: .milliseconds(900)), "the sources are as built")
    }

    func testTheSignatureSeesEditsAdditionsRemovalsAndAMissingFolder() throws {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# A\n", to: "a.md", in: root)
        try ScratchFolder.write("# B\n", to: "sub/b.md", in: root)
        try ScratchFolder.write("not markdown", to: "notes.txt", in: root)
        let before = SourceSignature.read(root)
        XCTAssertEqual(before.files.keys.sorted(), ["a.md", "sub/b.md"])
        XCTAssertNil(before.problem)
        XCTAssertEqual(SourceSignature.read(root), before, "reading twice changes nothing")

        try ScratchFolder.write("# A, longer\n", to: "a.md", in: root)
        try ScratchFolder.write("# C\n", to: "c.md", in: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("sub/b.md"))
        try ScratchFolder.write("still not markdown", to: "notes.txt", in: root)
        let after = SourceSignature.read(root)
        XCTAssertEqual(after.differences(from: before).changed, ["a.md", "c.md"])
        XCTAssertEqual(after.differences(from: before).removed, ["sub/b.md"])

        // The same size, a later time: an editor that rewrites a file in place.
        let a = root.appendingPathComponent("a.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: a.path)
        XCTAssertEqual(SourceSignature.read(root).differences(from: after).changed, ["a.md"])

        let missing = SourceSignature.read(root.appendingPathComponent("gone"))
        XCTAssertEqual(missing.files, [:])
        XCTAssertTrue(missing.problem?.contains("does not exist") == true, missing.problem ?? "no problem")
    }

    /// The whole loop on a real folder, with short intervals: one build at the
    /// start, one per settled burst of writes, and a prompt stop.
    func testTheWatcherBuildsOncePerSettledChangeAndStops() throws {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# A\n", to: "a.md", in: root)
        // The quiet time is ten times the gap between writes, so a loaded machine does not split the burst.
        let watcher = SourceWatcher(root: root, poll: .milliseconds(20), quiet: .milliseconds(400))
        let calls = Calls()
        let finished = expectation(description: "run returned")
        Thread.detachNewThread {
            watcher.run { calls.append($0) }
            finished.fulfill()
        }
        try calls.wait(for: 1, test: self)
        XCTAssertNil(calls.all[0].previous)
        XCTAssertEqual(calls.all[0].changed, ["a.md"])

        for round in 1...4 {  // a burst: each write well inside the quiet time
            try ScratchFolder.write("# A\n" + String(repeating: "more\n", count: round), to: "a.md", in: root)
            Thread.sleep(forTimeInterval: 0.04)
        }
        try calls.wait(for: 2, test: self)
        Thread.sleep(forTimeInterval: 0.8)
        XCTAssertEqual(calls.all.count, 2, "one build for the burst")
        XCTAssertEqual(calls.all[1].changed, ["a.md"])
        XCTAssertEqual(calls.all[1].current.files["a.md"]?.size, Int64("# A\n".utf8.count + 4 * "more\n".utf8.count))

        try FileManager.default.removeItem(at: root.appendingPathComponent("a.md"))
        try calls.wait(for: 3, test: self)
        XCTAssertEqual(calls.all[2].removed, ["a.md"])

        watcher.stop()
        wait(for: [finished], timeout: 2)
    }
}

/// The watcher's callbacks, collected from its thread.
private final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [SourceWatcher.Change] = []

    func append(_ change: SourceWatcher.Change) { lock.withLock { calls.append(change) } }
    var all: [SourceWatcher.Change] { lock.withLock { calls } }

    func wait(for count: Int, test: XCTestCase, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while all.count < count, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if all.count < count { throw NoCallBack(count: count, timeout: timeout) }
    }

    struct NoCallBack: Error, CustomStringConvertible {
        var count: Int, timeout: TimeInterval
        var description: String { "the watcher did not call back a \(count)th time within \(timeout) s" }
    }
}
