import Foundation
import XCTest
@testable import DocKB

/// A permissions question that names a subject and more: the subject's rows
/// that its other words pick, even when some of those words are in none of them.
final class PermissionNarrowingTests: XCTestCase {
    func testWordsOfTheQuestionPickTheSubjectsRowsThoughOthersAreInNone() throws {
        let seed = "core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md"
        let text = try String(contentsOf: PackagePaths.docsSource.appendingPathComponent(seed), encoding: .utf8)
        let kb = try InventedArticles.engine([seed: text], for: self)
        // "my admin account" is in no permission row of client push; "device collection" picks the Collection rows.
        let answer = kb.answer("what permissions does my admin account need to push the client to a device collection?")
        let permissions = answer.items.filter { $0.kind == "permission" }.map(\.text)
        XCTAssertEqual(permissions.count, 2, AnswerRenderer().render(answer, as: .text))
        XCTAssertTrue(permissions.allSatisfy { $0.contains("on Collection") }, "\(permissions)")
        XCTAssertTrue(permissions.contains { $0.hasPrefix("Modify Resource on Collection") }, "\(permissions)")
    }

    /// Permissions listed together for one purpose are needed together: the
    /// question's "run" matching one's name ("Run Probes") keeps the others.
    func testPermissionsListedForOnePurposeAnswerTogether() throws {
        let kb = try InventedArticles.engine(["probes/gadget-probe.md": """
            # Gadget probe

            ## Prerequisites

            - Agents need version 3 of the probe host.

            - Permissions for gadget probe:
              - **Read** permission on the **Probe Scripts** object
              - **Run Probes** permission on the **Collection**
              - **Read** permission on **Inventory Reports**

            """], for: self)
        let answer = kb.answer("which permissions does an admin need to run a gadget probe?")
        let permissions = answer.items.filter { $0.kind == "permission" }.map(\.text)
        // (The one holding "run" may be brought forward: the set is what is needed.)
        XCTAssertEqual(Set(permissions.map { $0.components(separatedBy: ",").first ?? "" }),
                       ["Read on Probe Scripts", "Run Probes on Collection", "Read on Inventory Reports"],
                       AnswerRenderer().render(answer, as: .text))
    }
}
