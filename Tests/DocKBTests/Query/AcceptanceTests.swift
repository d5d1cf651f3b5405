import Foundation
import XCTest

/// The public questions, scored by the shared scorer against the real
/// knowledge base (`dockb build` output). Skips when either is missing.
final class AcceptanceTests: XCTestCase {
    func testPublicQuestionsPassTheScorer() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let scorer = root.appendingPathComponent("../shared/tools/score-questions").standardizedFileURL.path
        let questions = root.appendingPathComponent("../shared/questions/public.tsv").standardizedFileURL.path
        let kb = root.appendingPathComponent("site-output/kb.sqlite").path
        guard FileManager.default.isExecutableFile(atPath: scorer), FileManager.default.fileExists(atPath: questions) else {
            throw XCTSkip("../shared (scorer and public questions) is not present")
        }
        guard FileManager.default.fileExists(atPath: kb) else {
            throw XCTSkip("no knowledge base at site-output/kb.sqlite: run `dockb build` first")
        }
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
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
        XCTAssertTrue(output.contains(" 0 failed"), output)
    }
}
