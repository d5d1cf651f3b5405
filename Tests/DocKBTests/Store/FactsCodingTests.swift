import Foundation
import XCTest
@testable import DocKB

/// The document cache's binary facts give back exactly what was stored, and
/// anything else is refused with an error, never a trap.
final class FactsCodingTests: XCTestCase {
    private var facts: ExtractedFacts {
        let here = FactSource(path: "a/b.md", line: 12, anchor: "prerequisites", section: "Prerequisites")
        let condition = Condition.all([.flag("schema_extended"), .not(.any([.flag("ccmsetup_source"),
                                                                          .version(.atLeast, "1906")]))])
        var facts = ExtractedFacts()
        facts.components = [Component(name: "BITS", minVersion: "2.5", file: nil, category: "Dependencies", description: "d",
                                      mayRestart: true, source: here)]
        facts.siteSystemRoles = [SiteSystemRole(name: "Management point", necessity: .optionalRecommended, subject: nil,
                                                description: "", source: here)]
        facts.securityRoles = [SecurityRole(name: "Full Administrator", description: "all", source: here)]
        facts.permissions = [Permission(permission: "Read", object: "Collection", purpose: "p", securityRole: nil,
                                        subject: "client push", source: here)]
        facts.ports = [Port(transport: "TCP", port: "445", from: "Client", to: nil, purpose: "SMB", condition: condition,
                            conditionText: "unless ...", subject: nil, direction: "inbound", source: here)]
        facts.installMethods = [InstallMethod(name: "Client push", heading: "Client push installation", condition: nil,
                                              source: here)]
        facts.requirements = [Requirement(subject: "Windows clients", text: "ünïcode ✓ text", necessity: nil,
                                          condition: .version(.before, "2103"), conditionText: nil,
                                          mentions: [Mention(kind: "component", name: "BITS")], source: here)]
        facts.aliases = [Alias(alias: "BITS", entityKind: "component", name: "Background Intelligent Transfer Service",
                               source: here)]
        facts.variables = [ConditionVariable(name: "schema_extended", phrase: "you extended the schema")]
        facts.tables = [TableClassification(ordinal: 0, line: 20, kind: "components", shape: "a|b"),
                        TableClassification(ordinal: 1, line: -1, kind: nil, shape: "")]
        facts.diagnostics = [Diagnostic(.error, at: SourceLocation(path: "a/b.md", line: 3), "bad")]
        return facts
    }

    func testFactsRoundTrip() throws {
        let data = FactsCoding.encode(facts)
        XCTAssertEqual(try FactsCoding.decode(data), facts)
        XCTAssertEqual(try FactsCoding.decode(FactsCoding.encode(ExtractedFacts())), ExtractedFacts())
    }

    func testEveryTruncationAndOtherBytesAreRefused() {
        let data = FactsCoding.encode(facts)
        for length in 0..<data.count {
            XCTAssertThrowsError(try FactsCoding.decode(data.prefix(length)), "cut at \(length) of \(data.count)")
        }
        XCTAssertThrowsError(try FactsCoding.decode(data + Data([0])), "bytes after the facts")
        XCTAssertThrowsError(try FactsCoding.decode(OutlineCoding.encode(DocumentOutline(
            path: "", sha256: "", title: "", frontMatter: FrontMatter(), sections: [], extraAnchors: [], includes: [], links: []))),
            "an outline is not facts")
    }
}
