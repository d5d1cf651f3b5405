import Crypto
import Foundation

/// Parses one DocFX Markdown file into a `Document`. Never throws on content:
/// problems become diagnostics on the document, naming file and line.
///
/// Safe to call from several threads at once.
public struct MarkdownParser: Sendable {
    public init() {}

    /// `sha256` is the file's hash when the caller has it already.
    public func parse(_ data: Data, path: String, sha256: String? = nil) -> Document {
        let raw = [UInt8](data)
        let source = SourceBytes(raw)
        let front = FrontMatterReader.read(source.bytes)

        // Front matter lines become empty lines so cmark's line numbers stay the file's.
        var markdown = [UInt8](repeating: UInt8(ascii: "\n"), count: front.lineCount)
        markdown.append(contentsOf: source.bytes[front.bodyOffset...])

        let guarded = InlineCostGuard.apply(markdown)
        var slugger = HeadingSlugger()
        let tree = CmarkTree.convert(guarded.bytes, slugger: &slugger)

        let notes = source.notes + front.notes + guarded.notes + tree.notes
        return Document(
            path: path,
            sha256: sha256 ?? Self.sha256(of: data),
            frontMatter: front.frontMatter,
            blocks: tree.blocks,
            sections: SectionBuilder.sections(of: tree.blocks),
            diagnostics: notes.map { Diagnostic(.warning, at: SourceLocation(path: path, line: $0.line), $0.message) })
    }

    /// Lower-case hex sha256 of a file's bytes: a document's identity across builds.
    public static func sha256(of data: some DataProtocol) -> String {
        hexadecimal(SHA256.hash(data: data))
    }

    private static func hexadecimal(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
