import XCTest
@testable import DocKB

final class LinkResolverTests: XCTestCase {
    /// `docs/a/page.md` links from line 10 on; `docs/b/target.md` has an
    /// explicit anchor `BKMK_Setup` on a heading whose slug is `set-up-the-site`.
    private func document(_ path: String, headings: [(explicit: [String], slug: String)] = [],
                          links: [String] = []) -> Document {
        var blocks: [Block] = []
        var sections: [Section] = []
        for (index, heading) in headings.enumerated() {
            sections.append(Section(index: index, parent: nil, level: 2, heading: heading.slug, content: [.text(heading.slug)],
                                    explicitAnchors: heading.explicit, slug: heading.slug, line: index + 1,
                                    blockRange: (index + 1)..<(index + 1)))
            blocks.append(Block(.heading(Heading(level: 2, content: [.text(heading.slug)],
                                                 explicitAnchors: heading.explicit, slug: heading.slug)),
                                line: index + 1, endLine: index + 1))
        }
        for (offset, destination) in links.enumerated() {
            blocks.append(Block(.paragraph([.link(destination: destination, title: "", content: [.text("link \(offset)")])]),
                                line: 10 + offset, endLine: 10 + offset))
        }
        return Document(path: path, sha256: "", frontMatter: FrontMatter(), blocks: blocks, sections: sections, diagnostics: [])
    }

    private var target: Document {
        document("docs/b/target.md", headings: [(["BKMK_Setup"], "set-up-the-site"), ([], "ports")])
    }

    private func resolve(_ destination: String, from path: String = "docs/a/page.md",
                         bases: [String] = ["site"]) -> LinkRecord {
        let page = document(path, headings: [([], "local-heading")])
        let index = document("docs/b/index.md")
        return LinkResolver(documents: [page, target, index], siteBasePaths: bases)
            .resolve(destination, text: "t", line: 3, in: path)
    }

    func testRelativeDocumentLinksResolveAgainstTheLinkingFolder() {
        let link = resolve("../b/target.md")
        XCTAssertEqual(link.status, .resolved)
        XCTAssertEqual(link.targetPath, "docs/b/target.md")
        XCTAssertNil(link.targetAnchor)
        XCTAssertEqual(resolve("./../b/./target.md").targetPath, "docs/b/target.md")
    }

    func testExplicitAndSlugAnchorsBothResolve() {
        XCTAssertEqual(resolve("../b/target.md#BKMK_Setup").targetAnchor, "BKMK_Setup")
        XCTAssertEqual(resolve("../b/target.md#set-up-the-site").status, .resolved)
        XCTAssertEqual(resolve("../b/target.md#ports").targetAnchor, "ports")
    }

    func testAnchorsMatchIgnoringCaseAndKeepTheTargetsSpelling() {
        let link = resolve("../b/target.md#bkmk_setup")
        XCTAssertEqual(link.status, .resolved)
        XCTAssertEqual(link.targetAnchor, "BKMK_Setup")
        XCTAssertEqual(resolve("../B/Target.md").targetPath, "docs/b/target.md")
    }

    func testAnchorOnlyLinksResolveWithinTheDocument() {
        let link = resolve("#local-heading")
        XCTAssertEqual(link.status, .resolved)
        XCTAssertEqual(link.targetPath, "docs/a/page.md")
        XCTAssertEqual(resolve("#missing").status, .danglingAnchor)
    }

    func testDanglingDocumentsAndAnchors() {
        XCTAssertEqual(resolve("../b/absent.md").status, .danglingDocument)
        XCTAssertEqual(resolve("../b/absent.md#x").status, .danglingDocument)
        let link = resolve("../b/target.md#no-such-anchor")
        XCTAssertEqual(link.status, .danglingAnchor)
        XCTAssertEqual(link.targetPath, "docs/b/target.md")
        XCTAssertEqual(link.targetAnchor, "no-such-anchor")
        XCTAssertEqual(resolve("").status, .danglingDocument)
    }

    func testExternalAssetsAndPathsOutsideTheSourceFolder() {
        for destination in ["https://example.com/a.md", "mailto:someone@example.com", "xref:Some.Type", "//cdn/x.md"] {
            XCTAssertEqual(resolve(destination).status, .external, destination)
        }
        XCTAssertEqual(resolve("../../../elsewhere/page.md").status, .external)
        XCTAssertEqual(resolve("media/diagram.png").status, .asset)
        XCTAssertEqual(resolve("/other-docset/page").status, .external)
    }

