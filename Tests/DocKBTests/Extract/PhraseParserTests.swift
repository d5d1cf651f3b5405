import Foundation
import XCTest
@testable import DocKB

/// The sentence-level readers the extractor is built from, on phrasings of
/// the kind the documents use (written here, not copied from them).
final class ConditionParserTests: XCTestCase {
    let parser = ConditionParser()

    func testVersionGates() {
        XCTAssertEqual(parser.parse("Starting in version 2010, sites need a thing.")?.condition, .version(.atLeast, "2010"))
        XCTAssertEqual(parser.parse("This works (version 2107 and later).")?.condition, .version(.atLeast, "2107"))
        XCTAssertEqual(parser.parse("Only in version 1810 and earlier.")?.condition, .version(.atMost, "1810"))
        XCTAssertNil(parser.parse("Requires version 4.5.2 or later."), "dotted component versions are not product gates")
    }

    func testUnlessNamesTheSwitchItMentions() {
        let r = parser.parse("The computer must reach a server. Unless you ran setup with the option `setup /media`")
        XCTAssertEqual(r?.condition, .not(.flag("media")))
    }

    func testNegatedAlternatives() {
        let r = parser.parse("If you haven't enabled the widget, or you're deploying from another tenant, do something else.")
        XCTAssertEqual(r?.condition, .any([.not(.flag("enabled-widget")), .flag("deploying-another-tenant")]))
        XCTAssertEqual(r?.variables.map(\.name), ["enabled-widget", "deploying-another-tenant"])
    }

    func testWhenAndOnlyQualifiers() {
        XCTAssertEqual(parser.parse("When you require strong auth, clients must be joined.")?.condition,
                       .flag("require-strong-auth"))
        XCTAssertEqual(parser.parse("Package-based install (for upgrades only)")?.condition, .flag("upgrades"))
    }

    func testEmbeddedClausesOfPortDescriptions() {
        let r = parser.parseEmbedded("Traffic from the client to a server when the link is secure, and you do not specify the property **/cache:<Path>**.")
        XCTAssertEqual(r?.condition, .all([.flag("link-secure"), .not(.flag("cache"))]))
        XCTAssertNil(parser.parseEmbedded("Traffic from the client to a server."))
    }
}

final class NecessityParserTests: XCTestCase {
    func testWordings() {
        XCTAssertEqual(NecessityParser.parse("The widget is an optional, but recommended role."), .optionalRecommended)
        XCTAssertEqual(NecessityParser.parse("Required to process files."), .required)
        XCTAssertEqual(NecessityParser.parse("You don't require a widget."), .notRequired)
        // A first sentence that says "not required", then only exceptions to it; or then a rule of its own.
        XCTAssertEqual(NecessityParser.parse("A widget isn't required to install the client. However, it's required if you "
                                             + "deploy software. The widgets you use must support HTTPS."), .notRequired)
        XCTAssertEqual(NecessityParser.parse("You don't require a widget to install. Clients require a widget to report."),
                       .required)
        XCTAssertEqual(NecessityParser.parse("You don't require it to start. Clients require it to work."), .required)
        XCTAssertEqual(NecessityParser.parse("You may also require one of these:"), .optional)
        // "need" negated as "require" is: not a positive word as well.
        XCTAssertEqual(NecessityParser.parse("Setting up an agent doesn't need a widget."), .notRequired)
        XCTAssertEqual(NecessityParser.parse("You do not need a widget."), .notRequired)
        XCTAssertEqual(NecessityParser.parse("Agents don't need it to start. They need it to work."), .required)
        XCTAssertNil(NecessityParser.parse("The widget shows reports."))
    }
}

final class ComponentNameParserTests: XCTestCase {
    func testNameVersionFileAndAbbreviation() {
        let p = ComponentNameParser.parse([.text("Contoso Widget Runtime (CWR) version 3.2.1 or later ("), .code("cwr-setup.msi"), .text(")")])
        XCTAssertEqual(p, .init(name: "Contoso Widget Runtime", minVersion: "3.2.1", file: "cwr-setup.msi", abbreviation: "CWR"))
    }

    func testServicePackAndBareNames() {
        XCTAssertEqual(ComponentNameParser.parse([.text("Contoso Store 4.0 SP1 components")]).minVersion, "4.0 SP1")
        XCTAssertEqual(ComponentNameParser.parse([.text("Contoso Store 4.0 SP1 components")]).name, "Contoso Store")
        XCTAssertEqual(ComponentNameParser.parse([.text("Task runner")]), .init(name: "Task runner"))
    }
}

