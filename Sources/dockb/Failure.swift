import ArgumentParser
import DocKB
import Foundation

/// Runs `body`, turning the library's errors into one line on standard error
/// and an exit code from sysexits.h, so scripts can tell a wrong source folder
/// or knowledge base (66) from an output folder they cannot write (73) from a
/// failure of dockb (70).
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        FileHandle.standardError.write(Data("dockb: error: \(error)\n".utf8))
        throw ExitCode(exitCode(for: error))
    }
}

func exitCode(for error: any Error) -> Int32 {
    switch error {
    case BuildError.sourceFolderMissing, BuildError.sourceNotAFolder, BuildError.sourceFolderUnreadable,
         KnowledgeBaseError.notAKnowledgeBase, ChangesFailure.missing:
        return 66  // EX_NOINPUT
    case BuildError.previousBuildUnreadable:
        return 65  // EX_DATAERR
    case KnowledgeBaseError.cannotCreateOutputFolder, KnowledgeBaseError.cannotWriteOutputFolder, KnowledgeBaseError.publishFailed:
        return 73  // EX_CANTCREAT
    default:
        return 70  // EX_SOFTWARE
    }
}

extension URL {
    /// The path as the user would type it from the current directory.
    var relativePathFromCurrentDirectory: String {
        let current = FileManager.default.currentDirectoryPath
        let path = standardizedFileURL.path
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}

/// Checks of the path options every command shares: an empty value (an
/// unset shell variable) would otherwise mean the current folder.
enum PathOptions {
    static func validate(source: String, output: String) throws {
        try validate(nonEmpty: source, option: "--source")
        try validate(nonEmpty: output, option: "--output")
        // The site's pages would be written among the documents, over any of the same name.
        if URL(fileURLWithPath: source).standardizedFileURL.path == URL(fileURLWithPath: output).standardizedFileURL.path {
            throw ValidationError("--output is the source folder; write the knowledge base and the site to a folder of their own")
        }
    }

    static func validate(nonEmpty value: String, option: String) throws {
        if value.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("\(option) needs a path, not an empty value") }
    }
}
