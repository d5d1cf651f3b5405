import XCTest
@testable import DocKB

final class ParseHeadingTests: XCTestCase {
    func testSectionTreeParentsAndBlockRanges() {
        let doc = ParseSupport.markdown("""
            Preamble.

            # A

            a text

            ## B
            ### C
            c text

            c more
            ## D
            #### E
            # F
            """)
        XCTAssertEqual(doc.sections.map(\.heading), ["A", "B", "C", "D", "E", "F"])
        XCTAssertEqual(doc.sections.map(\.level), [1, 2, 3, 2, 4, 1])
        XCTAssertEqual(doc.sections.map(\.parent), [nil, 0, 1, 0, 3, nil])
        XCTAssertEqual(doc.sections.map(\.index), [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(doc.sections.map(\.line), [3, 7, 8, 12, 13, 14])
        XCTAssertEqual(doc.preamble.count, 1)
        XCTAssertEqual(doc.sections[2].blockRange, 5..<7)
        XCTAssertEqual(doc.blocks(of: doc.sections[2]).map(\.line), [9, 11])
        XCTAssertEqual(doc.sections[4].blockRange, 9..<9)
        XCTAssertEqual(doc.sections[5].blockRange, 10..<10)
        XCTAssertEqual(doc.ancestry(of: doc.sections[4]).map(\.heading), ["A", "D", "E"])
        XCTAssertEqual(doc.section(containing: 10)?.heading, "C")
    }

    func testExplicitAnchorsAreSeparatedFromTheTextAndTheSlug() {
        let doc = ParseSupport.markdown("""
            ## <a name="BKMK_prereqs"></a> Prerequisites for clients
            ### <a id="second"></a>Second <a name="third" /> heading
            #### Plain `code` and [link](x.md) and **bold**
            """)
        let s = doc.sections
        XCTAssertEqual(s[0].explicitAnchors, ["BKMK_prereqs"])
        XCTAssertEqual(s[0].heading, "Prerequisites for clients")
        XCTAssertEqual(s[0].slug, "prerequisites-for-clients")
        XCTAssertEqual(s[0].anchor, "BKMK_prereqs")
        XCTAssertEqual(s[0].anchors, ["BKMK_prereqs", "prerequisites-for-clients"])
        XCTAssertEqual(s[1].explicitAnchors, ["second", "third"])
        XCTAssertEqual(s[1].heading, "Second heading")
        XCTAssertEqual(s[1].slug, "second--heading")
        XCTAssertEqual(s[2].explicitAnchors, [])
        XCTAssertEqual(s[2].slug, "plain-code-and-link-and-bold")
        XCTAssertEqual(doc.anchors, ["BKMK_prereqs", "prerequisites-for-clients", "second", "third",
                                     "second--heading", "plain-code-and-link-and-bold"])
    }

    func testDuplicateHeadingsGetNumberedSlugsAsMarkdigDoes() {
        let doc = ParseSupport.markdown("""
            ## Overview
            ## Overview
            ## Overview 1
            ## Overview

            - ### Overview
            """)
        XCTAssertEqual(doc.sections.map(\.slug), ["overview", "overview-1", "overview-1-1", "overview-2"])
        // Headings nested in lists are not sections but still take their identifier.
        XCTAssertEqual(ParseSupport.headings(in: doc).map(\.slug).last, "overview-3")
    }

    func testRepeatedHeadingsTakeTheFirstFreeSuffix() {
        var slugger = HeadingSlugger()
        let slugs = ["Same", "Same 2", "Same", "Same", "Same 1", "Same"].map { slugger.uniqueSlug(for: [.text($0)]) }
        // "Same 2" took same-2 before the third "Same" needed it; "Same 1" finds same-1 taken.
        XCTAssertEqual(slugs, ["same", "same-2", "same-1", "same-3", "same-1-1", "same-4"])
    }

    func testSlugRules() {
        XCTAssertEqual(HeadingSlugger.slug("SHA-2 code signing support"), "sha-2-code-signing-support")
        // DocFX's own reference case: runs are kept, punctuation dropped, `_` kept.
        XCTAssertEqual(HeadingSlugger.slug("This - is a &@! heading _ with . and ! -"),
                       "this---is-a--heading-_-with--and---")
        XCTAssertEqual(HeadingSlugger.slug("Microsoft .NET Framework version 4.5.2"),
                       "microsoft-net-framework-version-452")
        XCTAssertEqual(HeadingSlugger.slug("Software distribution-based installation (for upgrades only)"),
                       "software-distribution-based-installation-for-upgrades-only")
        XCTAssertEqual(HeadingSlugger.slug("Übersicht für Clients"), "übersicht-für-clients")
        XCTAssertEqual(HeadingSlugger.slug("Rocket 🚀 launch"), "rocket--launch")
        XCTAssertEqual(HeadingSlugger.slug("!!!"), "section")
        XCTAssertEqual(HeadingSlugger.slug("  padded  "), "padded")
    }

    /// ASCII headings take a byte path, others the scalar one: both must give
    /// one slug, so a heading with one accented letter differs only by it.
    func testTheASCIIPathAndTheScalarPathAgree() {
        let ascii = (32..<127).map { String(UnicodeScalar(UInt8($0))) }.joined()
        XCTAssertEqual(HeadingSlugger.slug(ascii + " é"), String(HeadingSlugger.slug(ascii + " e").dropLast()) + "é")
        XCTAssertEqual(HeadingSlugger.slug(" \tTabs\tand_Underscores-2 ", trimming: false), "-tabsand_underscores-2-")
        XCTAssertEqual(HeadingSlugger.slug(" \tTabs é ", trimming: false), "-tabs-é-")
    }

    func testHeadingTextDropsCommentsAndEmptyHeadingsGetSection() {
        let doc = ParseSupport.markdown("## Name <!-- 123 -->\n\n##\n\nSetext title\n============\n")
        XCTAssertEqual(doc.sections.map(\.heading), ["Name", "", "Setext title"])
        XCTAssertEqual(doc.sections.map(\.slug), ["name", "section", "setext-title"])
        XCTAssertEqual(doc.sections.map(\.level), [2, 2, 1])
        XCTAssertEqual(doc.sections.last?.line, 5)
        XCTAssertEqual(doc.title, "Setext title")
    }

    func testAnchorsOutsideHeadingsAreExtraAnchors() {
        let doc = ParseSupport.markdown("<a name=\"loose\"></a>\n\nText with <a id=\"inline\"></a> anchor.\n")
        XCTAssertEqual(Set(doc.extraAnchors), ["loose", "inline"])
        XCTAssertTrue(doc.anchors.isSuperset(of: ["loose", "inline"]))
    }
}
