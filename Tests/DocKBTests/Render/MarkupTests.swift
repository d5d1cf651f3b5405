import XCTest
@testable import DocKB

/// The building blocks: escaping by construction, the sanitizer's
/// allow-list, URL safety, comment safety, relative URLs.
final class MarkupTests: XCTestCase {
    private func render(_ build: (MarkupElement) -> Void) -> String {
        let (tree, root) = MarkupTree.htmlPage()
        let body = root.element("body")
        build(body)
        return String(decoding: tree.serialized(), as: UTF8.self)
    }

    private func sanitized(_ fragment: String) -> String {
        let resolver = PageLinkResolver(catalog: DocumentCatalog(documents: []), documentPath: "a/b.md", pagePath: "docs/a/b.html")
        return render { HTMLSanitizer(resolveLink: resolver.resolve).append(fragment: fragment, to: $0) }
    }

    func testTextAndAttributesAreEscapedByConstruction() {
        let html = render { body in
            body.element("p", ["title": "\"><script>x</script>"], text: "<b>not bold</b> & </p>")
        }
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;/p&gt;"), html)
        // libxml2 quotes a value holding `"` with `'`; either way no tag can start.
        XCTAssertTrue(html.contains("title='\"&gt;&lt;script&gt;x&lt;/script&gt;'"), html)
        XCTAssertFalse(html.contains("<script>"))
    }

    func testControlCharactersNeverReachTheOutput() {
        let html = render { $0.element("p", text: "a\u{0}b\u{7}c\td") }
        XCTAssertTrue(html.contains("<p>abc\td</p>"), html)
    }

    func testCommentsCannotEndEarly() {
        for raw in ["<!-- a --!> <script>x</script> -->", "<!-- -- -->", "<!--->", "<!-- x --->", "<!-->"] {
            let body = MarkupText.commentBody(raw)
            XCTAssertFalse(body.contains("--"), "\(raw) → \(body)")
            XCTAssertFalse(body.contains(">") || body.contains("<"), "\(raw) → \(body)")
        }
        let html = render { $0.comment("<!-- x --!> <b> -->") }
        let inspection = MarkupInspector.inspectHTML(Data(html.utf8), name: "comment.html")
        XCTAssertFalse(inspection.elements.contains { $0.name == "b" }, html)
    }

    func testSanitizerKeepsAllowListAndDropsActiveContent() {
        let html = sanitized("""
            <p onclick="x()" style="color:red" class="k">Hi <b>there</b> <kbd>Ctrl</kbd><sup>2</sup>
            <script>alert(1)</script><style>p{}</style><iframe src="https://e.example"></iframe>
            <font color="red">unwrapped</font> <a href="javascript:alert(1)">js</a> <a href="https://ok.example/">ok</a>
            <img src="https://e.example/i.png" alt="pic" onerror="x()"><h1>big</h1></p>
            """)
        for kept in ["<b>there</b>", "<kbd>Ctrl</kbd>", "<sup>2</sup>", "unwrapped", "href=\"https://ok.example/\"", "[image: pic]", ">big<"] {
            XCTAssertTrue(html.contains(kept), "lost \(kept): \(html)")
        }
        for dropped in ["onclick", "style=", "class=\"k\"", "alert(1)", "<iframe", "<font", "javascript", "<img", "<h1", "p{}"] {
            XCTAssertFalse(html.contains(dropped), "kept \(dropped): \(html)")
        }
    }

    func testURLSafetyClassification() {
        XCTAssertEqual(URLSafety.classify("https://x.example/a"), .web)
        XCTAssertEqual(URLSafety.classify("HTTP://x"), .web)
        XCTAssertEqual(URLSafety.classify("mailto:a@b.c"), .mail)
        XCTAssertEqual(URLSafety.classify("../a/b.md#x"), .relative)
        XCTAssertEqual(URLSafety.classify("a/b:c.md"), .relative)
        XCTAssertEqual(URLSafety.classify("#frag"), .relative)
        XCTAssertEqual(URLSafety.classify("//host/x"), .protocolRelative)
        for unsafe in ["javascript:alert(1)", " JaVaScRiPt:x", "java\tscript:x", "java\nscript:x", "\u{1}javascript:x",
                       "data:text/html,x", "vbscript:x", "file:///etc/passwd", "\\\\host\\share"] {
            XCTAssertEqual(URLSafety.classify(unsafe), .unsafe, unsafe)
        }
    }

