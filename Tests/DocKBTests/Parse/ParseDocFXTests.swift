import XCTest
@testable import DocKB

final class ParseDocFXTests: XCTestCase {
    func testEveryAlertKindInAnyLetterCase() {
        let doc = ParseSupport.markdown("""
            > [!NOTE]
            > Upper.

            > [!Tip]  
            > Mixed, with a hard break after the marker.

            > [!important]
            > Lower.

            > [!CaUtIoN] Same line.

            > [!Warning]
            > First paragraph.
            >
            > Second paragraph.
            """)
        let found = ParseSupport.alerts(in: doc)
        XCTAssertEqual(found.map(\.kind), [.note, .tip, .important, .caution, .warning])
        XCTAssertEqual(found[0].blocks, [Block(.paragraph([.text("Upper.")]), line: 2, endLine: 2)])
        XCTAssertEqual(found[1].blocks.first?.kind, .paragraph([.text("Mixed, with a hard break after the marker.")]))
        XCTAssertEqual(found[2].blocks.first?.kind, .paragraph([.text("Lower.")]))
        XCTAssertEqual(found[3].blocks.first?.kind, .paragraph([.text("Same line.")]))
        XCTAssertEqual(found[3].blocks.first?.line, 10)
        XCTAssertEqual(found[4].blocks.map(\.line), [13, 15])
        XCTAssertEqual(doc.blocks.map(\.line), [1, 4, 7, 10, 12])
    }

    func testOtherQuotesStayQuotes() {
        let doc = ParseSupport.markdown("""
            > [!div class="nextstepaction"]
            > [Next](next.md)

            > Plain quote.

            > [!NOTEWORTHY] not an alert

            > [!NOTE]
            """)
        XCTAssertEqual(doc.blocks.count, 4)
        guard case .quote(let div) = doc.blocks[0].kind else { return XCTFail("div block must stay a quote") }
        XCTAssertEqual(div.first?.kind, .paragraph([.text("[!div class=\"nextstepaction\"]"), .softBreak,
                                                   .link(destination: "next.md", title: "", content: [.text("Next")])]))
        guard case .quote = doc.blocks[1].kind, case .quote = doc.blocks[2].kind else { return XCTFail("plain quotes") }
        XCTAssertEqual(doc.blocks[3].kind, .alert(Alert(kind: .note, blocks: [])))
    }

    func testIncludesStandingAloneBecomeIncludeBlocks() {
        let doc = ParseSupport.markdown("""
            [!INCLUDE [Pilot definition](includes/define-pilot.md)]

            [!include[lower](../includes/lower.md)]

            See [!INCLUDE [inline](includes/inline.md)] in a sentence.

            - [!INCLUDE [in a list](includes/list.md)]
            """)
        XCTAssertEqual(doc.blocks[0].kind, .include(Include(name: "Pilot definition", path: "includes/define-pilot.md")))
        XCTAssertEqual(doc.blocks[0].line, 1)
        XCTAssertEqual(doc.blocks[1].kind, .include(Include(name: "lower", path: "../includes/lower.md")))
        guard case .paragraph = doc.blocks[2].kind else { return XCTFail("an include inside a sentence stays text") }
        let nested = ParseSupport.allBlocks(doc.blocks).compactMap { if case .include(let i) = $0.kind { i } else { nil } }
        XCTAssertEqual(nested.last?.path, "includes/list.md")
    }

