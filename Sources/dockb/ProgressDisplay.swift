import DocKB
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a build's `BuildProgress` on standard error, once the build has run
/// longer than `delay` (a quick build stays silent).
///
/// On a terminal one line is redrawn in place: the phase, a bar, files done
/// of the total, files per second and the time left. Anywhere else (a pipe, a
/// CI log) a line is printed when a phase starts and when it ends — a handful
/// per build, never one per file. Standard output, where the report goes, is
/// never touched.
final class ProgressDisplay: @unchecked Sendable {
    static let defaultDelay = 0.5
    static let tick = DispatchTimeInterval.milliseconds(100)

    enum Mode { case terminal, lines }

    let mode: Mode
    private(set) var progress: BuildProgress!
    private let delay: Double
    /// Every write to standard error happens on this queue, so phase lines and
    /// redraws never interleave.
    private let queue = DispatchQueue(label: "dockb.progress")
    private var timer: DispatchSourceTimer?
    private var visible = false
    private var lineOnScreen = false

    init(mode: Mode, delay: Double = defaultDelay) {
        self.mode = mode
        self.delay = delay
        progress = BuildProgress { [weak self] event in
            guard let self else { return }
            self.queue.async { self.handle(event) }
        }
    }

    /// The mode standard error calls for.
    static func forStandardError(delay: Double = defaultDelay) -> ProgressDisplay {
        ProgressDisplay(mode: isatty(STDERR_FILENO) == 1 ? .terminal : .lines, delay: delay)
    }

    func start() {
        queue.sync {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + max(delay, 0), repeating: Self.tick)
            timer.setEventHandler { [weak self] in self?.tickFired() }
            self.timer = timer
            // Without a delay every phase shows, the first included: the timer
            // could otherwise fire only after it.
            visible = delay <= 0
            timer.resume()
        }
    }

    /// Stops drawing and takes the progress line off the screen, so what is
    /// printed next (the report, an error) starts on a clean line.
    func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            if lineOnScreen { write("\r\u{1B}[K") }
            lineOnScreen = false
            visible = false
        }
    }

    private func tickFired() {
        if !visible {
            visible = true
            // The phase running when the delay ran out has not been announced yet.
            if mode == .lines, let now = progress.snapshot { write(Self.startLine(now) + "\n") }
        }
        if mode == .terminal { redraw() }
    }

    private func handle(_ event: BuildProgress.Event) {
        guard visible, timer != nil else { return }
        switch (mode, event) {
        // A phase shorter than a tick still shows, complete, for a moment.
        case (.terminal, .started(let snapshot)), (.terminal, .finished(let snapshot)): redraw(snapshot)
        case (.lines, .started(let snapshot)): write(Self.startLine(snapshot) + "\n")
        case (.lines, .finished(let snapshot)): write(Self.endLine(snapshot) + "\n")
        }
    }

    private func redraw(_ given: BuildProgress.Snapshot? = nil) {
        guard let snapshot = given ?? progress.snapshot else { return }
        let line = String(Self.barLine(snapshot, width: Self.terminalWidth()).prefix(Self.terminalWidth() - 1))
        write("\r" + line + "\u{1B}[K")
        lineOnScreen = true
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    // MARK: - Lines

    /// `parse and extract: 2553 files ...`
    static func startLine(_ s: BuildProgress.Snapshot) -> String {
        s.phase + (s.total.map { ": \($0) files ..." } ?? " ...")
    }

    /// `parse and extract: 2553 files in 8.10 s (315 files/s)`
    static func endLine(_ s: BuildProgress.Snapshot) -> String {
        let time = String(format: "%.2f s", s.phaseSeconds)
        guard let total = s.total else { return "\(s.phase): done in \(time)" }
        let rate = s.filesPerSecond.map { " (\(Int($0.rounded())) files/s)" } ?? ""
        return "\(s.phase): \(s.done) of \(total) files in \(time)\(rate)"
    }

    /// `parse and extract [#######.............]  1234/2553 files  315 files/s  4 s left`
    static func barLine(_ s: BuildProgress.Snapshot, width: Int) -> String {
        guard let total = s.total else { return "\(s.phase)  \(String(format: "%.1f", s.phaseSeconds)) s" }
        // The bar takes what the counts leave of the line (sized for their
        // longest form, so it keeps its length while they change).
        let counts = "  \(total)/\(total) files  9999 files/s  99:99 left".count
        let cells = max(10, min(40, width - 1 - s.phase.count - 3 - counts))
        let filled = total == 0 ? cells : min(cells, s.done * cells / total)
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: cells - filled) + "]"
        var line = "\(s.phase) \(bar)  \(s.done)/\(total) files"
        if let rate = s.filesPerSecond { line += "  \(Int(rate.rounded())) files/s" }
        if let left = s.secondsLeft, s.done < total { line += "  " + timeLeft(left) }
        return line
    }

    static func timeLeft(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 1 { return "<1 s left" }
        return whole < 60 ? "\(whole) s left" : String(format: "%d:%02d left", whole / 60, whole % 60)
    }

    /// Columns of the terminal standard error is on (80 when it cannot tell).
    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }
}