    func testPagePathsWithoutExtensionAndSiteAbsolutePaths() {
        XCTAssertEqual(resolve("../b/target").targetPath, "docs/b/target.md")
        XCTAssertEqual(resolve("../b/").targetPath, "docs/b/index.md")
        XCTAssertEqual(resolve("/site/docs/b/target#ports").targetAnchor, "ports")
        XCTAssertEqual(resolve("/SITE/docs/b/target.md").status, .resolved)
        XCTAssertEqual(resolve("/site/docs/b/absent").status, .danglingDocument)
    }

    func testPercentEncodingQueriesAndWhitespace() {
        let spaced = document("docs/a/my page.md")
        let resolver = LinkResolver(documents: [spaced, target])
        XCTAssertEqual(resolver.resolve("my%20page.md", text: "", line: 1, in: "docs/a/x.md").targetPath, "docs/a/my page.md")
        XCTAssertEqual(resolve("../b/target.md?view=latest#ports").targetAnchor, "ports")
        XCTAssertEqual(resolve("  ../b/target.md ").status, .resolved)
    }

    func testLinksOfADocumentComeWithLinesAndWarnings() throws {
        let page = document("docs/a/page.md", links: ["../b/target.md#BKMK_Setup", "gone.md", "../b/target.md#gone"])
        var withCell = page
        withCell.blocks.append(Block(.table(Table(
            header: TableRow(line: 20, cells: [[.text("Name")]]),
            rows: [TableRow(line: 22, cells: [[.text("see "), .softBreak, .link(destination: "https://x.example", title: "", content: [.text("x")])]])],
            alignments: [.none])), line: 20, endLine: 22))
        let (links, warnings) = LinkResolver(documents: [withCell, target]).links(of: withCell)
        XCTAssertEqual(links.map(\.line), [10, 11, 12, 23])
        XCTAssertEqual(links.map(\.status), [.resolved, .danglingDocument, .danglingAnchor, .external])
        XCTAssertEqual(warnings.map(\.description), [
            "docs/a/page.md:11: warning: dangling link: gone.md is not a document of the source folder",
            "docs/a/page.md:12: warning: dangling anchor: docs/b/target.md has no anchor #gone (link ../b/target.md#gone)",
        ])
    }

    private func including(_ path: String, _ includes: [String], anchors: [String] = []) -> Document {
        var document = self.document(path, headings: anchors.map { ([$0], $0.lowercased() + "-heading") })
        document.blocks += includes.enumerated().map { offset, include in
            Block(.include(Include(name: "part", path: include)), line: 30 + offset, endLine: 30 + offset)
        }
        return document
    }

    func testAnchorsOfIncludedFilesBelongToTheIncludingPage() {
        let page = including("docs/preview.md", ["includes/feature.md"])
        let feature = including("docs/includes/feature.md", ["../shared/detail.md"], anchors: ["bkmk_feature"])
        let detail = including("docs/shared/detail.md", ["../preview.md"], anchors: ["bkmk_detail"])  // a cycle
        let resolver = LinkResolver(documents: [page, feature, detail])
        XCTAssertEqual(resolver.resolve("preview.md#bkmk_feature", text: "", line: 1, in: "docs/x.md").status, .resolved)
        XCTAssertEqual(resolver.resolve("preview.md#BKMK_DETAIL", text: "", line: 1, in: "docs/x.md").targetAnchor, "bkmk_detail")
        XCTAssertEqual(resolver.resolve("includes/feature.md#bkmk_preview", text: "", line: 1, in: "docs/x.md").status,
                       .danglingAnchor)
    }

