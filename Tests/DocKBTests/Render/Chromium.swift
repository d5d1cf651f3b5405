import Foundation
import XCTest

/// Drives Debian's headless `chromium` from the command line: `--dump-dom`
/// returns the DOM after the page's scripts ran, `--screenshot` saves a PNG.
struct Chromium {
    let executable: URL
    private let profile: URL

    /// The browser named by `DOCKB_CHROMIUM`, else the first of the usual names on `PATH`.
    static func find() -> Chromium? {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["DOCKB_CHROMIUM"] { candidates.append(configured) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] { candidates.append("\(folder)/\(name)") }
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("dockb-chromium-\(ProcessInfo.processInfo.processIdentifier)")
        return Chromium(executable: URL(fileURLWithPath: found), profile: profile)
    }

    enum Scheme: String { case light, dark }

    private func arguments(scheme: Scheme, width: Int, height: Int) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)", "--hide-scrollbars", "--window-size=\(width),\(height)",
            // 0 = dark, 1 = light: the value `prefers-color-scheme` reports to pages.
            "--blink-settings=preferredColorScheme=\(scheme == .dark ? 0 : 1)",
            "--virtual-time-budget=3000",
        ]
    }

    /// The serialized DOM of `url` after its scripts ran.
    func dumpDOM(_ url: URL, scheme: Scheme = .light) throws -> String {
        let output = try run(arguments(scheme: scheme, width: 1280, height: 1000) + ["--dump-dom", url.absoluteString])
        return String(decoding: output, as: UTF8.self)
    }

    /// Saves a PNG of `url` at the given viewport size.
    func screenshot(_ url: URL, to file: URL, scheme: Scheme, width: Int = 1280, height: Int = 1600) throws {
        try? FileManager.default.removeItem(at: file)
        _ = try run(arguments(scheme: scheme, width: width, height: height) + ["--screenshot=\(file.path)", url.absoluteString])
    }

    private func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a large DOM cannot fill the pipe and stall the browser.
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "Chromium", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "chromium exited with \(process.terminationStatus)"])
        }
        return data
    }

    func cleanUp() { try? FileManager.default.removeItem(at: profile) }
}
