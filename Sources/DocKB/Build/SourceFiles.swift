import Foundation

/// The bytes and content hash of every Markdown file a scan found: what
/// decides which documents a build has to parse.
struct SourceFiles: Sendable {
    struct File: Sendable {
        var relativePath: String
        var data: Data
        var sha256: String
    }

    var files: [File]
    /// One warning per file that could not be read (the build goes on without it).
    var unreadable: [Diagnostic]

    init(_ scanned: [SourceScanner.File]) {
        let loaded = concurrentMap(scanned) { file -> Result<File, Diagnostic> in
            do {
                let data = try Data(contentsOf: file.url)
                return .success(File(relativePath: file.relativePath, data: data, sha256: MarkdownParser.sha256(of: data)))
            } catch {
                return .failure(Diagnostic(at: SourceLocation(path: file.relativePath, line: 1),
                                           "skipped: the file cannot be read (\(error.localizedDescription))"))
            }
        }
        files = loaded.compactMap { try? $0.get() }
        unreadable = loaded.compactMap { if case .failure(let warning) = $0 { return warning } else { return nil } }
    }

    /// sha256 over every path and content hash, in path order: equal for equal sources.
    var digest: String {
        let listing = files.map { "\($0.relativePath)\t\($0.sha256)\n" }.joined()
        return MarkdownParser.sha256(of: Data(listing.utf8))
    }
}

extension Diagnostic: Error {}
