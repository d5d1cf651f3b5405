import Foundation
import XCTest

/// Runs the built `dockb` executable: to completion, or as a long-running
/// child (`dockb watch`) whose output the test waits on line by line.
enum DockbProcess {
    static func run(_ arguments: [String], in folder: URL, test: XCTestCase) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = try CommandLineTests.executable()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // Output goes to files: two pipes read one after the other could block the child.
        let capture = try ScratchFolder.make(for: test)
        let outURL = capture.appendingPathComponent("stdout"), errURL = capture.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CommandLineTests.Run(status: process.terminationStatus,
                                    stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                                    stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

extension DockbProcess {
    /// A `dockb` child that keeps running: its standard output and error are
    /// collected as they come, and the test waits for lines to appear.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var collected = Data()
        /// Output up to here was matched by earlier waits.
        private var consumed = 0

        init(_ arguments: [String], in folder: URL) throws {
            process.executableURL = try CommandLineTests.executable()
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let chunk = handle.availableData
                if chunk.isEmpty { handle.readabilityHandler = nil; return }
                self?.lock.withLock { self?.collected.append(chunk) }
            }
            try process.run()
        }

        var output: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

        /// Waits for a line containing `text` after the lines earlier waits
        /// matched, and returns it; fails the test with the whole output when
        /// it does not come.
        @discardableResult
        func waitForLine(containing text: String, timeout: TimeInterval = 60,
                         file: StaticString = #filePath, line: UInt = #line) -> String? {
            var deadline = Date().addingTimeInterval(timeout)
            var exited = false
            repeat {
                // Once the process is gone, give the pipe a moment to deliver its last lines.
                if !exited, !process.isRunning {
                    exited = true
                    deadline = min(deadline, Date().addingTimeInterval(1))
                }
                let lines = lock.withLock { String(decoding: collected.dropFirst(consumed), as: UTF8.self) }
                    .split(separator: "\n", omittingEmptySubsequences: false)
                // Only whole lines: the last piece may still be growing.
                for (index, candidate) in lines.dropLast().enumerated() where candidate.contains(text) {
                    let length = lines.prefix(index + 1).reduce(0) { $0 + $1.utf8.count + 1 }
                    lock.withLock { consumed += length }
                    return String(candidate)
                }
                Thread.sleep(forTimeInterval: 0.05)
            } while Date() < deadline
            XCTFail("no line containing “\(text)” within \(timeout) s; output so far:\n\(output)", file: file, line: line)
            return nil
        }

        /// Sends SIGTERM and waits for the process to end; nil when it does not.
        func terminate(timeout: TimeInterval = 30) -> Int32? {
            process.terminate()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return process.isRunning ? nil : process.terminationStatus
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }
}
