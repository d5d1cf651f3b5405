import XCTest
@testable import DocKB

/// The site in a real browser: headless Chromium opens the generated pages
/// from file://, runs searches through the search page's own box (the page
/// reads `?q=` into the box and searches what the box holds, as when a
/// reader types and presses Enter), and saves screenshots of the index, a
/// document page and an installation-method page in light and dark, plus a
/// phone-sized one, into `test-artifacts/render/` (git-ignored).
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
            _ = try RenderFixture().render(into: site)
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
        let dom = try chromium.dumpDOM(searchURL("widget runtime"))
        XCTAssertTrue(dom.contains("id=\"search-page-input\""), "the search page has its own box")
        XCTAssertTrue(dom.contains("value=\"widget runtime\"") || dom.contains("results for “widget runtime”"), dom)
        XCTAssertTrue(dom.contains("data-group=\"Components\""), "results are grouped by kind")
        XCTAssertTrue(dom.contains("<a href=\"components/widget-runtime.html\">Widget Runtime</a>"), dom)

        let alias = try chromium.dumpDOM(searchURL("WR"))
        XCTAssertTrue(alias.contains("<a href=\"components/widget-runtime.html\">Widget Runtime</a>"), "aliases are searched")

        let port = try chromium.dumpDOM(searchURL("445"))
        XCTAssertTrue(port.contains("data-group=\"Ports\""))
        XCTAssertTrue(port.contains("<a href=\"ports/tcp-445.html\">TCP 445</a>"))

        let section = try chromium.dumpDOM(searchURL("downloads files"))
        XCTAssertTrue(section.contains("data-group=\"Document sections\""), "section text is searched")

        let none = try chromium.dumpDOM(searchURL("zzzunlikelyword"))
        XCTAssertTrue(none.contains("0 results"))
        XCTAssertFalse(none.contains("class=\"result-group\""))
    }

    func testTablesBecomeSortableWithoutLosingRows() throws {
        let chromium = try browser()
        let dom = try chromium.dumpDOM(Self.site.appendingPathComponent(SiteEntityKind.component.referencePage))
        XCTAssertTrue(dom.contains("class=\"sort-button\""), "the script turned headers into sort buttons")
        XCTAssertTrue(dom.contains("Widget Runtime") && dom.contains("Gadget Library"))
    }

    func testScreenshotsInLightAndDark() throws {
        let chromium = try browser()
        let shots = Self.artifacts.appendingPathComponent("screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let pages: [(String, String)] = [
            ("index", SitePaths.index),
            ("document", SitePaths.page(forDocument: RenderFixture.prerequisites)),
            ("install-method", "install-methods/push-installation.html"),
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
        try chromium.screenshot(Self.site.appendingPathComponent("install-methods/push-installation.html"), to: phone,
                                scheme: .light, width: 390, height: 1400)
        let search = shots.appendingPathComponent("search-dark.png")
        try chromium.screenshot(searchURL("management point"), to: search, scheme: .dark, width: 1280, height: 1000)
        XCTAssertTrue(FileManager.default.fileExists(atPath: phone.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: search.path))
    }
}
