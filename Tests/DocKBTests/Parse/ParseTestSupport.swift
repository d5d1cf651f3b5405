import Foundation
import XCTest
@testable import DocKB

/// Helpers shared by the parser tests (namespaced so other test folders can
/// have helpers of the same names).
enum ParseSupport {
    /// Parses Markdown written inline in a test.
    static func markdown(_ text: String, path: String = "test.md") -> Document {
        MarkdownParser().parse(Data(text.utf8), path: path)
    }

    /// Every block in document order, descending into lists, quotes and alerts.
    static func allBlocks(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        var stack = Array(blocks.reversed())
        while let block = stack.popLast() {
            out.append(block)
            switch block.kind {
            case .list(let list): stack.append(contentsOf: list.items.flatMap(\.blocks).reversed())
            case .alert(let alert): stack.append(contentsOf: alert.blocks.reversed())
            case .quote(let inner): stack.append(contentsOf: inner.reversed())
            default: break
            }
        }
        return out
    }

    static func tables(in document: Document) -> [Table] {
        allBlocks(document.blocks).compactMap { if case .table(let t) = $0.kind { t } else { nil } }
    }

    static func alerts(in document: Document) -> [Alert] {
        allBlocks(document.blocks).compactMap { if case .alert(let a) = $0.kind { a } else { nil } }
    }

    static func headings(in document: Document) -> [Heading] {
        allBlocks(document.blocks).compactMap { if case .heading(let h) = $0.kind { h } else { nil } }
    }

    static func paragraphTexts(in document: Document) -> [String] {
        allBlocks(document.blocks).compactMap { if case .paragraph(let c) = $0.kind { c.plainText } else { nil } }
    }

    /// A path below ../shared (next to the package root), or a skip when it is absent.
    static func sharedFolder(_ relative: String) throws -> URL {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = packageRoot.appendingPathComponent("../shared").appendingPathComponent(relative).standardized
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("\(url.path) is absent: this test needs the shared data folder ../shared next to the package")
        }
        return url
    }
}
