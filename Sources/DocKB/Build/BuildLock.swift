import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time per output folder: an exclusive `flock` on
/// `OUTPUT/.dockb.lock`. The kernel drops the lock when the process ends,
/// however it ends (SIGKILL included), so a crashed build never blocks the next.
struct BuildLock {
    static let fileName = ".dockb.lock"
    private let descriptor: Int32

    /// Takes the lock, or throws `BuildError.locked` naming the process that holds it.
    static func acquire(in folder: URL) throws -> BuildLock {
        try OutputFolder.create(folder)
        let path = folder.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            // The folder exists: it is writing into it that fails.
            throw KnowledgeBaseError.cannotWriteOutputFolder(folder.path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw BuildError.locked(path: path, holder: holder.flatMap(Int.init))
        }
        // The holder's pid, for the message another build prints.
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
        return BuildLock(descriptor: descriptor)
    }

    func release() {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
