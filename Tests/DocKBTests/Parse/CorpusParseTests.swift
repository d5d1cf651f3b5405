import Foundation
import XCTest
@testable import DocKB

/// Parses every article of ../shared/corpus/sccm and every revision of the
/// seed article in ../shared/revisions (each skipped when absent) and checks
/// that each document has exactly as many tables as the `cmark-gfm`
/// command-line tool renders for it.
final class CorpusParseTests: XCTestCase {
    func testEveryArticleParsesWithCmarkGFMsTableCount() throws {
        let summary = try parseAndCompare(ParseSupport.sharedFolder("corpus/sccm"), label: "corpus")
        XCTAssertGreaterThan(summary.files, 2_000)
    }

    func testEveryRevisionOfTheSeedParsesWithoutDiagnostics() throws {
        let summary = try parseAndCompare(ParseSupport.sharedFolder("revisions"), label: "revisions")
        XCTAssertGreaterThanOrEqual(summary.files, 59)
        XCTAssertEqual(summary.diagnostics, [])
        XCTAssertEqual(summary.documentsWithoutSections, [])
    }

    private struct Summary {
        var files = 0
        var diagnostics: [Diagnostic] = []
        var documentsWithoutSections: [String] = []
    }

    private func parseAndCompare(_ root: URL, label: String) throws -> Summary {
        let cmarkTool = "/usr/bin/cmark-gfm"
        guard FileManager.default.isExecutableFile(atPath: cmarkTool) else {
            throw XCTSkip("\(cmarkTool) is missing: install the Debian package cmark-gfm to compare table counts")
        }
        // The reference counts come from a separate process, run while we parse.
        let reference = try ReferenceTableCounts(root: root, tool: cmarkTool)

        let paths = try markdownPaths(under: root)
        var summary = Summary(files: paths.count)
        let parser = MarkdownParser()
        var ourCounts: [String: Int] = [:]
        let start = Date()
        let cpuStart = Self.threadCPUSeconds()
        for path in paths {
            let data = try Data(contentsOf: root.appendingPathComponent(path))
            let document = parser.parse(data, path: path)
            ourCounts[path] = ParseSupport.tables(in: document).count
            summary.diagnostics += document.diagnostics
            if document.sections.isEmpty { summary.documentsWithoutSections.append(path) }
        }
        let elapsed = Date().timeIntervalSince(start)
        let cpu = Self.threadCPUSeconds() - cpuStart

        let cmarkCounts = try reference.wait()
        print("\(label): \(paths.count) files, \(ourCounts.values.reduce(0, +)) tables "
            + "(cmark-gfm: \(cmarkCounts.values.reduce(0, +))), parsed in \(String(format: "%.2f", elapsed)) s "
            + "(\(String(format: "%.2f", cpu)) s CPU), \(summary.diagnostics.count) diagnostics")
        let byKind = Dictionary(grouping: summary.diagnostics, by: Self.kind(of:)).mapValues(\.count)
        for (kind, count) in byKind.sorted(by: { $0.key < $1.key }) { print("  \(count) × \(kind)") }

        XCTAssertEqual(Set(cmarkCounts.keys), Set(paths), "cmark-gfm must have read the same files")
        let mismatches = paths.filter { ourCounts[$0] != cmarkCounts[$0] }
        XCTAssertEqual(mismatches, [], mismatches.prefix(10).map {
            "\($0): parser \(ourCounts[$0] ?? -1), cmark-gfm \(cmarkCounts[$0] ?? -1)"
        }.joined(separator: "; "))
        return summary
    }

    /// `.md` files below `root`, as sorted `/`-separated relative paths.
    private func markdownPaths(under root: URL) throws -> [String] {
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".md") { paths.append(relative) }
        }
        return paths.sorted()
    }

    /// CPU time of the calling thread: the parse's own cost, whatever else the machine runs.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A diagnostic's message without its particulars, to count them by kind.
    private static func kind(of diagnostic: Diagnostic) -> String {
        let message = diagnostic.message
        let end = message.firstIndex { $0 == "(" || $0 == ";" || $0 == "," } ?? message.endIndex
        return message[..<end].trimmingCharacters(in: .whitespaces)
    }
}

/// Renders every `.md` file below a folder with `cmark-gfm -e table` from one
/// shell process (one `cmark-gfm` per file, each output preceded by a NUL
/// marker line naming the file; rendered HTML never contains NUL) and counts the
/// `<table>` elements of each rendering.
struct ReferenceTableCounts {
    private let process = Process()
    private let outputFile: URL

    init(root: URL, tool: String) throws {
        outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("dockb-cmark-renderings-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.currentDirectoryURL = root
        process.arguments = ["-c", """
            find . -type f -name '*.md' | while IFS= read -r file; do
              printf '\\000%s\\n' "${file#./}"
              "\(tool)" -e table "$file"
            done
            """]
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        try process.run()
    }

    func wait() throws -> [String: Int] {
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: outputFile) }
        var counts: [String: Int] = [:]
        var current: String?
        let text = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "\0" {
                current = String(line.dropFirst())
                counts[current!] = 0
            } else if let file = current, line.contains("<table>") {
                counts[file, default: 0] += line.components(separatedBy: "<table>").count - 1
            }
        }
        return counts
    }
}
