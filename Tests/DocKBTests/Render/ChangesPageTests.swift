import XCTest
@testable import DocKB

/// The "What changed" page of the renderer fixture's site, with a recorded
/// build history: builds newest first, changes grouped by kind of fact,
/// links to fact pages that still exist and to document lines.
final class ChangesPageTests: XCTestCase {
    typealias Rows = BuildHistoryRows
    static let prereqs = RenderFixture.prerequisites, ports = RenderFixture.ports

    static let history: [BuildHistoryEntry] = [
        BuildHistoryEntry(id: 1, kind: .first, documents: 4, documentsParsed: 4, sourcesSHA256: "1", changes: []),
        BuildHistoryEntry(id: 2, kind: .incremental, documents: 4, documentsParsed: 1, sourcesSHA256: "2", changes: [
            Rows.added("component", "Widget Runtime", prereqs, 12),
            Rows.removed("component", "Sprocket Helper", prereqs, 13),
            Rows.changed("port", "TCP 445 (Push installation)", "purpose", "Server Message Block", "SMB", ports, 9),
            Rows.changed("permission", "Modify on Site", "security_role", nil, "Infra Admin", prereqs, 40),
            Rows.changed("requirement", "Push installation", "text", "push item at 30", "push item at 30 and more", prereqs, 30),
        ]),
    ]

    private func site(_ entries: [BuildHistoryEntry]) throws -> (SiteCheck, URL) {
        let folder = try ScratchFolder.make(for: self)
        let fixture = RenderFixture()
        let database = folder.appendingPathComponent("kb.sqlite")
        try TestKnowledgeBase.write(documents: fixture.documents, facts: fixture.facts, to: database)
        try Rows.record(entries, in: database)
        _ = try SiteRenderer(databasePath: database.path).render(documents: fixture.documents, to: folder)
        return (try SiteCheck(root: folder), folder)
    }

    func testBuildsNewestFirstWithLinksToFactsAndLines() throws {
        let (site, _) = try site(Self.history)
        XCTAssertEqual(site.parseErrors, [])
        XCTAssertEqual(site.brokenLinks, [])
        let page = try XCTUnwrap(site.pages[SitePaths.changes])
        let text = try site.text(of: SitePaths.changes)
        func order(_ parts: [String]) -> [Int] { parts.map { text.range(of: $0)?.lowerBound.utf16Offset(in: text) ?? -1 } }
        let builds = order([#"<h2 id="build-2">Build 2</h2>"#, #"<h2 id="build-1">Build 1</h2>"#])
        XCTAssertTrue(builds[0] >= 0 && builds[0] < builds[1], "newest build first: \(builds)")
        let groups = order(["<h3>Components</h3>", "<h3>Permissions</h3>", "<h3>Ports</h3>", "<h3>Prerequisites</h3>"])
        XCTAssertEqual(groups, groups.sorted(), "groups in the navigation's order")
        XCTAssertFalse(groups.contains(-1), "\(groups)")
        XCTAssertEqual(page.elements.filter { $0.name == "h3" }.count, 4)

        let hrefs = page.elements.compactMap { $0.attribute("href") }
        XCTAssertTrue(hrefs.contains("components/widget-runtime.html"), "\(hrefs)")
        XCTAssertTrue(hrefs.contains("ports/tcp-445.html"), "a port change links by its protocol and number")
        XCTAssertTrue(hrefs.contains("permissions/site.html"), "a permission change links to its object")
        XCTAssertTrue(hrefs.contains("install-methods/push-installation.html"), "a requirement change links to its subject")
        XCTAssertFalse(hrefs.contains { $0.contains("sprocket") }, "a removed fact has no page to link to")
        XCTAssertTrue(hrefs.contains { $0.hasPrefix("docs/guide/prereqs.html#") }, "changes cite document lines")
        XCTAssertTrue(hrefs.contains("#build-2") && hrefs.contains("#build-1"), "the list of builds links to each")

        XCTAssertTrue(text.contains("<del>Server Message Block</del> → <ins>SMB</ins>"), text)
        XCTAssertTrue(text.contains("<del>(none)</del> → <ins>Infra Admin</ins>"))
        XCTAssertTrue(text.contains("Reworded: <del>push item at 30</del>"))
        XCTAssertTrue(text.contains("Sprocket Helper"))
        XCTAssertTrue(text.contains("Incremental build: 1 of 4 documents parsed; 1 added, 1 removed, 3 changed."), text)
        XCTAssertTrue(text.contains("First build: 4 of 4 documents parsed; no fact changed."))
    }

    func testEveryPageLinksToItAndTheIndexToo() throws {
        let (site, _) = try site(Self.history)
        for (path, page) in site.pages {
            let nav = page.elements.filter { $0.attribute("href")?.hasSuffix(SitePaths.changes) == true }
            XCTAssertFalse(nav.isEmpty, "\(path) has no link to the What changed page")
        }
        let index = try site.text(of: SitePaths.index)
        XCTAssertTrue(index.contains("see what the last builds changed"), "a task on the index")
    }

    func testWithoutBuildsThePageSaysSo() throws {
        let (site, _) = try site([])
        let text = try site.text(of: SitePaths.changes)
        XCTAssertTrue(text.contains("No builds recorded yet."), text)
        XCTAssertEqual(site.brokenLinks, [])
    }
}
