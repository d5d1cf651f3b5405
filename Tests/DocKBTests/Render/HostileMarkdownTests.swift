import Foundation
import XCTest
@testable import DocKB

/// Hostile Markdown through the real parser and pipeline: whatever raw HTML
/// cmark-gfm hands over (blocks, inline tags split across inlines, link
/// destinations), the published page holds nothing that runs or loads.
final class HostileMarkdownTests: XCTestCase {
    private static let markdown = #"""
        ---
        title: Hostile
        ---
        # Hostile <script>alert("h1")</script> page

        Inline <script>alert("inline")</script> and <img src="https://evil.example/i.png" onerror="alert(1)"> and
        <a href="javascript:alert(2)" onclick="alert(3)">a raw link</a>, <span style="background:url(https://evil.example/s)">styled</span>.

        [markdown javascript](javascript:alert(4)) [spaced](<java script:alert(5)>) [data](data:text/html;base64,PHNjcmlwdD4=)
        ![remote image](https://evil.example/pic.png) [fine](https://example.com/ok)

        <iframe src="https://evil.example/frame"></iframe>

        <div onmouseover="alert(6)"><style>body{display:none}</style><form action="https://evil.example/f"><input name="q"></form>kept text</div>

        <object data="https://evil.example/o"></object>
        <link rel="stylesheet" href="https://evil.example/x.css">
        <meta http-equiv="refresh" content="0;url=https://evil.example">

        <!-- a comment --!> <script>alert(7)</script> -->

        | Name | Value |
        |------|-------|
        | <iframe src="https://evil.example/cell"></iframe> cell | <a href="vbscript:msgbox(8)">vb</a> |

        > [!WARNING]
        > <svg onload="alert(9)"><script>alert(10)</script></svg> inside an alert

        ## <a name="safe-anchor"></a> Heading with <b onclick="alert(11)">bold</b>
        """#

    func testHostileMarkdownRendersInert() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dockb-hostile-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data(Self.markdown.utf8).write(to: source.appendingPathComponent("hostile.md"))
        let output = root.appendingPathComponent("out")
        _ = try SiteBuild.build(source: source, output: output)

        let site = try SiteCheck(root: output)
        XCTAssertEqual(site.parseErrors, [])
        XCTAssertEqual(site.brokenLinks, [])
        XCTAssertEqual(site.remoteLoads, [])
        let page = try XCTUnwrap(site.pages["docs/hostile.html"])
        let html = try site.text(of: "docs/hostile.html")
        for element in page.elements {
            XCTAssertFalse(["iframe", "object", "embed", "style", "svg", "img", "base"].contains(element.name), "<\(element.name)> survived")
            for (name, value) in element.attributes {
                XCTAssertFalse(name.hasPrefix("on"), "\(name) on <\(element.name)>")
                XCTAssertNotEqual(name, "style")
                if name == "href" { XCTAssertNotEqual(URLSafety.classify(value), .unsafe, value) }
            }
        }
        XCTAssertEqual(page.elements.filter { $0.name == "script" }.map { $0.attribute("src") }, ["../site.js"])
        XCTAssertEqual(page.elements.filter { $0.name == "form" }.count, 1, "only the site's search form")
        XCTAssertFalse(page.elements.contains { $0.name == "meta" && $0.attribute("http-equiv")?.lowercased() == "refresh" })
        XCTAssertFalse(page.elements.contains { $0.name == "link" && $0.attribute("href")?.contains("evil") == true })
        XCTAssertEqual(page.inlineScripts, [])
        for text in ["a raw link", "styled", "markdown javascript", "kept text", "inside an alert", "bold", "[image: remote image]"] {
            XCTAssertTrue(html.contains(text), "lost the readable text \(text)")
        }
        XCTAssertTrue(page.elements.contains { $0.attribute("href") == "https://example.com/ok" }, "safe links stay links")
        XCTAssertTrue(page.ids.contains("safe-anchor"))
        XCTAssertEqual(page.elements.filter { $0.name == "h1" }.count, 1)
    }
}
