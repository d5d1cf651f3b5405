import Foundation
@testable import DocKB

/// A small documentation set written for the renderer tests (not taken from
/// the corpus): a prerequisites article with an installation method section,
/// a ports article, an included snippet and a hostile article, plus the facts
/// an extractor would have read from them.
struct RenderFixture {
    var documents: [Document] = []
    var facts: [ExtractedFacts] = []

    static let prerequisites = "guide/prereqs.md"
    static let ports = "net/ports.md"
    static let shared = "guide/includes/shared.md"
    static let hostile = "evil/hostile.md"

    init() {
        documents = [Self.buildShared()]
        let (prereqs, prereqFacts) = Self.buildPrerequisites()
        documents.append(prereqs)
        facts.append(prereqFacts)
        let (ports, portFacts) = Self.buildPorts()
        documents.append(ports)
        facts.append(portFacts)
        documents.append(Self.buildHostile())
    }

    /// Writes the knowledge base and renders the site into `folder`.
    func render(into folder: URL) throws -> SiteReport {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("kb.sqlite")
        try TestKnowledgeBase.write(documents: documents, facts: facts, to: database)
        return try SiteRenderer(databasePath: database.path).render(documents: documents, to: folder)
    }

    private static func source(_ path: String, _ line: Int, _ builder: DocumentBuilder, section: Int) -> FactSource {
        FactSource(path: path, line: line, anchor: builder.anchor(ofSectionAt: section), section: "")
    }

    private static func buildShared() -> Document {
        var b = DocumentBuilder(path: shared)
        b.heading(2, "Push installation tips")
        b.paragraph([.text("Shared text included by other articles, with a "), .link(destination: "../prereqs.md#push-installation", title: "", content: [.text("link back")]), .text(".")])
        return b.build(title: "Shared snippet")
    }

