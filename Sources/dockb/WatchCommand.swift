import ArgumentParser
import DocKB
import Foundation

/// `dockb watch`: build, then rebuild whenever the sources change, printing
/// what each build changed, until SIGINT or SIGTERM. A bad file or a failed
/// build is reported and the watch goes on: the next save may fix it.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Rebuild whenever the sources change, and print what changed.",
        discussion: """
            Builds once, then looks at every .md file under the source folder (path, size, \
            modification time) and rebuilds once they have stopped changing. Each build prints one \
            line: the time, the files that changed, what changed in the facts, then the warnings of \
            those files. Stops on Ctrl-C or SIGTERM.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The documentation folder to read.", valueName: "dir"))
    var source = BuildCommand.defaultSource

    @Option(name: .long, help: ArgumentHelp("The folder to write the knowledge base to.", valueName: "dir"))
    var output = BuildCommand.defaultOutput

    @Option(name: .long, help: ArgumentHelp("Rebuild once the sources have been unchanged this long.", valueName: "ms"))
    var debounce = 300

    @Option(name: .long, help: ArgumentHelp("How often to look at the sources.", valueName: "ms"))
    var poll = 500

    /// At most this many changes and warnings are listed per build.
    static let listLimit = 20

    func validate() throws {
        try PathOptions.validate(source: source, output: output)
        if debounce < 0 { throw ValidationError("--debounce must be 0 or more milliseconds") }
        if poll < 10 { throw ValidationError("--poll must be at least 10 milliseconds") }
    }

    func run() throws {
        // A folder that is not there at the start is a mistyped path, as for `build` (exit 66);
        // one that goes away while watched is waited for (it may be moved back).
        try reportingFailures {
            let root = URL(fileURLWithPath: source).standardizedFileURL
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else {
                throw BuildError.sourceFolderMissing(root.path)
            }
            guard isFolder.boolValue else { throw BuildError.sourceNotAFolder(root.path) }
        }
        let watcher = SourceWatcher(root: URL(fileURLWithPath: source), poll: .milliseconds(poll),
                                    quiet: .milliseconds(debounce))
        // Handled on a queue, not by the default action, so that the build in
        // progress finishes (and publishes atomically) before the process exits.
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let handler = DispatchSource.makeSignalSource(signal: number, queue: .global())
            handler.setEventHandler { watcher.stop() }
            handler.resume()
            return handler
        }
        say("watching \(source) (every \(poll) ms; building \(debounce) ms after the last change); Ctrl-C stops")
        var known: Set<Diagnostic> = []
        watcher.run { change in say(report(change, known: &known).joined(separator: "\n")) }
        signals.forEach { $0.cancel() }
        say("stopped watching \(source)")
    }

    /// The lines printed for one build. `known` holds the warnings of the
    /// build before, so that a warning a change caused elsewhere (a link to a
    /// removed file) is shown too.
    private func report(_ change: SourceWatcher.Change, known: inout Set<Diagnostic>) -> [String] {
        let time = Self.clock.string(from: Date())
        let trigger = change.previous == nil ? "first build" : Self.describe(change)
        let result: (report: BuildReport, site: (report: SiteReport?, quality: QualityReport?))
        do {
            result = try BuildCommand.run(source: source, output: output)
        } catch {
            // A missing folder says it all; listing its files as removed adds nothing.
            let what = change.current.problem == nil ? "\(trigger): build failed" : "build failed"
            return ["\(time) \(what): \(error); waiting for the next change"]
        }
        let report = result.report
        var lines: [String]
        if let history = report.history {
            lines = ["\(time) \(trigger): \(history.summary)"]
            // The first build's changes can be every fact of the sources: `dockb changes` lists them.
            if change.previous != nil { lines += Array(history.text(limit: Self.listLimit).dropFirst()) }
        } else {
            let documents = report.counts.documents == 1 ? "1 document" : "\(report.counts.documents) documents"
            lines = ["\(time) \(trigger): \(documents), no fact change recorded"]
        }
        // After the first build, what the changed files say and what is new
        // elsewhere: the rest was reported before.
        let touched = Set(change.changed)
        let warnings = change.previous == nil ? report.warnings : report.warnings.filter {
            touched.contains($0.location.path) || $0.severity == .error || !known.contains($0)
        }
        known = Set(report.warnings)
        lines += warnings.prefix(Self.listLimit).map { "  " + $0.description }
        if warnings.count > Self.listLimit {
            lines.append("  … \(warnings.count - Self.listLimit) more warnings; all are in the diagnostics table of \(report.knowledgeBase)")
        }
        return lines
    }

    /// "core/a.md changed", "a.md, b.md and 3 more changed, c.md removed".
    static func describe(_ change: SourceWatcher.Change) -> String {
        func names(_ paths: [String]) -> String {
            paths.count <= 3 ? paths.joined(separator: ", ") : paths.prefix(2).joined(separator: ", ") + " and \(paths.count - 2) more"
        }
        var parts: [String] = []
        if !change.changed.isEmpty { parts.append(names(change.changed) + " changed") }
        if !change.removed.isEmpty { parts.append(names(change.removed) + " removed") }
        return parts.isEmpty ? "sources changed" : parts.joined(separator: ", ")
    }

    private static let clock: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter
    }()
}

/// Prints and flushes at once: a pipe would otherwise hold the line until
/// the buffer fills, and whoever watches the output would see nothing.
private func say(_ text: String) {
    print(text)
    fflush(nil)
}
