import Foundation

/// The quality report as plain text: a few lines for every `dockb build`, and
/// the whole report for `dockb build --report`.
extension QualityReport {
    /// Counts and the top items of each part, ending with where the full
    /// report is (`page`: the site's quality page, as the user would open it).
    public func summary(page: String) -> String {
        var lines: [String] = []
        let unclassified = tableShapes.filter { $0.unclassified > 0 }
            .sorted { ($1.unclassified, $0.shape) < ($0.unclassified, $1.shape) }
        lines.append("quality: \(tableShapes.count) table shapes; \(classifiedTables) of \(tables) tables classified"
            + " (\(Self.percent(classifiedTables, of: tables)))"
            + Self.top(unclassified.map { "\(Self.label(shape: $0.shape)) (\($0.unclassified))" }, prefix: "; most unclassified: "))
        lines.append("quality: \(Self.counted(warningCount, "warning")) in \(Self.counted(documentsWithWarnings.count, "document"))"
            + Self.top(documentsWithWarnings.map { "\($0.path) (\($0.warnings.count))" }, prefix: "; most: "))
        let anchors = danglingLinks.filter { $0.status == .danglingAnchor }.count
        lines.append("quality: \(Self.counted(danglingLinks.count - anchors, "dangling link")), \(Self.counted(anchors, "dangling anchor"))"
            + Self.top(mostLinkedMissingTargets.map { "\($0.target) (\($0.count))" }, prefix: "; most linked: "))
        let counts = QualityConflict.Kind.allCases.map { kind in
            Self.counted(conflicts(of: kind).count, kind.rawValue)
        }.joined(separator: ", ")
        lines.append("quality: conflicts between documents: \(counts)"
            + Self.top(conflicts.map(\.oneLine), prefix: "; ", limit: 2, separator: "; "))
        lines.append("quality: full report in \(page) (or run `dockb build --report`)")
        return lines.joined(separator: "\n")
    }

    /// Every part in full.
    public func text() -> String {
        var lines = ["Quality report: \(documents) documents"]
        lines.append("")
        lines.append("Tables per shape (\(tableShapes.count) shapes, \(classifiedTables) of \(tables) tables classified)")
        for shape in tableShapes {
            let kinds = shape.kinds.map { "\($0.kind) \($0.count)" } + (shape.unclassified > 0 ? ["unclassified \(shape.unclassified)"] : [])
            lines.append("  \(String(shape.count).leftPadded(to: 5))  \(Self.label(shape: shape.shape))  [\(kinds.joined(separator: ", "))]  e.g. \(shape.example)")
        }
        lines.append("")
        lines.append("Facts per type")
        for fact in facts {
            lines.append("  " + fact.table.padding(toLength: 20, withPad: " ", startingAt: 0)
                         + String(fact.count).leftPadded(to: 7) + "  from \(fact.documents) documents")
        }
        lines.append("")
        lines.append("Documents with warnings (\(documentsWithWarnings.count) documents, \(warningCount) warnings; dangling links are listed below)")
        for document in documentsWithWarnings {
            lines.append("  \(document.path) (\(document.warnings.count))")
            lines += document.warnings.map { "    \(document.path):\($0.line): \($0.severity): \($0.message)" }
        }
        lines.append("")
        lines.append("Dangling links and anchors (\(danglingLinks.count))")
        lines += danglingLinks.map { "  \($0.place): \($0.status.rawValue): \($0.destination)" }
        lines.append("")
        lines.append("Conflicts between documents (\(conflicts.count))")
        for conflict in conflicts {
            lines.append("  \(conflict.kind.rawValue): \(conflict.subject)")
            for statement in conflict.statements {
                let repeats = statement.repeats > 0 ? " (and \(statement.repeats) more in this document)" : ""
                lines.append("    \(statement.value) at \(statement.place)\(repeats): \(statement.text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Destinations of dangling links, most often linked first: one missing
    /// page linked from many places is one fix.
    public var mostLinkedMissingTargets: [(target: String, count: Int)] {
        var counts: [String: Int] = [:]
        for link in danglingLinks { counts[link.destination, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.count, $0.target) < ($0.count, $1.target) }
    }

    /// How a shape is shown: the empty header gets words, columns are spaced.
    static func label(shape: String) -> String {
        shape.split(separator: "|", omittingEmptySubsequences: false).allSatisfy(\.isEmpty)
            ? "(empty header, \(shape.filter { $0 == "|" }.count + 1) columns)"
            : shape.replacingOccurrences(of: "|", with: " | ")
    }

    /// "1 port transport", "2 port transports".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0%" : "\(part * 100 / whole)%"
    }

    /// "prefix a, b, c" for the first `limit` items, nothing when there are none.
    private static func top(_ items: [String], prefix: String, limit: Int = 3, separator: String = ", ") -> String {
        items.isEmpty ? "" : prefix + items.prefix(limit).joined(separator: separator)
    }
}

extension QualityConflict {
    /// `port 135 (TCP in a.md:81, UDP in b.md:12)`.
    var oneLine: String {
        subject + " (" + statements.map { "\($0.value) in \($0.place)" }.joined(separator: ", ") + ")"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