    func testIncludeLinesSplitTheParagraphTheyStandIn() {
        let doc = ParseSupport.markdown("""
            [!INCLUDE [First](includes/1.md)]
            [!INCLUDE [Second](includes/2.md)]
            Text line one
            text line two
            [!include+[Third](includes/3.md)]  
            Closing text

            > [!NOTE]
            > [!INCLUDE [In a note](includes/note.md)]
            """)
        XCTAssertEqual(doc.blocks.map(\.line), [1, 2, 3, 5, 6, 8])
        XCTAssertEqual(doc.blocks[0].kind, .include(Include(name: "First", path: "includes/1.md")))
        XCTAssertEqual(doc.blocks[1].kind, .include(Include(name: "Second", path: "includes/2.md")))
        XCTAssertEqual(doc.blocks[2].kind, .paragraph([.text("Text line one"), .softBreak, .text("text line two")]))
        XCTAssertEqual(doc.blocks[2].endLine, 4)
        XCTAssertEqual(doc.blocks[3].kind, .include(Include(name: "Third", path: "includes/3.md")))
        XCTAssertEqual(doc.blocks[4].kind, .paragraph([.text("Closing text")]))
        XCTAssertEqual(doc.blocks[5].kind, .alert(Alert(kind: .note, blocks: [
            Block(.include(Include(name: "In a note", path: "includes/note.md")), line: 9, endLine: 9)])))
    }

    func testCommentsAreKeptAsHTML() {
        let doc = ParseSupport.markdown("""
            <!--SCCMDocs-pr#3404-->

            Text with a tracking id.<!-- 4963362 -->

            - Item<!--1358204-->
            """)
        XCTAssertEqual(doc.blocks[0].kind, .html("<!--SCCMDocs-pr#3404-->"))
        XCTAssertEqual(doc.blocks[1].kind, .paragraph([.text("Text with a tracking id."), .html("<!-- 4963362 -->")]))
        guard case .list(let list) = doc.blocks[2].kind else { return XCTFail("expected a list") }
        XCTAssertEqual(list.items[0].leadContent.last, .html("<!--1358204-->"))
        XCTAssertEqual(list.items[0].leadContent.plainText, "Item")
    }

    func testLinksBoldAndCodeSpans() throws {
        let doc = ParseSupport.markdown("""
            Grant **Modify Resource** on the **Collection** object. Run `ccmsetup.exe /source:<path>`.
            See [firewall ports](../../plan-design/ports.md#BKMK_client "Ports") and <https://example.com/a>,
            also https://example.org/bare and ~~old~~ but ~not struck~.
            ![diagram](media/d.png)
            """)
        guard case .paragraph(let content) = try XCTUnwrap(doc.blocks.first).kind else { return XCTFail("paragraph") }
        XCTAssertEqual(content.strongTexts, ["Modify Resource", "Collection"])
        XCTAssertEqual(content.codeTexts, ["ccmsetup.exe /source:<path>"])
        var links: [String] = []
        content.walk { if case .link(let destination, _, _) = $0 { links.append(destination) } }
        XCTAssertEqual(links, ["../../plan-design/ports.md#BKMK_client", "https://example.com/a", "https://example.org/bare"])
        XCTAssertTrue(content.contains(.link(destination: "../../plan-design/ports.md#BKMK_client", title: "Ports",
                                             content: [.text("firewall ports")])))
        XCTAssertTrue(content.contains(.strikethrough([.text("old")])))
        XCTAssertTrue(content.plainText.contains("~not struck~"), "DocFX reads single tildes as subscript, not strikethrough")
        XCTAssertTrue(content.contains(.image(source: "media/d.png", title: "", alt: "diagram")))
    }

    func testBundledFixtureCoversTheFeaturesTogether() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "docfx-sample", withExtension: "md",
                                                  subdirectory: "Fixtures/parse"))
        let doc = MarkdownParser().parse(try Data(contentsOf: url), path: "parse/docfx-sample.md")
        XCTAssertEqual(doc.diagnostics, [])
        XCTAssertEqual(doc.frontMatter.title, "Sample article")
        XCTAssertEqual(doc.sections.map(\.anchor), ["sample-article", "bkmk_first", "dependencies", "bkmk_ports"])
        XCTAssertEqual(doc.sections.map(\.parent), [nil, 0, 1, 0])
        XCTAssertEqual(ParseSupport.tables(in: doc).count, 2)
        XCTAssertEqual(ParseSupport.alerts(in: doc).map(\.kind), [.note, .important])
        XCTAssertTrue(ParseSupport.allBlocks(doc.blocks).contains { if case .include = $0.kind { true } else { false } })
    }
}
