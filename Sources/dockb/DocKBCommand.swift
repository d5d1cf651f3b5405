import ArgumentParser
import DocKB
import Foundation

@main
struct DocKBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockb",
        abstract: "Turns DocFX Markdown documentation into a queryable knowledge base.",
        discussion: """
            Without a subcommand, dockb builds \(BuildCommand.defaultSource) into \
            \(BuildCommand.defaultOutput)/\(KnowledgeBaseWriter.fileName) when the knowledge base \
            is missing or older than the sources, then continues interactively.
            """,
        version: KnowledgeBaseWriter.toolVersion,
        subcommands: [BuildCommand.self, WatchCommand.self, ChangesCommand.self, AskCommand.self, ReplCommand.self,
                      BenchAskCommand.self]
    )

    /// `dockb help NAME` for a NAME that is no command shows the general help
    /// in the argument parser, and exits 0: a script's misspelt command would
    /// pass unnoticed. It is a usage error here, as `dockb NAME` is.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "help", let name = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }),
           !(configuration.subcommands.map { $0._commandName } + ["help"]).contains(name) {
            exit(withError: ValidationError("Unknown command '\(name)'; 'dockb --help' lists the commands"))
        }
        main(nil)
    }

    func run() throws {
        let pipeline = BuildPipeline(source: URL(fileURLWithPath: BuildCommand.defaultSource),
                                     output: URL(fileURLWithPath: BuildCommand.defaultOutput))
        try reportingFailures {
            if try Freshness.needsBuild(knowledgeBase: pipeline.knowledgeBase, source: pipeline.source) {
                print(try BuildCommand.build(source: BuildCommand.defaultSource, output: BuildCommand.defaultOutput,
                                             maxWarnings: BuildCommand.defaultMaxWarnings,
                                             progress: ProgressDisplay.forStandardError()).text)
                // The REPL writes to the file handle directly: the buffered
                // report must be out first, or a pipe gets the two interleaved.
                fflush(nil)
            }
            try continueInteractively(knowledgeBase: pipeline.knowledgeBase)
        }
    }

    /// What follows a build when dockb runs without a subcommand: the REPL
    /// once a knowledge base exists, else a hint (the report above says why).
    func continueInteractively(knowledgeBase: URL) throws {
        guard FileManager.default.fileExists(atPath: knowledgeBase.path) else {
            print("No knowledge base at \(knowledgeBase.relativePathFromCurrentDirectory) yet: fix the problems above and run `dockb build`.")
            return
        }
        let status = runREPL(databasePath: knowledgeBase.path)
        if status != 0 { throw ExitCode(status) }
    }
}
