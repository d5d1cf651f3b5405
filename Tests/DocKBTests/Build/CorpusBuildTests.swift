import Foundation
import GRDB
import XCTest
@testable import DocKB

/// The whole corpus (../shared/corpus/sccm, 2,553 articles) through the real
/// `BuildPipeline` with its site, built once for every test here: the build
/// completes, the knowledge base holds exactly the tables cmark-gfm finds,
/// no link it calls dangling can be found in the source set by other means,
/// and the site parses with every link resolving. Skipped without ../shared
/// (a user's clone); runs in CI.
final class CorpusBuildTests: XCTestCase {
    private struct Built {
        var source: URL
        var output: URL
        var build: BuildReport
        var site: SiteReport
        var seconds: Double
        /// cmark-gfm's table count per relative path; nil without the tool.
        var cmarkTables: [String: Int]?
    }

    nonisolated(unsafe) private static var built: Result<Built, any Error>!
    nonisolated(unsafe) private static var output: URL?

    override class func setUp() {
        super.setUp()
        built = Result {
            let source = try PackagePaths.sharedData("corpus/sccm")
            let output = FileManager.default.temporaryDirectory
                .appendingPathComponent("dockb-corpus-build-\(ProcessInfo.processInfo.processIdentifier)")
            try? FileManager.default.removeItem(at: output)
            Self.output = output
            // cmark-gfm runs in its own process while the pipeline builds.
            let tool = "/usr/bin/cmark-gfm"
            let reference = FileManager.default.isExecutableFile(atPath: tool)
                ? try ReferenceTableCounts(root: source, tool: tool) : nil
            let result = try SiteBuild.build(source: source, output: output)
            return Built(source: source, output: output, build: result.build, site: result.site,
                         seconds: result.seconds, cmarkTables: try reference?.wait())
        }
    }

    override class func tearDown() {
        if let output { try? FileManager.default.removeItem(at: output) }
        super.tearDown()
    }

    private func corpus() throws -> Built { try Self.built.get() }

    private func knowledgeBase() throws -> KnowledgeBase {
        try KnowledgeBase(url: corpus().output.appendingPathComponent(KnowledgeBaseWriter.fileName))
    }

    func testEveryArticleBecomesADocumentWithoutErrors() throws {
        let corpus = try corpus()
        let onDisk = FileManager.default.enumerator(atPath: corpus.source.path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.count ?? 0
        XCTAssertEqual(onDisk, 2553)
        XCTAssertEqual(corpus.build.counts.documents, onDisk, "every .md file is a document of the knowledge base")
        XCTAssertEqual(corpus.build.errors.map(\.description), [])
        XCTAssertEqual(corpus.build.warnings.filter { $0.message.hasPrefix("skipped") }.map(\.description), [])
        let phases = corpus.build.phases.map { "\($0.name) \(String(format: "%.1f", $0.seconds))" }.joined(separator: ", ")
        print("corpus build: \(corpus.build.counts.documents) documents in \(String(format: "%.1f", corpus.seconds)) s (\(phases))")
    }

    /// Per document, the `doc_tables` rows of the knowledge base against the
    /// `<table>`s of `cmark-gfm -e table`.
    func testStoredTablesPerDocumentEqualCmarkGFMs() throws {
        guard let cmark = try corpus().cmarkTables else {
            throw XCTSkip("/usr/bin/cmark-gfm is missing: install the Debian package cmark-gfm to compare table counts")
        }
        let stored = try knowledgeBase().read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT d.path, COUNT(t.id) AS tables FROM documents d
                LEFT JOIN doc_tables t ON t.document_id = d.id GROUP BY d.id
                """).map { ($0["path"] as String, $0["tables"] as Int) })
        }
        XCTAssertEqual(Set(stored.keys), Set(cmark.keys), "cmark-gfm and the build read the same files")
        let differing = stored.keys.sorted().filter { stored[$0] != cmark[$0] }
        XCTAssertEqual(differing, [], differing.prefix(10).map {
            "\($0): knowledge base \(stored[$0] ?? -1) tables, cmark-gfm \(cmark[$0] ?? -1)"
        }.joined(separator: "; "))
        print("corpus tables: \(stored.values.reduce(0, +)) stored, \(cmark.values.reduce(0, +)) by cmark-gfm")
    }

    /// Every link stored as dangling is looked for again by `DiskLinkCheck`,
    /// which shares no code with the build's link resolution.
    func testNoLinkCalledDanglingResolvesInTheSourceSet() throws {
        let corpus = try corpus()
        let check = try DiskLinkCheck(root: corpus.source)
        let dangling = try knowledgeBase().read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.path, l.line, l.destination, l.status, target.path AS target FROM links l
                JOIN documents d ON d.id = l.document_id LEFT JOIN documents target ON target.id = l.target_document_id
                WHERE l.status IN ('dangling-document', 'dangling-anchor') ORDER BY d.path, l.line
                """)
        }
        var resolvable: [String] = []
        for link in dangling {
            let path: String = link["path"], line: Int = link["line"], destination: String = link["destination"]
            if link["status"] == "dangling-document", let file = check.document(for: destination, in: path) {
                resolvable.append("\(path):\(line): \(destination) was called a dangling link but names \(file)")
            } else if link["status"] == "dangling-anchor",
                      let page = check.anchorPage(for: destination, in: path, buildTarget: link["target"]) {
                resolvable.append("\(path):\(line): \(destination) was called a dangling anchor but \(page) has it")
            }
        }
        XCTAssertGreaterThan(dangling.count, 0, "the corpus is a folder out of a larger docset: some links must dangle")
        XCTAssertEqual(resolvable, [], resolvable.joined(separator: "\n"))
        print("corpus links: \(dangling.count) dangling, \(dangling.count - resolvable.count) of them confirmed on disk")
    }

    /// Every page parses and every link on it resolves.
    func testCorpusSiteParsesAndLinksResolve() throws {
        let corpus = try corpus()
        let site = try SiteCheck(root: corpus.output)
        XCTAssertEqual(corpus.site.documentPages, 2553)
        XCTAssertEqual(site.parseErrors, [])
        XCTAssertEqual(site.brokenLinks.prefix(20), [])
        XCTAssertEqual(site.remoteLoads, [])
        XCTAssertNotNil(site.pages[SitePaths.quality], "the quality report is a page of the site")
        print("corpus site: \(corpus.site.summary.replacingOccurrences(of: "\n", with: "; ")), build and render \(String(format: "%.1f", corpus.seconds)) s")
    }

    /// The report's parts add up, and its figures are printed for the log.
    func testQualityReportAccountsForEveryTableAndLink() throws {
        let corpus = try corpus()
        let report = try QualityReport.load(from: knowledgeBase())
        XCTAssertEqual(report.documents, 2553)
        XCTAssertEqual(report.tables, corpus.build.counts.tables)
        XCTAssertEqual(report.classifiedTables, corpus.build.counts.classifiedTables)
        XCTAssertEqual(report.danglingLinks.count,
                       (corpus.build.counts.links[.danglingDocument] ?? 0) + (corpus.build.counts.links[.danglingAnchor] ?? 0))
        for conflict in report.conflicts {
            XCTAssertGreaterThan(Set(conflict.statements.map(\.place.path)).count, 1, "\(conflict.subject): a conflict is between documents")
        }
        print(report.summary(page: corpus.output.appendingPathComponent(SitePaths.quality).path))
    }
}
