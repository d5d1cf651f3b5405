import Foundation

/// Opens the knowledge base and runs the interactive loop. On a terminal it
/// uses libedit (prompt, history in ~/.dockb_history, TAB completion, Ctrl-C
/// abandons the line, Ctrl-D leaves); with piped input it reads plain lines and
/// prints only the answers. Returns the process exit status.
public func runREPL(databasePath: String) -> Int32 {
    let engine: AnswerEngine
    do {
        engine = AnswerEngine(knowledgeBase: try KnowledgeBaseSnapshot.open(path: databasePath))
    } catch {
        Terminal.printError("dockb: \(error)")
        return 2
    }
    let interactive = Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal
    let session = REPLSession(engine: engine, color: interactive && Terminal.stdoutWantsColor)
    if interactive {
        interactiveLoop(session)
    } else {
        while let line = readLine(strippingNewline: true) {
            let output = session.handle(line)
            write(output.text)
            if output.quit { break }
        }
    }
    return 0
}

/// `$HOME/.dockb_history`; HOME is honoured so tests and sandboxes can move it.
public func historyPath() -> String {
    let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return (home as NSString).appendingPathComponent(".dockb_history")
}

private func interactiveLoop(_ session: REPLSession) {
    let kb = session.engine.knowledgeBase
    write("dockb: \(kb.documents.count) documents, \(kb.requirements.count) requirements, "
          + "\(session.engine.lexicon.entityNames.count) names. Ask a question, or type help.\n")
    let editor = LineEditor(historyPath: historyPath(), completions: session.completions(for:))
    var historyWarning: String?
    loop: while true {
        switch editor.read(prompt: "dockb> ") {
        case .interrupted:
            continue
        case .end:
            write("\n")
            break loop
        case .line(let line):
            editor.remember(line)
            if historyWarning == nil, let problem = editor.saveHistory() {
                historyWarning = problem
                Terminal.printError("dockb: cannot write \(historyPath()): \(problem)")
            }
            let output = session.handle(line)
            write(output.text)
            if output.quit { break loop }
        }
    }
}

private func write(_ text: String) {
    guard !text.isEmpty else { return }
    FileHandle.standardOutput.write(Data(text.utf8))
}