    func testRelativeURLsBetweenPages() {
        XCTAssertEqual(SitePaths.url(from: "docs/a/b.html", to: "docs/a/c.html"), "c.html")
        XCTAssertEqual(SitePaths.url(from: "docs/a/b.html", to: "docs/x/y.html", fragment: "f"), "../x/y.html#f")
        XCTAssertEqual(SitePaths.url(from: "docs/a/b.html", to: "style.css"), "../../style.css")
        XCTAssertEqual(SitePaths.url(from: "index.html", to: "ports/tcp-445.html"), "ports/tcp-445.html")
        XCTAssertEqual(SitePaths.url(from: "ports/tcp-445.html", to: "index.html"), "../index.html")
        XCTAssertEqual(SitePaths.url(from: "docs/ab/c.html", to: "docs/a/c.html"), "../a/c.html", "a shared prefix is not a shared folder")
        XCTAssertEqual(SitePaths.url(from: "docs/a/b.html", to: "docs/a"), "../a", "a target named like the page's folder")
        XCTAssertEqual(SitePaths.url(from: "docs/é/b.html", to: "docs/é/ü.html", fragment: ""), "ü.html")
        XCTAssertEqual(PageLinkResolver.normalize("../c/./d.md", relativeTo: "a/b/x.md"), "a/c/d.md")
        XCTAssertNil(PageLinkResolver.normalize("../../../d.md", relativeTo: "a/x.md"))
        XCTAssertEqual(SitePaths.slug("Group policy-based installation"), "group-policy-based-installation")
        XCTAssertEqual(SitePaths.slug("Microsoft .NET Framework"), "microsoft-net-framework")
    }

    /// Pages take where a link leads from the build's records when given
    /// them, and resolve the links those lack.
    func testPagesUseTheBuildsLinkRecords() {
        var target = DocumentBuilder(path: "a/target.md")
        target.heading(1, "Target")
        target.heading(2, "Part", anchor: "part")
        var other = DocumentBuilder(path: "a/other.md")
        other.heading(1, "Other")
        let documents = [target.build(), other.build()]
        let resolver = LinkResolver(documents: documents)
        // A record that names another document than resolution would: only the record can lead there.
        let recorded = LinkRecord(line: 3, text: "x", destination: "target.md#part", targetPath: "a/other.md",
                                  targetAnchor: nil, status: .resolved)
        let catalog = DocumentCatalog(outlines: documents.map(\.outline), load: { path in documents.first { $0.path == path } },
                                      linkResolver: resolver, resolvedLinks: ["a/x.md": [recorded]])
        let page = PageLinkResolver(catalog: catalog, documentPath: "a/x.md", pagePath: "docs/a/x.html")
        XCTAssertEqual(page.resolve("target.md#part"), .page("other.html"))
        XCTAssertEqual(page.resolve("target.md"), .page("target.html"), "a link without a record is resolved")
        let elsewhere = PageLinkResolver(catalog: catalog, documentPath: "a/y.md", pagePath: "docs/a/y.html")
        XCTAssertEqual(elsewhere.resolve("target.md#part"), .page("target.html#part"), "records belong to their document")
    }

