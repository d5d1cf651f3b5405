import XCTest
@testable import DocKB

/// Invented articles built into a knowledge base of their own, for tests
/// that ask about one shape of document as a user would.
enum InventedArticles {
    /// Writes `articles` (relative path → Markdown) into a scratch folder of
    /// `test`, builds them, and opens an answer engine on the result.
    static func engine(_ articles: [String: String], for test: XCTestCase) throws -> AnswerEngine {
        let folder = try ScratchFolder.make(for: test)
        let source = folder.appendingPathComponent("docs")
        for (path, text) in articles { try ScratchFolder.write(text, to: path, in: source) }
        let pipeline = BuildPipeline(source: source, output: folder.appendingPathComponent("out"))
        try pipeline.run()
        return AnswerEngine(knowledgeBase: try KnowledgeBaseSnapshot.open(path: pipeline.knowledgeBase.path))
    }
}
