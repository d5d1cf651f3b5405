import Foundation

/// Creates the output folder and its missing parents with `mkdir`, so that a
/// failure says what is in the way: Foundation's own reason for a file where
/// a folder should be was "The operation could not be completed.
/// (NSCocoaErrorDomain error 512.)".
enum OutputFolder {
    static func create(_ folder: URL) throws {
        var path = ""
        for component in folder.standardizedFileURL.path.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + component
            var info = stat()
            if stat(path, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw KnowledgeBaseError.cannotCreateOutputFolder(folder.path, reason: "\(path) is a file, not a folder")
                }
                continue
            }
            // Another process may create it between the two calls: that is no failure.
            if mkdir(path, 0o777) != 0, errno != EEXIST {
                throw KnowledgeBaseError.cannotCreateOutputFolder(folder.path, reason: "\(path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
