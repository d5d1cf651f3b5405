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

    @Flag(name: .long, help: "Print nothing when the build succeeds.")
    var quiet = false

    func run() throws {
        let report = try reportingFailures { try Self.build(source: source, output: output, maxWarnings: maxWarnings) }
        if !quiet { print(report) }
    }

    /// The build every command runs: the knowledge base, then the static site
    /// into the same output folder. Returns the report text, the site's
    /// summary after the build's.
    static func build(source: String, output: String, maxWarnings: Int) throws -> String {
        let (report, site) = try run(source: source, output: output)
        let text = report.text(maxWarnings: maxWarnings)
        return site.map { text + "\n" + $0 } ?? text
    }

    /// The same build, for callers that read the report itself (`dockb watch`):
    /// the build's report and the site's summary.
    static func run(source: String, output: String) throws -> (report: BuildReport, site: String?) {
        let site = SiteSummary()
        let pipeline = BuildPipeline(source: URL(fileURLWithPath: source), output: URL(fileURLWithPath: output),
                                     sitePublisher: StaticSitePublisher(onReport: { site.set($0.summary) }))
        let report = try pipeline.run()
        return (report, site.text)
    }
}

/// The site report, handed over from the publisher (which runs inside the build).
private final class SiteSummary: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    func set(_ summary: String) { lock.withLock { value = summary } }
    var text: String? { lock.withLock { value } }
}
