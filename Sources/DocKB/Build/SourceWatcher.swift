import Foundation

/// The source folder as a build would read it, cheaply: every Markdown file
/// the scanner finds, with its size and modification time. Equal signatures
/// mean no file a build reads was added, removed or rewritten (as far as
/// `stat` can tell), so there is nothing to rebuild.
public struct SourceSignature: Hashable, Sendable {
    public struct Stamp: Hashable, Sendable {
        public var size: Int64
        /// Nanoseconds since 1970: editors often rewrite a file within the same second.
        public var modified: Int64
    }

    /// By path relative to the source folder.
    public var files: [String: Stamp]
    /// Why the folder could not be scanned (missing, not a folder, unreadable).
    public var problem: String?

    public init(files: [String: Stamp], problem: String? = nil) {
        self.files = files
        self.problem = problem
    }

    public static func read(_ root: URL) -> SourceSignature {
        let scan: SourceScanner.Result
        do {
            scan = try SourceScanner(root: root).scan()
        } catch {
            return SourceSignature(files: [:], problem: "\(error)")
        }
        var files: [String: Stamp] = [:]
        for file in scan.files {
            var info = stat()
            // A file removed between the scan and here is simply not part of this signature.
            guard stat(file.url.path, &info) == 0 else { continue }
            #if canImport(Darwin)
            let time = info.st_mtimespec
            #else
            let time = info.st_mtim
            #endif
            files[file.relativePath] = Stamp(size: Int64(info.st_size),
                                             modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
        }
        return SourceSignature(files: files)
    }

    /// Files new or rewritten since `old`, and files gone, each sorted.
    public func differences(from old: SourceSignature) -> (changed: [String], removed: [String]) {
        let changed = files.filter { old.files[$0.key] != $0.value }.map(\.key).sorted()
        let removed = old.files.keys.filter { files[$0] == nil }.sorted()
        return (changed, removed)
    }
}

/// Decides when a change to the sources has settled: a build starts once the
/// signature differs from the one last built and has stayed the same for
/// `quiet`. A save that writes a file twice, or a checkout that writes many
/// files, becomes one build instead of several.
public struct ChangeDebouncer: Sendable {
    public let quiet: Duration
    /// The signature of the sources the last build read.
    public private(set) var built: SourceSignature
    private var seen: SourceSignature
    private var seenSince: Duration

    /// `now` is any monotonic time; only differences between calls count.
    public init(built: SourceSignature, quiet: Duration, now: Duration) {
        self.quiet = quiet
        self.built = built
        seen = built
        seenSince = now
    }

    /// Takes one look at the sources; returns the signature to build when the
    /// change has settled (and from then on counts it as built).
    /// True while sources differ from the last build but have not been quiet long enough.
    public var isSettling: Bool { seen != built }

    public mutating func observe(_ signature: SourceSignature, now: Duration) -> SourceSignature? {
        if signature != seen {
            seen = signature
            seenSince = now
            return nil
        }
        guard seen != built, now - seenSince >= quiet else { return nil }
        built = seen
        return seen
    }
}

/// Polls a source folder and calls back once at the start and then after
/// every settled change, until `stop()`. The callback runs on the thread that
/// called `run`, one at a time; changes made while it runs are seen by the
/// next poll and make another build.
public final class SourceWatcher: @unchecked Sendable {
    /// One call of the callback: what the sources look like now and what
    /// differs from the previous call (nil previous: the first).
    public struct Change: Sendable {
        public var previous: SourceSignature?
        public var current: SourceSignature
        public var changed: [String]
        public var removed: [String]
    }

    public let root: URL
    public let poll: Duration
    public let quiet: Duration
    private let wakeUp = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopped = false

    public init(root: URL, poll: Duration = .milliseconds(500), quiet: Duration = .milliseconds(300)) {
        self.root = root.standardizedFileURL
        self.poll = poll
        self.quiet = quiet
    }

    /// Ends `run` at its next poll, or right away when it is waiting. Safe
    /// from any thread, including a signal handler's queue.
    public func stop() {
        lock.withLock { stopped = true }
        wakeUp.signal()
    }

    public var isStopped: Bool { lock.withLock { stopped } }

    public func run(_ onChange: (Change) -> Void) {
        let clock = ContinuousClock()
        let start = clock.now
        func now() -> Duration { clock.now - start }

        var last = SourceSignature.read(root)
        onChange(Change(previous: nil, current: last, changed: last.files.keys.sorted(), removed: []))
        var debouncer = ChangeDebouncer(built: last, quiet: quiet, now: now())
        // While a change settles, look again as soon as it could have been
        // quiet long enough, not a whole poll later: a save is built sooner.
        while waitForNextPoll(debouncer.isSettling ? min(poll, quiet) : poll) {
            guard let settled = debouncer.observe(SourceSignature.read(root), now: now()) else { continue }
            let (changed, removed) = settled.differences(from: last)
            onChange(Change(previous: last, current: settled, changed: changed, removed: removed))
            last = settled
        }
    }

    /// Sleeps `interval`; false once stopped.
    private func waitForNextPoll(_ interval: Duration) -> Bool {
        guard !isStopped else { return false }
        let parts = interval.components
        let nanoseconds = Int(parts.seconds) * 1_000_000_000 + Int(parts.attoseconds / 1_000_000_000)
        _ = wakeUp.wait(timeout: .now() + .nanoseconds(nanoseconds))
        return !isStopped
    }
}
