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

    /// "The following are minimum requirements for ...:" names its items as rules too.
    func testItemsUnderAListOfMinimumRequirementsAreRequirements() {
        let facts = InventedMarkdown.facts(path: "relay.md", """
        # Badge relay

        ## Relay hardware

        The following are minimum requirements for relays that read badges in a building:

        - **Disk space:** 500 MB available disk space, with 5 GB recommended for the read cache.

        The following are useful relay settings:

        - Keep reads for 30 days

        """)
        XCTAssertEqual(facts.requirements.map(\.text), ["Disk space: 500 MB available disk space, with 5 GB recommended for the read cache."])
    }

    /// Goals an article says a feature meets are not rules for using it.
    func testItemsUnderOtherListsOrQualifiedRequirementsAreNot() {
        let facts = InventedMarkdown.facts(path: "relay.md", """
        # Badge relay

        ## How the relay works

        The relay helps you meet the following business requirements:

        - Track who entered each building

        The following are business requirements the relay helps you meet:

        - Know who is in each building

        Relays forward the following reads:

        - Badge reads

        """)
        XCTAssertEqual(facts.requirements, [])
    }
}
