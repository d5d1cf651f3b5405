import Foundation

/// Decides whether `dockb` with no arguments has to build before answering.
public enum Freshness {
    /// True when the knowledge base is missing, is not one this version of
    /// dockb can read, or is older than any Markdown file or folder of the
    /// source (a folder's time changes when a file is added or removed).
    /// Throws `BuildError` when the source folder cannot be scanned.
    public static func needsBuild(knowledgeBase: URL, source: URL) throws -> Bool {
        let scan = try SourceScanner(root: source).scan()
        guard let built = modificationDate(knowledgeBase), (try? KnowledgeBase(url: knowledgeBase)) != nil else {
            return true
        }
        let sources = scan.files.map(\.url) + scan.folders
        return sources.contains { (modificationDate($0) ?? .distantFuture) > built }
    }

    /// Following symbolic links: what counts is the content's time.
    static func modificationDate(_ url: URL) -> Date? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }
}
