import ArgumentParser
import DocKB
import Foundation

/// `dockb bench-ask`: answer latency in-process and as whole `dockb ask`
/// processes, over a question file (the public questions by default).
struct BenchAskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ask",
        abstract: "Measure answer latency in-process and per `dockb ask` process.",
        shouldDisplay: false
    )

    @Option(name: .long, help: "The knowledge base to read.")
    var db: String = QueryDefaults.databasePath

    @Option(name: .long, help: "Tab-separated questions (id, question, ...).")
    var questions: String = "../shared/questions/public.tsv"

    @Option(name: .long, help: "In-process passes over the questions.")
    var passes: Int = 50

    @Flag(name: .long, help: "Skip the whole-process measurement.")
    var inProcessOnly = false

    func run() throws {
        let list: [String]
        do {
            list = try AnswerBenchmark.questions(fromTSV: questions)
        } catch {
            Terminal.printError("dockb bench-ask: cannot read \(questions): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        func milliseconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        let openStart = DispatchTime.now().uptimeNanoseconds
        let kb: KnowledgeBaseSnapshot
        do {
            kb = try KnowledgeBaseSnapshot.open(path: db)
        } catch {
            Terminal.printError("dockb: \(error)")
            throw ExitCode(2)
        }
        let open = milliseconds(since: openStart)
        let lexiconStart = DispatchTime.now().uptimeNanoseconds
        let engine = AnswerEngine(knowledgeBase: kb)
        let lexicon = milliseconds(since: lexiconStart)
        print("knowledge base: \(db), \(list.count) questions")
        print(String(format: "load: open and read rows %.1f ms, lexicon and indexes %.1f ms", open, lexicon))
        let inProcess = AnswerBenchmark.inProcess(engine, questions: list, repetitions: passes)
        print("in-process answer:            \(inProcess)")
        guard !inProcessOnly else { return }
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let executable = FileManager.default.isExecutableFile(atPath: me) ? me : Bundle.main.executablePath ?? me
        let whole = try AnswerBenchmark.wholeProcess(executable: executable, arguments: ["ask", "--db", db], questions: list)
        print("whole process `dockb ask`:    \(whole)")
        print(String(format: "ratio whole-process / in-process (medians): %.0f×", whole.median / max(inProcess.median, 0.0001)))
    }
}
