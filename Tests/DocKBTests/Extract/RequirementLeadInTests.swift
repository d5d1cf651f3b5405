import Foundation
import XCTest
@testable import DocKB

/// A list whose lead-in names what it lists as prerequisites or requirements
/// ("The relay has the following prerequisites:") states rules, whatever
/// its section's heading says.
final class RequirementLeadInTests: XCTestCase {
    func testItemsUnderARequirementsLeadInAreRequirements() {
        let facts = InventedMarkdown.facts(path: "relay.md", """
        # Badge relay

        ## How the relay works

        The relay forwards badge reads to the hub. The relay has the following prerequisites:

        - A door controller running firmware 4.1
        - Relays must be in the same building as their doors.

        """)
        XCTAssertEqual(facts.requirements.map(\.text),
                       ["A door controller running firmware 4.1", "Relays must be in the same building as their doors."])
        XCTAssertEqual(facts.requirements.last?.necessity, .required)
    }

    /// Goals an article says a feature meets are not rules for using it.
    func testItemsUnderOtherListsOrQualifiedRequirementsAreNot() {
        let facts = InventedMarkdown.facts(path: "relay.md", """
        # Badge relay

        ## How the relay works

        The relay helps you meet the following business requirements:

        - Track who entered each building

        Relays forward the following reads:

        - Badge reads

        """)
        XCTAssertEqual(facts.requirements, [])
    }
}
