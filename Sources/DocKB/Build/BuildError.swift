/// Why a build could not run at all. Problems inside documents are never
/// errors: they become warnings and the build goes on.
public enum BuildError: Error, Equatable, CustomStringConvertible {
    case sourceFolderMissing(String)
    case sourceNotAFolder(String)
    case sourceFolderUnreadable(String)
    case sitePublishingFailed(String)
    case locked(path: String, holder: Int?)
    /// The previous knowledge base passed its checks, but a document's cached facts do not decode.
    case previousBuildUnreadable(String)

    public var description: String {
        switch self {
        case .sourceFolderMissing(let path): return "source folder \(path) does not exist"
        case .sourceNotAFolder(let path): return "source \(path) is not a folder"
        case .sourceFolderUnreadable(let path): return "source folder \(path) cannot be read"
        case .sitePublishingFailed(let reason): return "the knowledge base was written, but the site was not: \(reason)"
        case .previousBuildUnreadable(let path):
            return "the knowledge base \(path) holds cached facts this dockb cannot read; "
                + "remove it to build from scratch"
        case .locked(let path, let holder):
            return "another build is writing this output folder (\(holder.map { "process \($0)" } ?? "another process") holds \(path)); "
                + "try again when it has finished"
        }
    }
}
