import XCTest
@testable import DocKB

/// `HTMLSerializer` must write exactly what libxml2's HTML serializer
/// writes: the site's bytes (and the committed site-output) depend on it.
/// libxml2 itself is the reference here, on trees made to hit each of its
/// rules and on every page of a real build.
final class HTMLSerializerTests: XCTestCase {
    private func assertBothSerializersAgree(_ tree: MarkupTree, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let ours = String(decoding: tree.serialized(), as: UTF8.self)
        let libxml2 = String(decoding: tree.serializedByLibxml2(), as: UTF8.self)
        XCTAssertEqual(ours, libxml2, message, file: file, line: line)
    }

    func testEscapingAndQuotingMatchLibxml2() {
        let (tree, root) = MarkupTree.htmlPage()
        let head = root.element("head")
        head.element("meta", ["charset": "UTF-8"])
        head.element("title", text: "a < b & c > d")
        head.element("script", ["src": "x.js", "defer": "defer"])
        head.element("script", text: "if (a < b && c > d) { s = \"</p>\" }")
        head.element("style", text: "p > a { content: '&' }")
        let body = root.element("body")
        let printable = String((0x20..<0x7F).map { Character(Unicode.Scalar($0)!) })
        // URIs: leading blanks go, reserved and non-ASCII bytes are %-escaped.
        body.element("a", ["href": " \t" + printable + "é\u{2028}", "title": printable, "name": " x y é"], text: "link")
        body.element("div", ["name": " x y é", "src": "\t a b", "action": "ü?q=1&r=2"])
        // Quoting: double, single when the value holds only `"`, `&quot;` when it holds both.
        body.element("span", ["data-a": "say \"hi\"", "data-b": "it's \"x\"", "data-c": "", "data-d": "it's"])
        // libxml2 keeps `<!-- -->` and `&{ }` in attribute values, not in text.
        body.element("span", ["data-e": "a<!-- b -->c &{x}y &amp; <!-- open", "data-f": "&{ no close"], text: "&{x} <!-- y -->")
        body.element("p", text: "tab\tCR\r\nLF, DEL \u{7F}, é, \u{2028}, \u{1F600}")
        // Void, childless and unknown elements, and boolean attributes with and without values.
        for name in ["br", "hr", "img", "input", "col", "wbr", "li", "p", "td", "div", "span", "nav", "section", "x-custom", "blockquote", "figcaption"] {
            body.element(name, ["checked": "", "disabled": "disabled"])
        }
        body.comment("a comment -- with dashes")
        assertBothSerializersAgree(tree)
    }

    func testLineBreaksBetweenBlocksMatchLibxml2() {
        let (tree, root) = MarkupTree.htmlPage()
        let body = root.element("body")
        let list = body.element("ul")
        list.element("li", text: "one")
        list.element("li") { item in
            item.element("p", text: "para")
            item.element("ul") { $0.element("li", text: "nested") }
        }
        body.element("p") { p in
            p.text("text then ")
            p.element("code", text: "code")
            p.element("div", text: "block in p")
            p.element("div", text: "another")
        }
        body.element("pre") { $0.element("code", text: "line 1\n  line 2\n") }
        body.element("table") { table in
            table.element("thead") { $0.element("tr") { $0.element("th", text: "h") } }
            table.element("tbody") { body in
                body.element("tr") { row in
                    row.element("td", text: "a")
                    row.element("td") { $0.element("div"); $0.element("div") }
                }
            }
        }
        body.element("div") { div in
            div.element("span", text: "inline")
            div.element("div", text: "block")
            div.text("tail")
            div.element("section")
        }
        body.element("nav") { $0.element("div"); $0.element("div") }
        assertBothSerializersAgree(tree)
    }

    func testDeepNestingIsWrittenWithoutRecursion() {
        let (tree, root) = MarkupTree.htmlPage()
        var current = root.element("body")
        for depth in 0..<5_000 { current = current.element(depth.isMultiple(of: 2) ? "div" : "span") }
        current.text("bottom")
        assertBothSerializersAgree(tree)
    }

    /// A processing instruction is a node the serializer does not know: the
    /// page is then written by libxml2, and still the same.
    func testUnknownNodesFallBackToLibxml2() throws {
        let tree = try XCTUnwrap(MarkupTree.parsingPage(Data("<!DOCTYPE html><html><body><?php echo 1 ?><p>x</p></body></html>".utf8)))
        assertBothSerializersAgree(tree)
        XCTAssertTrue(String(decoding: tree.serialized(), as: UTF8.self).contains("<?php"))
    }

    /// Every page of a build of the fixture set (hostile article included),
    /// read back and written both ways.
    func testEveryRenderedPageMatchesLibxml2() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dockb-serializer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try RenderFixture().render(into: folder)
        let pages = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") }
        XCTAssertGreaterThan(pages.count, 10)
        for page in pages {
            let data = try Data(contentsOf: folder.appendingPathComponent(page))
            let tree = try XCTUnwrap(MarkupTree.parsingPage(data), page)
            assertBothSerializersAgree(tree, page)
        }
    }
}