final class PortParserTests: XCTestCase {
    func testCells() {
        XCTAssertEqual(PortParser.ports(inCell: "--"), [])
        XCTAssertEqual(PortParser.ports(inCell: "80 (See note 1, Alternate Port Available)"), ["80"])
        XCTAssertEqual(PortParser.ports(inCell: "80 or 8530"), ["80", "8530"])
        XCTAssertEqual(PortParser.ports(inCell: "DYNAMIC"), ["DYNAMIC"])
        XCTAssertEqual(PortParser.ports(inCell: "49152 - 65535"), ["49152-65535"])
        // A superscript footnote reference after the port ("443 <sup>Note 2 ...</sup>").
        XCTAssertEqual(PortParser.ports(inCell: "443 Note 2 Alternate port available"), ["443"])
        XCTAssertEqual(PortParser.ports(inCell: "80 or 8530 Notes 3"), ["80", "8530"])
    }

    func testACellsNoteAfterItsNumbersIsKeptAsASentence() {
        XCTAssertEqual(PortParser.note(inCell: "80 or 8530 (See note 2, Update Relay)"), "Port 80 or 8530: See note 2, Update Relay.")
        XCTAssertEqual(PortParser.note(inCell: "443 (alternate port available.)"), "Port 443: alternate port available.")
        XCTAssertNil(PortParser.note(inCell: "80 or 8530"))
        XCTAssertNil(PortParser.note(inCell: "80 ()"))
        XCTAssertNil(PortParser.note(inCell: "(none)"))
    }

    /// A web port is conditioned by its own sentence: the paragraph's other
    /// sentences neither condition it nor register a variable no fact uses.
    func testAWebPortTakesOnlyItsSentencesCondition() {
        let markdown = """
        # Ports

        The default ports are 8080 for HTTP traffic and 8443 for HTTPS traffic. A typical case for other ports is when you use a custom relay site rather than the default site.

        """
        let facts = InventedMarkdown.facts(path: "ports.md", markdown)
        XCTAssertEqual(facts.ports.map(\.port), ["8080", "8443"])
        XCTAssertEqual(facts.ports.compactMap(\.condition), [])
        XCTAssertEqual(facts.variables, [])
    }

    func testAPortTableRowKeepsItsCellsNoteInThePurpose() {
        let markdown = """
        # Ports

        ## Ports used by agents

        |Description|UDP|TCP|
        |---|---|---|
        |HTTP from the agent to the relay point.|--|80 or 8530 (See note 2, Update Relay)|
        |SMB between the site server and the agent.|--|445|

        """
        let facts = InventedMarkdown.facts(path: "ports.md", markdown)
        XCTAssertEqual(facts.ports.map(\.port).sorted(), ["445", "80", "8530"])
        let relay = facts.ports.filter { $0.port == "8530" || $0.port == "80" }
        XCTAssertTrue(relay.allSatisfy { $0.purpose == "HTTP from the agent to the relay point. Port 80 or 8530: See note 2, Update Relay." },
                      "\(relay.map(\.purpose))")
        XCTAssertEqual(facts.ports.first { $0.port == "445" }?.purpose, "SMB between the site server and the agent.")
    }

    func testProse() {
        XCTAssertEqual(PortParser.ports(inProse: "Outbound: TCP Port 9999"),
                       [.init(transport: "TCP", port: "9999", direction: "outbound", application: nil)])
        XCTAssertEqual(PortParser.ports(inProse: "Between phones and the gateway: HTTPS (by default, TCP 443)"),
                       [.init(transport: "TCP", port: "443", direction: nil, application: "HTTPS")])
        XCTAssertEqual(PortParser.ports(inProse: "No ports here, only 443 apples."), [])
        XCTAssertEqual(PortParser.ports(inProse: "Gateway --> Relay: name lookup using UDP and TCP port 9135."),
                       [.init(transport: "UDP", port: "9135", direction: nil, application: nil),
                        .init(transport: "TCP", port: "9135", direction: nil, application: nil)])
        XCTAssertEqual(PortParser.ports(inProse: "Open TCP/UDP ports 7000-7010 and TCP 7020.").map { "\($0.transport) \($0.port)" },
                       ["TCP 7000-7010", "UDP 7000-7010", "TCP 7020"])
    }