    func testDocumentLinksResolveLikeDocFX() {
        var target = DocumentBuilder(path: "core/Clients/Deploy.md")
        target.heading(1, "Deploy")
        target.heading(2, "Provision", anchor: "BKMK_Provision")
        var index = DocumentBuilder(path: "core/plan/index.md")
        index.heading(1, "Plan")
        let catalog = DocumentCatalog(documents: [target.build(), index.build()], siteBasePaths: ["sccm"])
        let resolver = PageLinkResolver(catalog: catalog, documentPath: "core/servers/x.md", pagePath: "docs/core/servers/x.html")
        XCTAssertEqual(resolver.resolve("../clients/deploy.md#bkmk_provision"), .page("../Clients/Deploy.html#BKMK_Provision"))
        XCTAssertEqual(resolver.resolve("../Clients/Deploy#nowhere"), .page("../Clients/Deploy.html"))
        XCTAssertEqual(resolver.resolve("/sccm/core/clients/deploy"), .page("../Clients/Deploy.html"))
        XCTAssertEqual(resolver.resolve("../plan/"), .page("../plan/index.html"))
        XCTAssertEqual(resolver.resolve("/other/core/plan/"), .unresolved("/other/core/plan/"))
        XCTAssertEqual(resolver.resolve("../../../../x.md"), .unresolved("../../../../x.md"))
        XCTAssertEqual(resolver.resolve("media/pic.png"), .unresolved("media/pic.png"))
        XCTAssertEqual(resolver.resolve("https://example.com/a?b#c"), .external("https://example.com/a?b#c"))
        XCTAssertEqual(resolver.resolve("javascript:void(0)"), .unsafe)
    }

    /// Pages link where the knowledge base's link resolution says, with the
    /// rules only it knew before: DocFX's exact heading ids, anchors of
    /// included files; and `#x` in an included file leads into the page it is pasted into.
    func testPageLinksFollowTheBuildsResolution() throws {
        let parser = MarkdownParser()
        let page = parser.parse(Data("""
            # Page

            ## <a name="bkmk_a"></a> Alpha

            [!INCLUDE [shared](includes/shared.md)]
            """.utf8), path: "guide/page.md")
        let shared = parser.parse(Data("""
            ## <a name="bkmk_shared"></a> Shared part

            See [alpha](#bkmk_a) and [here](#bkmk_shared).
            """.utf8), path: "guide/includes/shared.md")
        let catalog = DocumentCatalog(documents: [page, shared])
        let onPage = PageLinkResolver(catalog: catalog, documentPath: "guide/other.md", pagePath: "docs/guide/other.html")
        XCTAssertEqual(onPage.resolve("page.md#-alpha"), .page("page.html#-alpha"), "DocFX's exact id")
        XCTAssertEqual(onPage.resolve("page.md#BKMK_SHARED"), .page("page.html#bkmk_shared"), "an included file's anchor")
        let inInclude = PageLinkResolver(catalog: catalog, documentPath: "guide/includes/shared.md",
                                         pagePath: "docs/guide/page.html", hostDocument: "guide/page.md")
        XCTAssertEqual(inInclude.resolve("#bkmk_a"), .page("page.html#bkmk_a"), "into the host page")
        XCTAssertEqual(inInclude.resolve("#bkmk_shared"), .page("page.html#bkmk_shared"))
    }

    func testSectionLeadIsTheLeadOfTheCollapsedWindow() {
        // The byte path against the character path it stands in for: words
        // and white space of every kind, lengths around the lead (100) and the
        // window (400), and the characters that send text to the slow path.
        var generator = SystemRandomNumberGenerator()
        let pieces = ["word", "a", "longerword", " ", "  ", "\n", "\t", "\r\n", "\u{0B}", "e\u{301}", "\u{2019}", "\u{00A0}", "x"]
        var texts = ["", " ", "short text", String(repeating: "w", count: 150), String(repeating: "ab ", count: 200),
                     String(repeating: "x", count: 400) + "\u{301}", String(repeating: "x", count: 399) + "\r\n" + "tail",
                     // Where bytes and characters part: \r\n counts once, a combining mark joins the last letter.
                     String(repeating: "\r\n", count: 250) + "tail words", String(repeating: " ", count: 399) + "e\u{301}"]
        for _ in 0..<400 {
            let count = Int.random(in: 0...260, using: &generator)
            let asciiOnly = Bool.random(using: &generator)
            texts.append((0..<count).map { _ in
                asciiOnly ? pieces.filter { $0.allSatisfy(\.isASCII) && $0 != "\r\n" }.randomElement(using: &generator)!
                          : pieces.randomElement(using: &generator)!
            }.joined())
        }
        for text in texts {
            let characters = SiteSearchIndex.lead(String(text.prefix(SiteSearchIndex.snippetLength * 4)).collapsingWhitespace)
            XCTAssertEqual(SiteSearchIndex.sectionLead(text), characters, text.debugDescription)
        }
    }

