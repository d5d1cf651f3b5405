import Foundation
import XCTest

/// A fresh folder under the system's temporary directory, removed when the
/// test that made it ends.
enum ScratchFolder {
    static func make(for test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dockb-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    static func write(_ text: String, to relativePath: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// Paths of the package and of the shared data beside it (`../shared`).
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let docsSource = root.appendingPathComponent("docs-src")
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// `../shared/<relative>`, or an XCTSkip saying why the test cannot run here.
    static func sharedData(_ relative: String) throws -> URL {
        let url = shared.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("needs \(url.path) (the shared data beside the package, present in CI); not found")
        }
        return url
    }
}
