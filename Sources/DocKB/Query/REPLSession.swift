import Foundation

/// The REPL's state and commands, separate from terminal handling so tests
/// can drive it line by line: the session context (`set`), the last answer
/// (`why N`, `sources`), and the read-only SQL console.
public final class REPLSession {
    public let engine: AnswerEngine
    public private(set) var context = QueryContext()
    public private(set) var lastAnswer: Answer?
    private let renderer: AnswerRenderer
    private let console: SQLConsole
    private let facts: FactReader

    public struct Output {
        public var text: String
        public var quit: Bool
    }

    static let commands = ["help", "why ", "set ", "unset ", "context", "sources", "sql ", "tables", "schema", "quit"]

    public init(engine: AnswerEngine, color: Bool = false) {
        self.engine = engine
        renderer = AnswerRenderer(width: 80, color: color)
        console = SQLConsole(store: engine.knowledgeBase.store)
        facts = FactReader(lexicon: engine.lexicon)
    }

    public func handle(_ input: String) -> Output {
        let line = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty else { return Output(text: "", quit: false) }
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let command = parts[0].lowercased(), rest = parts.count > 1 ? parts[1] : ""
        func say(_ text: String) -> Output { Output(text: text.hasSuffix("\n") || text.isEmpty ? text : text + "\n", quit: false) }
        switch command {
        case "quit", "exit", "\\q", ".quit": return Output(text: "", quit: true)
        case "help", "?", "\\h", ".help": return say(Self.helpText)
        case "why": return say(why(rest))
        case "set": return say(rest.isEmpty ? contextText() : set(rest))
        case "unset": return say(unset(rest))
        case "context": return say(contextText())
        case "sources": return say(sources())
        case "sql": return say(console.run(rest, stopRequested: LineEditor.takeInterrupt))
        case "tables", ".tables": return say(console.tables())
        case "schema", ".schema": return say(console.schema(rest.isEmpty ? nil : rest))
        default:
            let answer = engine.answer(line, context: context)
            if answer.found { lastAnswer = answer }
            return say(renderer.render(answer, as: .text))
        }
    }

    static let helpText = """
        Ask a question in plain words, for example:
          what do I need for client push?
          which ports does remote control use?
          what do I need for manual installation with /source?
          what changed in the last 3 builds?
        Commands:
          why N            how answer line N was derived: rule, condition, source
          set NAME VALUE   state a fact for later questions (set version 2107,
                           set source yes, set forest another)
          unset NAME       forget a fact (unset all forgets every fact)
          context          the facts questions are evaluated under
          sources          where the last answer's lines come from
          sql SELECT ...   query the knowledge base (read-only)
          tables, schema   list the tables, show their definitions
          help, quit       this text; leave (Ctrl-D works too)
        TAB completes commands and names; Ctrl-C abandons the current line.
        """

    // MARK: why

    private func why(_ argument: String) -> String {
        guard let answer = lastAnswer else { return "no answer yet: ask a question first" }
        guard let n = Int(argument.trimmingCharacters(in: .whitespaces)), n >= 1, n <= answer.items.count else {
            return "usage: why N, with N from 1 to \(answer.items.count) (the numbers of the last answer)"
        }
        let item = answer.items[n - 1]
        var out = renderer.wrap("why \(n): \(item.text)", indent: 0, hanging: 2)
        out += item.derivation.flatMap { renderer.wrap($0, indent: 2, hanging: 12) }
        let heading = engine.knowledgeBase.sectionHeading(for: item.source).map { " (section “\($0)”)" } ?? ""
        out += renderer.wrap("source    \(item.source.path) line \(item.source.line)"
                             + (item.source.anchor.isEmpty ? "" : ", #\(item.source.anchor)") + heading,
                             indent: 2, hanging: 12)
        if !item.dependsOn.isEmpty {
            out += renderer.wrap("to decide `set \(item.dependsOn[0]) yes|no`", indent: 2, hanging: 12)
        }
        return out.joined(separator: "\n")
    }

    // MARK: context

