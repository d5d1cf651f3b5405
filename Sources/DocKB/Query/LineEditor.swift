import CEditLine
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Interactive line input through libedit's readline interface: editing keys,
/// persistent history and TAB completion. The only file that imports CEditLine.
///
/// Used only when both stdin and stdout are terminals; piped sessions read
/// plain lines instead, so they never see a prompt or an escape code.
final class LineEditor {
    enum Input {
        case line(String)
        /// Ctrl-C: the line was abandoned, keep going.
        case interrupted
        /// Ctrl-D on an empty line, or end of input.
        case end
    }

    private let historyPath: String
    private static let historyLimit: Int32 = 1000

    /// libedit calls completion through a C function pointer that cannot
    /// capture context, so the provider lives here; there is one editor per process.
    nonisolated(unsafe) private static var completionProvider: ((String) -> [String])?

    init(historyPath: String, completions: @escaping (String) -> [String]) {
        self.historyPath = historyPath
        Self.ensureUTF8Locale()
        Self.completionProvider = completions
        _ = rl_initialize()
        using_history()
        stifle_history(Self.historyLimit)
        _ = read_history(historyPath)
        // Complete the whole line so multi-word names ("client push installation") complete at once.
        dockb_rl_set_basic_word_break_characters(strdup("\n"))
        dockb_rl_set_completion_append_character(0)
        dockb_rl_set_completion(Self.complete)
        Self.installInterruptHandler()
    }

    /// In the default "C" locale libedit drops every non-ASCII byte.
    private static func ensureUTF8Locale() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    func read(prompt: String) -> Input {
        Self.interrupted = 0
        guard let raw = readline(prompt) else {
            if Self.interrupted != 0 {
                // libedit leaves the cursor after the abandoned text.
                FileHandle.standardOutput.write(Data("\n".utf8))
                return .interrupted
            }
            return .end
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        _ = add_history(line)
    }

    /// Writes the history file; returns false (and the reason) when it cannot.
    @discardableResult
    func saveHistory() -> String? {
        let status = write_history(historyPath)
        return status == 0 ? nil : String(cString: strerror(errno))
    }

    // MARK: - Ctrl-C

    nonisolated(unsafe) private static var interrupted: sig_atomic_t = 0

    /// Whether Ctrl-C was pressed since the last read or the last call; clears it.
    /// For work that runs between reads (a long `sql` query) to stop on it.
    static func takeInterrupt() -> Bool {
        guard interrupted != 0 else { return false }
        interrupted = 0
        return true
    }

    /// SIGINT without SA_RESTART: the read inside libedit fails with EINTR,
    /// `readline` returns nil, and the flag tells that apart from end of input.
    private static func installInterruptHandler() {
        interrupted = 0
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in LineEditor.interrupted = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    // MARK: - Completion

    private static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
        dockb_rl_set_attempted_completion_over(1)
        guard let text, let provider = LineEditor.completionProvider else { return nil }
        let typed = String(cString: text)
        let candidates = provider(typed)
        guard !candidates.isEmpty else { return nil }
        // readline convention: [common prefix, match..., NULL], all malloc'd.
        // libedit frees the array and its strings with free(), so allocate with malloc.
        let slot = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride
        guard let raw = malloc(slot * (candidates.count + 2)) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: candidates.count + 2)
        array[0] = strdup(candidates.count == 1 ? candidates[0] : extend(typed, toCommonPrefixOf: candidates))
        if candidates.count == 1 {
            array[1] = nil
            return array
        }
        for (i, c) in candidates.enumerated() { array[i + 1] = strdup(c) }
        array[candidates.count + 1] = nil
        return array
    }

    /// What the user typed, extended by what all candidates share beyond it;
    /// the typed part keeps the user's letter case.
    static func extend(_ typed: String, toCommonPrefixOf candidates: [String]) -> String {
        let shared = commonPrefix(candidates)
        return shared.count > typed.count ? typed + shared.dropFirst(typed.count) : typed
    }

    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first else { return "" }
        for s in strings.dropFirst() {
            while !s.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix
    }
}
