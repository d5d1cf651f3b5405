import Foundation
import XCTest
@testable import DocKB

/// Runs the built `dockb` executable: `ask` exit codes and formats, the REPL
/// with piped input, and the REPL on a real pseudo-terminal through `script`.
final class AskAndReplCommandTests: QueryTestCase {
    private var dockb: String {
        get throws {
            let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for candidate in [products, products.deletingLastPathComponent()] {
                let path = candidate.appendingPathComponent("dockb").path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
            throw XCTSkip("the dockb executable is not built next to the tests (\(products.path))")
        }
    }

    private struct Run { var status: Int32; var stdout: String; var stderr: String }

    private func run(_ arguments: [String], input: String? = nil, home: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try dockb)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let home { environment["HOME"] = home }
        process.environment = environment
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A home folder for the REPL's history, removed when the test ends.
    private func temporaryHome() throws -> String {
        try ScratchFolder.make(for: self).path
    }

    func testAskExitStatuses() throws {
        let answered = try run(["ask", "--db", databasePath, "what do I need for manual installation?"])
        XCTAssertEqual(answered.status, 0, answered.stderr)
        XCTAssertTrue(answered.stdout.contains("[1:42]") || answered.stdout.contains(":42]"), answered.stdout)
        XCTAssertFalse(answered.stdout.contains("\u{1B}["), "no escape codes when piped")

        let unknown = try run(["ask", "--db", databasePath, "how", "do", "I", "bake", "kiln", "bread?"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stdout.contains("Nearest topics"), unknown.stdout)

        let missing = try run(["ask", "--db", "/nonexistent/kb.sqlite", "anything"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no knowledge base at /nonexistent/kb.sqlite"), missing.stderr)

        XCTAssertEqual(try run(["ask", "--db", databasePath]).status, 2)
        XCTAssertEqual(try run(["ask", "--db", databasePath, "--format", "yaml", "x"]).status, 2)
    }

    func testAskJSON() throws {
        let result = try run(["ask", "--db", databasePath, "--format", "json", "which port does remote control use?"])
        XCTAssertEqual(result.status, 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]]
        XCTAssertEqual(items?.first?["kind"] as? String, "port")
        XCTAssertEqual(items?.first?["status"] as? String, "met")
    }

    func testReplWithPipedInput() throws {
        let home = try temporaryHome()
        let script = """
            what do I need for manual installation?
            why 1
            set source yes
            what do I need for manual installation?
            sql DELETE FROM components
            sql SELECT count(*) AS n FROM components
            context
            quit
            this line is never read
            """
        let result = try run(["repl", "--db", databasePath], input: script, home: home)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.contains("dockb>"), "no prompt when piped")
        XCTAssertFalse(result.stdout.contains("\u{1B}"), "no escape codes when piped")
        XCTAssertTrue(result.stdout.contains("why 1:"))
        XCTAssertTrue(result.stdout.contains("source = yes"))
        XCTAssertTrue(result.stdout.contains("Left out"))
        XCTAssertTrue(result.stdout.contains("read-only"))
        XCTAssertTrue(result.stdout.contains("(1 row)"))
        XCTAssertFalse(result.stdout.contains("never read"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/.dockb_history"), "piped sessions keep no history")
    }

    /// A real terminal: `script` gives the REPL a pseudo-terminal, so libedit
    /// runs with its prompt, TAB completion, Ctrl-C and history file.
    func testReplOnAPseudoTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("util-linux `script` is not installed")
        }
        let home = try temporaryHome()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // `exec`: script runs the command through $SHELL, and dash (the
        // fallback when SHELL is unset, as in CI) stays as the parent in the
        // REPL's process group, so Ctrl-C would kill the shell, not the REPL.
        process.arguments = ["-qfec", "exec '\(try dockb)' repl --db '\(databasePath)'", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["TERM"] = "xterm"
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let collected = OutputCollector(output.fileHandleForReading)
        try process.run()
        func type(_ text: String, waitFor expected: String) {
            input.fileHandleForWriting.write(Data(text.utf8))
            collected.wait(for: expected, timeout: 10)
        }
        collected.wait(for: "dockb> ", timeout: 10)
        type("which port does remote con\t", waitFor: "Remote Control")
        type("\r", waitFor: "2701")
        type("half a thought\u{3}", waitFor: "dockb> ")
        type("help\r", waitFor: "why N")
        type("quit\r", waitFor: "")
        process.waitUntilExit()
        let text = collected.text
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("which port does remote control") || text.contains("Remote Control"), text)
        XCTAssertTrue(text.contains("2701"), text)
        XCTAssertTrue(text.contains("why N"), "the REPL survived Ctrl-C\n\(text)")
        let history = try String(contentsOfFile: home + "/.dockb_history", encoding: .utf8)
        XCTAssertTrue(history.contains("help"), history)
        XCTAssertTrue(history.contains("Remote") && history.contains("Control"), "completed line in history\n\(history)")
        XCTAssertFalse(history.contains("half"), "an abandoned line is not history\n\(history)")
    }
}

/// Accumulates a child's output on a background queue so the test can wait
/// for a prompt or an answer to appear.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] h in
            let chunk = h.availableData
            guard let self else { return }
            if chunk.isEmpty { h.readabilityHandler = nil; return }
            self.lock.lock(); self.data.append(chunk); self.lock.unlock()
        }
    }

    var text: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    private var consumed = 0

    /// Waits until `expected` appears after what earlier waits consumed.
    func wait(for expected: String, timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let all = text
            let rest = String(all.dropFirst(consumed))
            if expected.isEmpty { Thread.sleep(forTimeInterval: 0.3); return }
            if let range = rest.range(of: expected) {
                consumed += rest.distance(from: rest.startIndex, to: range.upperBound)
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
