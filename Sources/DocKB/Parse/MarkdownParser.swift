import Foundation

/// Parses one DocFX Markdown file into a `Document`. Never throws on content:
/// problems become diagnostics on the document.
///
/// INTERFACE PLACEHOLDER while the parser is being written on its own branch.
public struct MarkdownParser: Sendable {
    public init() {}

    public func parse(_ data: Data, path: String) -> Document {
        Document(path: path, sha256: "", frontMatter: FrontMatter(), blocks: [], sections: [],
                 diagnostics: [Diagnostic(at: SourceLocation(path: path, line: 1), "parser not built yet")])
    }
}