    /// Two notes of one preview article, each in its own include file: a
    /// `#anchor` in one names a heading of the other, and works once DocFX has
    /// pasted both into the article (as in the corpus's technical previews).
    func testAnAnchorLinkInAnIncludedFileResolvesOnThePagesIncludingIt() {
        let page = including("docs/preview.md", ["includes/one.md", "includes/two.md"])
        let one = including("docs/includes/one.md", [], anchors: ["bkmk_one"])
        let two = including("docs/includes/two.md", [], anchors: ["bkmk_two"])
        let alone = including("docs/includes/alone.md", [])
        let resolver = LinkResolver(documents: [page, one, two, alone])
        let link = resolver.resolve("#BKMK_two", text: "", line: 1, in: "docs/includes/one.md")
        XCTAssertEqual(link.status, .resolved)
        XCTAssertEqual(link.targetPath, "docs/preview.md")
        XCTAssertEqual(link.targetAnchor, "bkmk_two")
        XCTAssertEqual(resolver.resolve("#bkmk_one", text: "", line: 1, in: "docs/includes/one.md").targetPath,
                       "docs/includes/one.md", "its own anchor first")
        XCTAssertEqual(resolver.resolve("#bkmk_two", text: "", line: 1, in: "docs/includes/alone.md").status, .danglingAnchor,
                       "no page includes this file")
        XCTAssertEqual(resolver.resolve("two.md#bkmk_one", text: "", line: 1, in: "docs/includes/one.md").status, .danglingAnchor,
                       "a link naming a file means that file")
    }

    /// DocFX keeps the space between a heading's anchor and its text:
    /// `### <a name="bkmk_languages" /> Languages for reports` is published as
    /// `-languages-for-reports`, and authors link to that.
    func testTheHeadingIdentifierDocFXPublishesResolvesToo() {
        let parser = MarkdownParser()
        let reporting = parser.parse(Data("# Reporting\n\n### <a name=\"bkmk_languages\" /> Languages for reports\n".utf8),
                                     path: "reporting.md")
        let resolver = LinkResolver(documents: [reporting])
        for anchor in ["bkmk_languages", "languages-for-reports", "-languages-for-reports"] {
            XCTAssertEqual(resolver.resolve("reporting.md#" + anchor, text: "", line: 1, in: "x.md").status, .resolved, anchor)
        }
        XCTAssertEqual(resolver.resolve("reporting.md#--languages-for-reports", text: "", line: 1, in: "x.md").status,
                       .danglingAnchor)
    }

    func testSiteBasesAreLearnedFromLinksThatNameDocumentsOfTheSet() {
        let steps = document("osd/steps.md", headings: [(["BKMK_Step"], "step")])
        let links = document("core/page.md", links: ["/configmgr/osd/steps#bkmk_step", "/configmgr/osd/steps",
                                                     "/configmgr/osd/moved", "/windows/osd/steps", "/windows/other/page"])
        let resolver = LinkResolver.learningSiteBases(documents: [steps, links], sourceFolderName: "sccm")
        XCTAssertEqual(resolver.siteBasePaths, ["/sccm/", "/configmgr/"])
        XCTAssertEqual(resolver.links(of: links).links.map(\.status),
                       [.resolved, .resolved, .danglingDocument, .external, .external])
    }

    /// The byte-level helpers keep non-ASCII text whole and agree with the
    /// component-by-component reading of a path.
    func testSplittingAndNormalizingPaths() {
        XCTAssertEqual(LinkResolver.split("ü/b.md?view=x#Überblick").path, "ü/b.md")
        XCTAssertEqual(LinkResolver.split("ü/b.md?view=x#Überblick").anchor, "Überblick")
        XCTAssertEqual(LinkResolver.split("a?q#").anchor, "")
        XCTAssertNil(LinkResolver.split("a.md?x=#").path.first { $0 == "?" })
        XCTAssertEqual(LinkResolver.normalize("a/b/c.md"), "a/b/c.md")
        XCTAssertEqual(LinkResolver.normalize("a/./b//../ç.md"), "a/ç.md")
        XCTAssertEqual(LinkResolver.normalize("/a/b/"), "a/b")
        XCTAssertEqual(LinkResolver.normalize("a/.hidden/b"), "a/.hidden/b")
        XCTAssertEqual(LinkResolver.normalize("a/..b/c"), "a/..b/c")
        XCTAssertNil(LinkResolver.normalize("a/../../b"))
        XCTAssertEqual(LinkResolver.normalize(""), "")
        XCTAssertEqual(DocumentIndex.folder(of: "a/b/c.md"), "a/b/")
        XCTAssertEqual(DocumentIndex.folder(of: "c.md"), "")
        XCTAssertTrue(LinkResolver.hasScheme("xref:Foo"))
        XCTAssertFalse(LinkResolver.hasScheme("1http://x"))
        XCTAssertFalse(LinkResolver.hasScheme("é:x"))
        XCTAssertEqual(LinkResolver.percentDecoded("a%20b"), "a b")
        XCTAssertNil(LinkResolver.percentDecoded("a%zz"))
    }
}
