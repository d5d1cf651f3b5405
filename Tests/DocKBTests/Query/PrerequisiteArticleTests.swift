import XCTest
@testable import DocKB

/// Shapes of prerequisite articles other than the seed's, in an invented
/// product ("Fabrikam agents"): a role per heading with its lists below, a
/// port table with footnote marks, a role table headed "site system", roles
/// a sentence says someone must be, and permissions listed line by line in a
/// table cell. Each test builds the small set and asks as a user would.
final class PrerequisiteArticleTests: XCTestCase {
    static let articles: [String: String] = [
        "agents/site-prerequisites.md": """
            # Site and site system prerequisites for Fabrikam agents

            ## Relay point

            ### Windows features

            - Message Queuing (and the options it selects)

            ### Queue runtime

            Install a supported queue runtime, version 3 or later.

            For more information, see the following articles:

            - [Queue runtime versions](https://example.com/queues)

            ## Collector point

            ### Windows features

            - Remote Differential Compression

            """,
        "agents/ports.md": """
            # Ports used by Fabrikam agents

            ## Agent -- > Relay point

            |Description|UDP|TCP|
            |---|---|---|
            |Agent wake-up|--|10124 <sup>[Note 2](#note2) Alternate port available</sup>|
            |HTTPS|--|443 <sup>[Note 2](#note2)</sup>|

            ## Agent -- > Relay point configured for kiosks

            |Description|UDP|TCP|
            |---|---|---|
            |Kiosk lookup|4012|--|

            ## Agent -- > Agent

            |Description|UDP|TCP|
            |---|---|---|
            |Wake-up relay|25536|--|

            ## <a name="note2"></a> Note 2

            Another port may be set.

            """,
        "agents/kiosk-requirements.md": """
            # Infrastructure requirements for kiosk agents

            ## Dependencies

            ### Kiosk-enabled relay point

            To serve kiosk agents, set a relay point to answer kiosk lookups.

            """,
        "agents/kiosk-agents.md": """
            # Planning for kiosk agents

            ## Prerequisites for kiosk agents

            |Fabrikam site system|More information|
            |---|---|
            |Relay point|A relay point isn't required to install a kiosk agent. However, the role is required if you push packages to kiosks. The relay points you use must support HTTPS.|
            |Collector point|You don't need a collector point to install a kiosk agent. It lets kiosks report their state when they can't reach the site.|
            |Gateway point|Kiosks require a gateway point to reach the site.|

            """,
        "agents/migration.md": """
            # Prerequisites for moving agents between fleets

            ## Required configurations

            - **To run and watch fleet moves in the console:**

               In the target fleet, your account must be assigned the security role of **Depot Administrator**.

            ## Requirements for the cloud relay

            - Your user account needs to be a **Fleet Administrator** or **Depot Administrator** in the console.

            """,
        "agents/pallets.md": """
            # Prerequisites for pallets

            ## Dependencies

            |Dependency|More information|
            |---|---|
            |Specific security permissions|You must have these permissions:<br /><br /> - To create pallets: **Create** and **Read** for the **Pallet** object.<br /><br /> - To manage pallet settings: **Modify Pallet Setting** for the **Pallet** object.|

            """,
        "agents/unix-agents.md": """
            # Planning for agents on UNIX

            ## Dependencies

             **Fabrikam UNIX release 8**

            |Required package|Description|Minimum version|
            |---|---|---|
            |libwidget|Widget library|2.4|

             **Fabrikam UNIX release 9**

            |Required package|Description|Minimum version|
            |---|---|---|
            |libwidget|Widget library|3.1|

            """,
        "agents/widget-server-versions.md": """
            # Supported Widget Server versions for Fabrikam agents

            ## Supported versions

            ### Widget Server 2030: Standard, Enterprise

            Starting with Fabrikam version 2207, you can use this edition with any update its lifecycle supports.

            It can hold the data of these sites:

            - A primary site
            - A secondary site

            """,
        "agents/fleet-overview.md": """
            # What is fleet management?

            Fleet management lets you run Windows 10 kiosks from two consoles at once.

            ## Prerequisites

            ### Windows 10

            Upgrade your kiosks to Windows 10, version 1809 or later.

            > [!IMPORTANT]
            > Windows 10 phones don't support fleet management.

            """,
        "agents/fleet-insights.md": """
            # What is fleet insights?

            Use fleet insights with Fabrikam to move kiosks to Windows 11 in waves.

            ## Prerequisites

            ### Technical

            - Fabrikam, version 2104 or later.
            - An insights workspace.

            """,
        "agents/imaging.md": """
            # Infrastructure for imaging kiosks

            ## Kiosk Imaging Service

            The Kiosk Imaging Service answers network boot requests.

            ### KIS requirements

            - The KIS installation needs a member of the local Administrators group.
            - The KIS server must be a member of a domain.

            ### Firewall requirements

            - Open the boot port on the kiosk subnet.

            """,
    ]

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(Self.articles, for: self)
    }

    private func text(_ answer: Answer) -> String { AnswerRenderer().render(answer, as: .text) }

    /// "## Relay point" in a prerequisites article: the lists below its
    /// headings are the role's requirements; a list of links to read is not.
    func testARoleHeadingInAPrerequisitesArticleIsTheSubjectOfItsLists() throws {
        let answer = text(try engine().answer("what do I need for a relay point?"))
        XCTAssertTrue(answer.contains("Message Queuing"), answer)
        XCTAssertTrue(answer.contains("queue runtime, version 3"), answer)
        XCTAssertFalse(answer.contains("Queue runtime versions"), answer)
        XCTAssertFalse(answer.contains("Remote Differential Compression"), answer)
    }

    /// A footnote mark after a port is no port, and a subject whose own word
    /// tells port rows apart ("kiosk") ranks them rather than taking every row.
    func testPortsOfASubjectNamedByAWordThatTellsRowsApart() throws {
        let kb = try engine()
        let relay = text(kb.answer("which ports does the relay point use?"))
        XCTAssertTrue(relay.contains("TCP 10124") && relay.contains("TCP 443"), relay)
        XCTAssertFalse(relay.contains("TCP 2:"), relay)
        let kiosk = text(kb.answer("which ports does a kiosk-enabled relay point need?"))
        XCTAssertTrue(kiosk.contains("UDP 4012"), kiosk)
        XCTAssertFalse(kiosk.contains("10124"), kiosk)
    }

    /// A table headed "... site system", and roles a subject does not need
    /// (but for exceptions) answering "which are optional".
    func testRolesASubjectDoesNotRequireAreOptional() throws {
        let answer = text(try engine().answer("which site system roles are optional for kiosk agents?"))
        XCTAssertTrue(answer.hasPrefix("Site system roles that are optional"), answer)
        XCTAssertTrue(answer.contains("relay point"), answer)
        XCTAssertTrue(answer.contains("collector point"), answer)
        XCTAssertFalse(answer.contains("gateway point"), answer)
    }

    /// "must be assigned the security role of **X**" under a lead-in, and
    /// "needs to be a **X** or **Y**" under a heading that says what for.
    func testSecurityRolesASentenceSaysSomeoneMustHave() throws {
        let kb = try engine()
        let moves = text(kb.answer("who can run fleet moves?"))
        XCTAssertTrue(moves.contains("Depot Administrator"), moves)
        XCTAssertTrue(moves.contains("To run and watch fleet moves"), moves)
        let relay = text(kb.answer("who can set up the cloud relay?"))
        XCTAssertTrue(relay.contains("Fleet Administrator"), relay)
    }

    /// Permissions a dependency table's cell lists line by line.
    func testPermissionsListedInATableCell() throws {
        let answer = text(try engine().answer("what permissions do I need to manage pallet settings?"))
        XCTAssertTrue(answer.contains("Modify Pallet Setting"), answer)
    }

    /// One package in tables for several platforms, each named by a bold
    /// line above its table: the platform the question names picks the row;
    /// without one, every row says which table it is from.
    func testAPackagesVersionForThePlatformTheQuestionNames() throws {
        let kb = try engine()
        let nine = text(kb.answer("what is the minimum libwidget version for Fabrikam UNIX 9?"))
        XCTAssertTrue(nine.contains("minimum version 3.1"), nine)
        XCTAssertFalse(nine.contains("2.4"), nine)
        let any = text(kb.answer("what is the minimum libwidget version?"))
        XCTAssertTrue(any.contains("minimum version 2.4 (Fabrikam UNIX release 8)"), any)
        XCTAssertTrue(any.contains("minimum version 3.1 (Fabrikam UNIX release 9)"), any)
    }

    /// "Since which version is X supported?" answered by the opening sentence
    /// of the section headed X, which says "this edition" for it.
    func testSinceWhichVersionFromTheOpeningSentenceUnderTheSubjectsHeading() throws {
        let answer = try engine().answer("since which version is Widget Server 2030 supported?")
        XCTAssertTrue(text(answer).collapsingWhitespace.contains("Starting with Fabrikam version 2207"), text(answer))
        XCTAssertEqual(answer.items.first?.group, "Opening sentences with the headings they stand under")
    }

    /// A version question is answered by a number the question does not
    /// hold, and a release rather than part of a name ("Windows 10").
    func testAVersionAnswerGivesANumberTheQuestionDoesNot() throws {
        let kb = try engine()
        let fleet = text(kb.answer("which Windows 10 version is required for fleet management?"))
        XCTAssertTrue(fleet.contains("1809"), fleet)
        // Nor is the "11" of "Windows 11", which the question does not hold.
        let insights = text(kb.answer("which Fabrikam version do I need for fleet insights?"))
        XCTAssertTrue(insights.contains("version 2104"), insights)
    }

    /// "### KIS requirements" under "## Kiosk Imaging Service" states the
    /// parent's requirements, by its initials; "Firewall requirements"
    /// names a kind of requirement, not its parent.
    func testRequirementsHeadedByTheirParentsInitials() throws {
        let answer = text(try engine().answer("what are the requirements for Kiosk Imaging Service?"))
        XCTAssertTrue(answer.contains("local Administrators group"), answer)
        XCTAssertTrue(answer.contains("member of a domain"), answer)
        XCTAssertFalse(answer.contains("boot port"), answer)
    }

    /// "Agent -- > Agent" names an agent twice: a question that says
    /// "agent" once is not about the traffic between two of them.
    func testANameThatRepeatsAWordNeedsAQuestionThatRepeatsIt() throws {
        let kb = try engine()
        let once = kb.parse("what does a phone need before I install the agent?")
        XCTAssertFalse(once.matches.contains { $0.entity.name == "Agent -- > Agent" }, "\(once.matches.map(\.entity.name))")
        let twice = kb.parse("which ports does an agent use to wake another agent?")
        XCTAssertTrue(twice.matches.contains { $0.entity.name == "Agent -- > Agent" }, "\(twice.matches.map(\.entity.name))")
    }
}
