import XCTest
@testable import DocKB

final class FactDiffTests: XCTestCase {
    let src = FactSource(path: "a.md", line: 3, anchor: "x", section: "X")

    func component(_ name: String, _ version: String?) -> Component {
        Component(name: name, minVersion: version, file: nil, category: nil, description: "d", mayRestart: false, source: src)
    }

    func requirement(_ text: String, subject: String = "Manual installation") -> Requirement {
        Requirement(subject: subject, text: text, necessity: .required, condition: nil, conditionText: nil, mentions: [], source: src)
    }

    func testAddedRemovedAndChangedFields() {
        var old = ExtractedFacts(), new = ExtractedFacts()
        old.components = [component("Widget Runtime", "1.2"), component("Gadget", nil)]
        new.components = [component("Widget Runtime", nil), component("Sprocket", "2.0")]
        let changes = FactDiff.compare(old: [old], new: [new]).map(\.description)
        XCTAssertEqual(Set(changes), [
            "component Widget Runtime min_version 1.2 → (none)",
            "component Gadget removed",
            "component Sprocket added",
        ])
    }

    func testARenamedSubjectMovesItsSentences() {
        var old = ExtractedFacts(), new = ExtractedFacts()
        old.requirements = [requirement("Install the agent first.", subject: "Computer clients"),
                            requirement("Open the firewall.", subject: "Computer clients")]
        new.requirements = [requirement("Install the agent first.", subject: "Windows clients"),
                            requirement("Open the firewall ports.", subject: "Windows clients"),
                            requirement("Restart twice.", subject: "Mac clients")]
        XCTAssertEqual(FactDiff.compare(old: [old], new: [new]).map(\.description).sorted(), [
            "requirement Mac clients added",
            "requirement Windows clients subject Computer clients → Windows clients",
            "requirement Windows clients subject Computer clients → Windows clients",
            "requirement Windows clients text Open the firewall. → Open the firewall ports.",
        ])
    }

    func testAPermissionWithoutObjectIsNamedAlone() {
        var new = ExtractedFacts()
        new.permissions = [
            Permission(permission: "Read", object: nil, purpose: "p", securityRole: nil, subject: nil, source: src),
            Permission(permission: "Modify", object: "Collection", purpose: "p", securityRole: nil, subject: nil, source: src),
        ]
        XCTAssertEqual(Set(FactDiff.compare(old: [], new: [new]).map(\.description)),
                       ["permission Read added", "permission Modify on Collection added"])
    }

    func testRewordingIsAChangeNotRemovalPlusAddition() {
        var old = ExtractedFacts(), new = ExtractedFacts()
        old.requirements = [requirement("The client computer must be able to contact a management point to download files.")]
        new.requirements = [requirement("The client computer needs to contact a management point to download the files.")]
        let changes = FactDiff.compare(old: [old], new: [new])
        XCTAssertEqual(changes.map(\.kind), [.changed])
        XCTAssertEqual(changes.first?.field, "text")
    }

    func testUnrelatedSentencesOrOtherSubjectsAreNotPaired() {
        var old = ExtractedFacts(), new = ExtractedFacts()
        old.requirements = [requirement("The client computer must be able to contact a management point.")]
        new.requirements = [requirement("The client computer must be able to contact a management point.", subject: "Group policy"),
                            requirement("Requires an Intune subscription.")]
        XCTAssertEqual(Set(FactDiff.compare(old: [old], new: [new]).map(\.kind)), [.added, .removed])
    }

    func testIdenticalFactsGiveNoChanges() {
        var facts = ExtractedFacts()
        facts.components = [component("Widget Runtime", "1.2")]
        facts.requirements = [requirement("Requires a widget.")]
        XCTAssertEqual(FactDiff.compare(old: [facts], new: [facts]), [])
    }
}
