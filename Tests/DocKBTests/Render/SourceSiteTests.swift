import Foundation
import XCTest
@testable import DocKB

/// Builds real documentation through the whole pipeline (parse, extract,
/// knowledge base, site) and checks the site it publishes.
enum SiteBuild {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private final class ReportBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: SiteReport?
        func set(_ report: SiteReport) { lock.withLock { value = report } }
        var report: SiteReport? { lock.withLock { value } }
    }

    static func build(source: URL, output: URL) throws -> (build: BuildReport, site: SiteReport, seconds: Double) {
        let box = ReportBox()
        let clock = ContinuousClock()
        let start = clock.now
        let pipeline = BuildPipeline(source: source, output: output,
                                     sitePublisher: StaticSitePublisher(onReport: { box.set($0) }))
        let build = try pipeline.run()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (build, try XCTUnwrap(box.report, "the pipeline did not publish the site"), seconds)
    }
}

final class SourceSiteTests: XCTestCase {
    nonisolated(unsafe) private static var output: URL!
    nonisolated(unsafe) private static var result: (build: BuildReport, site: SiteReport, seconds: Double)?
    nonisolated(unsafe) private static var site: SiteCheck?
    nonisolated(unsafe) private static var failure: Error?

    override class func setUp() {
        super.setUp()
        output = FileManager.default.temporaryDirectory.appendingPathComponent("dockb-docs-src-site-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: output)
        do {
            result = try SiteBuild.build(source: SiteBuild.packageRoot.appendingPathComponent("docs-src"), output: output)
            site = try SiteCheck(root: output)
        } catch {
            failure = error
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: output)
        super.tearDown()
    }

    private func checkedSite() throws -> SiteCheck {
        if let failure = Self.failure { throw failure }
        return try XCTUnwrap(Self.site)
    }

    func testDocsSourceSiteParsesLinksResolveAndLoadsNothingRemote() throws {
        let site = try checkedSite()
        let report = try XCTUnwrap(Self.result).site
        XCTAssertEqual(report.documentPages, 15)
        XCTAssertEqual(report.diagrams, 9, "one diagram per installation method")
        XCTAssertEqual(site.parseErrors, [])
        XCTAssertEqual(site.brokenLinks, [])
        XCTAssertEqual(site.remoteLoads, [])
        XCTAssertEqual(report.unlinkedFacts, [], "every fact's row, item, paragraph or heading links to it")
        print("docs-src site: \(report.summary.replacingOccurrences(of: "\n", with: "; ")), build and render \(String(format: "%.2f", Self.result!.seconds)) s")
    }

    /// site-output/ is committed so the reference can be browsed in the
    /// repository; it must be exactly what a build of docs-src writes now.
    func testCommittedSiteOutputMatchesAFreshBuild() throws {
        _ = try checkedSite()
        let committed = SiteBuild.packageRoot.appendingPathComponent("site-output")
        func files(_ root: URL) -> [String: Data] {
            var found: [String: Data] = [:]
            let base = root.standardizedFileURL.path + "/"
            for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) ?? FileManager.DirectoryEnumerator() {
                let path = url.standardizedFileURL.path
                // The knowledge base, the build lock, the marker and the page
                // manifest (both name the dockb executable that rendered the
                // site) are not pages.
                guard !path.hasSuffix("/kb.sqlite"), !path.contains("/kb.sqlite"), !path.hasSuffix("/" + BuildLock.fileName),
                      !path.hasSuffix("/" + SiteWriter.marker), !path.hasSuffix("/" + PageManifest.fileName),
                      !path.hasSuffix("/" + SearchRowCache.fileName),
                      let data = FileManager.default.contents(atPath: path), !url.hasDirectoryPath else { continue }
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { continue }
                found[String(path.dropFirst(base.count))] = data
            }
            return found
        }
        let fresh = files(Self.output), stored = files(committed)
        XCTAssertFalse(fresh.isEmpty)
        XCTAssertEqual(Set(stored.keys).symmetricDifference(fresh.keys).sorted(), [],
                       "site-output/ lists other files than a build of docs-src: run `swift run dockb build` and commit site-output/")
        let differing = fresh.keys.filter { stored[$0] != nil && stored[$0] != fresh[$0] }.sorted()
        XCTAssertEqual(differing, [], "site-output/ is out of date: run `swift run dockb build` and commit site-output/")
    }

    func testSeedRowsLinkToFactPages() throws {
        let site = try checkedSite()
        let seed = try XCTUnwrap(site.pages["docs/core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.html"])
        let factLinks = seed.elements.filter { $0.attribute("class") == "fact-link" }.compactMap { $0.attribute("href") }
        XCTAssertTrue(factLinks.contains { $0.contains("components/microsoft-net-framework.html#component-") }, "\(factLinks.prefix(10))")
        XCTAssertTrue(factLinks.contains { $0.contains("install-methods/client-push-installation.html#requirement-") })
        XCTAssertTrue(factLinks.contains { $0.contains("permissions/collection.html#permission-") })
        XCTAssertTrue(seed.ids.isSuperset(of: ["bkmk_sha2", "sha-2-code-signing-support", "BKMK_prereqs_computers"]))
    }

    func testClientPushChecklistGathersEverythingItNeeds() throws {
        let site = try checkedSite()
        let page = "install-methods/client-push-installation.html"
        let html = try site.text(of: page)
        for expected in [
            "ADMIN$", "Kerberos", "require-kerberos-mutual-authentication",            // own requirements and a condition
            "Microsoft .NET Framework", "4.5.2", "NDP452-KB2901907-x86-x64-AllOS-ENU.exe", // general components
            "fallback status point", "optional, recommended",                           // roles with necessity
            "TCP 445", "TCP 135", "UDP 135", "TCP DYNAMIC",                            // ports from the firewall article
            "File and Printer Sharing",                                                  // firewall exceptions
            "Modify Resource", "Collection", "Infrastructure Administrator",             // permissions and role
        ] {
            XCTAssertTrue(html.contains(expected), "client push checklist lacks \(expected)")
        }
        XCTAssertFalse(html.contains("Publish the Configuration Manager client to the software update point"),
                       "another method's requirement is not part of this checklist")
        let svg = try site.text(of: "install-methods/client-push-installation.svg")
        XCTAssertTrue(svg.contains("Site server") && svg.contains("TCP 445") && svg.contains("Management point"))

        let logon = try site.text(of: "install-methods/logon-script-based-installation.html")
        XCTAssertTrue(logon.contains("not source"), "the /source condition in evaluable form")
        let upgrades = try site.text(of: "install-methods/software-distribution-based-installation.html")
        XCTAssertTrue(upgrades.contains("upgrades"), "the for-upgrades-only condition")
    }
}
