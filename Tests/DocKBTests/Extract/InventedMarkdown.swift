import Foundation
@testable import DocKB

/// Facts of one invented article, parsed and extracted as a build does, for
/// tests that show the extractor one shape of document.
enum InventedMarkdown {
    static func facts(path: String, _ markdown: String) -> ExtractedFacts {
        FactExtractor().extract(MarkdownParser().parse(Data(markdown.utf8), path: path))
    }
}