    /// A web port named without its transport (HTTP and HTTPS run over TCP),
    /// read from its own sentence; and a port after a dash in a list of protocols.
    func testWebPortsAndPortsOfAProtocolList() {
        let text = "Agents reach the relay over the web. The default ports are 8080 for HTTP traffic and 8443 for HTTPS traffic."
        XCTAssertEqual(PortParser.ports(inProse: text),
                       [.init(transport: "TCP", port: "8080", application: "HTTP", sentence: "The default ports are 8080 for HTTP traffic and 8443 for HTTPS traffic."),
                        .init(transport: "TCP", port: "8443", application: "HTTPS", sentence: "The default ports are 8080 for HTTP traffic and 8443 for HTTPS traffic.")])
        XCTAssertEqual(PortParser.ports(inProse: "The mirror always uses port 81 for HTTP and port 444 for HTTPS.").map { "\($0.application!) \($0.port)" },
                       ["HTTP 81", "HTTPS 444"])
        // A release is no port, and neither is a number without "port" in the sentence.
        XCTAssertEqual(PortParser.ports(inProse: "Starting in version 1810 for HTTPS traffic, ports are checked."), [])
        XCTAssertEqual(PortParser.ports(inProse: "Keep 80 for HTTP traffic."), [])
        XCTAssertEqual(PortParser.ports(inProse: "RPC (WMI) - 135 (TCP)"),
                       [.init(transport: "TCP", port: "135", direction: nil, application: nil)])
        XCTAssertEqual(PortParser.ports(inProse: "Windows 10 - 2004 (see notes)"), [])
    }

    func testEndpoints() {
        XCTAssertEqual(PortParser.endpoints("SMB between the site server and the client computer.").from, "site server")
        XCTAssertEqual(PortParser.endpoints("SMB between the site server and the client computer.").to, "client computer")
        let e = PortParser.endpoints("HTTP from the client computer to a management point when the link is plain.")
        XCTAssertEqual(e.from, "client computer")
        XCTAssertEqual(e.to, "management point")
    }
}

final class PermissionParserTests: XCTestCase {
    func testGrantWithPurposeAndObject() {
        let content: [Inline] = [.text("To do a thing: "), .strong([.text("Modify")]), .text(" and "),
                                 .strong([.text("Read")]), .text(" permission for the "), .strong([.text("Widget")]),
                                 .text(" object.")]
        XCTAssertEqual(PermissionParser.grants(content), [
            .init(permission: "Modify", object: "Widget", purpose: "do a thing"),
            .init(permission: "Read", object: "Widget", purpose: "do a thing"),
        ])
    }

    func testTwoClausesOneWithoutObject() {
        let content: [Inline] = [.text("To set it up: Default settings require "), .strong([.text("Modify")]),
                                 .text(" permission for the "), .strong([.text("Site")]),
                                 .text(" object, and custom settings require "), .strong([.text("Agent")]), .text(" permissions.")]
        XCTAssertEqual(PermissionParser.grants(content).map(\.permission), ["Modify", "Agent"])
        XCTAssertEqual(PermissionParser.grants(content).map(\.object), ["Site", nil])
    }

    func testEachSentenceGivesThePurposeBeforeItsComma() {
        let content: [Inline] = [
            .text("Like other objects, a user needs the right permissions to run or change gadgets. To run a gadget, a user must have the "),
            .strong([.text("Run Gadget")]), .text(" permission for the object. To create or change a gadget, a user must have the "),
            .strong([.text("Change Gadget")]), .text(" permission for the object. To do so, you need "), .strong([.text("Tune")]),
            .text(" permissions on the "), .strong([.text("Dial")]), .text(" object class."),
        ]
        XCTAssertEqual(PermissionParser.grants(content), [
            .init(permission: "Run Gadget", object: nil, purpose: "run a gadget"),
            .init(permission: "Change Gadget", object: nil, purpose: "create or change a gadget"),
            // "To do so" names no purpose of its own.
            .init(permission: "Tune", object: "Dial", purpose: nil),
        ])
    }

    func testSentencesWithoutGrantsGiveNone() {
        XCTAssertEqual(PermissionParser.grants([.text("For the permissions required to do X, see the other page.")]), [])
    }

    func testRoleStatement() {
        let content: [Inline] = [.text("The "), .strong([.text("Widget Administrator")]),
                                 .text(" default security role includes the required permissions to manage widgets.")]
        XCTAssertEqual(PermissionParser.roleStatements(content).first?.role, "Widget Administrator")
        XCTAssertEqual(PermissionParser.roleStatements(content).first?.purpose, "manage widgets")
    }
}

