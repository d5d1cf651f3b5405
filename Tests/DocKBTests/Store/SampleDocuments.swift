@testable import DocKB

/// Hand-built documents and facts that populate every table of the
/// knowledge base, so the store is tested without the parser or extractor.
enum SampleDocuments {
    static let guidePath = "guide/setup.md"
    static let otherPath = "guide/other.md"

    static func paragraph(_ text: String, line: Int) -> Block {
        Block(.paragraph([.text(text)]), line: line, endLine: line)
    }

    static func heading(_ level: Int, _ text: String, explicit: [String] = [], slug: String, line: Int) -> Block {
        let content: [Inline] = explicit.map { .html("<a name=\"\($0)\"></a>") } + [.text(text)]
        return Block(.heading(Heading(level: level, content: content, explicitAnchors: explicit, slug: slug)),
                     line: line, endLine: line)
    }

    /// Lines 6-36 of an imagined file:
    ///  6 `# Setup guide`, 8-9 paragraph with a link and an inline comment,
    /// 11 `## <a name="bkmk_req"></a> Requirements`, 13-16 a component table,
    /// 18-25 a list with a nested ordered list and a table inside its second item,
    /// 27 `### Notes`, 29-31 an IMPORTANT alert holding a list,
    /// 33-34 an HTML block with two comments, 36 an include.
    static func guide() -> Document {
        let componentTable = Table(
            header: TableRow(line: 13, cells: [[.text("Component")], [.text("Description")]]),
            rows: [
                TableRow(line: 15, cells: [[.strong([.text("Agent")])],
                                           [.text("Needs "), .code("setup.exe"), .html("<br />"), .text("restart")]]),
                TableRow(line: 16, cells: [[.text("Helper")], [.text("Optional "), .html("<!-- 42 -->")]]),
            ],
            alignments: [.none, .none])
        let itemTable = Table(
            header: TableRow(line: 23, cells: [[.text("Port")], [.text("Use")]]),
            rows: [TableRow(line: 25, cells: [[.text("443")], [.text("HTTPS")]])],
            alignments: [.left, .none])
        let nested = ListBlock(ordered: true, start: 1, items: [
            ListItem(line: 19, blocks: [paragraph("Nested one", line: 19)]),
            ListItem(line: 20, blocks: [paragraph("Nested two", line: 20)]),
        ])
        let list = ListBlock(ordered: false, start: 1, items: [
            ListItem(line: 18, blocks: [paragraph("First", line: 18), Block(.list(nested), line: 19, endLine: 20)]),
            ListItem(line: 21, blocks: [paragraph("Second", line: 21), Block(.table(itemTable), line: 23, endLine: 25)]),
        ])
        let alert = Alert(kind: .important, blocks: [
            paragraph("Careful with restarts", line: 30),
            Block(.list(ListBlock(ordered: false, start: 1, items: [
                ListItem(line: 31, blocks: [paragraph("Inside the alert", line: 31)]),
            ])), line: 31, endLine: 31),
        ])
        let blocks: [Block] = [
            heading(1, "Setup guide", slug: "setup-guide", line: 6),                                  // 0
            Block(.paragraph([.text("Read "), .link(destination: "other.md#Part", title: "", content: [.text("the other")]),
                              .softBreak, .text("first."), .html("<!-- SCCMDocs-pr#1 -->")]), line: 8, endLine: 9), // 1
            heading(2, "Requirements", explicit: ["bkmk_req"], slug: "requirements", line: 11),       // 2
            Block(.table(componentTable), line: 13, endLine: 16),                                     // 3
            Block(.list(list), line: 18, endLine: 25),                                                // 4
            heading(3, "Notes", slug: "notes", line: 27),                                             // 5
            Block(.alert(alert), line: 29, endLine: 31),                                              // 6
            Block(.html("<!-- first -->\n<!-- second -->"), line: 33, endLine: 34),                  // 7
            Block(.include(Include(name: "shared", path: "../includes/shared.md")), line: 36, endLine: 36), // 8
        ]
        let sections = [
            Section(index: 0, parent: nil, level: 1, heading: "Setup guide", content: [.text("Setup guide")],
                    explicitAnchors: [], slug: "setup-guide", line: 6, blockRange: 1..<2),
            Section(index: 1, parent: 0, level: 2, heading: "Requirements", content: [.text("Requirements")],
                    explicitAnchors: ["bkmk_req"], slug: "requirements", line: 11, blockRange: 3..<5),
            Section(index: 2, parent: 1, level: 3, heading: "Notes", content: [.text("Notes")],
                    explicitAnchors: [], slug: "notes", line: 27, blockRange: 6..<9),
        ]
        return Document(path: guidePath, sha256: "abc123",
                        frontMatter: FrontMatter(fields: ["title": "Setup", "ms.date": "06/01/2020", "author": "writer"]),
                        blocks: blocks, sections: sections, diagnostics: [])
    }

