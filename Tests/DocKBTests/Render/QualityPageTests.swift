import Foundation
import XCTest
@testable import DocKB

/// `quality.html` for `QualityFixture`: every finding is on the page and
/// links to the line's section on the rendered document.
final class QualityPageTests: XCTestCase {
    nonisolated(unsafe) private static var root: URL!
    nonisolated(unsafe) private static var built: Result<SiteCheck, any Error>!

    /// One build for all tests: the fixture's site.
    override class func setUp() {
        super.setUp()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dockb-quality-page-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: root)
        built = Result { try SiteCheck(root: QualityFixture.build(in: root, site: true)) }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: root)
        super.tearDown()
    }

    private func site() throws -> SiteCheck { try Self.built.get() }

    private func links(on page: MarkupInspection) -> [String] {
        page.elements.filter { $0.name == "a" }.compactMap { $0.attribute("href") }
    }

    func testThePageParsesAndEveryLinkOnItResolves() throws {
        let site = try site()
        let page = try XCTUnwrap(site.pages[SitePaths.quality], "no \(SitePaths.quality) in \(site.pages.keys.sorted())")
        XCTAssertEqual(page.errors, [])
        XCTAssertEqual(site.brokenLinks.filter { $0.hasPrefix(SitePaths.quality) }, [])
        XCTAssertEqual(page.elements.filter { $0.name == "h1" }.count, 1)
    }

    func testEveryPageLinksToItInTheNavigation() throws {
        let site = try site()
        for (path, page) in site.pages {
            XCTAssertTrue(links(on: page).contains { $0.hasSuffix(SitePaths.quality) }, "\(path) has no link to the quality report")
        }
    }

    func testConflictsListBothStatementsWithLinksToTheirSections() throws {
        let site = try site()
        let page = try XCTUnwrap(site.pages[SitePaths.quality])
        let html = try site.text(of: SitePaths.quality)
        let hrefs = links(on: page)
        for expected in ["docs/clients/windows-prerequisites.html#dependencies-external-to-the-product",
                         "docs/clients/upgrade-prerequisites.html#dependencies-external-to-the-product",
                         "docs/network/client-ports.html#ports-for-push",
                         "docs/network/server-ports.html#ports-between-servers"] {
            XCTAssertTrue(hrefs.contains(expected), "no link \(expected) on the quality page")
        }
        for text in ["Microsoft .NET Framework (component version)", "port 4011 (port transport)",
                     "\(QualityFixture.windows):10", "\(QualityFixture.upgrade):7",
                     "\(QualityFixture.clientPorts):9", "\(QualityFixture.serverPorts):8"] {
            XCTAssertTrue(html.contains(text), "the quality page lacks \(text)")
        }
        XCTAssertFalse(html.contains("port 135"), "135 is stated as TCP by both port documents: no conflict")
    }

    func testWarningsDanglingLinksAndShapesAreListed() throws {
        let html = try site().text(of: SitePaths.quality)
        for text in ["colour | shade", "old-guide.md", "windows-prerequisites.md#no-such-section",
                     "\(QualityFixture.windows) has no anchor #no-such-section", "table stored but not classified"] {
            XCTAssertTrue(html.contains(text), "the quality page lacks \(text)")
        }
    }
}