    private static func buildPrerequisites() -> (Document, ExtractedFacts) {
        let path = prerequisites
        var b = DocumentBuilder(path: path)
        var f = ExtractedFacts()
        b.heading(1, "Widget client prerequisites")
        b.paragraph([.emphasis([.text("Applies to: the widget product")])])
        b.alert(.note, [.text("Versions listed are minimums.")])
        let general = b.heading(2, "Prerequisites for desktop clients", anchor: "BKMK_desktop")
        b.paragraph([.text("Everything here applies to every installation method."), .html("<!-- tracking 1234 -->")])
        let componentsSection = b.heading(3, "External components")
        let rows = b.table(["Component", "Description"], [
            [[.text("Widget Runtime (WR) version 2.1 or later ("), .code("widget.msi"), .text(")")],
             [.text("Required to run widgets."), .html("<br />"), .text("May restart the computer.")]],
            [[.text("Gadget Library 1.0")], [.text("Required for gadgets; see "), .link(destination: "#bkmk_desktop", title: "", content: [.text("above")])]],
        ])
        f.components = [
            Component(name: "Widget Runtime", minVersion: "2.1", file: "widget.msi", category: "External components",
                      description: "Required to run widgets.", mayRestart: true,
                      source: source(path, rows[0], b, section: componentsSection)),
            Component(name: "Gadget Library", minVersion: "1.0", file: nil, category: "External components",
                      description: "Required for gadgets.", mayRestart: false,
                      source: source(path, rows[1], b, section: componentsSection)),
        ]
        f.aliases = [Alias(alias: "WR", entityKind: "component", name: "Widget Runtime",
                           source: source(path, rows[0], b, section: componentsSection))]
        let rolesSection = b.heading(3, "Server roles")
        let roleRows = b.table(["Component", "Description"], [
            [[.text("Management point")], [.text("Clients need a management point to talk to the site.")]],
            [[.text("Distribution point")], [.text("An optional, but recommended role that hosts content.")]],
        ])
        f.siteSystemRoles = [
            SiteSystemRole(name: "management point", necessity: .required, subject: "desktop clients",
                           description: "Clients need a management point.", source: source(path, roleRows[0], b, section: rolesSection)),
            SiteSystemRole(name: "distribution point", necessity: .optionalRecommended, subject: "desktop clients",
                           description: "Hosts content.", source: source(path, roleRows[1], b, section: rolesSection)),
        ]
        f.requirements += zip(rows + roleRows, ["Widget Runtime", "Gadget Library", "management point", "distribution point"]).map { line, name in
            Requirement(subject: "desktop clients", text: "\(name): needed", necessity: .required, condition: nil,
                        conditionText: nil, mentions: [], source: source(path, line, b, section: general))
        }
        b.heading(3, "Installation method dependencies")
        let push = b.heading(4, "Push installation")
        let pushItems = b.list([
            [.text("An installation account that is an administrator on the "), .strong([.text("target")]), .text(" computer.")],
            [.text("The computer has an "), .code("ADMIN$"), .text(" share.")],
            [.text("The client downloads files from a management point.")],
        ], nested: [0: [[.text("Nested detail about the account.")]]])
        let permissionItems = b.list([
            [.text("To configure the account: "), .strong([.text("Modify")]), .text(" permission for the "), .strong([.text("Site")]), .text(" object.")],
        ])
        let rolePara = b.paragraph([.text("The "), .strong([.text("Infra Admin")]), .text(" role includes these permissions.")])
        let manual = b.heading(4, "Manual installation")
        let manualPara = b.paragraph([.text("The client downloads files from a management point, unless you use "), .code("setup /source"), .text(".")])
        b.code("shell", "setup.exe /source:C:\\files\n  --verbose <quiet>")
        b.paragraph([.text("See "), .link(destination: "../net/ports.md#BKMK_PUSH", title: "Ports", content: [.text("the ports")]),
                     .text(", "), .link(destination: "missing/elsewhere.md", title: "", content: [.text("a missing article")]),
                     .text(" and "), .link(destination: "https://example.com/docs", title: "", content: [.text("the vendor")]), .text(".")])
        b.include("Shared", "includes/shared.md")
        f.installMethods = [
            InstallMethod(name: "Push installation", heading: "Push installation", condition: nil, source: source(path, push, b, section: push)),
            InstallMethod(name: "Manual installation", heading: "Manual installation", condition: nil, source: source(path, manual, b, section: manual)),
        ]
        f.requirements += pushItems.map { line in
            Requirement(subject: "Push installation", text: "push item at \(line)", necessity: .required, condition: nil,
                        conditionText: nil, mentions: line == pushItems[2] ? [Mention(kind: "site_system_role", name: "management point")] : [],
                        source: source(path, line, b, section: push))
        }
        f.requirements.append(Requirement(subject: "Manual installation", text: "Download from a management point",
                                          necessity: nil, condition: .not(.flag("source")), conditionText: "unless you use setup /source",
                                          mentions: [Mention(kind: "site_system_role", name: "management point")],
                                          source: source(path, manualPara, b, section: manual)))
        f.permissions = [Permission(permission: "Modify", object: "Site", purpose: "To configure the account",
                                    securityRole: "Infra Admin", subject: "Push installation",
                                    source: source(path, permissionItems[0], b, section: push))]
        f.securityRoles = [SecurityRole(name: "Infra Admin", description: "Includes the push permissions.",
                                        source: source(path, rolePara, b, section: push))]
        return (b.build(title: "Widget prerequisites", date: "01/02/2024"), f)
    }

