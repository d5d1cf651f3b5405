import Foundation
import XCTest
@testable import DocKB

/// Mutated real documents through the parser and the extractor: nothing may
/// crash, every line the model or a fact cites must be a line of the input,
/// sections must cover the blocks they claim, and the same bytes must give
/// the same document and facts twice.
///
/// In CI this runs a few hundred seeded mutations of docs-src (deterministic).
/// `DOCKB_FUZZ_SECONDS=600` runs mutations of the corpus (`../shared/corpus/sccm`,
/// else docs-src) for that long; `DOCKB_FUZZ_SEED` picks the seed (default:
/// the clock, printed). The long mode writes each input to `last-input.md` in
/// its output folder (`DOCKB_FUZZ_OUTPUT`, default a temporary folder; setting
/// it turns this on in the CI mode too) before parsing it, so a crash leaves
/// the input behind, and saves every failing or slow input there.
final class ParseExtractPropertyTests: XCTestCase {
    private static let ciIterations = 300
    /// An input slower than this is saved and reported (not failed: see the
    /// note on cmark-gfm's emphasis-and-links case in ParseBadInputTests).
    private static let slowInputSeconds = 5.0

    func testMutatedDocumentsKeepTheModelsInvariants() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["DOCKB_FUZZ_SECONDS"].flatMap(Double.init)
        let seed = environment["DOCKB_FUZZ_SEED"].flatMap(UInt64.init)
            ?? (seconds == nil ? 20_260_601 : UInt64(Date().timeIntervalSince1970 * 1000))
        let seeds = try seedDocuments(long: seconds != nil)
        var output: URL?
        if let path = environment["DOCKB_FUZZ_OUTPUT"] ?? (seconds == nil ? nil
            : FileManager.default.temporaryDirectory.appendingPathComponent("dockb-fuzz-\(seed)").path) {
            let folder = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            output = folder
            print("fuzz: seed \(seed), \(seeds.count) seed documents, inputs saved under \(folder.path)")
        }

        var random = SeededGenerator(seed: seed)
        var mutator = MarkdownMutator()
        let parser = MarkdownParser()
        let extractor = FactExtractor()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = seconds.map { start + .milliseconds(Int($0 * 1000)) }
        var inputs = 0, failures = 0, totalBytes = 0
        var slowest = (seconds: 0.0, description: "")

        while deadline.map({ clock.now < $0 }) ?? (inputs < Self.ciIterations) {
            let (name, document) = seeds.randomElement(using: &random)!
            let other = seeds.randomElement(using: &random)!.bytes
            let input = mutator.mutate(document, other: other, using: &random)
            let description = "input \(inputs) of seed \(seed): \(name) with \(mutator.applied.joined(separator: ", ")) (\(input.count) bytes)"
            if let output { try Data(input).write(to: output.appendingPathComponent("last-input.md")) }

            let began = clock.now
            let parsed = parser.parse(Data(input), path: "fuzz/\(name)")
            let facts = extractor.extract(parsed)
            let elapsed = (clock.now - began).seconds
            if elapsed > slowest.seconds { slowest = (elapsed, description) }
            if elapsed > Self.slowInputSeconds, let output {
                try Data(input).write(to: output.appendingPathComponent("slow-\(inputs).md"))
                print("fuzz: slow (\(String(format: "%.1f", elapsed)) s): \(description)")
            }

            var problems = ModelInvariants.violations(of: parsed, facts: facts, input: input)
            if parser.parse(Data(input), path: "fuzz/\(name)") != parsed { problems.append("parsing the same bytes twice gave different documents") }
            if extractor.extract(parsed) != facts { problems.append("extracting the same document twice gave different facts") }
            if !problems.isEmpty {
                failures += 1
                let saved = try output.map { folder -> String in
                    let file = folder.appendingPathComponent("failing-\(inputs).md")
                    try Data(input).write(to: file)
                    return ", saved as \(file.path)"
                } ?? ""
                XCTFail("\(description)\(saved):\n  " + problems.prefix(5).joined(separator: "\n  "))
                if failures >= 20 { break }
            }
            inputs += 1
            totalBytes += input.count
        }

        let total = (clock.now - start).seconds
        print(String(format: "fuzz: %d inputs (%.1f MB) in %.1f s, %.1f inputs/s, %d failing; slowest %.2f s: %@",
                     inputs, Double(totalBytes) / 1e6, total, Double(inputs) / total, failures,
                     slowest.seconds, slowest.description))
        XCTAssertGreaterThan(inputs, 0)
    }

    /// The documents mutations start from, plus two that are not Markdown
    /// (an image and an empty file) for splices to mix in.
    private func seedDocuments(long: Bool) throws -> [(name: String, bytes: [UInt8])] {
        var folder = PackagePaths.docsSource
        if long, let corpus = try? PackagePaths.sharedData("corpus/sccm") { folder = corpus }
        var documents = try SourceScanner(root: folder).scan().files.map { file in
            (name: file.relativePath, bytes: [UInt8](try Data(contentsOf: file.url)))
        }
        XCTAssertFalse(documents.isEmpty, "no seed documents under \(folder.path)")
        var generator = SeededGenerator(seed: 89)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        documents.append((name: "image.png.md", bytes: png))
        documents.append((name: "empty.md", bytes: []))
        return documents
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
