import Foundation
import XCTest
@testable import DocKB

/// The quality report of `QualityFixture`, built through the real pipeline:
/// each planted problem is found where it was planted, and nothing else is.
final class QualityReportTests: XCTestCase {
    private typealias Place = QualityReport.Place

    private func report() throws -> QualityReport {
        let output = try QualityFixture.build(for: self)
        return try QualityReport.load(databasePath: output.appendingPathComponent("kb.sqlite").path)
    }

    func testDifferentMinimumVersionsInTwoDocumentsAreAConflict() throws {
        let conflicts = try report().conflicts(of: .componentVersion)
        XCTAssertEqual(conflicts.map(\.subject), ["Microsoft .NET Framework"],
                       "only .NET differs; the imaging APIs have one version everywhere")
        let statements = try XCTUnwrap(conflicts.first).statements
        XCTAssertEqual(statements.map(\.value), ["4.5.2", "4.6.2"])
        XCTAssertEqual(statements.map(\.place), [Place(path: QualityFixture.windows, line: 10, anchor: "dependencies-external-to-the-product"),
                                                 Place(path: QualityFixture.upgrade, line: 7, anchor: "dependencies-external-to-the-product")])
    }

    func testAPortGivenAsTCPInOneDocumentAndUDPInAnotherIsAConflict() throws {
        let conflicts = try report().conflicts(of: .portTransport)
        XCTAssertEqual(conflicts.map(\.subject), ["port 4011"],
                       "135 and 445 are stated with both transports by one document, which agrees with either")
        let statements = try XCTUnwrap(conflicts.first).statements
        XCTAssertEqual(statements.map(\.value), ["TCP", "UDP"])
        XCTAssertEqual(statements.map(\.place.description), ["\(QualityFixture.clientPorts):9", "\(QualityFixture.serverPorts):8"])
        XCTAssertTrue(statements[0].text.hasPrefix("Boot Information Negotiation Layer"), statements[0].text)
    }

    func testOneDocumentRepeatingAValueIsOneStatement() {
        func claim(_ value: String, _ path: String, _ line: Int) -> QualityConflict.Claim {
            QualityConflict.Claim(subjectKey: "67", subject: "port 67", value: value,
                                  place: Place(path: path, line: line), text: "DHCP")
        }
        let found = QualityConflict.conflicts(.portTransport, [claim("UDP", "a.md", 5), claim("TCP", "b.md", 9),
                                                               claim("UDP", "a.md", 2), claim("TCP", "c.md", 1)],
                                              valueKey: { $0 })
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.statements.map { "\($0.value) \($0.place) +\($0.repeats)" },
                       ["TCP b.md:9 +0", "TCP c.md:1 +0", "UDP a.md:2 +1"])
        // Within one document different values are no conflict.
        XCTAssertEqual(QualityConflict.conflicts(.portTransport, [claim("UDP", "a.md", 1), claim("TCP", "a.md", 2)],
                                                 valueKey: { $0 }), [])
    }

    func testTablesPerShapeSayWhatEachShapeWasClassifiedAs() throws {
        let shapes = try report().tableShapes
        XCTAssertEqual(shapes.map(\.shape), ["component|description", "description|udp|tcp", "colour|shade"])
        XCTAssertEqual(shapes.map(\.count), [2, 2, 1])
        XCTAssertEqual(shapes[0].kinds, [QualityReport.KindCount(kind: "components", count: 2)])
        XCTAssertEqual(shapes[1].kinds, [QualityReport.KindCount(kind: "ports", count: 2)])
        XCTAssertEqual(shapes[2].kinds, [])
        XCTAssertEqual(shapes[2].unclassified, 1)
        XCTAssertEqual(shapes[2].example.description, "\(QualityFixture.upgrade):10")
        XCTAssertEqual(shapes[0].example.description, "\(QualityFixture.upgrade):5", "the first table in document order")
    }

    func testFactsPerTypeCountRowsAndDocuments() throws {
        let facts = Dictionary(uniqueKeysWithValues: try report().facts.map { ($0.table, $0) })
        XCTAssertEqual(facts["components"]?.count, 4)
        XCTAssertEqual(facts["components"]?.documents, 2)
        XCTAssertEqual(facts["ports"]?.count, 8, "135 twice, 445, 4011 in one table; 135, 4011, 445 twice in the other")
        XCTAssertEqual(facts["ports"]?.documents, 2)
        XCTAssertEqual(facts["permissions"]?.count, 0)
    }

    func testDanglingLinksAreListedApartFromTheOtherWarnings() throws {
        let report = try report()
        XCTAssertEqual(report.danglingLinks.map { "\($0.place) \($0.status.rawValue) \($0.destination)" }, [
            "\(QualityFixture.upgrade):14 dangling-anchor windows-prerequisites.md#no-such-section",
            "\(QualityFixture.windows):13 dangling-document old-guide.md",
        ])
        XCTAssertEqual(report.danglingLinks.first?.targetPath, QualityFixture.windows)
        XCTAssertEqual(report.documentsWithWarnings.map(\.path), [QualityFixture.upgrade])
        let warnings = try XCTUnwrap(report.documentsWithWarnings.first).warnings
        XCTAssertEqual(warnings.map(\.line), [10], "the unclassified table, and not the dangling anchor: \(warnings)")
        XCTAssertTrue(warnings[0].message.contains("not classified"), warnings[0].message)
    }

    func testTheSummaryCountsEachPartAndPointsAtThePage() throws {
        let summary = try report().summary(page: "out/quality.html")
        let lines = summary.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 5, summary)
        XCTAssertTrue(lines[0].hasPrefix("quality: 3 table shapes; 4 of 5 tables classified (80%); most unclassified: colour | shade (1)"), lines[0])
        XCTAssertEqual(lines[1], "quality: 1 warning in 1 document; most: \(QualityFixture.upgrade) (1)")
        XCTAssertTrue(lines[2].hasPrefix("quality: 1 dangling link, 1 dangling anchor"), lines[2])
        XCTAssertEqual(lines[3], "quality: conflicts between documents: 1 component version, 1 port transport; "
            + "Microsoft .NET Framework (4.5.2 in \(QualityFixture.windows):10, 4.6.2 in \(QualityFixture.upgrade):7); "
            + "port 4011 (TCP in \(QualityFixture.clientPorts):9, UDP in \(QualityFixture.serverPorts):8)")
        XCTAssertEqual(lines[4], "quality: full report in out/quality.html (or run `dockb build --report`)")
    }
}
