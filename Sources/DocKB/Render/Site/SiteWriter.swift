import Foundation

/// Writes generated files under the output directory. On creation it removes
/// what an earlier render wrote (only the entries the renderer owns, never
/// `kb.sqlite` or anything else), so no stale page survives a rebuild.
final class SiteWriter {
    let root: URL
    private(set) var filesWritten = 0
    private(set) var bytesWritten = 0
    private var createdFolders: Set<String> = []

    init(root: URL) throws {
        self.root = root
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
            for entry in SitePaths.ownedEntries {
                let url = root.appendingPathComponent(entry)
                if fileManager.fileExists(atPath: url.path) { try fileManager.removeItem(at: url) }
            }
        } catch {
            throw SiteRenderError.cannotWrite(path: root.path, reason: error.localizedDescription)
        }
    }

    /// Writes `data` at `relativePath` (`/`-separated), creating folders as needed.
    func write(_ data: Data, to relativePath: String) throws {
        let url = root.appendingPathComponent(relativePath)
        do {
            let folder = url.deletingLastPathComponent().path
            if !createdFolders.contains(folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                createdFolders.insert(folder)
            }
            try data.write(to: url)
        } catch {
            throw SiteRenderError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        filesWritten += 1
        bytesWritten += data.count
    }
}
