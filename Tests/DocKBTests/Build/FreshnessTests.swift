import Foundation
import XCTest
@testable import DocKB

final class FreshnessTests: XCTestCase {
    private var source: URL!
    private var output: URL!
    private var knowledgeBase: URL { output.appendingPathComponent("kb.sqlite") }

    override func setUpWithError() throws {
        let root = try ScratchFolder.make(for: self)
        source = root.appendingPathComponent("docs")
        output = root.appendingPathComponent("out")
        try ScratchFolder.write("# A\n", to: "a.md", in: source)
        try ScratchFolder.write("# B\n", to: "sub/b.md", in: source)
    }

    private func setTime(_ url: URL, secondsAgo: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)], ofItemAtPath: url.path)
    }

    /// Sources an hour old, then a build: the knowledge base is newer than all of them.
    private func build() throws {
        for url in [source!, source.appendingPathComponent("sub"), source.appendingPathComponent("a.md"),
                    source.appendingPathComponent("sub/b.md")] {
            try setTime(url, secondsAgo: 3600)
        }
        try BuildPipeline(source: source, output: output).run()
    }

    func testAMissingKnowledgeBaseNeedsABuild() throws {
        XCTAssertTrue(try Freshness.needsBuild(knowledgeBase: knowledgeBase, source: source))
    }

    func testAKnowledgeBaseNewerThanEverySourceIsFresh() throws {
        try build()
        XCTAssertFalse(try Freshness.needsBuild(knowledgeBase: knowledgeBase, source: source))
    }

    func testAnEditedFileNeedsABuild() throws {
        try build()
        try setTime(source.appendingPathComponent("sub/b.md"), secondsAgo: -60)
        XCTAssertTrue(try Freshness.needsBuild(knowledgeBase: knowledgeBase, source: source))
    }

    func testARemovedFileNeedsABuild() throws {
        try build()
        try FileManager.default.removeItem(at: source.appendingPathComponent("sub/b.md"))
        try setTime(source.appendingPathComponent("sub"), secondsAgo: -60)
        XCTAssertTrue(try Freshness.needsBuild(knowledgeBase: knowledgeBase, source: source))
    }

    func testAFileThatIsNotAKnowledgeBaseNeedsABuild() throws {
        try ScratchFolder.write("junk", to: "kb.sqlite", in: output)
        XCTAssertTrue(try Freshness.needsBuild(knowledgeBase: knowledgeBase, source: source))
    }

    func testAMissingSourceFolderIsAnError() throws {
        XCTAssertThrowsError(try Freshness.needsBuild(knowledgeBase: knowledgeBase,
                                                      source: source.appendingPathComponent("absent")))
    }
}
