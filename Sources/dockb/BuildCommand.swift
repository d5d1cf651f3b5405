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
        let pipeline = Self.pipeline(source: source, output: output, quiet: quiet)
        let report = try reportingFailures { try pipeline.run() }
        if !quiet { print(report.text(maxWarnings: maxWarnings)) }
    }

    /// The build every command runs: the knowledge base, then the static site
    /// into the same output folder (its summary printed unless quiet).
    static func pipeline(source: String, output: String, quiet: Bool) -> BuildPipeline {
        let publisher = StaticSitePublisher(onReport: { report in if !quiet { print(report.summary) } })
        return BuildPipeline(source: URL(fileURLWithPath: source), output: URL(fileURLWithPath: output),
                             sitePublisher: publisher)
    }
}
