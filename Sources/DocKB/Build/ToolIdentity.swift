import Foundation

/// Which dockb wrote a knowledge base or site: its version and the size and
/// time of its executable. A rebuilt dockb may extract or render differently
/// even under the same version number, so its outputs count as stale: the
/// next build is a full one.
enum ToolIdentity {
    static let current: String = {
        var info = stat()
        let executable = "/proc/self/exe"
        guard stat(executable, &info) == 0 else { return KnowledgeBaseWriter.toolVersion }
        return "\(KnowledgeBaseWriter.toolVersion) (\(info.st_size) bytes, \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec))"
    }()
}
