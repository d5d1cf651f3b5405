import Foundation
import XCTest
@testable import DocKB

/// The page manifest's bytes give back exactly what a render recorded;
/// anything else reads as no manifest (every page rendered again), never a trap.
final class PageManifestCodingTests: XCTestCase {
    private var manifest: PageManifest {
        var manifest = PageManifest()
        manifest.pages["a/b.md"] = PageManifest.Page(
            digest: "d1",
            warnings: [Diagnostic(at: SourceLocation(path: "a/b.md", line: 7), "a ragged table ✓"),
                       Diagnostic(.error, at: SourceLocation(path: "a/inc.md", line: 0), "")],
            linkedLines: ["a/b.md": [3, 12, 400_000], "a/inc.md": [], "z.md": [1]])
        manifest.pages["c.md"] = PageManifest.Page(digest: "", warnings: [], linkedLines: [:])
        manifest.factPages = PageManifest.FactPages(
            sourcesSHA256: "s", shared: "h", quoted: ["a/b.md"], files: ["ports.html", "ports/tcp-445.html"],
            pages: 3183, entityPages: 618, diagrams: 14)
        return manifest
    }

    func testManifestsRoundTripToTheSameBytes() throws {
        let data = PageManifestCoding.encode(manifest)
        XCTAssertEqual(try PageManifestCoding.decode(data), manifest)
        XCTAssertEqual(PageManifestCoding.encode(try PageManifestCoding.decode(data)), data)
        var withoutFactPages = manifest
        withoutFactPages.factPages = nil
        XCTAssertEqual(try PageManifestCoding.decode(PageManifestCoding.encode(withoutFactPages)), withoutFactPages)
        XCTAssertEqual(try PageManifestCoding.decode(PageManifestCoding.encode(PageManifest())), PageManifest())
    }

    func testEveryTruncationAndOtherBytesAreRefused() {
        let data = PageManifestCoding.encode(manifest)
        for length in 0..<data.count {
            XCTAssertThrowsError(try PageManifestCoding.decode(data.prefix(length)), "cut at \(length) of \(data.count)")
        }
        XCTAssertThrowsError(try PageManifestCoding.decode(data + Data([0])), "bytes after the manifest")
        XCTAssertThrowsError(try PageManifestCoding.decode(Data(#"{"pages":{}}"#.utf8)), "the former JSON form")
    }

    func testAnUnreadableManifestReadsAsNone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dockb-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(PageManifest.read(from: root), PageManifest(), "no file")
        let file = root.appendingPathComponent(PageManifest.fileName)
        try PageManifestCoding.encode(manifest).dropLast().write(to: file)
        XCTAssertEqual(PageManifest.read(from: root), PageManifest(), "a file cut short")
        try PageManifestCoding.encode(manifest).write(to: file)
        XCTAssertEqual(PageManifest.read(from: root), manifest)
    }
}