final class AbbreviationFinderTests: XCTestCase {
    func testShortestSpellingLongForm() {
        XCTAssertEqual(AbbreviationFinder.pairs(in: "Create a new group policy object (GPO) for it."),
                       [.init(short: "GPO", long: "group policy object")])
        XCTAssertEqual(AbbreviationFinder.pairs(in: "It uses the Contoso Widget Runtime (CWR) service."),
                       [.init(short: "CWR", long: "Contoso Widget Runtime")])
        XCTAssertEqual(AbbreviationFinder.pairs(in: "the Microsoft Core XML Services (MSXML) parser").first?.long,
                       "Microsoft Core XML Services")
        XCTAssertEqual(AbbreviationFinder.pairs(in: "a port number (UDP) and a value (See note)"), [])
    }

    /// The shortest run spelling "ADK" is "and Deployment Kit": a lower-case
    /// joining word before capitalized ones is inside a name, not its start.
    func testALongFormDoesNotBeginWithAJoiningWordInsideAName() {
        XCTAssertEqual(AbbreviationFinder.pairs(in: "Install the Contoso Audit and Deployment Kit (ADK) first."),
                       [.init(short: "ADK", long: "Audit and Deployment Kit")])
        XCTAssertEqual(AbbreviationFinder.pairs(in: "the Audit of Contoso Servers (OCS) report"), [])
        // Written all in lower case, the joining word is the first word.
        XCTAssertEqual(AbbreviationFinder.pairs(in: "the date is to be determined (TBD) for now"),
                       [.init(short: "TBD", long: "to be determined")])
    }

    func testAShortFormRepeatingTheWordBeforeItsLongForm() {
        // "Azure Active Directory (Azure AD)": "AD" is "Active Directory".
        XCTAssertEqual(AbbreviationFinder.pairs(in: "by using Contoso Active Roster (Contoso AR) identity"),
                       [.init(short: "AR", long: "Active Roster")])
        // The repeated word must be the one before the long form.
        XCTAssertEqual(AbbreviationFinder.pairs(in: "by using Contoso Active Roster (Fabrikam AR) identity"), [])
        XCTAssertEqual(AbbreviationFinder.pairs(in: "the Active Roster (Contoso AR) service"), [])
    }

    func testLastWordsAreTheLastWordsOfASplit() {
        for text in ["", " ", "one", "one two", "  one  two   three ", "a b c d e f g h i j k l m n o p", "x \u{301}y z", "trailing  "] {
            for count in [1, 3, 12] {
                XCTAssertEqual(AbbreviationFinder.lastWords(of: text[...], count: count),
                               Array(text.split(separator: " ").suffix(count)), "\(count) of '\(text)'")
            }
        }
    }

    /// Found by the property test: a paragraph of many short forms took time
    /// quadratic in its length (each one split all the text before it).
    func testAParagraphOfThousandsOfShortFormsIsLinear() {
        let text = String(repeating: "Windows Management Instrumentation (WMI) ", count: 5_000)
        let clock = ContinuousClock()
        let start = clock.now
        XCTAssertEqual(AbbreviationFinder.pairs(in: text), [.init(short: "WMI", long: "Windows Management Instrumentation")])
        // About 0.1 s in a debug build; the quadratic version took minutes. The
        // bound is loose enough for a loaded machine and still fails that one.
        XCTAssertLessThan(clock.now - start, .seconds(20))
    }
}

final class RoleStatementTests: XCTestCase {
    func testAQualifiedProductNameIsNotARole() {
        XCTAssertEqual(PermissionParser.roleStatements([.text("You must be a member of the appropriate Contoso Manager security role.")]), [])
        XCTAssertEqual(PermissionParser.roleStatements([.text("Read about Contoso Manager security roles.")]), [])
        XCTAssertEqual(PermissionParser.roleStatements([.text("Ask a Widget Manager security role member.")]).first?.role, "Widget Manager")
    }

    func testRolesASentenceSaysSomeoneMustBe() {
        let either: [Inline] = [.text("Your user account needs to be a "), .strong([.text("Fleet Administrator")]), .text(" or "),
                                .strong([.text("Depot administrator")]), .text(" in the console.")]
        XCTAssertEqual(PermissionParser.roleStatements(either).map(\.role), ["Fleet Administrator", "Depot administrator"])
        let assigned: [Inline] = [.text("Your account must be assigned the security role of "), .strong([.text("Depot Administrator")]),
                                  .text(".")]
        XCTAssertEqual(PermissionParser.roleStatements(assigned).map(\.role), ["Depot Administrator"])
        // A name someone need not be, or no title of one who administers.
        XCTAssertEqual(PermissionParser.roleStatements([.text("Ask the "), .strong([.text("Fleet Administrator")]), .text(".")]), [])
        XCTAssertEqual(PermissionParser.roleStatements([.text("It must be a "), .strong([.text("Round Widget")]), .text(".")]), [])
    }

