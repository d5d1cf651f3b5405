import XCTest
@testable import DocKB

/// The generated site, read back with libxml2: it parses, its links resolve,
/// it loads nothing from elsewhere, and hostile input stays inert.
final class SiteRendererTests: XCTestCase {
    nonisolated(unsafe) private static var folder: URL!
    nonisolated(unsafe) private static var report: SiteReport!
    nonisolated(unsafe) private static var site: SiteCheck!

    override class func setUp() {
        super.setUp()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dockb-render-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: folder)
        do {
            report = try RenderFixture().render(into: folder)
            site = try SiteCheck(root: folder)
        } catch {
            XCTFail("rendering the fixture failed: \(error)")
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        super.tearDown()
    }

    private var site: SiteCheck { Self.site }

    private func page(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> MarkupInspection {
        try XCTUnwrap(site.pages[path], "no page \(path); pages: \(site.pages.keys.sorted())", file: file, line: line)
    }

    func testReportCountsWhatWasWritten() {
        XCTAssertEqual(Self.report.documentPages, 4)
        // 2 methods, 2 components, 2 roles, 1 security role, 1 object, 2 ports (TCP 445, TCP 80), 1 subject.
        XCTAssertEqual(Self.report.entityPages, 11)
        XCTAssertEqual(Self.report.pages, site.pages.count)
        XCTAssertEqual(Self.report.diagrams, 2)
        XCTAssertEqual(Self.report.files, site.pages.count + site.diagrams.count + site.otherFiles.count - 1)
        XCTAssertEqual(Set(site.otherFiles), [SitePaths.stylesheet, SitePaths.script, SitePaths.searchIndex, ".dockb-site",
                                             PageManifest.fileName, SearchRowCache.fileName])
        XCTAssertEqual(Self.report.unlinkedFacts, [], "every fact line starts a rendered row, item or paragraph")
    }

    func testEveryPageParsesWithoutErrors() {
        XCTAssertGreaterThan(site.pages.count, 15)
        XCTAssertEqual(site.parseErrors, [])
    }

    func testEveryInternalLinkAndAnchorResolves() {
        XCTAssertEqual(site.brokenLinks, [])
    }

    func testNothingLoadsFromAnotherHost() throws {
        XCTAssertEqual(site.remoteLoads, [])
        for page in site.pages.values {
            XCTAssertEqual(page.inlineScripts, [], "scripts are files of the site, never inline")
            for script in page.elements where script.name == "script" {
                XCTAssertTrue([SitePaths.script, SitePaths.searchIndex].contains { script.attribute("src")?.hasSuffix($0) ?? false })
            }
        }
        let css = try site.text(of: SitePaths.stylesheet)
        XCTAssertFalse(css.contains("@import"))
        XCTAssertFalse(css.contains("url("))
        let js = try site.text(of: SitePaths.script)
        for forbidden in ["fetch(", "XMLHttpRequest", "Worker(", "innerHTML", "eval(", "http"] {
            XCTAssertFalse(js.contains(forbidden), "site.js uses \(forbidden)")
        }
    }

    func testHostileDocumentRendersInert() throws {
        let path = SitePaths.page(forDocument: RenderFixture.hostile)
        let hostile = try page(path)
        let names = Set(hostile.elements.map(\.name))
        for forbidden in ["iframe", "object", "embed", "style", "svg", "math", "base", "img", "frame"] {
            XCTAssertFalse(names.contains(forbidden), "<\(forbidden)> survived")
        }
        // The only form and input are the site's own search box.
        XCTAssertEqual(hostile.elements.filter { $0.name == "form" }.compactMap { $0.attribute("action") }, ["../../search.html"])
        XCTAssertEqual(hostile.elements.filter { $0.name == "input" }.count, 1)
        XCTAssertFalse(hostile.elements.contains { $0.name == "meta" && $0.attribute("http-equiv") == "refresh" })
        XCTAssertEqual(hostile.elements.filter { $0.name == "script" }.count, 1, "only the site's own script")
        XCTAssertFalse(hostile.elements.contains { $0.name == "link" && $0.attribute("href")?.contains("evil") == true })
        for element in hostile.elements {
            for (name, value) in element.attributes {
                XCTAssertFalse(name.hasPrefix("on"), "event handler \(name) on <\(element.name)>")
                XCTAssertNotEqual(name, "style", "style attribute on <\(element.name)>")
                if name == "href" {
                    XCTAssertEqual(URLSafety.classify(value) == .unsafe, false, "unsafe href \(value)")
                    XCTAssertFalse(value.lowercased().contains("script:"), "script URL \(value)")
                }
            }
        }
        for comment in hostile.comments {
            XCTAssertFalse(comment.contains("--"), "comment body with --: \(comment)")
        }
        let html = try site.text(of: path)
        XCTAssertFalse(html.contains("<script>alert"), "a hostile script tag reached the page")
        // What a reader should still see survives as text.
        for text in ["raw anchor", "hover", "kept ", "bold", "a javascript link", "an obfuscated one", "protocol relative"] {
            XCTAssertTrue(html.contains(text), "lost the text \(text)")
        }
        XCTAssertTrue(html.contains("&lt;script&gt;alert('title')&lt;/script&gt;") || html.contains("&lt;script>"),
                      "markup in a heading stays visible text")
        XCTAssertTrue(hostile.elements.contains { $0.name == "sup" }, "allowed inline markup is kept")
        XCTAssertTrue(hostile.ids.contains("cell-anchor"))
        XCTAssertTrue(Self.report.warnings.contains { $0.location.path == RenderFixture.hostile && $0.message.contains("unsafe") })
    }

    func testHeadingsCarryExplicitAndSlugAnchors() throws {
        let prereqs = try page(SitePaths.page(forDocument: RenderFixture.prerequisites))
        XCTAssertTrue(prereqs.ids.isSuperset(of: ["BKMK_desktop", "prerequisites-for-desktop-clients", "push-installation",
                                                  "external-components"]))
        XCTAssertEqual(prereqs.elements.filter { $0.name == "h1" }.count, 1)
    }

    func testDocumentStructureIsRenderedFaithfully() throws {
        let path = SitePaths.page(forDocument: RenderFixture.prerequisites)
        let prereqs = try page(path)
        let html = try site.text(of: path)
        XCTAssertTrue(prereqs.elements.contains { $0.name == "div" && $0.attribute("class") == "alert alert-note" })
        XCTAssertTrue(prereqs.elements.contains { $0.name == "code" && $0.attribute("class") == "language-shell" })
        XCTAssertTrue(html.contains("setup.exe /source:C:\\files\n  --verbose &lt;quiet&gt;"), "code keeps its text and lines")
        XCTAssertTrue(html.range(of: #"<li>\s*<p>An installation account.*?</p>\s*<ul>\s*<li>\s*<p>Nested detail"#,
                                 options: .regularExpression) != nil, "nested list inside its item")
        XCTAssertTrue(html.contains("Required to run widgets.<br>May restart the computer."), "<br /> in a cell")
        XCTAssertTrue(prereqs.comments.contains { $0.contains("tracking 1234") }, "provenance comments are kept")
        XCTAssertEqual(prereqs.elements.filter { $0.name == "th" && $0.attribute("scope") == "col" }.count, 4)
        XCTAssertTrue(html.contains("<em>Applies to: the widget product</em>"))
    }

    func testRelativeMarkdownLinksPointToGeneratedPagesWithAnchors() throws {
        let prereqs = try page(SitePaths.page(forDocument: RenderFixture.prerequisites))
        let hrefs = prereqs.elements.compactMap { $0.attribute("href") }
        // `#BKMK_PUSH` is spelled `bkmk_push` in the target: the link uses the target's spelling.
        XCTAssertTrue(hrefs.contains("../net/ports.html#bkmk_push"), "\(hrefs)")
        XCTAssertTrue(hrefs.contains("#BKMK_desktop"))
        XCTAssertTrue(hrefs.contains("https://example.com/docs"))
        XCTAssertFalse(hrefs.contains { $0.contains("missing") })
        XCTAssertTrue(Self.report.warnings.contains { $0.message.contains("missing/elsewhere.md") })
        // The included file is rendered in place, its links resolved from its own folder.
        XCTAssertTrue(hrefs.contains("prereqs.html#push-installation") || hrefs.contains("#push-installation"), "\(hrefs)")
    }

    func testFactRowsAndItemsLinkToTheirFactPages() throws {
        let prereqs = try page(SitePaths.page(forDocument: RenderFixture.prerequisites))
        let factLinks = prereqs.elements.filter { $0.attribute("class") == "fact-link" }.compactMap { $0.attribute("href") }
        XCTAssertTrue(factLinks.contains { $0.hasPrefix("../../components/widget-runtime.html#component-") }, "\(factLinks)")
        XCTAssertTrue(factLinks.contains { $0.hasPrefix("../../install-methods/push-installation.html#requirement-") })
        XCTAssertTrue(factLinks.contains { $0.hasPrefix("../../permissions/site.html#permission-") })
        XCTAssertTrue(factLinks.contains { $0.hasPrefix("../../security-roles/infra-admin.html#security-role-") })
        let ports = try page(SitePaths.page(forDocument: RenderFixture.ports))
        XCTAssertTrue(ports.elements.contains { $0.attribute("href")?.hasPrefix("../../ports/tcp-445.html#port-") == true })
        XCTAssertTrue(ports.elements.contains { $0.attribute("aria-label") == "On this page" }, "a table of contents")
        XCTAssertTrue(ports.elements.contains { $0.attribute("href") == "#bkmk_push" })
    }

    func testInstallMethodPageHoldsTheWholeChecklistWithCitations() throws {
        let path = "install-methods/push-installation.html"
        let method = try page(path)
        let html = try site.text(of: path)
        for expected in ["push item at", "Widget Runtime", "2.1", "widget.msi", "management point", "optional, recommended",
                         "TCP 445", "TCP 80", "fallback status point", "Modify", "Infra Admin"] {
            XCTAssertTrue(html.contains(expected), "checklist lacks \(expected)")
        }
        XCTAssertFalse(html.contains("Download from a management point"), "another method's requirement leaked in")
        // Every checklist line and table row cites a section of a rendered document.
        let cites = method.elements.filter { ["cite", "cite-cell"].contains($0.attribute("class") ?? "") }.count
        let rows = method.elements.filter { $0.name == "tr" }.count - method.elements.filter { $0.name == "thead" }.count
        let items = method.elements.filter { $0.name == "li" && $0.attribute("id")?.hasPrefix("requirement-") == true }.count
        XCTAssertGreaterThanOrEqual(cites, rows + items)
        let citeLinks = method.elements.compactMap { $0.attribute("href") }.filter { $0.hasPrefix("../docs/") }
        XCTAssertTrue(citeLinks.contains("../docs/guide/prereqs.html#push-installation"))
        XCTAssertTrue(citeLinks.contains("../docs/net/ports.html#bkmk_push"))
        let image = try XCTUnwrap(method.elements.first { $0.name == "img" })
        XCTAssertEqual(image.attribute("src"), "push-installation.svg")
        XCTAssertTrue(image.attribute("alt")?.contains("Site server to Client computer: TCP 445") == true, image.attribute("alt") ?? "")

        // What a ports article says about the method beyond its tables, and where else it is discussed.
        XCTAssertTrue(html.contains("Push also sends ping requests"), "firewall notes from the ports article")
        XCTAssertTrue(citeLinks.contains("../docs/guide/includes/shared.html#push-installation-tips"), "further reading")

        let manual = try site.text(of: "install-methods/manual-installation.html")
        XCTAssertTrue(manual.contains("not source"), "the condition is shown in evaluable form")
        XCTAssertTrue(manual.contains("fallback status point"), "ports for all methods apply to every method")
    }

    func testDiagramIsWellFormedSVGWithPortsOnArrows() throws {
        let svg = try XCTUnwrap(site.diagrams["install-methods/push-installation.svg"])
        XCTAssertEqual(svg.errors, [])
        let text = try site.text(of: "install-methods/push-installation.svg")
        for expected in ["<title", "<desc", "Client computer", "Site server", "Management point", "TCP 445", "TCP 80 (if http)"] {
            XCTAssertTrue(text.contains(expected), "diagram lacks \(expected)")
        }
        XCTAssertFalse(svg.elements.contains { $0.name == "script" || $0.attribute("href") != nil })
    }

    func testPagesAreAccessible() {
        for (path, page) in site.pages {
            XCTAssertEqual(page.elements.filter { $0.name == "h1" }.count, 1, "\(path) needs exactly one h1")
            let roles = Set(page.elements.compactMap { $0.attribute("role") })
            XCTAssertTrue(roles.isSuperset(of: ["banner", "navigation", "main", "contentinfo", "search"]), "\(path) landmarks: \(roles)")
            XCTAssertTrue(page.elements.contains { $0.attribute("class") == "skip-link" && $0.attribute("href") == "#main" })
            for th in page.elements where th.name == "th" {
                XCTAssertNotNil(th.attribute("scope"), "\(path): <th> without scope")
            }
            for img in page.elements where img.name == "img" {
                XCTAssertFalse((img.attribute("alt") ?? "").isEmpty, "\(path): image without alt")
            }
            XCTAssertNotNil(page.elements.first { $0.name == "html" }?.attribute("lang"))
        }
    }

    func testSearchIndexIsAScriptAssigningAGlobal() throws {
        let index = try site.text(of: SitePaths.searchIndex)
        XCTAssertTrue(index.contains("window.DOCKB_SEARCH_INDEX = {"))
        for expected in ["\"Widget Runtime\"", "WR", "\"Push installation\"", "\"TCP 445\"", "\"Installation methods\""] {
            XCTAssertTrue(index.contains(expected), "search index lacks \(expected)")
        }
        XCTAssertFalse(index.contains("</script"), "the index escapes < so it can never close a script")
        let search = try page(SitePaths.search)
        XCTAssertEqual(search.elements.filter { $0.name == "script" }.compactMap { $0.attribute("src") },
                       [SitePaths.searchIndex, SitePaths.script])
    }

    func testTwoRendersAreByteIdentical() throws {
        let second = Self.folder.deletingLastPathComponent().appendingPathComponent("dockb-render-again-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: second) }
        _ = try RenderFixture().render(into: second)
        let again = try SiteCheck(root: second)
        XCTAssertEqual(Set(again.pages.keys), Set(site.pages.keys))
        for file in site.pages.keys.sorted() + site.diagrams.keys.sorted() + site.otherFiles.sorted() {
            let a = try Data(contentsOf: Self.folder.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            XCTAssertEqual(a, b, "\(file) differs between two renders")
        }
    }

    func testRerenderRemovesStalePagesButKeepsTheDatabase() throws {
        let folder = Self.folder.deletingLastPathComponent().appendingPathComponent("dockb-render-stale-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try RenderFixture().render(into: folder)
        let stale = folder.appendingPathComponent("docs/old/gone.html")
        try FileManager.default.createDirectory(at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: stale)
        let mine = folder.appendingPathComponent("notes.txt")
        try Data("keep".utf8).write(to: mine)
        var fixture = RenderFixture()
        fixture.documents.removeAll { $0.path == RenderFixture.hostile }
        let database = folder.appendingPathComponent("kb.sqlite")
        try TestKnowledgeBase.write(documents: fixture.documents, facts: fixture.facts, to: database)
        _ = try SiteRenderer(databasePath: database.path).render(documents: fixture.documents, to: folder)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs/evil/hostile.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: mine.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: database.path))
    }

    func testFirstRenderLeavesAnUnrelatedDocsFolderAlone() throws {
        let folder = Self.folder.deletingLastPathComponent().appendingPathComponent("dockb-render-foreign-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let theirs = folder.appendingPathComponent("docs/their-notes.txt")
        try FileManager.default.createDirectory(at: theirs.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("theirs".utf8).write(to: theirs)
        _ = try RenderFixture().render(into: folder)
        XCTAssertTrue(FileManager.default.fileExists(atPath: theirs.path), "no marker: nothing of an earlier render to remove")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".dockb-site").path))
    }

    func testMissingKnowledgeBaseIsAClearError() {
        let missing = "/nonexistent/kb.sqlite"
        XCTAssertThrowsError(try SiteRenderer(databasePath: missing).render(documents: [], to: Self.folder)) { error in
            XCTAssertEqual(error as? SiteRenderError, .missingKnowledgeBase(missing))
            XCTAssertTrue("\(error)".contains("dockb build"))
        }
    }
}
