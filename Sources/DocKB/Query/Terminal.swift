import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process is attached to, so output adapts: colour and prompts only
/// on a terminal, plain text when piped.
public enum Terminal {
    public static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Colour when writing to a terminal that can show it and the user did not opt out.
    public static var stdoutWantsColor: Bool {
        let env = ProcessInfo.processInfo.environment
        return stdoutIsTerminal && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }

    public static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

public enum QueryDefaults {
    /// Where `dockb build` writes the knowledge base by default.
    public static let databasePath = "site-output/kb.sqlite"
}
