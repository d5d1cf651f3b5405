import Foundation

/// A knowledge base committed to its temporary file, whose last checks and
/// flush to disk run in the background until `moveIntoPlace` renames it
/// over `kb.sqlite`.
///
/// Meanwhile the file is complete and can be read: the build renders the
/// site from it while its bytes go to disk, instead of waiting for them
/// (the flush of a one-document rebuild's copy took 35-40 ms, the foreign
/// key check and flush of a clean corpus build about 50 ms). Whatever
/// happens, the file is only renamed into place once it is on disk and
/// checked, so a reader of `kb.sqlite` still sees a previous complete
/// knowledge base or the new complete one.
final class PendingKnowledgeBase: @unchecked Sendable {
    /// Where the committed knowledge base can be read until it is moved.
    let file: URL
    let destination: URL
    private let background = DispatchGroup()
    private let checked = CheckOutcome()
    private let lock = NSLock()
    /// The outcome of the first `moveIntoPlace`, under `lock`.
    private var moved: Result<Void, any Error>?

    /// Starts `check` (what must succeed before the rename: the flush, and
    /// for a new file its foreign keys) on a background thread.
    init(file: URL, destination: URL, check: @escaping @Sendable () throws -> Void) {
        self.file = file
        self.destination = destination
        // The work holds the outcome, not this object: a build that drops it
        // removes the file at once (see `deinit`).
        // Its own thread: the flush waits on the disk (see `startOnOwnThread`).
        startOnOwnThread(leaving: background) { [checked] in
            checked.value = Result { try check() }
        }
    }

    /// Waits for the background work, then renames the file over the
    /// destination; if the work failed, removes the file and throws its
    /// error. Every later call gives the first one's outcome.
    func moveIntoPlace() throws {
        lock.lock()
        defer { lock.unlock() }
        if moved == nil {
            background.wait()
            moved = Result { try checked.value.get(); try Durability.move(file, over: destination) }
            if case .failure = moved { unlink(file.path) }
        }
        try moved!.get()
    }

    /// A build that stopped before moving its knowledge base into place
    /// leaves no temporary file behind.
    deinit {
        if moved == nil {
            background.wait()
            unlink(file.path)
        }
    }
}

/// Written by the background work before it leaves its group, read after `wait`.
private final class CheckOutcome: @unchecked Sendable {
    var value: Result<Void, any Error> = .success(())
}
