import XCTest
@testable import DocKB

/// The site's lines of the build report: its own warnings are listed, those
/// at lines the build reported already are only counted.
final class SiteReportTests: XCTestCase {
    func testTheSummaryListsTheWarningsTheBuildDidNotReport() {
        var report = SiteReport()
        let include = Diagnostic(at: SourceLocation(path: "a.md", line: 3), "include not found in the documentation set: x.md")
        let link = Diagnostic(at: SourceLocation(path: "a.md", line: 9), "link target is not in the documentation set: y.md")
        report.warnings = [include, link]
        let build = [Diagnostic(at: SourceLocation(path: "a.md", line: 9), "dangling link: y.md")]
        let lines = report.summary(alreadyReported: build).split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("site: 2 warnings"), "\(lines)")
        XCTAssertTrue(lines.contains("  " + include.description), "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("y.md") }, "\(lines)")
    }

    func testTheListStopsAtTheLimit() {
        var report = SiteReport()
        report.warnings = (1...5).map { Diagnostic(at: SourceLocation(path: "a.md", line: $0), "include not found") }
        let lines = report.summary(alreadyReported: [], limit: 2).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("  a.md:") }.count, 2)
        XCTAssertEqual(lines.last, "  ... and 3 more")
    }
}
