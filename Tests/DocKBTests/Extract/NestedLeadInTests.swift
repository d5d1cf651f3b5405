import Foundation
import XCTest
@testable import DocKB

/// A list nested in a list item, below a later paragraph of the item that
/// leads into it, is read with that paragraph as its lead-in; the item's own
/// lead still says what the paragraph does not.
final class NestedLeadInTests: XCTestCase {
    func testPortsOfANestedListTakeTheParagraphRightAboveAsTheirLeadIn() {
        let facts = InventedMarkdown.facts(path: "relay.md", """
        # Relay

        ## Required setup

        - **Collecting inventory:**

          The relay copies inventory from each branch server.

          While it copies, the relay opens these protocols and ports:

          - SMB - 445 (TCP)
          - RPC - 135 (TCP)

        """)
        XCTAssertEqual(facts.ports.map(\.port).sorted(), ["135", "445"])
        for port in facts.ports {
            XCTAssertTrue(port.purpose.hasPrefix("While it copies, the relay opens these protocols and ports"), port.purpose)
        }
    }

    func testRequirementsOfANestedListTakeTheConditionOfTheParagraphAbove() throws {
        let facts = InventedMarkdown.facts(path: "relay.md", """
        # Relay

        ## Prerequisites

        - A supported server.

          If you run the relay on a server other than the hub, the relay requires the following:

          - Widget runtime 2.0

        """)
        let runtime = try XCTUnwrap(facts.requirements.first { $0.text.hasPrefix("Widget runtime") })
        XCTAssertEqual(runtime.necessity, .required)
        XCTAssertEqual(runtime.conditionText, "If you run the relay on a server other than the hub")
    }

    /// A lead-in that is only a label ("Traffic rules:") leaves the necessity
    /// to the item around it.
    func testTheItemsLeadSaysWhatALabelLeadInDoesNot() throws {
        let facts = InventedMarkdown.facts(path: "relay.md", """
        # Relay

        ## Prerequisites

        - Firewalls between branches must allow the relay's traffic.

          Traffic rules:

          - Allow chunked transfers

        """)
        let rule = try XCTUnwrap(facts.requirements.first { $0.text.hasPrefix("Allow chunked") })
        XCTAssertEqual(rule.necessity, .required)
    }
}
