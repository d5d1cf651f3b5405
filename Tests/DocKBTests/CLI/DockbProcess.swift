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
