/// What the renderer noticed while writing pages: warnings with file and line
/// (dangling links, unsafe URLs), and which fact-producing lines got a link.
final class RenderLog {
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<String> = []
    private(set) var linkedFactLines: Set<FactCitationKey> = []

    struct FactCitationKey: Hashable {
        var path: String
        var line: Int
    }

    func warn(_ path: String, _ line: Int, _ message: String) {
        let diagnostic = Diagnostic(at: SourceLocation(path: path, line: line), message)
        // An included file is rendered into every page that includes it: report once.
        guard seen.insert(diagnostic.description).inserted else { return }
        diagnostics.append(diagnostic)
    }

    /// Records that the row or item at `path:line` links to its facts; false
    /// when it already did on this page (a list item and its paragraph share a line).
    func markLinked(_ path: String, _ line: Int, onPage page: String) -> Bool {
        linkedFactLines.insert(FactCitationKey(path: path, line: line))
        return pageLinks.insert(page + "\u{0}" + path + ":\(line)").inserted
    }

    private var pageLinks: Set<String> = []

    /// Adds what another page's log noticed (pages rendered in parallel each
    /// have their own log; merging in page order keeps the report stable).
    func merge(warnings: [Diagnostic], linkedLines: [String: [Int]]) {
        for diagnostic in warnings where seen.insert(diagnostic.description).inserted {
            diagnostics.append(diagnostic)
        }
        for (path, lines) in linkedLines {
            for line in lines { linkedFactLines.insert(FactCitationKey(path: path, line: line)) }
        }
    }
}
