import ArgumentParser
import Foundation
import DocKB

/// `dockb ask QUESTION`: one answer, then exit 0 (answered), 1 (nothing
/// found; nearest topics printed) or 2 (usage or database error).
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer one question from the knowledge base.",
        discussion: "Exit status: 0 answered, 1 nothing found (suggestions printed), 2 no question or a database error, 64 an unknown option or a missing value."
    )

    @Argument(help: "The question, in plain words (quotes optional).")
    var question: [String] = []

    @Option(name: .long, help: "The knowledge base to read.")
    var db: String = QueryDefaults.databasePath

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: String = "text"

    func validate() throws {
        try PathOptions.validate(nonEmpty: db, option: "--db")
    }

    func run() throws {
        let text = question.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            Terminal.printError("dockb ask: missing QUESTION (example: dockb ask \"what do I need for client push?\")")
            throw ExitCode(2)
        }
        guard let format = AnswerFormat(rawValue: format.lowercased()) else {
            Terminal.printError("dockb ask: unknown format \(format); use text, json or markdown")
            throw ExitCode(2)
        }
        let engine: AnswerEngine
        do {
            engine = AnswerEngine(knowledgeBase: try KnowledgeBaseSnapshot.open(path: db))
        } catch {
            Terminal.printError("dockb: \(error)")
            throw ExitCode(2)
        }
        let answer = engine.answer(text)
        let renderer = AnswerRenderer(width: 80, color: format == .text && Terminal.stdoutWantsColor)
        print(renderer.render(answer, as: format), terminator: "")
        if !answer.found { throw ExitCode(1) }
    }
}
