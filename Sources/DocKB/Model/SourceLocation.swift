/// Where a piece of text came from: a document (by its path relative to the
/// source folder, always with `/` separators) and a 1-based line.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public var description: String { "\(path):\(line)" }
}

/// A problem found in the input. Parsing never throws on content: it records a
/// diagnostic and goes on, so one bad file never costs the rest of a build.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable { case warning, error }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity = .warning, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// One line, however the file is named and whatever the message quotes (see `String.terminalSafe`).
    public var description: String {
        "\(location.path.terminalSafe(keepingLineFeeds: false)):\(location.line): \(severity.rawValue): "
            + message.terminalSafe(keepingLineFeeds: false)
    }
}
