/// Extracts typed facts from one parsed document, driven by its structure:
/// table headers, list and heading nesting, and the phrasing of conditions.
/// Nothing here knows any particular article.
public struct FactExtractor: Sendable {
    public init() {}

    public func extract(_ document: Document) -> ExtractedFacts {
        var run = ExtractionRun(document: document)
        run.extractAll()
        return Self.bounded(run.facts, in: document)
    }

    /// The most typed facts one document keeps: a hundred times the corpus's
    /// most (about 200, in its ports article). A 5 MB file repeating one port
    /// sentence gave 69,000 port facts, each stored, indexed and listed on
    /// the port's page; the build's memory grew to 0.7 GB (5.7 GB for 29 MB).
    public static let maxFactsPerDocument = 20_000

    /// `facts`, or those up to the line where the document reaches
    /// `maxFactsPerDocument`, with a warning saying where reading stopped.
    static func bounded(_ facts: ExtractedFacts, in document: Document, limit: Int = maxFactsPerDocument) -> ExtractedFacts {
        // Counted first: every document passes here, and almost none is near the limit.
        guard facts.factCount + facts.aliases.count > limit else { return facts }
        let sources = facts.components.map(\.source) + facts.siteSystemRoles.map(\.source) + facts.securityRoles.map(\.source)
            + facts.permissions.map(\.source) + facts.ports.map(\.source) + facts.installMethods.map(\.source)
            + facts.requirements.map(\.source) + facts.aliases.map(\.source)
        // Whole lines only: the facts of the line that crosses the limit are all dropped.
        let firstDropped = sources.map(\.line).sorted()[limit], last = firstDropped - 1
        func kept<Fact>(_ list: [Fact], _ source: (Fact) -> FactSource) -> [Fact] { list.filter { source($0).line <= last } }
        var bounded = facts
        bounded.components = kept(facts.components, \.source)
        bounded.siteSystemRoles = kept(facts.siteSystemRoles, \.source)
        bounded.securityRoles = kept(facts.securityRoles, \.source)
        bounded.permissions = kept(facts.permissions, \.source)
        bounded.ports = kept(facts.ports, \.source)
        bounded.installMethods = kept(facts.installMethods, \.source)
        bounded.requirements = kept(facts.requirements, \.source)
        bounded.aliases = kept(facts.aliases, \.source)
        bounded.diagnostics.append(Diagnostic(at: document.location(firstDropped), """
            no facts were read from this line on: the document states \(sources.count) facts, \
            more than the \(limit) one document may hold
            """))
        return bounded
    }
}

/// The state of one extraction: the document, what each section is about,
/// and the facts found so far.
struct ExtractionRun {
    let document: Document
    let conditions = ConditionParser()
    let subjects: [SectionSubject]
    var facts = ExtractedFacts()
    var roleNames: Set<String>
    /// `document.inlineTexts()`, made once for the readers that scan it all.
    let inlineTexts: [(text: String, line: Int)]
    var tableOrdinal = 0
    /// Lines already warned about by `isReadable`.
    var longStatementLines: Set<Int> = []

    /// Statements (paragraphs, list items) longer than this, in UTF-8 bytes,
    /// state no facts. Every fact quotes its statement, so one statement
    /// naming thousands of ports (a 10 MB line) would be stored thousands of
    /// times over; the corpus's longest statement is under 4 kB.
    static let maxStatementLength = 16_384

    init(document: Document) {
        self.document = document
        let inlineTexts = document.inlineTexts()
        let roleNames = RoleLexicon.names(in: document, texts: inlineTexts)
        self.inlineTexts = inlineTexts
        self.roleNames = roleNames
        self.subjects = SectionSubjects.analyze(document, conditions: conditions) { heading in
            Self.headingRole(heading, roleNames: roleNames)
        }
    }

    /// The context a block is read in: its section, the subject it states
    /// rules for, and the lead-in sentence of the list it belongs to.
    struct Context {
        var section: SectionSubject
        var subject: String
        var statesRequirements: Bool
        var intro: Unit?
        /// The lead of the list item whose later paragraph is `intro`: what
        /// the item says of everything below it ("... must allow the
        /// following" above "Requirements:"), read when `intro` says nothing.
        var outerIntro: Unit? = nil
        /// A bold line right above a table, naming what it is for ("**Red
        /// Hat Enterprise Linux Server release 6**"): a heading in all but markup.
        var caption: String? = nil
    }

