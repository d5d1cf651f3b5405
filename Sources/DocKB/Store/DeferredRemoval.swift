import Foundation

/// Files removed on a background thread: removals that take time while
/// nothing needs to wait for them, such as the previous knowledge base,
/// whose blocks the file system frees when its last name goes.
enum DeferredRemoval {
    private static let pending = DispatchGroup()

    static func remove(_ path: String) {
        DispatchQueue.global(qos: .utility).async(group: pending) { _ = unlink(path) }
    }

    /// Waits until every removal asked for so far is done. A build calls it
    /// before it returns, so the process does not end with one undone (the
    /// next build would remove what is left: see `KnowledgeBaseWriter.removeLeftovers`).
    static func waitForAll() {
        pending.wait()
    }
}
