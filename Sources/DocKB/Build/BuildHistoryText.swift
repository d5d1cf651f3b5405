/// The build history as a person reads it in a terminal: one summary line per
/// build, one line per change (`+` added, `-` removed, `~` changed), each
/// ending with the document and line it was read from. `dockb changes` and
/// `dockb watch` print the same text.
extension BuildHistoryEntry {
    /// "build 7 (incremental, 1 of 15 documents parsed): 3 added, 1 removed, 2 changed".
    public var summary: String {
        let noun = documents == 1 ? "document" : "documents"
        let counts = changes.isEmpty ? "no fact changed"
            : "\(count(.added)) added, \(count(.removed)) removed, \(count(.changed)) changed"
        return "build \(id) (\(kind.rawValue), \(documentsParsed) of \(documents) \(noun) parsed): \(counts)"
    }

    /// The summary, then the changes indented by `indent`; at most `limit`
    /// changes, the rest counted on a last line.
    public func text(indent: String = "  ", limit: Int? = nil) -> [String] {
        var lines = [summary]
        let shown = limit.map { Array(changes.prefix($0)) } ?? changes
        lines += shown.flatMap { $0.lines }.map { indent + $0 }
        if shown.count < changes.count {
            lines.append(indent + "… \(changes.count - shown.count) more; `dockb changes` lists them all")
        }
        return lines
    }
}

extension FactChange {
    /// Sentences longer than this are cut to the words that differ.
    static let inlineLimit = 60

    /// "requirement “Windows clients”": requirements are named by their subject,
    /// which reads as a name only in quotes.
    public var entityLabel: String {
        let type = entityType.replacingOccurrences(of: "_", with: " ")
        return entityType == "requirement" ? "\(type) “\(entityName)”" : "\(type) \(entityName)"
    }

    /// "core/x.md:42".
    public var place: String { "\(path):\(line)" }

    /// One line, or three when a long value changed: the old and new value on
    /// lines of their own, cut to the part that differs.
    public var lines: [String] {
        let cite = "  (\(place))"
        switch kind {
        case .added: return ["+ \(entityLabel)\(cite)"]
        case .removed: return ["- \(entityLabel)\(cite)"]
        case .changed:
            let old = oldValue ?? "(none)", new = newValue ?? "(none)"
            let what = field == "text" ? "\(entityLabel) reworded" : "\(entityLabel): \(field ?? "value")"
            if old.count <= Self.inlineLimit, new.count <= Self.inlineLimit {
                let separator = field == "text" ? ": " : " "
                return ["~ \(what)\(separator)\(quoted(old)) → \(quoted(new))\(cite)"]
            }
            let (before, after) = ChangedWords.excerpts(old, new)
            return ["~ \(what)\(cite)", "    was: \(before)", "    now: \(after)"]
        }
    }

    /// Sentences in quotes, so a reader sees where they start and end;
    /// versions and flags as they are.
    private func quoted(_ value: String) -> String {
        field == "text" ? "“\(value)”" : value
    }
}

/// The part of two versions of a sentence that differs, with a few words of
/// context on each side: a reworded requirement shows what was reworded.
enum ChangedWords {
    static func excerpts(_ old: String, _ new: String, context: Int = 4) -> (String, String) {
        let a = old.split(separator: " "), b = new.split(separator: " ")
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        func cut(_ words: [Substring]) -> String {
            let start = max(0, prefix - context), end = min(words.count, words.count - suffix + context)
            let body = words[start..<max(start, end)].joined(separator: " ")
            return "“" + (start > 0 ? "… " : "") + body + (end < words.count ? " …" : "") + "”"
        }
        return (cut(a), cut(b))
    }
}