    func testAnItemLeadingWithAnEmphasizedNameUnderASecurityRolesHeadingDefinesThatRole() {
        let markdown = """
            # Widgets

            ## Built-in security roles

            - *Widget Operator* grants permissions to start and stop widgets.
            - **Widget Auditor**: reads every widget log.
            - *Note* that roles can be copied.
            - The *Widget Owner* role can do anything.
            - **Role Name**: Widget Keepers

            These roles can also read widget logs:

            - **Widget Watchers**

            ## Widget types

            - *Round Widget* spins.
            """
        let facts = InventedMarkdown.facts(path: "roles.md", markdown)
        XCTAssertEqual(facts.securityRoles.map(\.name), ["Widget Operator", "Widget Auditor", "Widget Watchers"])
        XCTAssertEqual(facts.securityRoles.first?.description, "Widget Operator grants permissions to start and stop widgets.")
        XCTAssertEqual(facts.securityRoles.first?.source.line, 5)
        XCTAssertEqual(facts.securityRoles.last?.description, "Widget Watchers: These roles can also read widget logs:")
    }

    /// A table of role identifiers names no site system role, and a
    /// footnote mark glued to a role's name is no part of it.
    func testRoleIdentifiersAndFootnoteMarksInRoleTables() {
        let markdown = """
            # Widget roles

            ## Identifiers

            |Role Identifier|Role Name|
            |---|---|
            |WID0001R|Widget Operator|

            ## Hardware

            |Site system role|CPU (cores)|Memory (GB)|
            |---|---|---|
            |Relay point<sup>1</sup>|8|16|
            """
        let facts = InventedMarkdown.facts(path: "roles.md", markdown)
        XCTAssertFalse(facts.siteSystemRoles.contains { $0.name == "WID0001R" }, "\(facts.siteSystemRoles.map(\.name))")
        XCTAssertEqual(ExtractionRun.withoutFootnoteMark("software update point1"), "software update point")
        XCTAssertEqual(ExtractionRun.withoutFootnoteMark("Windows 10"), "Windows 10")
        XCTAssertEqual(ExtractionRun.withoutFootnoteMark("IPv6 relay"), "IPv6 relay")
        XCTAssertEqual(ExtractionRun.withoutFootnoteMark("gateway x64"), "gateway x64")
        XCTAssertTrue(ExtractionRun.isIdentifier("SMS0001R"))
        XCTAssertFalse(ExtractionRun.isIdentifier("CAS"))
        XCTAssertFalse(ExtractionRun.isIdentifier("Windows 10"))
        XCTAssertEqual(facts.siteSystemRoles.map(\.name).filter { $0.hasPrefix("relay") }, ["relay point"])
    }

    func testAGrantWithADashAfterItsPurposeAndABoldObjectWithoutTheWordObject() {
        let grants = PermissionParser.grants([.text("To run scripts - Your account must have "), .strong([.text("Run Script")]),
                                              .text(" permissions for "), .strong([.text("Collections")]), .text(".")])
        XCTAssertEqual(grants, [PermissionParser.Grant(permission: "Run Script", object: "Collections", purpose: "run scripts")])
    }

    func testARolePermissionGridNamesTheObjectClassCategory() {
        let markdown = """
            # Pallets

            ## Pallet roles

            |Category|Permission|State|
            |---|---|---|
            |Pallet|Read|Yes|
            """
        let facts = InventedMarkdown.facts(path: "pallets.md", markdown)
        XCTAssertEqual(facts.permissions.map { "\($0.permission) on \($0.object ?? "-")" }, ["Read on Pallet"])
    }

    func testObjectWordsInsideOtherWordsDoNotSplitGrants() {
        let grants = PermissionParser.grants([.text("To fix it: "), .strong([.text("Read")]), .text(" permission for the "),
                                              .strong([.text("Configuration")]), .text(" object.")])
        XCTAssertEqual(grants.map(\.object), ["Configuration"])
    }
}

final class GrantObjectTests: XCTestCase {
    func testAnArticleIsNotAnObject() {
        XCTAssertEqual(PermissionParser.grants([.text("To scope things: set "), .strong([.text("Scopes")]),
                                                .text(" on an object.")]).compactMap(\.object), [])
    }
}
