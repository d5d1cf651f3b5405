import Foundation

/// Finds the Markdown files of a source folder.
///
/// - Every `*.md` file (any letter case) in the folder tree, hidden entries
///   (`.git`, `.vs`) excluded.
/// - Sorted by relative path, byte by byte, so the same folder always gives
///   the same order (and the same ids in the knowledge base) whatever order
///   the file system lists entries in.
/// - Paths are relative to the folder and `/`-separated.
/// - Symbolic links are followed, but a directory is read only once: a link
///   back to an ancestor (a loop) or to a directory already read is skipped
///   with a warning. Unreadable files and folders are skipped with a warning.
public struct SourceScanner: Sendable {
    public struct File: Hashable, Sendable {
        public var relativePath: String
        public var url: URL
    }

    public struct Result: Sendable {
        public var files: [File]
        /// Every folder read, the source folder included: a file removed
        /// shows only in its folder's modification time.
        public var folders: [URL]
        public var warnings: [Diagnostic]
    }

    public var root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func scan() throws -> Result {
        var info = stat()
        guard stat(root.path, &info) == 0 else { throw BuildError.sourceFolderMissing(root.path) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw BuildError.sourceNotAFolder(root.path) }
        guard access(root.path, R_OK | X_OK) == 0 else { throw BuildError.sourceFolderUnreadable(root.path) }

        var walk = Walk()
        walk.visited.insert(DirectoryIdentity(info))
        walk.read(directory: root.path, relative: "")
        walk.followDeferredLinks()
        let sorted = walk.files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return Result(files: Self.distinctNames(sorted, warnings: &walk.warnings), folders: walk.folders, warnings: walk.warnings)
    }

    /// The files whose paths differ once Unicode-normalized; each later one
    /// with the same path is skipped with a warning. Linux tells "é" written
    /// as one code point from "e" and a combining accent, but Swift strings
    /// (and so every table of documents by path) take them for one name: two
    /// such files gave two documents the same id, and the build failed.
    private static func distinctNames(_ files: [File], warnings: inout [Diagnostic]) -> [File] {
        var firstWithName: [String: String] = [:]
        return files.filter { file in
            if let first = firstWithName[file.relativePath] {
                warnings.append(Diagnostic(at: SourceLocation(path: file.relativePath, line: 1), """
                    skipped: its name is that of \(first) written with other Unicode code points \
                    (the same text once normalized); rename one of them
                    """))
                return false
            }
            firstWithName[file.relativePath] = file.relativePath
            return true
        }
    }

    /// A directory's identity on disk: the same directory reached through two
    /// paths (a symbolic link) has the same device and inode.
    struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private struct Walk {
        var files: [File] = []
        var folders: [URL] = []
        var warnings: [Diagnostic] = []
        var visited: Set<DirectoryIdentity> = []
        /// Symbolic links to folders, read after the real tree so that a folder
        /// reachable both ways is listed under its real path.
        var deferredLinks: [(fullPath: String, path: String)] = []

        mutating func followDeferredLinks() {
            while !deferredLinks.isEmpty {
                let (fullPath, path) = deferredLinks.removeFirst()
                var info = stat()
                guard stat(fullPath, &info) == 0 else { continue }
                guard visited.insert(DirectoryIdentity(info)).inserted else {
                    warn(path, "folder skipped: a symbolic link to a folder already scanned (a loop or a duplicate)")
                    continue
                }
                read(directory: fullPath, relative: path)
            }
        }

        /// Works on path strings, and makes a URL only for what it keeps:
        /// `URL.appendingPathComponent` asks the file system whether each
        /// entry is a folder, a second `stat` per file.
        mutating func read(directory: String, relative: String) {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                warn(relative.isEmpty ? "." : relative, "folder skipped: it cannot be read")
                return
            }
            folders.append(URL(fileURLWithPath: directory, isDirectory: true))
            for name in names.sorted() where !name.hasPrefix(".") {
                let fullPath = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                // stat follows symbolic links; a dangling link fails here.
                guard stat(fullPath, &info) == 0 else {
                    warn(path, "skipped: \(String(cString: strerror(errno)))")
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR where isSymbolicLink(fullPath):
                    deferredLinks.append((fullPath, path))
                case S_IFDIR:
                    guard visited.insert(DirectoryIdentity(info)).inserted else { continue }
                    read(directory: fullPath, relative: path)
                case S_IFREG where name.lowercased().hasSuffix(".md"):
                    if access(fullPath, R_OK) == 0 {
                        files.append(File(relativePath: path, url: URL(fileURLWithPath: fullPath, isDirectory: false)))
                    } else {
                        warn(path, "skipped: the file cannot be read")
                    }
                case S_IFREG:
                    continue
                default:
                    // A pipe or a device named *.md: never read (it could block or never end), but said.
                    if name.lowercased().hasSuffix(".md") { warn(path, "skipped: not a regular file") }
                }
            }
        }

        func isSymbolicLink(_ path: String) -> Bool {
            var info = stat()
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        }

        mutating func warn(_ path: String, _ message: String) {
            warnings.append(Diagnostic(at: SourceLocation(path: path, line: 1), message))
        }
    }
}
