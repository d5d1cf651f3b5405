import XCTest
@testable import DocKB

/// The site of the bundled docs-src in a real browser: headless Chromium
/// opens the generated pages from file://, runs searches through the search
/// page's own box (the page reads `?q=` into the box and searches what the
/// box holds, as when a reader types and presses Enter), and saves
/// screenshots of the index, the seed document and the client push page in
/// light and dark, plus phone-sized and search ones, into
/// `test-artifacts/render/` (git-ignored).
final class BrowserTests: XCTestCase {
    nonisolated(unsafe) private static var chromium: Chromium?
    nonisolated(unsafe) private static var site: URL!
    nonisolated(unsafe) private static var renderError: Error?

    static let artifacts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("test-artifacts/render")

    override class func setUp() {
        super.setUp()
        chromium = Chromium.find()
        guard chromium != nil else { return }
        site = artifacts.appendingPathComponent("site")
        do {
            _ = try SiteBuild.build(source: SiteBuild.packageRoot.appendingPathComponent("docs-src"), output: site)
        } catch {
            renderError = error
        }
    }

    override class func tearDown() {
        chromium?.cleanUp()
        super.tearDown()
    }

    private func browser() throws -> Chromium {
        guard let chromium = Self.chromium else {
            throw XCTSkip("Chromium is not installed (Debian: `apt-get install -y chromium`, or set DOCKB_CHROMIUM); "
                + "the browser test runs in CI, where .ci/run installs it.")
        }
        if let error = Self.renderError { throw error }
        return chromium
    }

    private func searchURL(_ query: String) -> URL {
        var components = URLComponents(url: Self.site.appendingPathComponent(SitePaths.search), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "q", value: query)]
        return components.url!
    }

    func testSearchBoxFindsEntitiesGroupedByKind() throws {
        let chromium = try browser()
        let dom = try chromium.dumpDOM(searchURL("management point"))
        XCTAssertTrue(dom.contains("id=\"search-page-input\""), "the search page has its own box")
        XCTAssertTrue(dom.contains("results for “management point”"), "the box's words were searched")
        XCTAssertTrue(dom.contains("data-group=\"Site system roles\""), "results are grouped by kind")
        XCTAssertTrue(dom.contains("<a href=\"site-system-roles/management-point.html\">management point</a>"))

        let alias = try chromium.dumpDOM(searchURL("BITS"))
        XCTAssertTrue(alias.contains("data-group=\"Components\""))
        XCTAssertTrue(alias.contains(">Microsoft Background Intelligent Transfer Service</a>"), "aliases are searched")

        let port = try chromium.dumpDOM(searchURL("445"))
        XCTAssertTrue(port.contains("data-group=\"Ports\""))
        XCTAssertTrue(port.contains("<a href=\"ports/tcp-445.html\">TCP 445</a>"))

        let section = try chromium.dumpDOM(searchURL("another forest"))
        XCTAssertTrue(section.contains("data-group=\"Document sections\""), "section text is searched")
        XCTAssertTrue(section.contains(">Group policy-based installation</a>"))

        let none = try chromium.dumpDOM(searchURL("zzzunlikelyword"))
        XCTAssertTrue(none.contains("0 results"))
        XCTAssertFalse(none.contains("class=\"result-group\""))
    }

    func testTablesBecomeSortableWithoutLosingRows() throws {
        let chromium = try browser()
        let dom = try chromium.dumpDOM(Self.site.appendingPathComponent(SiteEntityKind.component.referencePage))
        XCTAssertTrue(dom.contains("class=\"sort-button\""), "the script turned headers into sort buttons")
        XCTAssertTrue(dom.contains("Windows Installer") && dom.contains("Microsoft .NET Framework"))
    }

    func testScreenshotsInLightAndDark() throws {
        let chromium = try browser()
        let shots = Self.artifacts.appendingPathComponent("screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let pages: [(String, String)] = [
            ("index", SitePaths.index),
            ("document", SitePaths.page(forDocument: "core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md")),
            ("install-method", "install-methods/client-push-installation.html"),
        ]
        for (name, page) in pages {
            for scheme in [Chromium.Scheme.light, .dark] {
                let file = shots.appendingPathComponent("\(name)-\(scheme.rawValue).png")
                try chromium.screenshot(Self.site.appendingPathComponent(page), to: file, scheme: scheme)
                let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                XCTAssertGreaterThan(size, 10_000, "\(file.lastPathComponent) looks empty")
            }
        }
        let phone = shots.appendingPathComponent("install-method-phone-light.png")
        try chromium.screenshot(Self.site.appendingPathComponent("install-methods/client-push-installation.html"), to: phone,
                                scheme: .light, width: 390, height: 1400)
        let search = shots.appendingPathComponent("search-dark.png")
        try chromium.screenshot(searchURL("management point"), to: search, scheme: .dark, width: 1280, height: 1000)
        XCTAssertTrue(FileManager.default.fileExists(atPath: phone.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: search.path))
    }
}
