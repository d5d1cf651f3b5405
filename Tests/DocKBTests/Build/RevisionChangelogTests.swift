import XCTest
@testable import DocKB

/// The changelog between successive revisions of the seed article, checked
/// against what a reader sees in a diff of the two files.
final class RevisionChangelogTests: XCTestCase {
    static let folder = SeedExtractionTests.packageRoot
        .appendingPathComponent("../shared/revisions/prerequisites-for-deploying-clients-to-windows-computers").standardizedFileURL

    func facts(_ prefix: String) throws -> ExtractedFacts {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path),
              let name = names.first(where: { $0.hasPrefix(prefix + "_") }) else {
            throw XCTSkip("../shared/revisions is not beside this checkout: changelog test skipped")
        }
        // Every revision is the same document at the same path.
        let document = MarkdownParser().parse(try Data(contentsOf: Self.folder.appendingPathComponent(name)), path: "doc.md")
        return FactExtractor().extract(document)
    }

    func changes(_ from: String, _ to: String) throws -> [String] {
        FactDiff.compare(old: [try facts(from)], new: [try facts(to)]).map(\.description)
    }

    func seedFacts() throws -> ExtractedFacts {
        let url = SeedExtractionTests.packageRoot.appendingPathComponent("../shared/seed/prerequisites-for-deploying-clients-to-windows-computers.md")
        guard let data = try? Data(contentsOf: url) else { throw XCTSkip("../shared/seed is not beside this checkout") }
        return FactExtractor().extract(MarkdownParser().parse(data, path: "doc.md"))
    }

    /// Revision 23 adds a row to the first dependency table.
    func testComponentAdded() throws {
        let c = try changes("22", "23")  // outside the assertion, so a missing ../shared skips
        XCTAssertTrue(c.contains("component Microsoft Intune PC software client added"))
    }

    /// Revision 31 adds the Intune MDM method heading with its list.
    func testInstallationMethodAdded() throws {
        let c = try changes("30", "31")
        XCTAssertTrue(c.contains("install_method Microsoft Intune MDM installation added"))
        XCTAssertFalse(c.contains { $0.hasPrefix("install_method") && $0.hasSuffix("removed") })
    }

    /// Revision 44 drops the Silverlight row.
    func testComponentRemoved() throws {
        let c = try changes("43", "44")
        XCTAssertTrue(c.contains("component Microsoft Silverlight removed"))
    }

    /// Revisions 40 and 41 raise the SQL Server Compact version twice.
    func testMinimumVersionRaised() throws {
        let first = try changes("39", "40"), second = try changes("40", "41")
        XCTAssertEqual(first.filter { $0.contains("min_version") },
                       ["component Microsoft SQL Server Compact min_version 3.5 SP2 → 4.0"])
        XCTAssertEqual(second.filter { $0.contains("min_version") },
                       ["component Microsoft SQL Server Compact min_version 4.0 → 4.0 SP1"])
    }

    /// Revision 36 rewrites the Intune MDM internet-access sentence.
    func testRequirementReworded() throws {
        let c = FactDiff.compare(old: [try facts("35")], new: [try facts("36")])
        let reworded = c.filter { $0.entityName == "Microsoft Intune MDM installation" && $0.field == "text" }
        XCTAssertEqual(reworded.count, 1)
        XCTAssertEqual(reworded.first?.kind, .changed)
        XCTAssertFalse(c.contains { $0.entityName == "Microsoft Intune MDM installation" && $0.kind != .changed })
    }

    /// The seed drops the Windows Installer version the revisions gave.
    func testMinimumVersionDroppedInTheSeed() throws {
        let c = FactDiff.compare(old: [try facts("59")], new: [try seedFacts()]).map(\.description)
        XCTAssertTrue(c.contains("component Windows Installer min_version 3.1.4000.2435 → (none)"), "\(c)")
    }
}
