import Foundation

/// The page manifest as bytes, in the form of the knowledge base's document
/// cache (see BinaryForm.swift).
///
/// Every build reads the previous render's manifest and writes its own: for
/// the corpus's 2,553 pages, as JSON through Foundation's coders, that took
/// 13-18 ms to read and 14 ms to write, a tenth of a one-document rebuild.
///
/// Layout: the format tag; the pages, sorted by path, each as its path, its
/// digest, its warnings (severity, path, line, message) and its linked lines
/// (sorted by document: the path, then the lines); then the fact pages, if
/// recorded. Maps are written sorted, so equal manifests give equal bytes.
enum PageManifestCoding {
    static let formatTag: [UInt8] = Array("dkpm1".utf8)

    static func encode(_ manifest: PageManifest) -> Data {
        var writer = ByteWriter(formatTag: formatTag)
        writer.count(manifest.pages.count)
        for (path, page) in manifest.pages.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.string(page.digest)
            writer.count(page.warnings.count)
            for warning in page.warnings {
                writer.bool(warning.severity == .error)
                writer.string(warning.location.path)
                writer.signed(warning.location.line)
                writer.string(warning.message)
            }
            writer.count(page.linkedLines.count)
            for (document, lines) in page.linkedLines.sorted(by: { $0.key < $1.key }) {
                writer.string(document)
                writer.count(lines.count)
                for line in lines { writer.signed(line) }
            }
        }
        writer.bool(manifest.factPages != nil)
        if let factPages = manifest.factPages {
            writer.string(factPages.sourcesSHA256)
            writer.string(factPages.shared)
            writer.strings(factPages.quoted)
            writer.strings(factPages.files)
            writer.signed(factPages.pages)
            writer.signed(factPages.entityPages)
            writer.signed(factPages.diagrams)
        }
        return Data(writer.bytes)
    }

    static func decode(_ data: Data) throws -> PageManifest {
        try data.withUnsafeBytes { buffer in
            var reader = try ByteReader(buffer, formatTag: formatTag)
            var manifest = PageManifest()
            for _ in 0..<(try reader.count()) {
                let path = try reader.string(), digest = try reader.string()
                var warnings: [Diagnostic] = []
                for _ in 0..<(try reader.count()) {
                    let severity: Diagnostic.Severity = try reader.bool() ? .error : .warning
                    let location = SourceLocation(path: try reader.string(), line: try reader.signed())
                    warnings.append(Diagnostic(severity, at: location, try reader.string()))
                }
                var linkedLines: [String: [Int]] = [:]
                for _ in 0..<(try reader.count()) {
                    let document = try reader.string()
                    var lines: [Int] = []
                    for _ in 0..<(try reader.count()) { lines.append(try reader.signed()) }
                    linkedLines[document] = lines
                }
                manifest.pages[path] = PageManifest.Page(digest: digest, warnings: warnings, linkedLines: linkedLines)
            }
            if try reader.bool() {
                manifest.factPages = PageManifest.FactPages(
                    sourcesSHA256: try reader.string(), shared: try reader.string(), quoted: try reader.strings(),
                    files: try reader.strings(), pages: try reader.signed(), entityPages: try reader.signed(),
                    diagrams: try reader.signed())
            }
            try reader.expectEnd("page manifest")
            return manifest
        }
    }
}
