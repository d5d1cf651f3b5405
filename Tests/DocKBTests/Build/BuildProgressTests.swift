import Foundation
import XCTest
@testable import DocKB

/// What the pipeline tells a progress display: every phase in order, and in
/// the counted phases every file, although the parse runs on all cores.
final class BuildProgressTests: XCTestCase {
    private final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [BuildProgress.Event] = []
        func record(_ event: BuildProgress.Event) { lock.withLock { recorded.append(event) } }
        var events: [BuildProgress.Event] { lock.withLock { recorded } }
    }

    func testEveryPhaseStartsAndFinishesAndEveryFileIsCounted() throws {
        let root = try ScratchFolder.make(for: self)
        let source = root.appendingPathComponent("docs")
        for page in 1...64 { try ScratchFolder.write("# Page \(page)\n\n| A | B |\n|---|---|\n| 1 | 2 |\n", to: "p\(page % 4)/page-\(page).md", in: source) }
        let recorder = Recorder()
        let progress = BuildProgress(onEvent: recorder.record)
        var pipeline = BuildPipeline(source: source, output: root.appendingPathComponent("out"), sitePublisher: StaticSitePublisher())
        pipeline.progress = progress
        try pipeline.run()

        let summary = recorder.events.map { event -> String in
            switch event {
            case .started(let s): return "start \(s.phase) \(s.done)/\(s.total.map(String.init) ?? "-")"
            case .finished(let s): return "end \(s.phase) \(s.done)/\(s.total.map(String.init) ?? "-")"
            }
        }
        // A first build writes documents while it parses them: its "write"
        // phase is what is left after the links, with no files to count.
        XCTAssertEqual(summary, ["start scan 0/-", "end scan 0/-",
                                 "start parse and extract 0/64", "end parse and extract 64/64",
                                 "start links 0/-", "end links 0/-",
                                 "start write 0/-", "end write 0/-",
                                 "start site 0/-", "end site 0/-"])

        // An incremental build writes after parsing, and counts what it writes.
        try ScratchFolder.write("# Page 1, edited\n", to: "p1/page-1.md", in: source)
        let incremental = Recorder()
        pipeline.progress = BuildProgress(onEvent: incremental.record)
        try pipeline.run()
        let writes = incremental.events.compactMap { event -> String? in
            guard case .finished(let s) = event, s.phase == "write" else { return nil }
            return "\(s.done)/\(s.total.map(String.init) ?? "-")"
        }
        XCTAssertEqual(writes, ["1/1"])
        XCTAssertNil(progress.snapshot, "nothing runs once the build is over")
    }

    func testRateAndTimeLeftFollowFromTheCounts() {
        let half = BuildProgress.Snapshot(phase: "parse", done: 50, total: 200, phaseSeconds: 2, buildSeconds: 3)
        XCTAssertEqual(half.filesPerSecond, 25)
        XCTAssertEqual(half.secondsLeft, 6)
        let starting = BuildProgress.Snapshot(phase: "parse", done: 0, total: 200, phaseSeconds: 0.1, buildSeconds: 0.1)
        XCTAssertNil(starting.filesPerSecond)
        XCTAssertNil(starting.secondsLeft, "no estimate before the first file")
    }
}
