import XCTest
@testable import DocKB

/// The 59 earlier versions of the seed article: older heading styles, `|||`
/// header rows and installation methods written as list items must still give
/// the same kinds of facts.
final class RevisionExtractionTests: XCTestCase {
    func testEveryRevisionYieldsMethodsComponentsAndRoles() throws {
        let folder = SeedExtractionTests.packageRoot
            .appendingPathComponent("../shared/revisions/prerequisites-for-deploying-clients-to-windows-computers").standardizedFileURL
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".md") }).sorted(),
              !names.isEmpty else {
            throw XCTSkip("../shared/revisions is not beside this checkout: revision extraction test skipped")
        }
        XCTAssertEqual(names.count, 59)
        var listing = ""
        for name in names {
            let document = MarkdownParser().parse(try Data(contentsOf: folder.appendingPathComponent(name)), path: name)
            let facts = FactExtractor().extract(document)
            listing += "\(name): methods \(facts.installMethods.count), components \(facts.components.count), "
                + "roles \(facts.siteSystemRoles.count), permissions \(facts.permissions.count), "
                + "requirements \(facts.requirements.count)\n"
            XCTAssertGreaterThanOrEqual(facts.installMethods.count, 7, "\(name): installation methods")
            XCTAssertGreaterThanOrEqual(facts.components.count, 6, "\(name): components")
            XCTAssertGreaterThanOrEqual(Set(facts.siteSystemRoles.map(\.name)).count, 3, "\(name): site system roles")
            XCTAssertGreaterThanOrEqual(facts.permissions.count, 4, "\(name): permissions")
            XCTAssertTrue(facts.components.contains { $0.name == "Windows Installer" }, "\(name): Windows Installer")
        }
        print(listing)
    }
}
