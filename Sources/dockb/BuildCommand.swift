import ArgumentParser
import DocKB
import Foundation

struct BuildCommand: ParsableCommand {
    static let defaultSource = "docs-src"
    static let defaultOutput = "site-output"
    static let defaultMaxWarnings = 50

    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Parse a documentation folder and write its knowledge base.",
        discussion: """
            Reads every .md file under the source folder, extracts its tables, lists and typed \
            facts, and writes them to OUTPUT/\(KnowledgeBaseWriter.fileName), replacing the \
            previous knowledge base only once the new one is complete.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The documentation folder to read.", valueName: "dir"))
    var source = defaultSource

    @Option(name: .long, help: ArgumentHelp("The folder to write the knowledge base to.", valueName: "dir"))
    var output = defaultOutput

    @Option(name: .long, help: ArgumentHelp("List at most this many warnings in the report (all are stored in the knowledge base).", valueName: "n"))
    var maxWarnings = defaultMaxWarnings

    @Flag(name: .long, help: "Print the whole quality report (tables per shape, warnings, dangling links, conflicts), not only its summary.")
    var report = false

    @Flag(name: .long, help: "Print nothing but errors: no progress, no report.")
    var quiet = false

    /// Seconds a build runs before its progress shows. Hidden: tests lower it
    /// to see the progress of builds that finish sooner.
    @Option(name: .long, help: ArgumentHelp(visibility: .hidden))
    var progressAfter = ProgressDisplay.defaultDelay

    func validate() throws {
        try PathOptions.validate(source: source, output: output)
    }

    func run() throws {
        let signals = Self.removingTemporaryFilesOnSignals(output: output)
        defer { signals.forEach { $0.cancel() } }
        let display = quiet ? nil : ProgressDisplay.forStandardError(delay: progressAfter)
        let outcome = try reportingFailures {
            try Self.build(source: source, output: output, maxWarnings: maxWarnings, fullQualityReport: report,
                           progress: display, reporting: !quiet)
        }
        if quiet {
            for error in outcome.errors { FileHandle.standardError.write(Data((error.description + "\n").utf8)) }
        } else {
            print(outcome.text)
        }
    }

    /// Ctrl-C or SIGTERM stops a build as before (the previous knowledge base
    /// and site stay in place), but first removes the knowledge base it was
    /// writing, which otherwise stayed until the next build in that folder.
    static func removingTemporaryFilesOnSignals(output: String) -> [DispatchSourceSignal] {
        let folder = URL(fileURLWithPath: output)
        return [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                KnowledgeBaseWriter.removeTemporaryFiles(of: getpid(), in: folder)
                // Then end as the signal would have: the shell sees 130 or 143.
                signal(number, SIG_DFL)
                kill(getpid(), number)
            }
            source.resume()
            return source
        }
    }

    struct Outcome {
        /// The build report, the site's summary, then the quality report.
        var text: String
        /// Diagnostics of severity error (the build still succeeded).
        var errors: [Diagnostic]
    }

    /// The build every command runs: the knowledge base, then the static site
    /// into the same output folder. `progress` is shown while it runs and
    /// taken off the screen before this returns or throws. Without
    /// `reporting`, the outcome's text is left empty (`--quiet` prints none).
    static func build(source: String, output: String, maxWarnings: Int, fullQualityReport: Bool = false,
                      progress: ProgressDisplay? = nil, reporting: Bool = true) throws -> Outcome {
        let (report, site) = try run(source: source, output: output, progress: progress)
        guard reporting else { return Outcome(text: "", errors: report.errors) }
        let knowledgeBase = URL(fileURLWithPath: report.knowledgeBase)
        // The site's quality page read the same report: read it again only when no site was rendered.
        let quality = try site.quality ?? QualityReport.load(from: KnowledgeBase(url: knowledgeBase))
        let page = knowledgeBase.deletingLastPathComponent().appendingPathComponent(StaticSitePublisher.qualityPage)
            .relativePathFromCurrentDirectory
        let text = [report.text(maxWarnings: maxWarnings), site.report?.summary(alreadyReported: report.warnings, limit: maxWarnings),
                    quality.summary(page: page),
                    fullQualityReport ? "\n" + quality.text() : nil].compactMap { $0 }
        return Outcome(text: text.joined(separator: "\n"), errors: report.errors)
    }

    /// The same build, for callers that read the report itself (`dockb watch`):
    /// the build's report, and the site's summary and quality report (nil when the site was current).
    static func run(source: String, output: String, progress: ProgressDisplay? = nil)
        throws -> (report: BuildReport, site: (report: SiteReport?, quality: QualityReport?)) {
        let site = SiteSummary()
        var pipeline = BuildPipeline(source: URL(fileURLWithPath: source), output: URL(fileURLWithPath: output),
                                     sitePublisher: StaticSitePublisher(onReport: { site.set($0) }))
        pipeline.progress = progress?.progress
        progress?.start()
        defer { progress?.stop() }
        let report = try pipeline.run()
        return (report, (site.report, site.quality))
    }
}

/// The site report, handed over from the publisher (which runs inside the build).
private final class SiteSummary: @unchecked Sendable {
    private let lock = NSLock()
    private var value: SiteReport?
    func set(_ report: SiteReport) { lock.withLock { value = report } }
    var report: SiteReport? { lock.withLock { value } }
    var quality: QualityReport? { lock.withLock { value?.quality } }
}
