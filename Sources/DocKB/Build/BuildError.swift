/// Why a build could not run at all. Problems inside documents are never
/// errors: they become warnings and the build goes on.
public enum BuildError: Error, Equatable, CustomStringConvertible {
    case sourceFolderMissing(String)
    case sourceNotAFolder(String)
    case sourceFolderUnreadable(String)
    case sitePublishingFailed(String)
    case locked(path: String, holder: Int?)

    public var description: String {
        switch self {
        case .sourceFolderMissing(let path): return "source folder \(path) does not exist"
        case .sourceNotAFolder(let path): return "source \(path) is not a folder"
        case .sourceFolderUnreadable(let path): return "source folder \(path) cannot be read"
        case .sitePublishingFailed(let reason): return "the knowledge base was written, but the site was not: \(reason)"
        case .locked(let path, let holder):
            return "another build is writing this output folder (\(holder.map { "process \($0)" } ?? "another process") holds \(path)); "
                + "try again when it has finished"
        }
    }
}
