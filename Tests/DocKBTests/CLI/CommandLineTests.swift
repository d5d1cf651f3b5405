import Foundation
import XCTest
@testable import DocKB

/// Runs the built `dockb` executable as a user would, and checks what it
/// prints and how it exits.
final class CommandLineTests: XCTestCase {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `swift build`/`swift test` put the executable beside the test bundle.
    static func executable() throws -> URL {
        let candidates = ([Bundle.main.bundleURL] + Bundle.allBundles.map(\.bundleURL))
            .flatMap { [$0.appendingPathComponent("dockb"), $0.deletingLastPathComponent().appendingPathComponent("dockb")] }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the dockb executable was not found beside the test bundle; run through `swift test`")
        }
        return found
    }

    func dockb(_ arguments: [String], in folder: URL? = nil, input: String = "", executable: URL? = nil,
               environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try executable ?? Self.executable()
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // Output goes to files: two pipes read one after the other could block the child.
        let capture = try ScratchFolder.make(for: self)
        let outURL = capture.appendingPathComponent("stdout"), errURL = capture.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let inURL = capture.appendingPathComponent("stdin")
        try Data(input.utf8).write(to: inURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        // A command that never ends (a watch that should have failed) fails the test instead of hanging it.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + 300) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            XCTFail("dockb \(arguments.joined(separator: " ")) was still running after 300 s")
        }
        let stdout = try Data(contentsOf: outURL), stderr = try Data(contentsOf: errURL)
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    private func smallSource() throws -> URL {
        let root = try ScratchFolder.make(for: self)
        try ScratchFolder.write("# Guide\n\nSee [the other](b/other.md).\n", to: "docs-src/guide.md", in: root)
        try ScratchFolder.write("# Other\n", to: "docs-src/b/other.md", in: root)
        return root
    }

    func testVersionPrintsTheToolVersion() throws {
        let run = try dockb(["--version"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, KnowledgeBaseWriter.toolVersion + "\n")
        XCTAssertEqual(run.stderr, "")
    }

    /// The executable is linked with mimalloc (see README), whose `malloc`
    /// serves the whole process: asked to be verbose, it reports starting.
    func testTheExecutableAllocatesThroughMimalloc() throws {
        #if os(Linux)
        let run = try dockb(["--help"], environment: ["MIMALLOC_VERBOSE": "1"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("mimalloc: process init"), run.stderr)
        #endif
    }

    func testAMissingSourceFolderIsAClearErrorWithExitCode66() throws {
        let root = try ScratchFolder.make(for: self)
        let run = try dockb(["build", "--source", "nowhere", "--output", "out"], in: root)
        XCTAssertEqual(run.status, 66)
        XCTAssertEqual(run.stderr, "dockb: error: source folder \(root.appendingPathComponent("nowhere").standardizedFileURL.path) does not exist\n")
        XCTAssertEqual(run.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    func testWatchingAMissingSourceFolderIsAnErrorAtOnce() throws {
        let root = try ScratchFolder.make(for: self)
        let run = try dockb(["watch", "--source", "nowhere", "--output", "out"], in: root)
        XCTAssertEqual(run.status, 66)
        XCTAssertTrue(run.stderr.hasSuffix("nowhere does not exist\n"), run.stderr)
    }

    /// The corpus, so that the build is still writing when the signal comes.
    func testABuildStoppedBySIGTERMRemovesTheKnowledgeBaseItWasWriting() throws {
        let corpus = SeedExtractionTests.packageRoot.appendingPathComponent("../shared/corpus/sccm").standardizedFileURL
        try XCTSkipUnless(FileManager.default.fileExists(atPath: corpus.path), "the corpus is not beside the package")
        let root = try ScratchFolder.make(for: self)
        let out = root.appendingPathComponent("out")
        let build = try DockbProcess.Running(["build", "--source", corpus.path, "--output", "out", "--quiet"], in: root)
        func temporaryFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.hasSuffix(".tmp") }
        }
        let deadline = Date().addingTimeInterval(120)
        while temporaryFiles().isEmpty, build.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertFalse(temporaryFiles().isEmpty, "the build wrote no temporary knowledge base it could be stopped in")
        XCTAssertNotNil(build.terminate())
        XCTAssertEqual(build.process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(build.process.terminationStatus, SIGTERM)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("kb.sqlite").path))
    }

    func testAnOutputThatCannotBeCreatedExitsWith73() throws {
        let root = try smallSource()
        try ScratchFolder.write("a file", to: "taken", in: root)
        let run = try dockb(["build", "--output", "taken/site"], in: root)
        XCTAssertEqual(run.status, 73)
        XCTAssertTrue(run.stderr.hasPrefix("dockb: error: cannot create output folder"), run.stderr)
    }

    /// An empty path (an unset shell variable) would mean the current folder;
    /// the source folder as output would put the site's pages among the documents.
    func testEmptyPathsAndTheSourceAsOutputAreUsageErrors() throws {
        let root = try smallSource()
        for arguments in [["build", "--output", ""], ["build", "--source", " "], ["build", "--output", "docs-src/"],
                          ["watch", "--output", ""], ["ask", "--db", "", "what"], ["changes", "--db", ""]] {
            let run = try dockb(arguments, in: root)
            XCTAssertEqual(run.status, 64, "\(arguments)")
            XCTAssertTrue(run.stderr.hasPrefix("Error: --"), "\(arguments): \(run.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("docs-src/index.html").path))
    }

    func testAFileInTheWayOfTheOutputFolderIsNamed() throws {
        let root = try smallSource()
        try ScratchFolder.write("a file", to: "taken", in: root)
        let run = try dockb(["build", "--output", "taken/site/deeper"], in: root)
        XCTAssertEqual(run.status, 73)
        XCTAssertTrue(run.stderr.hasSuffix("\(root.appendingPathComponent("taken").standardizedFileURL.path) is a file, not a folder\n"),
                      run.stderr)
    }

    func testAFolderOrAnotherDatabaseGivenAsTheKnowledgeBaseIsSaidPlainly() throws {
        let root = try smallSource()
        try ScratchFolder.write("", to: "empty.sqlite", in: root)
        for (arguments, reason) in [(["ask", "--db", "docs-src", "what"], "it is a folder"),
                                    (["changes", "--db", "docs-src"], "it is a folder"),
                                    (["ask", "--db", "empty.sqlite", "what"], "it holds no dockb tables")] {
            let run = try dockb(arguments, in: root)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertTrue(run.stderr.contains("is not a dockb knowledge base: \(reason)"), "\(arguments): \(run.stderr)")
        }
    }

    func testBuildPrintsTheReportAndWritesTheKnowledgeBase() throws {
        let root = try smallSource()
        let run = try dockb(["build", "--source", "docs-src", "--output", "site"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("documents                   2"), run.stdout)
        XCTAssertNoThrow(try KnowledgeBase(url: root.appendingPathComponent("site/kb.sqlite")))
        let quality = run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("quality: ") }
        XCTAssertEqual(quality.count, 5, run.stdout)
        XCTAssertEqual(quality.last, "quality: full report in site/quality.html (or run `dockb build --report`)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/quality.html").path))
    }

    func testReportPrintsTheWholeQualityReport() throws {
        let root = try smallSource()
        try ScratchFolder.write("# Lost\n\nSee [nothing](missing.md).\n", to: "docs-src/lost.md", in: root)
        let run = try dockb(["build", "--report"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        let full = try XCTUnwrap(run.stdout.range(of: "\nQuality report: 3 documents\n"), run.stdout)
        let text = run.stdout[full.upperBound...]
        for part in ["Tables per shape", "Facts per type", "Documents with warnings", "Conflicts between documents (0)"] {
            XCTAssertTrue(text.contains(part), "--report lacks \(part):\n\(text)")
        }
        XCTAssertTrue(text.contains("Dangling links and anchors (1)\n  lost.md:3: dangling-document: missing.md"), String(text))
    }

    func testQuietBuildPrintsNothing() throws {
        let root = try smallSource()
        let run = try dockb(["build", "--quiet", "--progress-after", "0"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "", "no progress either")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("site-output/kb.sqlite").path))
    }

    func testQuietBuildStillReportsAFailureAndItsExitCode() throws {
        let root = try ScratchFolder.make(for: self)
        let run = try dockb(["build", "--quiet", "--progress-after", "0", "--source", "nowhere"], in: root)
        XCTAssertEqual(run.status, 66)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "dockb: error: source folder \(root.appendingPathComponent("nowhere").standardizedFileURL.path) does not exist\n")
    }

    /// Standard error is a file here, not a terminal: a line when each phase
    /// starts and one when it ends, however many files there are.
    func testProgressOffATerminalIsAFewPlainLines() throws {
        let root = try ScratchFolder.make(for: self)
        for page in 1...40 { try ScratchFolder.write("# Page \(page)\n\nText.\n", to: "docs-src/page-\(page).md", in: root) }
        let run = try dockb(["build", "--progress-after", "0"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Built "), "the report stays on standard output")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let phases = ["scan", "parse and extract", "links", "write", "site"]
        XCTAssertEqual(lines.count, 2 * phases.count, "two lines a phase, none per file:\n\(run.stderr)")
        for (index, line) in lines.enumerated() where index / 2 < phases.count {
            XCTAssertTrue(line.hasPrefix(phases[index / 2]), "line \(index + 1) should be about \(phases[index / 2]): \(line)")
        }
        XCTAssertEqual(lines.dropFirst(2).first, "parse and extract: 40 files ...")
        let parsed = try XCTUnwrap(lines.dropFirst(3).first)
        XCTAssertTrue(parsed.hasPrefix("parse and extract: 40 of 40 files in ") && parsed.hasSuffix(" files/s)"), parsed)
        XCTAssertFalse(run.stderr.contains("\r") || run.stderr.contains("\u{1B}"), "no terminal codes in a file")
    }

    /// Through `script`, standard error is a pseudo-terminal: one line redrawn
    /// in place, taken away before the report is printed.
    func testProgressOnATerminalIsOneLineRedrawnInPlace() throws {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else {
            throw XCTSkip("util-linux `script` is not installed")
        }
        let root = try ScratchFolder.make(for: self)
        for page in 1...12 { try ScratchFolder.write("# Page \(page)\n\nText.\n", to: "docs-src/page-\(page).md", in: root) }
        let run = try dockb(["-qfec", "'\(try Self.executable().path)' build --progress-after 0", "/dev/null"],
                            in: root, executable: URL(fileURLWithPath: script))
        XCTAssertEqual(run.status, 0, run.stdout)
        let screen = run.stdout
        let clear = "\u{1B}[K"
        XCTAssertTrue(screen.contains("\rparse and extract [" ), "no parse line redrawn: \(screen.debugDescription)")
        XCTAssertTrue(screen.contains("12/12 files"), screen.debugDescription)
        XCTAssertTrue(screen.contains("files/s" + clear), screen.debugDescription)
        XCTAssertFalse(screen.contains("parse and extract: "), "no plain lines on a terminal")
        let report = try XCTUnwrap(screen.range(of: "Built "), screen.debugDescription)
        XCTAssertTrue(screen[..<report.lowerBound].hasSuffix("\r" + clear), "the progress line is cleared before the report")
        XCTAssertFalse(screen[report.lowerBound...].contains(clear), "nothing is drawn after the report starts")
    }

    func testNoArgumentsBuildsOnlyWhenTheKnowledgeBaseIsMissingOrOlder() throws {
        let root = try smallSource()
        let helpLine = "Ask a question in plain words, for example:"
        let first = try dockb([], in: root, input: "help\n")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("Built "), first.stdout)
        let lines = first.stdout.components(separatedBy: "\n")
        // The whole report, then the REPL: never interleaved on a pipe.
        let reportEnd = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("warnings") }, first.stdout)
        let replStart = try XCTUnwrap(lines.firstIndex(of: helpLine), first.stdout)
        XCTAssertGreaterThan(replStart, reportEnd)

        let second = try dockb([], in: root, input: "help\n")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.hasPrefix(helpLine), second.stdout)

        // An edit (a newer file with other bytes) builds again.
        let guide = root.appendingPathComponent("docs-src/guide.md")
        try (try String(contentsOf: guide, encoding: .utf8) + "\nOne more line.\n").write(to: guide, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: guide.path)
        XCTAssertTrue(try dockb([], in: root).stdout.hasPrefix("Built "))
    }

    func testNoArgumentsWithoutDocsSourceIsAnError() throws {
        let run = try dockb([], in: try ScratchFolder.make(for: self))
        XCTAssertEqual(run.status, 66)
        XCTAssertTrue(run.stderr.contains("docs-src does not exist"), run.stderr)
    }

    func testHelpForAnUnknownCommandIsAUsageError() throws {
        let run = try dockb(["help", "biuld"])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.hasPrefix("Error: Unknown command 'biuld'"), run.stderr)
        XCTAssertEqual(run.stdout, "")
        let known = try dockb(["help", "build"])
        XCTAssertEqual(known.status, 0)
        XCTAssertTrue(known.stdout.contains("USAGE: dockb build"), known.stdout)
    }

    func testHelpMatchesTheSnapshots() throws {
        for (arguments, snapshot) in [(["--help"], "dockb-help.txt"), (["build", "--help"], "dockb-build-help.txt")] {
            let run = try dockb(arguments)
            XCTAssertEqual(run.status, 0)
            let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/CLI/\(snapshot)", withExtension: nil))
            let expected = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(run.stdout, expected, "dockb \(arguments.joined(separator: " ")) differs from \(snapshot)")
        }
    }
}
