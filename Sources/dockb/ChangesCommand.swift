import ArgumentParser
import DocKB
import Foundation

/// `dockb changes`: what the last builds changed in the typed facts, as the
/// knowledge base recorded it.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Show what the last builds changed in the extracted facts.",
        discussion: """
            Reads the build history of OUTPUT/\(KnowledgeBaseWriter.fileName) (or --db): for each \
            build, newest first, the facts added (+), removed (-) and changed (~), each with the \
            document and line it was read from.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The knowledge base to read.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The output folder of `dockb build` whose knowledge base to read.", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("How many builds to show, newest first.", valueName: "n"))
    var last = 1

    func validate() throws {
        if db != nil, output != nil { throw ValidationError("--db and --output both name a knowledge base; pass one") }
        if last < 1 { throw ValidationError("--last must be 1 or more") }
        if let db { try PathOptions.validate(nonEmpty: db, option: "--db") }
        if let output { try PathOptions.validate(nonEmpty: output, option: "--output") }
    }

    /// `--db` as given, else the knowledge base inside `--output` (default `site-output`).
    var knowledgeBase: URL {
        if let db { return URL(fileURLWithPath: db) }
        return KnowledgeBaseWriter(outputFolder: URL(fileURLWithPath: output ?? BuildCommand.defaultOutput)).destination
    }

    func run() throws {
        let url = knowledgeBase
        let shown = url.relativePathFromCurrentDirectory
        try reportingFailures {
            guard FileManager.default.fileExists(atPath: url.path) else { throw ChangesFailure.missing(shown) }
            let log = try ChangeLog(knowledgeBase: url)
            guard log.recordsHistory else {
                print("\(shown) records no build history: it was written by a dockb that did not keep one. "
                      + "Rebuild it with `dockb build` and later builds will be recorded.")
                return
            }
            let entries = try log.entries(.latest(last))
            guard !entries.isEmpty else {
                print("\(shown) records no builds yet.")
                return
            }
            let total = try log.buildCount()
            let scope = total == 1 ? "1 build recorded"
                : entries.count == total ? "all \(total) builds recorded"
                : entries.count == 1 ? "the latest of \(total) builds recorded"
                : "the last \(entries.count) of \(total) builds recorded"
            print("\(shown): \(scope)")
            for entry in entries {
                print("")
                print(entry.text().joined(separator: "\n"))
            }
        }
    }
}

/// The knowledge base `dockb changes` was pointed at is not there: say what
/// to do, with the path as the user gave it.
enum ChangesFailure: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let path): return "no knowledge base at \(path): run `dockb build` first, or pass --db PATH or --output DIR"
        }
    }
}
