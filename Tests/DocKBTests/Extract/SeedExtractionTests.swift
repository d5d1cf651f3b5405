import XCTest
@testable import DocKB

/// Extraction of the documents the project started from, checked against
/// reviewed golden listings (Tests/DocKBTests/Fixtures/golden/). Set
/// DOCKB_UPDATE_GOLDEN=1 to rewrite them; the diff is then reviewed and its
/// reasons given in the commit message.
final class SeedExtractionTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func facts(_ relativePath: String, as path: String) throws -> ExtractedFacts {
        let url = Self.packageRoot.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("\(relativePath) is not here: golden extraction test skipped")
        }
        let document = MarkdownParser().parse(try Data(contentsOf: url), path: path)
        return FactExtractor().extract(document)
    }

    func assertGolden(_ facts: ExtractedFacts, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let listing = FactListing.render(facts)
        let golden = Self.packageRoot.appendingPathComponent("Tests/DocKBTests/Fixtures/golden/\(name)")
        if ProcessInfo.processInfo.environment["DOCKB_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try listing.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if listing != expected {
            let got = listing.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 })
            XCTFail("""
                \(name) differs from the extraction (\(got.count) lines, golden \(want.count)); first difference at line \
                \((firstDifference?.offset ?? min(got.count, want.count)) + 1):
                got:  \(firstDifference.map { String($0.element.0) } ?? "")
                want: \(firstDifference.map { String($0.element.1) } ?? "")
                """, file: file, line: line)
        }
    }

    static let seedPath = "core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md"

    func testSeedDocumentMatchesGolden() throws {
        try assertGolden(try facts("docs-src/" + Self.seedPath, as: Self.seedPath), "seed-facts.txt")
    }

    func testFirewallDocumentMatchesGolden() throws {
        let path = "core/clients/deploy/windows-firewall-and-port-settings-for-clients.md"
        try assertGolden(try facts("docs-src/" + path, as: path), "firewall-facts.txt")
    }
}
