import ArgumentParser
import DocKB

@main
struct DocKBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dockb",
        abstract: "Turns DocFX Markdown documentation into a queryable knowledge base.",
        subcommands: [AskCommand.self, ReplCommand.self, BenchAskCommand.self]
    )
}
