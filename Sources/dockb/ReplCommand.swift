import ArgumentParser
import DocKB

/// `dockb repl`: the interactive shell over the knowledge base.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Ask questions interactively (history, TAB completion, why N, set, sql)."
    )

    @Option(name: .long, help: "The knowledge base to read.")
    var db: String = QueryDefaults.databasePath

    func validate() throws {
        try PathOptions.validate(nonEmpty: db, option: "--db")
    }

    func run() throws {
        let status = runREPL(databasePath: db)
        if status != 0 { throw ExitCode(status) }
    }
}
