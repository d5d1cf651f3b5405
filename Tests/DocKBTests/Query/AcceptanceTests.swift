import Foundation
import XCTest
@testable import DocKB

/// The public questions, scored by the shared scorer against a knowledge
/// base built here from the bundled docs-src (so CI always runs it). Skips
/// when ../shared (scorer and questions) is missing.
final class AcceptanceTests: XCTestCase {
    func testPublicQuestionsPassTheScorer() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let scorer = root.appendingPathComponent("../shared/tools/score-questions").standardizedFileURL.path
        let questions = root.appendingPathComponent("../shared/questions/public.tsv").standardizedFileURL.path
        guard FileManager.default.isExecutableFile(atPath: scorer), FileManager.default.fileExists(atPath: questions) else {
            throw XCTSkip("../shared (scorer and public questions) is not present")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dockb-acceptance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let pipeline = BuildPipeline(source: root.appendingPathComponent("docs-src"), output: output)
        try pipeline.run()
        let kb = pipeline.knowledgeBase.path
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let dockb = [products, products.deletingLastPathComponent()].map { $0.appendingPathComponent("dockb").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let dockb else { throw XCTSkip("the dockb executable is not built next to the tests") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scorer, questions, "--", dockb, "ask", "--db", kb]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let scored = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(scored.split(separator: "\n").suffix(2).joined(separator: "\n"))
        XCTAssertEqual(process.terminationStatus, 0, scored)
        XCTAssertTrue(scored.contains(" 0 failed"), scored)
    }
}