    static func other() -> Document {
        Document(path: otherPath, sha256: "def456", frontMatter: FrontMatter(),
                 blocks: [heading(1, "Part", slug: "part", line: 1), paragraph("Text of the other part.", line: 3)],
                 sections: [Section(index: 0, parent: nil, level: 1, heading: "Part", content: [.text("Part")],
                                    explicitAnchors: [], slug: "part", line: 1, blockRange: 1..<2)],
                 diagnostics: [Diagnostic(.warning, at: SourceLocation(path: otherPath, line: 2), "odd front matter")])
    }

    static let schemaOrForest = Condition.any([.not(.flag("extended-schema")), .flag("another-forest")])

    static func guideFacts() -> ExtractedFacts {
        func at(_ line: Int, _ anchor: String, _ section: String) -> FactSource {
            FactSource(path: guidePath, line: line, anchor: anchor, section: section)
        }
        var facts = ExtractedFacts()
        facts.components = [Component(name: "Agent", minVersion: "4.5.2", file: "setup.exe", category: "Requirements",
                                       description: "Needs setup.exe", mayRestart: true, source: at(15, "bkmk_req", "Requirements"))]
        facts.siteSystemRoles = [SiteSystemRole(name: "management point", necessity: .required, subject: "Windows clients",
                                                description: "Clients talk to it", source: at(18, "bkmk_req", "Requirements"))]
        facts.securityRoles = [SecurityRole(name: "Full Administrator", description: "Has every permission",
                                            source: at(30, "notes", "Notes"))]
        facts.permissions = [Permission(permission: "Modify Resource", object: "Collection", purpose: "To push clients",
                                        securityRole: "Full Administrator", subject: "Client push installation",
                                        source: at(31, "notes", "Notes"))]
        facts.ports = [Port(transport: "TCP", port: "443", from: "client", to: "management point", purpose: "HTTPS",
                            condition: .flag("source"), conditionText: "when you use /source", subject: "enrollment",
                            direction: "outbound", source: at(25, "bkmk_req", "Requirements"))]
        facts.installMethods = [InstallMethod(name: "Software distribution-based installation",
                                              heading: "Software distribution-based installation (for upgrades only)",
                                              condition: .flag("upgrade"), source: at(27, "notes", "Notes"))]
        facts.requirements = [Requirement(subject: "Client push installation", text: "Publish the site to the forest",
                                          necessity: .optionalRecommended, condition: schemaOrForest,
                                          conditionText: "if the schema is not extended or another forest",
                                          mentions: [Mention(kind: "site_system_role", name: "management point")],
                                          source: at(19, "bkmk_req", "Requirements"))]
        facts.aliases = [Alias(alias: "MP", entityKind: "site_system_role", name: "management point",
                               source: at(18, "bkmk_req", "Requirements"))]
        facts.variables = [ConditionVariable(name: "extended-schema", phrase: "extended the schema"),
                           ConditionVariable(name: "another-forest", phrase: "another forest")]
        facts.tables = [TableClassification(ordinal: 0, line: 13, kind: "components", shape: "component|description")]
        facts.diagnostics = [Diagnostic(.warning, at: SourceLocation(path: guidePath, line: 16), "row without a version")]
        return facts
    }

    static func otherFacts() -> ExtractedFacts {
        var facts = ExtractedFacts()
        // The same flag again, in other words. This document sorts first, so its phrase is kept.
        facts.variables = [ConditionVariable(name: "another-forest", phrase: "a different forest")]
        return facts
    }

    static func guideLinks() -> [LinkRecord] {
        [LinkRecord(line: 8, text: "the other", destination: "other.md#Part", targetPath: otherPath,
                    targetAnchor: "part", status: .resolved),
         LinkRecord(line: 30, text: "gone", destination: "gone.md", targetPath: nil, targetAnchor: nil,
                    status: .danglingDocument)]
    }

    /// Tables of `blocks` at any depth, counted independently of the store's walk.
    static func tableCount(_ blocks: [Block]) -> Int {
        blocks.reduce(0) { total, block in
            switch block.kind {
            case .table: return total + 1
            case .list(let l): return total + l.items.reduce(0) { $0 + tableCount($1.blocks) }
            case .alert(let a): return total + tableCount(a.blocks)
            case .quote(let b): return total + tableCount(b)
            default: return total
            }
        }
    }
}
