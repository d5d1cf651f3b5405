import Foundation

/// What a build stored and what it noticed, for the person who ran it.
public struct BuildReport: Sendable {
    public var sourceFolder: String
    public var knowledgeBase: String
    public var counts: StoreCounts
    /// Errors first; then scanner, parser, extractor and store warnings, then
    /// dangling links, each group in source order.
    public var warnings: [Diagnostic]
    /// Wall-clock seconds of each phase, in the order they ran.
    public var phases: [Phase]
    /// The build this run recorded; nil when every source was unchanged and
    /// nothing was written (the knowledge base and site were already current).
    public var history: BuildHistoryEntry?

    public struct Phase: Hashable, Sendable {
        public var name: String
        public var seconds: Double

        public init(name: String, seconds: Double) {
            self.name = name
            self.seconds = seconds
        }
    }

    public init(sourceFolder: String, knowledgeBase: String, counts: StoreCounts,
                warnings: [Diagnostic], phases: [Phase]) {
        self.sourceFolder = sourceFolder
        self.knowledgeBase = knowledgeBase
        self.counts = counts
        self.warnings = warnings
        self.phases = phases
    }

    public var seconds: Double { phases.reduce(0) { $0 + $1.seconds } }

    public var errors: [Diagnostic] { warnings.filter { $0.severity == .error } }

    /// The report as printed by `dockb build`. At most `maxWarnings` warnings
    /// are listed (nil: all); the rest are counted, and every one of them is in
    /// the knowledge base's `diagnostics` table.
    public func text(maxWarnings: Int? = nil) -> String {
        let timing = phases.map { "\($0.name) \(String(format: "%.2f", $0.seconds))" }.joined(separator: ", ")
        var lines: [String]
        if let history {
            lines = ["Built \(knowledgeBase) from \(sourceFolder) in \(String(format: "%.2f", seconds)) s (\(timing))",
                     "build \(history.id) (\(history.kind.rawValue)): \(history.documentsParsed) of \(history.documents) documents parsed; "
                        + "facts: \(history.count(.added)) added, \(history.count(.removed)) removed, \(history.count(.changed)) changed"]
        } else {
            lines = ["Up to date: \(knowledgeBase) already holds every document of \(sourceFolder) as it is now "
                     + "(checked in \(String(format: "%.2f", seconds)) s)"]
        }
        func row(_ label: String, _ value: Int, _ detail: String = "") {
            lines.append(label.padding(toLength: 22, withPad: " ", startingAt: 0)
                         + String(value).leftPadded(to: 7) + (detail.isEmpty ? "" : "  (" + detail + ")"))
        }
        row("documents", counts.documents)
        row("sections", counts.sections)
        row("tables", counts.tables, "\(counts.classifiedTables) classified, \(counts.unclassifiedTables) unclassified")
        row("lists", counts.lists)
        row("list items", counts.listItems)
        row("alerts", counts.alerts)
        row("links", counts.linkCount, LinkRecord.Status.allCases.compactMap { status in
            counts.links[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", "))
        lines.append("facts")
        for (table, count) in counts.factsByType { row("  " + table, count) }
        row("warnings", warnings.count, errors.isEmpty ? "" : "\(errors.count) errors")

        let shown = maxWarnings.map { Array(warnings.prefix($0)) } ?? warnings
        lines += shown.map { "  " + $0.description }
        if shown.count < warnings.count {
            lines.append("  ... \(warnings.count - shown.count) more; all are in the diagnostics table of \(knowledgeBase)")
        }
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
