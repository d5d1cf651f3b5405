import Foundation

/// How far a build has come: the phase running and, in phases that work
/// through the files, how many are done. Drawing it is the command line's
/// business; this type only counts.
///
/// The pipeline reports from any thread (the parse runs on all cores), so
/// every method is thread-safe. A display reads `snapshot` whenever it
/// redraws, and hears of phase boundaries through `onEvent` as they happen —
/// a display that only polled could miss a phase shorter than its tick.
public final class BuildProgress: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var phase: String
        public var done: Int
        /// Nil for a phase that is not counted in files (scanning, the site).
        public var total: Int?
        public var phaseSeconds: Double
        public var buildSeconds: Double

        /// Nil until a file is done and some time has passed.
        public var filesPerSecond: Double? {
            done > 0 && phaseSeconds > 0 ? Double(done) / phaseSeconds : nil
        }

        /// At the rate so far; nil when that rate is not known yet.
        public var secondsLeft: Double? {
            guard let total, let rate = filesPerSecond else { return nil }
            return Double(max(total - done, 0)) / rate
        }
    }

    public enum Event: Sendable, Equatable {
        case started(Snapshot)
        case finished(Snapshot)
    }

    private let lock = NSLock()
    private let clock = ContinuousClock()
    private let buildStart: ContinuousClock.Instant
    private var phaseStart: ContinuousClock.Instant
    private var phase: String?
    private var done = 0
    private var total: Int?
    private let onEvent: @Sendable (Event) -> Void

    public init(onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.onEvent = onEvent
        buildStart = clock.now
        phaseStart = buildStart
    }

    /// Ends the phase running, if any, and starts `phase`.
    public func begin(_ phase: String, total: Int? = nil) {
        let events: [Event] = lock.withLock {
            let finished = currentSnapshot().map(Event.finished)
            self.phase = phase
            self.total = total
            done = 0
            phaseStart = clock.now
            return [finished, currentSnapshot().map(Event.started)].compactMap { $0 }
        }
        // Outside the lock: a handler may read `snapshot`.
        events.forEach(onEvent)
    }

    /// One more file of the running phase is done.
    public func advance() {
        lock.withLock { done += 1 }
    }

    /// Ends the phase running; the build is over.
    public func finish() {
        let finished: Event? = lock.withLock {
            defer { phase = nil }
            return currentSnapshot().map(Event.finished)
        }
        finished.map(onEvent)
    }

    /// The phase running now; nil before the first and after `finish`.
    public var snapshot: Snapshot? {
        lock.withLock { currentSnapshot() }
    }

    private func currentSnapshot() -> Snapshot? {
        guard let phase else { return nil }
        let now = clock.now
        return Snapshot(phase: phase, done: done, total: total, phaseSeconds: Self.seconds(now - phaseStart),
                        buildSeconds: Self.seconds(now - buildStart))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
