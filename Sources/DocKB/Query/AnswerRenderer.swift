import Foundation

public enum AnswerFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}

/// Turns an `Answer` into text (≤ 80 columns, grouped, numbered, each line
/// cited), Markdown, or JSON for scripts.
public struct AnswerRenderer: Sendable {
    public var width: Int
    /// ANSI emphasis; only when writing to a terminal.
    public var color: Bool

    public init(width: Int = 80, color: Bool = false) {
        self.width = width
        self.color = color
    }

    public func render(_ answer: Answer, as format: AnswerFormat) -> String {
        switch format {
        case .text: return text(answer.terminalSafe())
        case .markdown: return markdown(answer.terminalSafe())
        case .json: return json(answer)
        }
    }

    // MARK: text

    private func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    private func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

    /// Citation keys: one number per (document, section anchor), in order of use.
    private func sourceKeys(_ answer: Answer) -> [String: Int] {
        var keys: [String: Int] = [:]
        for cite in answer.items.map(\.source) + answer.omitted.map(\.source) {
            let key = sourceKey(cite)
            if keys[key] == nil { keys[key] = keys.count + 1 }
        }
        return keys
    }

    private func sourceKey(_ cite: Citation) -> String { cite.anchor.isEmpty ? cite.path : "\(cite.path)#\(cite.anchor)" }

    func text(_ answer: Answer) -> String {
        var out: [String] = []
        guard answer.found else { return notFoundText(answer) }
        out.append(bold(answer.heading))
        for note in answer.notes { out += wrap("(\(note))", indent: 2).map(dim) }
        let keys = sourceKeys(answer)
        let numberWidth = String(answer.items.count).count
        for group in answer.groups {
            out.append("")
            out.append(bold(group))
            for item in answer.items where item.group == group {
                let tag = "[\(keys[sourceKey(item.source)]!):\(item.source.line)]"
                let label = String(repeating: " ", count: numberWidth - String(item.number).count) + "\(item.number). "
                out += numbered(item.text, label: "  " + label, tag: tag)
                if item.status == .unknown, let condition = item.conditionText ?? item.condition {
                    out += wrap("depends on: \(condition)", indent: 4 + numberWidth).map(dim)
                }
            }
        }
        if !answer.followUps.isEmpty {
            out.append("")
            out.append(bold("Lines that depend on something were kept; to decide them"))
            for f in answer.followUps { out += wrap("- \(f)", indent: 2, hanging: 4) }
            out += wrap("or state the fact in the question (“with /source”, “version 2107”).", indent: 2)
        }
        if !answer.omitted.isEmpty {
            out.append("")
            out.append(bold("Left out (condition not met)"))
            for o in answer.omitted {
                let tag = "[\(keys[sourceKey(o.source)]!):\(o.source.line)]"
                out += wrap("- \(o.kind) \(tag): \(o.reason)", indent: 2, hanging: 4)
            }
        }
        out.append("")
        out.append(bold("Sources"))
        for (key, number) in keys.sorted(by: { $0.value < $1.value }) {
            out.append(dim("  [\(number)] \(key)"))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func notFoundText(_ answer: Answer) -> String {
        var out = wrap("The knowledge base has no answer to “\(answer.question)”.", indent: 0)
        for note in answer.notes { out += wrap("(\(note))", indent: 2).map(dim) }
        if !answer.omitted.isEmpty {
            out.append("Everything found was left out by its condition:")
            for o in answer.omitted { out += wrap("- \(o.source.path):\(o.source.line): \(o.reason)", indent: 2, hanging: 4) }
        }
        if answer.suggestions.isEmpty {
            out.append("Nothing near it either. Try `list all components`, `list all installation methods`,")
            out.append("or ask about a method, a role, a component or a port.")
        } else {
            out.append("Nearest topics:")
            for s in answer.suggestions { out += wrap("- \(s)", indent: 2, hanging: 4) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A numbered item: label on the first line, text wrapped under it, the
    /// citation tag at the end of the last line when it fits.
    private func numbered(_ text: String, label: String, tag: String) -> [String] {
        let indent = label.count
        var lines = wrap(text, indent: indent, firstPrefix: label)
        let last = lines.removeLast()
        if last.count + 1 + tag.count <= width {
            lines.append(last + " " + dim(tag))
        } else {
            lines.append(last)
            lines.append(String(repeating: " ", count: max(indent, width - tag.count)) + dim(tag))
        }
        return lines
    }

    /// Greedy word wrap to `width`. `hanging` indents continuation lines.
    func wrap(_ text: String, indent: Int, hanging: Int? = nil, firstPrefix: String? = nil) -> [String] {
        let first = firstPrefix ?? String(repeating: " ", count: indent)
        let rest = String(repeating: " ", count: hanging ?? indent)
        var lines: [String] = []
        var current = first
        var currentHasWord = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if currentHasWord, current.count + 1 + word.count > width {
                lines.append(current)
                current = rest + word
            } else {
                current += (currentHasWord ? " " : "") + word
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }

    // MARK: markdown

    func markdown(_ answer: Answer) -> String {
        var out: [String] = []
        guard answer.found else {
            out.append("**No answer** to “\(answer.question)”.")
            if !answer.suggestions.isEmpty {
                out.append("")
                out.append("Nearest topics:")
                out += answer.suggestions.map { "- \($0)" }
            }
            return out.joined(separator: "\n") + "\n"
        }
        out.append("## \(answer.heading)")
        for note in answer.notes { out.append("") ; out.append("_\(note)_") }
        for group in answer.groups {
            out.append("")
            out.append("### \(group)")
            out.append("")
            for item in answer.items where item.group == group {
                let link = "[\(item.source.path):\(item.source.line)](\(item.source.path)"
                    + (item.source.anchor.isEmpty ? ")" : "#\(item.source.anchor))")
                var line = "\(item.number). \(item.text) — \(link)"
                if item.status == .unknown, let c = item.conditionText ?? item.condition { line += " _(depends on: \(c))_" }
                out.append(line)
            }
        }
        if !answer.followUps.isEmpty {
            out.append("")
            out.append("**To decide:**")
            out += answer.followUps.map { "- \($0)" }
        }
        if !answer.omitted.isEmpty {
            out.append("")
            out.append("**Left out:**")
            out += answer.omitted.map { "- \($0.kind) at \($0.source.path):\($0.source.line): \($0.reason)" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: json

    private struct JSONAnswer: Encodable {
        var question: String
        var found: Bool
        var intent: String
        var subject: String?
        var heading: String
        var notes: [String]
        var items: [AnswerItem]
        var omitted: [OmittedItem]
        var followUps: [String]
        var suggestions: [String]
    }

    func json(_ answer: Answer) -> String {
        let payload = JSONAnswer(question: answer.question, found: answer.found, intent: answer.intent.rawValue,
                                 subject: answer.subject, heading: answer.heading, notes: answer.notes,
                                 items: answer.items, omitted: answer.omitted, followUps: answer.followUps,
                                 suggestions: answer.suggestions)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(payload), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}
