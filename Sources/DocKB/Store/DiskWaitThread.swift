import Foundation

/// Starts `work` on a thread of its own, which leaves `group` once done.
///
/// For work that mostly waits on the disk (`fsync` of the knowledge base)
/// rather than computes. On Linux, Dispatch's global queues keep about one
/// worker per core and notice a blocked one only late: an `fsync` on a worker
/// held one of a two-core machine's two for a tenth of a second at the start
/// of a corpus build's site, while the site's first reads queued behind it.
func startOnOwnThread(leaving group: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
    group.enter()
    let thread = Thread {
        work()
        group.leave()
    }
    thread.name = "dockb disk wait"
    thread.start()
}
