import Foundation
import GRDB
import XCTest
@testable import DocKB

/// Builds killed with SIGKILL at varied moments leave a knowledge base that
/// passes SQLite's integrity check and answers questions, and a site whose
/// links all resolve.
final class CrashSafetyTests: XCTestCase {
    private func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try CommandLineTests.executable()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A copy of docs-src, an output folder beside it, and the seed article's path and text.
    private func scratchCopy() throws -> (source: URL, output: URL, seed: URL, original: String) {
        let root = try ScratchFolder.make(for: self)
        let source = root.appendingPathComponent("docs-src")
        try FileManager.default.copyItem(at: PackagePaths.docsSource, to: source)
        let seed = source.appendingPathComponent("core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md")
        return (source, root.appendingPathComponent("out"), seed, try String(contentsOf: seed, encoding: .utf8))
    }

    func testBuildsKilledAtVariedMomentsLeaveAUsableKnowledgeBaseAndSite() throws {
        let (source, output, seed, original) = try scratchCopy()

        // A complete build first, then one like those below, timed, so the
        // kills can be spread over a build's length.
        let first = try start(["build", "--source", source.path, "--output", output.path])
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        // The check after each kill follows links from the index: after a complete build, that reaches every page.
        let complete = try SiteCheck(root: output)
        XCTAssertEqual(complete.pagesReachable(from: "index.html"), Set(complete.pages.keys))
        try original.replacingOccurrences(of: "|Windows Installer|", with: "|Windows Installer version 99|")
            .write(to: seed, atomically: true, encoding: .utf8)
        let clock = ContinuousClock()
        let started = clock.now
        let timed = try start(["build", "--source", source.path, "--output", output.path])
        timed.waitUntilExit()
        XCTAssertEqual(timed.terminationStatus, 0)
        let length = clock.now - started

        var killedBeforeTheEnd = 0
        for attempt in 0..<20 {
            // Every attempt has work to do: the seed alternates between two
            // versions, and every fourth build also adds a document (a full build).
            let edited = attempt.isMultiple(of: 2) ? original.replacingOccurrences(of: "|Windows Installer|", with: "|Windows Installer version \(attempt).0|") : original
            try edited.write(to: seed, atomically: true, encoding: .utf8)
            let extra = source.appendingPathComponent("extra.md")
            if attempt.isMultiple(of: 4) {
                try "# Extra \(attempt)\n\n| Component | Description |\n|---|---|\n| Gadget \(attempt) | Needed |\n".write(to: extra, atomically: true, encoding: .utf8)
            } else {
                try? FileManager.default.removeItem(at: extra)
            }
            let process = try start(["build", "--source", source.path, "--output", output.path])
            // From at once to near the end of a build's usual length.
            Thread.sleep(forTimeInterval: Double(attempt) / 19 * 0.9 * (Double(length.components.seconds) + Double(length.components.attoseconds) / 1e18))
            if process.isRunning { killedBeforeTheEnd += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try assertUsable(output, attempt: attempt)
        }
        print("crash safety: \(killedBeforeTheEnd) of 20 SIGKILLs landed during a build; every time the knowledge base and site stayed usable")
        XCTAssertGreaterThanOrEqual(killedBeforeTheEnd, 15, "most kills must land during a build")
    }

    /// Questions asked while builds replace the knowledge base are answered
    /// from the old one or the new one, never from a partial one.
    func testQuestionsDuringBuildsSeeTheOldOrTheNewKnowledgeBase() throws {
        let (source, output, seed, original) = try scratchCopy()
        try BuildPipeline(source: source, output: output).run()
        let kb = output.appendingPathComponent(KnowledgeBaseWriter.fileName).path

        let builds = DispatchGroup()
        let failure = NSLock()
        nonisolated(unsafe) var buildError: Error?
        // Builds go on until enough questions were asked during them (at
        // least 8 builds, at most 40): a loaded machine answers more slowly.
        nonisolated(unsafe) var enoughAnswers = false, rounds = 0
        DispatchQueue.global().async(group: builds) {
            do {
                for round in 0..<40 {
                    if round >= 8, failure.withLock({ enoughAnswers }) { break }
                    failure.withLock { rounds = round + 1 }
                    let text = round.isMultiple(of: 2)
                        ? original.replacingOccurrences(of: "|Windows Installer|", with: "|Windows Installer version 5.0|") : original
                    try text.write(to: seed, atomically: true, encoding: .utf8)
                    try BuildPipeline(source: source, output: output).run()
                }
            } catch {
                failure.withLock { buildError = error }
            }
        }
        var answers = 0, withVersion = 0
        while builds.wait(timeout: .now()) == .timedOut {
            let snapshot = try KnowledgeBaseSnapshot.open(path: kb)
            let text = AnswerRenderer().render(AnswerEngine(knowledgeBase: snapshot)
                .answer("what version of Windows Installer do I need?"), as: .text)
            XCTAssertTrue(text.contains("Windows Installer"), text)
            if text.contains("5.0") { withVersion += 1 }
            answers += 1
            if answers >= 16 { failure.withLock { enoughAnswers = true } }
        }
        XCTAssertNil(failure.withLock { buildError })
        XCTAssertGreaterThanOrEqual(answers, 16, "questions were asked while the builds ran")
        print("concurrent reads: \(answers) answers during \(rounds) builds, \(withVersion) from a knowledge base with the edit")
    }

    private func assertUsable(_ output: URL, attempt: Int) throws {
        let kb = output.appendingPathComponent(KnowledgeBaseWriter.fileName)
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: kb.path, configuration: configuration)
        let integrity = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        try queue.close()
        XCTAssertEqual(integrity, ["ok"], "attempt \(attempt)")

        let snapshot = try KnowledgeBaseSnapshot.open(path: kb.path)
        let answer = AnswerEngine(knowledgeBase: snapshot).answer("what do I need for workgroup install?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(text.contains("Workgroup computer installation"), "attempt \(attempt): \(text.prefix(300))")

        // What a reader can reach: a killed build may leave pages nothing links to yet (see SiteWriter).
        let site = try SiteCheck(root: output)
        XCTAssertEqual(site.brokenLinks(reachableFrom: "index.html"), [], "attempt \(attempt)")
        XCTAssertGreaterThan(site.pages.count, 70, "attempt \(attempt)")
    }
}