    mutating func extractAll() {
        let preamble = SectionSubject(
            subject: SectionSubjects.subjectPhrase(document.title) ?? document.title, installMethod: nil,
            statesRequirements: false, portSubject: document.title, headings: [], anchor: "", heading: document.title)
        read(Array(document.preamble), in: Context(section: preamble, subject: preamble.subject,
                                                   statesRequirements: false, intro: nil))
        for (index, section) in document.sections.enumerated() {
            let info = subjects[index]
            if let method = info.installMethod { add(method) }
            // A document's opening paragraphs introduce it; they state no rule.
            let states = info.statesRequirements && section.level > 1
            read(Array(document.blocks(of: section)), in: Context(
                section: info, subject: info.subject, statesRequirements: states, intro: nil))
        }
        finish()
    }

    /// The site system role a heading is the name of, as running text writes
    /// it: the whole heading, a known role or ending in "point" ("Management
    /// point"; not "Client -- > Management point").
    static func headingRole(_ heading: String, roleNames: Set<String>) -> String? {
        let name = Text.trimmingPeriod(heading.collapsingWhitespace)
        guard namesRole(name.lowercased(), roleNames: roleNames),
              name.split(separator: " ").count <= 5, !name.contains("--"),
              name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return nil }
        return roleNameAsWritten(name)
    }

    /// False, with a warning the first time for its line, for a statement too long to read facts from.
    mutating func isReadable(_ unit: Unit) -> Bool {
        let length = unit.text.utf8.count + unit.details.reduce(0) { $0 + $1.plainText.utf8.count }
        guard length > Self.maxStatementLength else { return true }
        if longStatementLines.insert(unit.line).inserted {
            facts.diagnostics.append(Diagnostic(at: document.location(unit.line),
                "no facts were read from this \(length)-byte statement (facts quote their statement; "
                    + "statements up to \(Self.maxStatementLength) bytes are read)"))
        }
        return false
    }

    func source(_ line: Int, _ context: Context) -> FactSource {
        FactSource(path: document.path, line: line, anchor: context.section.anchor, section: context.section.heading)
    }

    /// Reads a run of blocks that belong together (a section's body, a list
    /// item's body), then credits permissions found in it to the security role
    /// the same run says includes them.
    /// `leadIns` gives lists of the run a lead-in that is not in the run: a
    /// list item's paragraph right above a list nested in the item.
    mutating func read(_ blocks: [Block], in context: Context, leadIns: [Int: Unit] = [:]) {
        let firstPermission = facts.permissions.count
        var statedRole: String?
        var intro: Unit?
        // Paragraphs before the first list or table lead into it ("Many of these
        // components are ..."); the rules are the rows and items that follow.
        // Not a list of articles to read ("For more information, see:").
        let firstStructured = blocks.indices.first(where: { index in
            switch blocks[index].kind {
            case .table: return true
            case .list: return !(index > 0 && Self.isPointer(blocks[index - 1]))
            default: return false
            }
        }) ?? blocks.count
        for (index, block) in blocks.enumerated() {
            switch block.kind {
            case .paragraph(let content):
                let unit = Unit(content: content, details: [], line: block.line)
                var paragraphContext = context
                if index < firstStructured && firstStructured < blocks.count { paragraphContext.statesRequirements = false }
                if let role = readUnit(unit, in: paragraphContext) { statedRole = statedRole ?? role }
                intro = unit.text.hasSuffix(":") ? unit : nil
            case .list(let list):
                var listContext = context
                // The list's own lead-in: the paragraph above it in this run, or
                // in its item; the item's lead then stays what surrounds it.
                let leadIn = intro ?? leadIns[index]
                listContext.intro = leadIn ?? context.intro
                if intro == nil, leadIn != nil { listContext.outerIntro = context.intro }
                // "X has the following prerequisites:": the items are rules, whatever the heading says.
                if let leadIn, Self.leadsIntoRequirements.matches(leadIn.text) { listContext.statesRequirements = true }
                for item in list.items {
                    if let role = readItem(item, in: listContext) { statedRole = statedRole ?? role }
                }
                intro = nil
            case .table(let table):
                var tableContext = context
                tableContext.caption = index > 0 ? Self.caption(blocks[index - 1]) : nil
                readTable(table, line: block.line, in: tableContext)
                intro = nil
            case .alert(let alert):
                readAlert(alert.blocks, in: context)
            case .quote(let inner):
                read(inner, in: context)
            case .heading, .code, .html, .include, .thematicBreak:
                break
            }
        }
        if let statedRole {
            for i in firstPermission..<facts.permissions.count where facts.permissions[i].securityRole == nil {
                facts.permissions[i].securityRole = statedRole
            }
        }
    }

    /// A lead-in naming what its list holds as prerequisites or requirements ("... has the following
    /// prerequisites:", "The following are minimum requirements for ...:"); not other kinds of
    /// requirements ("the following business requirements").
    static let leadsIntoRequirements = Pattern(
        #"\bthe following (?:are (?:the )?(?:minimum |general |basic )?)?(?:prerequisites|requirements)\b.*:$"#,
                                               requiring: [["the following "], ["prerequisites", "requirements"]])

    /// The text of a paragraph that is one short bold phrase and nothing else.
    static func caption(_ block: Block) -> String? {
        guard case .paragraph(let content) = block.kind else { return nil }
        let parts = content.filter {
            if case .text(let s) = $0 { return !s.allSatisfy(\.isWhitespace) }
            if case .softBreak = $0 { return false }
            return true
        }
        guard parts.count == 1, case .strong(let inner) = parts[0] else { return nil }
        let text = inner.plainText.collapsingWhitespace
        guard !text.isEmpty, text.count <= 120, let last = text.last, !".:".contains(last) else { return nil }
        return text
    }

    /// Alerts hold notes, not prerequisites; only the ports they state are kept.
    mutating func readAlert(_ blocks: [Block], in context: Context) {
        for block in blocks {
            if case .paragraph(let content) = block.kind {
                readPorts(Unit(content: content, details: [], line: block.line), in: context)
            }
        }
        for block in blocks { countTables(in: block, context: context) }
    }

    /// Tables inside alerts and lists are still classified, so every table a
    /// document has is accounted for.
    mutating func countTables(in block: Block, context: Context) {
        switch block.kind {
        case .table(let t): readTable(t, line: block.line, in: context)
        case .list(let l): for item in l.items { for b in item.blocks { countTables(in: b, context: context) } }
        case .alert(let a): for b in a.blocks { countTables(in: b, context: context) }
        case .quote(let bs): for b in bs { countTables(in: b, context: context) }
        default: break
        }
    }

    mutating func readItem(_ item: ListItem, in context: Context) -> String? {
        let paragraphs = item.blocks.compactMap { block -> (content: [Inline], line: Int)? in
            if case .paragraph(let c) = block.kind { return (c, block.line) } else { return nil }
        }
        guard let lead = paragraphs.first else {
            read(item.blocks, in: context)
            return nil
        }
        // Older articles list the installation methods as items whose lead is a
        // bare title, with their prerequisites nested below.
        if isMethodsList(context), isTitle(lead.content.plainText), item.blocks.count > 1 {
            let method = SectionSubjects.installMethod(
                heading: lead.content.plainText.collapsingWhitespace, line: item.line, document: document,
                anchor: context.section.anchor, conditions: conditions)
            add(method)
            var inner = context
            inner.subject = method.name
            inner.statesRequirements = true
            inner.intro = nil
            read(Array(item.blocks.dropFirst()), in: inner)
            return nil
        }
        let unit = Unit(content: lead.content, details: paragraphs.dropFirst().map(\.content), line: item.line)
        let role = readUnit(unit, in: context)
        // A list nested below a later paragraph of the item is led into by that
        // paragraph ("When ..., the following ports are used:"), not by the item's lead.
        var nested: [Block] = []
        var leadIns: [Int: Unit] = [:]
        for (index, block) in item.blocks.enumerated() {
            if case .paragraph = block.kind { continue }
            if case .list = block.kind, index > 0, item.blocks[index - 1].line != lead.line,
               case .paragraph(let above) = item.blocks[index - 1].kind {
                let leadIn = Unit(content: above, details: [], line: item.blocks[index - 1].line)
                if leadIn.text.hasSuffix(":") { leadIns[nested.count] = leadIn }
            }
            nested.append(block)
        }
        var inner = context
        inner.intro = unit
        inner.outerIntro = nil
        let details = isReadable(unit) ? paragraphs.dropFirst() : []
        let rolesInDetails = details.flatMap { paragraph in
            PermissionParser.roleStatements(paragraph.content).map { (statement: $0, line: paragraph.line) }
        }.map { found -> PermissionParser.RoleStatement in
            facts.securityRoles.append(SecurityRole(name: found.statement.role,
                                                    description: roleDescription(found.statement, lead: unit, in: context),
                                                    source: source(found.line, context)))
            return found.statement
        }
        let before = facts.permissions.count
        read(nested, in: inner, leadIns: leadIns)
        if let detailRole = rolesInDetails.first?.role {
            for i in before..<facts.permissions.count where facts.permissions[i].securityRole == nil {
                facts.permissions[i].securityRole = detailRole
            }
        }
        return role
    }

    func isMethodsList(_ context: Context) -> Bool {
        SectionSubjects.methodsHeading.matches(context.section.heading) && context.section.installMethod == nil
            && context.intro == nil
    }

    /// A bare title: short, no sentence punctuation.
    func isTitle(_ text: String) -> Bool {
        let t = text.collapsingWhitespace
        return !t.isEmpty && t.count <= 80 && !t.hasSuffix(".") && !t.hasSuffix(":") && t.split(separator: " ").count <= 8
    }
}