    private func set(_ argument: String) -> String {
        let words = argument.split(separator: " ").map(String.init)
        let name = words[0], value = words.dropFirst().joined(separator: " ")
        guard !value.isEmpty || !FactReader.yesWords.union(FactReader.noWords).contains(name.lowercased()) else {
            return "usage: set NAME VALUE (for example: set source yes, set version 2107)"
        }
        switch facts.assignment(name: name, value: value.isEmpty ? "yes" : value) {
        case .success(.version(let v)):
            context.version = v
            return "version = \(v)"
        case .success(.flag(let flag, let on)):
            context.flags[flag] = on
            return "\(flag) = \(on ? "yes" : "no")" + phrase(flag)
        case .failure(let error):
            return "set: \(error)"
        }
    }

    private func unset(_ argument: String) -> String {
        let name = argument.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return "usage: unset NAME (or unset all)" }
        if name.lowercased() == "all" {
            context = QueryContext()
            return "all facts forgotten"
        }
        if name.lowercased() == "version" {
            context.version = nil
            return "version forgotten"
        }
        var flag = context.flags.keys.first { $0.caseInsensitiveCompare(name) == .orderedSame }
        if flag == nil, case .success(.flag(let matched, _)) = facts.assignment(name: name, value: "yes") { flag = matched }
        guard let flag, context.flags.removeValue(forKey: flag) != nil else { return "\(name) was not set" }
        return "\(flag) forgotten"
    }

    private func contextText() -> String {
        guard !context.isEmpty else {
            let known = engine.lexicon.variables.map(\.variable.name)
            let intro = "no facts set; questions are evaluated with every condition undecided."
            guard !known.isEmpty else { return intro }
            return ([intro] + renderer.wrap("conditions you can set: version, " + known.joined(separator: ", "),
                                            indent: 0, hanging: 2)).joined(separator: "\n")
        }
        var lines = context.version.map { ["version = \($0)"] } ?? []
        lines += context.flags.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value ? "yes" : "no")" + phrase($0.key) }
        return lines.joined(separator: "\n")
    }

    private func phrase(_ flag: String) -> String {
        engine.phrases[flag].map { "  (“\($0)”)" } ?? ""
    }

    // MARK: sources

    private func sources() -> String {
        guard let answer = lastAnswer else {
            let docs = engine.knowledgeBase.documents.values.sorted { $0.path < $1.path }
            return (["no answer yet; the knowledge base holds \(docs.count) documents:"]
                    + docs.map { "  \($0.path)  \($0.title)" }).joined(separator: "\n")
        }
        var order: [String] = []
        var lines: [String: [Int]] = [:]
        for item in answer.items {
            let key = item.source.path + (item.source.anchor.isEmpty ? "" : "#\(item.source.anchor)")
            if lines[key] == nil { order.append(key) }
            lines[key, default: []].append(item.number)
        }
        return order.map { key in
            let numbers = lines[key]!.map(String.init).joined(separator: ", ")
            return "\(key)\n    answer lines \(numbers)"
        }.joined(separator: "\n")
    }

    // MARK: completion

    /// Whole-line completions: commands at the start, variable names after
    /// `set`/`unset`, table names after `sql`/`schema`, entity names elsewhere.
    public func completions(for line: String) -> [String] {
        let lower = line.lowercased()
        if !lower.contains(" ") {
            return Self.commands.filter { $0.hasPrefix(lower) && !lower.isEmpty }
        }
        let words = lower.split(separator: " ", omittingEmptySubsequences: false)
        let first = String(words[0])
        if first == "set" || first == "unset" {
            let names = ["version"] + engine.lexicon.variables.map(\.variable.name)
            return complete(line, from: names, onlyLastWord: true)
        }
        if first == "sql" || first == "schema" {
            return complete(line, from: console.tableNames(), onlyLastWord: true)
        }
        return complete(line, from: engine.lexicon.entityNames, onlyLastWord: false)
    }

    /// Lines made by replacing the longest trailing run of words that starts a
    /// known name with that name.
    private func complete(_ line: String, from names: [String], onlyLastWord: Bool) -> [String] {
        var starts: [String.Index] = []
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == " " { starts.append(line.index(after: index)) }
            index = line.index(after: index)
        }
        if onlyLastWord { starts = starts.suffix(1) }
        for start in starts {
            let partial = line[start...].lowercased()
            guard !partial.isEmpty || onlyLastWord else { continue }
            let hits = names.filter { $0.lowercased().hasPrefix(partial) }
            if !hits.isEmpty {
                var seen = Set<String>()
                return hits.map { String(line[..<start]) + $0 }.filter { seen.insert($0).inserted }.sorted()
            }
        }
        return []
    }
}
