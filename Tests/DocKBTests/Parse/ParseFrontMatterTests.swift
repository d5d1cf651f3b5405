import XCTest
@testable import DocKB

final class ParseFrontMatterTests: XCTestCase {
    func testReadsScalarsListsAndNestedMaps() {
        let doc = ParseSupport.markdown("""
            ---
            title: Widget setup
            description: "How to set up widgets: the short version"
            ms.date: 06/01/2020
            author: someone
            ms.collection: [tier1, highpri]
            ms.custom:
              intent: install
              level: 2
            ---

            # Widget setup
            """)
        XCTAssertEqual(doc.frontMatter.title, "Widget setup")
        XCTAssertEqual(doc.frontMatter.description, "How to set up widgets: the short version")
        XCTAssertEqual(doc.frontMatter.msDate, "06/01/2020")
        XCTAssertEqual(doc.frontMatter.author, "someone")
        XCTAssertEqual(doc.frontMatter.fields["ms.collection"], "tier1, highpri")
        XCTAssertEqual(doc.frontMatter.fields["ms.custom.intent"], "install")
        XCTAssertEqual(doc.frontMatter.fields["ms.custom.level"], "2")
        XCTAssertEqual(doc.diagnostics, [])
        // Line numbers stay those of the file, front matter included.
        XCTAssertEqual(doc.sections.first?.line, 12)
        XCTAssertEqual(doc.blocks.count, 1, "front matter must not leak into the Markdown")
    }

    func testMalformedYAMLIsAWarningWithTheFileLineAndTheRestIsStillRead() {
        let doc = ParseSupport.markdown("""
            ---
            title: Still readable
            description: broken: mapping here
            ms.date: 01/02/2021
            ---
            # Body heading

            Body text.
            """, path: "bad/yaml.md")
        XCTAssertEqual(doc.diagnostics.count, 1)
        let warning = doc.diagnostics.first
        XCTAssertEqual(warning?.severity, .warning)
        XCTAssertEqual(warning?.location, SourceLocation(path: "bad/yaml.md", line: 3))
        XCTAssertTrue(warning?.message.contains("malformed YAML") ?? false, warning?.message ?? "")
        XCTAssertEqual(doc.frontMatter.title, "Still readable")
        XCTAssertEqual(doc.frontMatter.msDate, "01/02/2021")
        XCTAssertEqual(doc.sections.map(\.heading), ["Body heading"])
        XCTAssertEqual(doc.sections.first?.line, 6)
    }

    func testYAMLNestedTenThousandLevelsDeepIsAWarningNotACrash() {
        // Yams composes nodes recursively; this once overflowed the stack (found by the fuzz test).
        let blocks = "---\ntitle: Deep\nms.topic: how-to\nlist:\n" + String(repeating: "- ", count: 10_000) + "x\n---\n# Deep\n"
        let doc = ParseSupport.markdown(blocks)
        XCTAssertEqual(doc.frontMatter.title, "Deep")
        XCTAssertEqual(doc.frontMatter.fields["ms.topic"], "how-to")
        XCTAssertEqual(doc.diagnostics.map(\.location.line), [5])
        XCTAssertEqual(doc.diagnostics.first?.message,
                       "front matter nested deeper than 64 levels; only its simple `key: value` lines were read")
        XCTAssertEqual(doc.sections.first?.line, 7)

        let flow = ParseSupport.markdown("---\ntitle: Flow\nkeys: " + String(repeating: "[", count: 10_000) + "\n---\n")
        XCTAssertEqual(flow.frontMatter.title, "Flow")
        XCTAssertEqual(flow.diagnostics.map(\.location.line), [3])

        let mappings = (0..<5_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        let indented = ParseSupport.markdown("---\ntitle: Indented\n" + mappings + "\n---\n")
        XCTAssertEqual(indented.frontMatter.title, "Indented")
        XCTAssertEqual(indented.diagnostics.map(\.location.line), [66])
    }

    func testTheNestingBoundNeverUnderestimates() {
        XCTAssertNil(FrontMatterReader.firstLineNestedTooDeep("a:\n  b:\n    - c\n    - d: [e, {f: g}]\n"))
        let sixtyThree = (0..<63).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        XCTAssertNil(FrontMatterReader.firstLineNestedTooDeep(sixtyThree), "63 nested mappings, one column each")
        XCTAssertEqual(FrontMatterReader.firstLineNestedTooDeep(sixtyThree + "\n" + String(repeating: " ", count: 63) + "k: v"), 64)
        XCTAssertEqual(FrontMatterReader.firstLineNestedTooDeep("a: b\r\n" + String(repeating: "- ", count: 64)), 2)
        XCTAssertEqual(FrontMatterReader.firstLineNestedTooDeep("a: b\rc: " + String(repeating: "{", count: 64)), 2)
    }

    func testRepeatedKeyKeepsTheLastValueWithAWarning() {
        let doc = ParseSupport.markdown("---\ntitle: first\nauthor: a\ntitle: second\n---\ntext\n")
        XCTAssertEqual(doc.frontMatter.title, "second")
        XCTAssertEqual(doc.diagnostics.map(\.location.line), [4])
    }

    func testAbsentFrontMatter() {
        let doc = ParseSupport.markdown("# Only a heading\n\ntext\n")
        XCTAssertEqual(doc.frontMatter, FrontMatter())
        XCTAssertEqual(doc.diagnostics, [])
        XCTAssertEqual(doc.title, "Only a heading")
    }

    func testUnclosedFenceIsReadAsMarkdownWithAWarning() {
        let doc = ParseSupport.markdown("---\ntitle: never closed\n\nSome text.\n")
        XCTAssertEqual(doc.frontMatter.fields, [:])
        XCTAssertEqual(doc.diagnostics.map(\.location.line), [1])
        XCTAssertEqual(doc.blocks.first?.kind, .thematicBreak)
    }

    func testFrontMatterThatIsNotAMappingIsIgnoredWithAWarning() {
        let doc = ParseSupport.markdown("---\n- just\n- a list\n---\ntext\n")
        XCTAssertEqual(doc.frontMatter.fields, [:])
        XCTAssertEqual(doc.diagnostics.count, 1)
        XCTAssertEqual(doc.blocks.first?.line, 5)
    }

    func testEmptyFrontMatterAndDotsFence() {
        let empty = ParseSupport.markdown("---\n---\n# H\n")
        XCTAssertEqual(empty.frontMatter.fields, [:])
        XCTAssertEqual(empty.diagnostics, [])
        XCTAssertEqual(empty.sections.first?.line, 3)

        let dots = ParseSupport.markdown("---\ntitle: T\n...\n# H\n")
        XCTAssertEqual(dots.frontMatter.title, "T")
        XCTAssertEqual(dots.sections.first?.line, 4)
    }

    func testFileNameIsTheTitleOfLastResort() {
        XCTAssertEqual(ParseSupport.markdown("text", path: "a/b/c.md").title, "c.md")
        XCTAssertEqual(ParseSupport.markdown("---\ntitle: From YAML\n---\n## Not level one\n").title, "From YAML")
    }
}
