import Foundation
import XCTest
@testable import DocKB

/// The seed article, parsed from ../shared/seed (skipped when that folder is absent).
final class ParseSeedDocumentTests: XCTestCase {
    private func seed() throws -> Document {
        let url = try ParseSupport.sharedFolder("seed/prerequisites-for-deploying-clients-to-windows-computers.md")
        return MarkdownParser().parse(try Data(contentsOf: url),
                                      path: "core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md")
    }

    func testFrontMatterAndTitle() throws {
        let doc = try seed()
        XCTAssertEqual(doc.diagnostics, [])
        XCTAssertEqual(doc.frontMatter.title, "Windows client deployment prerequisites")
        XCTAssertEqual(doc.frontMatter.msDate, "06/01/2020")
        XCTAssertEqual(doc.frontMatter.author, "aczechowski")
        XCTAssertEqual(doc.title, "Prerequisites for deploying clients to Windows computers in Configuration Manager")
        XCTAssertEqual(doc.sha256.count, 64)
    }

    func testSectionTreeAndAnchors() throws {
        let doc = try seed()
        XCTAssertEqual(doc.sections.count, 22)
        XCTAssertEqual(doc.sections.filter { $0.level == 1 }.count, 1)

        func section(_ anchor: String) throws -> Section {
            try XCTUnwrap(doc.sections.first { $0.anchors.contains(anchor) }, "no section for #\(anchor)")
        }
        let windows = try section("BKMK_prereqs_computers")
        XCTAssertEqual(windows.line, 26)
        XCTAssertEqual(windows.level, 2)
        XCTAssertEqual(windows.heading, "Prerequisites for Windows clients")
        XCTAssertEqual(windows.slug, "prerequisites-for-windows-clients")
        XCTAssertEqual(windows.parent, 0)

        let sha2 = try section("bkmk_sha2")
        XCTAssertEqual(try section("sha-2-code-signing-support"), sha2)
        XCTAssertEqual(sha2.line, 42)
        XCTAssertEqual(doc.ancestry(of: sha2).map(\.heading), [
            "Prerequisites for deploying clients to Windows computers in Configuration Manager",
            "Prerequisites for Windows clients", "Dependencies external to Configuration Manager",
            "SHA-2 code signing support"])

        let dotNet = try section("dotNet")
        XCTAssertEqual(dotNet.line, 75)
        XCTAssertEqual(dotNet.slug, "additional-details-about-microsoft-net-framework-version-452")
        XCTAssertEqual(doc.sections[dotNet.parent!].explicitAnchors, ["bkmk_ExternalDependencies"])

        let mobile = try section("BKMK_prereqs_mobiledevices")
        XCTAssertEqual(mobile.line, 188)
        // Repeated headings under the mobile section get DocFX's numbered slugs.
        XCTAssertEqual(doc.sections.filter { $0.parent == mobile.index }.map(\.slug), [
            "dependencies-external-to-configuration-manager-1", "configuration-manager-dependencies-1",
            "firewall-requirements-1"])

        let methods = try section("installation-method-dependencies")
        XCTAssertEqual(doc.sections.filter { $0.parent == methods.index }.count, 9)
        XCTAssertTrue(doc.anchors.isSuperset(of: ["BKMK_prereqs_computers", "bkmk_sha2", "dotNet", "bkmk_sha2",
                                                  "client-push-installation", "firewall-requirements"]))
    }

    func testTablesAlertsCommentsAndLinks() throws {
        let doc = try seed()
        let found = ParseSupport.tables(in: doc)
        XCTAssertEqual(found.count, 3)
        XCTAssertTrue(found.allSatisfy { $0.headerNames == ["component", "description"] })
        XCTAssertEqual(found.map(\.header.line), [34, 66, 94])
        XCTAssertEqual(found[0].rows.count, 5)
        XCTAssertEqual(found[0].rows.last?.line, 40)
        XCTAssertTrue(found[1].rows.contains { $0.cells[0].codeTexts == ["msxml6.msi"] })

        XCTAssertEqual(ParseSupport.alerts(in: doc).map(\.kind), [.note, .tip, .note])
        XCTAssertTrue(doc.blocks.contains(Block(.html("<!--SCCMDocs-pr#3404-->"), line: 44, endLine: 44)))

        var links: [String] = []
        doc.forEachInlines { inlines, _ in
            inlines.walk { if case .link(let destination, _, _) = $0 { links.append(destination) } }
        }
        XCTAssertTrue(links.contains("#bkmk_sha2"))
        XCTAssertTrue(links.contains("windows-firewall-and-port-settings-for-clients.md"))
        XCTAssertTrue(links.contains("../manage/upgrade/upgrade-clients-for-windows-computers.md#bkmk_autoupdate"))
    }
}
