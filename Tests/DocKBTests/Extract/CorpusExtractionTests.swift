import XCTest
@testable import DocKB

/// Extraction over the whole corpus (../shared/corpus/sccm): no crash, every
/// table accounted for, and every table whose header names a component,
/// version, role, permission or port classified. Prints the figures.
final class CorpusExtractionTests: XCTestCase {
    func testCorpusExtraction() throws {
        let root = SeedExtractionTests.packageRoot.appendingPathComponent("../shared/corpus/sccm").standardizedFileURL
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw XCTSkip("../shared/corpus/sccm is not beside this checkout: corpus extraction test skipped")
        }
        let files = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" } ?? [])
            .map { String($0.standardizedFileURL.path.dropFirst(root.path.count + 1)) }.sorted()
        XCTAssertGreaterThan(files.count, 2000)

        // DOCKB_CORPUS_LISTING=FILE writes every document's fact listing there, for review.
        let listingPath = ProcessInfo.processInfo.environment["DOCKB_CORPUS_LISTING"]
        var listing = ""
        var totals = ExtractedFacts()
        var unclassifiedNamingEntities: [String] = []
        for path in files {
            let data = try Data(contentsOf: root.appendingPathComponent(path))
            let document = MarkdownParser().parse(data, path: path)
            let facts = FactExtractor().extract(document)
            XCTAssertEqual(facts.tables.count, document.tableCount, "\(path): every table is classified or marked unclassified")
            if listingPath != nil { listing += "== \(path)\n" + FactListing.render(facts) }
            totals.components += facts.components
            totals.siteSystemRoles += facts.siteSystemRoles
            totals.securityRoles += facts.securityRoles
            totals.permissions += facts.permissions
            totals.ports += facts.ports
            totals.installMethods += facts.installMethods
            totals.requirements += facts.requirements
            totals.tables += facts.tables
            for table in facts.tables where table.kind == nil && Self.namesAnEntity.matches(table.shape) {
                unclassifiedNamingEntities.append("\(path):\(table.line) \(table.shape)")
            }
        }
        if let listingPath { try listing.write(toFile: listingPath, atomically: true, encoding: .utf8) }
        let classified = totals.tables.filter { $0.kind != nil }.count
        print("""
            corpus extraction: \(files.count) documents, \(totals.tables.count) tables, \(classified) classified \
            (\(totals.tables.isEmpty ? 0 : classified * 100 / totals.tables.count)%)
            components \(totals.components.count), site system roles \(totals.siteSystemRoles.count), \
            security roles \(totals.securityRoles.count), permissions \(totals.permissions.count), \
            ports \(totals.ports.count), install methods \(totals.installMethods.count), \
            requirements \(totals.requirements.count)
            """)
        XCTAssertEqual(unclassifiedNamingEntities, [], "tables whose header names an entity must be classified")
    }

    static let namesAnEntity = Pattern(#"\b(?:components?|versions?|roles?|permissions?|ports?|tcp|udp)\b"#)
}

extension Document {
    /// Tables anywhere in the document, nested ones included.
    var tableCount: Int {
        func count(_ blocks: [Block]) -> Int {
            blocks.reduce(0) { sum, block in
                switch block.kind {
                case .table: return sum + 1
                case .list(let l): return sum + l.items.reduce(0) { $0 + count($1.blocks) }
                case .alert(let a): return sum + count(a.blocks)
                case .quote(let b): return sum + count(b)
                default: return sum
                }
            }
        }
        return count(blocks)
    }
}