    private static func buildPorts() -> (Document, ExtractedFacts) {
        let path = ports
        var b = DocumentBuilder(path: path)
        var f = ExtractedFacts()
        b.heading(1, "Widget ports")
        let section = b.heading(2, "Ports that are used with push installation", anchor: "bkmk_push")
        let rows = b.table(["Description", "UDP", "TCP"], [
            [[.text("SMB between the site server and the client computer.")], [.text("--")], [.text("445")]],
            [[.text("HTTP from the client computer to a management point.")], [.text("--")], [.text("80")]],
        ])
        f.ports = [
            Port(transport: "TCP", port: "445", from: "site server", to: "client computer", purpose: "SMB", condition: nil,
                 conditionText: nil, subject: "push installation", direction: nil, source: source(path, rows[0], b, section: section)),
            Port(transport: "TCP", port: "80", from: "client computer", to: "management point", purpose: "HTTP",
                 condition: .flag("http"), conditionText: "when the connection is over HTTP", subject: "push installation",
                 direction: nil, source: source(path, rows[1], b, section: section)),
        ]
        b.paragraph("Push also sends ping requests from the site server to the client.")
        let all = b.heading(2, "Ports that are used for all installation methods")
        let allRows = b.table(["Description", "UDP", "TCP"], [
            [[.text("HTTP from the client computer to a fallback status point.")], [.text("--")], [.text("80")]],
        ])
        f.ports.append(Port(transport: "TCP", port: "80", from: "client computer", to: "fallback status point", purpose: "State messages",
                            condition: nil, conditionText: nil, subject: "all installation methods", direction: nil,
                            source: source(path, allRows[0], b, section: all)))
        b.heading(2, "Notes", anchor: "notes")
        b.paragraph([.text("Back to "), .link(destination: "../guide/prereqs.md#Push-Installation", title: "", content: [.text("push")])])
        return (b.build(title: "Ports"), f)
    }

    /// Every trick a hostile or careless author could play with raw HTML.
    private static func buildHostile() -> Document {
        var b = DocumentBuilder(path: hostile)
        b.heading(1, "Hostile <script>alert('title')</script> article")
        b.paragraph([.text("Inline "), .html("<script>"), .text("alert('inline')"), .html("</script>"), .text(" script.")])
        b.paragraph([.link(destination: "javascript:alert('link')", title: "", content: [.text("a javascript link")]),
                     .text(" "), .link(destination: " JaVa\tScRiPt:alert(2)", title: "", content: [.text("an obfuscated one")]),
                     .text(" "), .link(destination: "data:text/html,<script>alert(3)</script>", title: "", content: [.text("a data URL")]),
                     .text(" "), .link(destination: "vbscript:msgbox(4)", title: "", content: [.text("vbscript")])])
        b.paragraph([.html("<a href=\"javascript:alert(5)\" onclick=\"alert(6)\">"), .text("raw anchor"), .html("</a>"),
                     .text(" "), .html("<img src=\"https://evil.example/x.png\" onerror=\"alert(7)\">"),
                     .text(" "), .html("<span onmouseover=\"alert(8)\" style=\"background:url(https://evil.example/y)\">"),
                     .text("hover"), .html("</span>"), .html("<sup>"), .text("1"), .html("</sup>"),
                     .html("<iframe src=\"https://evil.example/frame\">"), .text("framed"), .html("</iframe>")])
        b.html("<div onclick=\"alert(9)\"><script>alert(10)</script><style>body{background:url(https://evil.example/z)}</style><p style=\"color:red\">kept <b>bold</b> text</p><iframe src=\"https://evil.example\"></iframe></div>")
        b.html("<object data=\"https://evil.example/o.swf\"></object><embed src=\"https://evil.example/e\"><form action=\"https://evil.example/f\"><input name=\"x\"></form>")
        b.html("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><base href=\"https://evil.example/\"><link rel=\"stylesheet\" href=\"https://evil.example/s.css\">")
        b.html("<svg onload=\"alert(11)\"><script>alert(12)</script></svg><math><mi>x</mi></math>")
        b.html("<!-- a comment that tries --!> to <script>alert(13)</script> escape -->")
        b.html("<![LOG[odd log line]LOG]!><a href=\"&#x6A;avascript:alert(14)\">encoded</a>")
        b.table(["Name", "Notes"], [[[.html("<iframe src=\"https://evil.example/cell\"></iframe>"), .text("cell")],
                                     [.html("<a name=\"cell-anchor\"></a>"), .text("x "), .html("<br>"), .text("y")]]])
        b.heading(2, "Heading with <b>markup</b>", anchor: "bkmk_\"quoted\"")
        b.paragraph([.html("<a href=\"//evil.example/p\">"), .text("protocol relative"), .html("</a>"),
                     .image(source: "https://evil.example/i.png", title: "", alt: "remote image")])
        return b.build(title: "Hostile")
    }
}
