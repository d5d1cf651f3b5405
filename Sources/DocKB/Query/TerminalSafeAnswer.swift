extension Answer {
    /// Every text of the answer made terminal-safe (see `String.terminalSafe`),
    /// for the text and Markdown forms; JSON escapes control characters itself.
    func terminalSafe() -> Answer {
        var safe = self
        safe.question = question.terminalSafe(keepingLineFeeds: false)
        safe.subject = subject?.terminalSafe()
        safe.heading = heading.terminalSafe()
        safe.notes = notes.map { $0.terminalSafe() }
        safe.followUps = followUps.map { $0.terminalSafe() }
        safe.suggestions = suggestions.map { $0.terminalSafe() }
        for index in safe.items.indices {
            safe.items[index].group = items[index].group.terminalSafe()
            safe.items[index].text = items[index].text.terminalSafe()
            safe.items[index].condition = items[index].condition?.terminalSafe()
            safe.items[index].conditionText = items[index].conditionText?.terminalSafe()
            safe.items[index].dependsOn = items[index].dependsOn.map { $0.terminalSafe() }
            safe.items[index].derivation = items[index].derivation.map { $0.terminalSafe() }
            safe.items[index].source = items[index].source.terminalSafe()
        }
        for index in safe.omitted.indices {
            safe.omitted[index].condition = omitted[index].condition.terminalSafe()
            safe.omitted[index].reason = omitted[index].reason.terminalSafe()
            safe.omitted[index].source = omitted[index].source.terminalSafe()
        }
        return safe
    }
}

extension Citation {
    func terminalSafe() -> Citation {
        var safe = self
        safe.path = path.terminalSafe(keepingLineFeeds: false)
        safe.anchor = anchor.terminalSafe(keepingLineFeeds: false)
        return safe
    }
}