    func testSearchIndexLowerCasesAsStringDoes() {
        // Capitals whose lower case changes length (İ), depends on context
        // in some libraries (final Σ), or lands in ASCII (the Kelvin sign).
        for text in ["", "ASCII Only", "\u{130}stanbul", "\u{3A3}\u{39F}\u{3A3}", "\u{212A}elvin \u{1E9E} \u{FB01}",
                     "Mixed \u{2019}Quote\u{2019} TCP\u{00A0}443", "\u{1F600} Emoji \u{0}NUL", "e\u{301}\u{0045}\u{0301}"] {
            XCTAssertEqual(SiteSearchIndex.lowercasedUTF8(text), Array(text.lowercased().utf8), text)
        }
    }

    func testSearchIndexKeepsDistinctWordsAndEscapesForScripts() {
        XCTAssertEqual(SiteSearchIndex.distinctWords("The client, the Client (BITS)\nuses /source:<path>."),
                       "client bits uses /source:<path>")
        // Past the word table's first size, repeats still collapse and order is kept.
        let many = (0..<300).map { "Word\($0)," }
        XCTAssertEqual(SiteSearchIndex.distinctWords((many + many.reversed()).joined(separator: " ")),
                       (0..<300).map { "word\($0)" }.joined(separator: " "))
        XCTAssertEqual(SiteSearchIndex.distinctWords("\u{0}a Ünïcode ÜNÏCODE (\"quoted\") ?! the"), "\u{0}a ünïcode quoted")
        XCTAssertEqual(SiteSearchIndex.json("a\"b</script>\u{2028}"), #""a\"b\u003c/script>\u2028""#)
        // Escaped by bytes: other characters encoded from E2 stay as they are.
        XCTAssertEqual(SiteSearchIndex.json("\u{2029}\u{2019}\u{20AC}\u{2027}\\\t\r\n\u{1}\u{1F}\u{7F}"),
                       "\"\\u2029\u{2019}\u{20AC}\u{2027}\\\\\\t\\r\\n\\u0001\\u001f\u{7F}\"")
        XCTAssertEqual(SiteSearchIndex.lead(String(repeating: "word ", count: 40)), String(repeating: "word ", count: 19) + "word …")
    }

    func testRawTagRecognition() {
        XCTAssertEqual(RawTag.closingName("</sup>"), "sup")
        XCTAssertEqual(RawTag.openingName("<a href=\"x\">"), "a")
        XCTAssertTrue(RawTag.isLoneOpener("<sup>"))
        XCTAssertFalse(RawTag.isLoneOpener("<br>"))
        XCTAssertFalse(RawTag.isLoneOpener("<b>x</b>"))
        XCTAssertFalse(RawTag.isLoneOpener("<img src=x/>"))
        XCTAssertNil(RawTag.openingName("<!-- x -->"))
    }

    func testMethodMatcherUsesContentWords() {
        let push = MethodMatcher(methodName: "Client push installation")
        XCTAssertTrue(push.matches("Ports that are used with client push installation"))
        XCTAssertTrue(push.matches("Client Push Installation"))
        XCTAssertTrue(push.matches("Ports that are used for all installation methods"))
        XCTAssertFalse(push.matches("Push notifications"))
        let gpo = MethodMatcher(methodName: "Group policy-based installation")
        XCTAssertTrue(gpo.matches("Client Installation by Using Group Policy"))
        XCTAssertFalse(gpo.matches("Ports that are used with software update point-based installation"))
    }

    func testDiagramLabelsMachinesAndWrapsText() {
        XCTAssertEqual(MethodDiagram.machineName("the client computer"), "Client computer")
        XCTAssertEqual(MethodDiagram.machineName("a management point"), "Management point")
        XCTAssertEqual(MethodDiagram.machineName("client"), "Client computer")
        XCTAssertNil(MethodDiagram.machineName("the"))
        XCTAssertEqual(MethodDiagram.wrap("one two three four", width: 9), ["one two", "three", "four"])
    }
}
