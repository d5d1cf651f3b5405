/// A paragraph or list item read as one statement: its lead content, the
/// further paragraphs that explain it, and its line.
struct Unit {
    let content: [Inline]
    let details: [[Inline]]
    let line: Int
    /// The lead's plain text; every reader of a unit asks for it, several
    /// times, so it is made once.
    let text: String

    init(content: [Inline], details: [[Inline]], line: Int) {
        self.content = content
        self.details = details
        self.line = line
        text = content.plainText.collapsingWhitespace
    }

    /// Lead and details as one text; a lead without closing punctuation (a
    /// title such as "Reporting services point") is closed with a period.
    var fullText: String {
        var parts = [text]
        for detail in details {
            let d = detail.plainText.collapsingWhitespace
            guard !d.isEmpty else { continue }
            if let last = parts[parts.count - 1].last, !".:;!?)".contains(last) { parts[parts.count - 1] += "." }
            parts.append(d)
        }
        return parts.joined(separator: " ")
    }
}

extension ExtractionRun {
    /// Reads one statement; returns the security role it says includes the
    /// permissions around it, if it says so.
    @discardableResult
    mutating func readUnit(_ unit: Unit, in context: Context) -> String? {
        let text = unit.text
        guard !text.isEmpty, isReadable(unit) else { return nil }
        readPorts(unit, in: context)

        let grants = PermissionParser.grants(unit.content, text: unit.text)
        if !grants.isEmpty {
            // What a grant is for is the topic of the item it is nested in
            // ("Data gathering"), more than the sentence leading into its list.
            let purpose = (context.outerIntro ?? context.intro).map { Text.trimmingPeriod($0.text) }
            for grant in grants {
                facts.permissions.append(Permission(
                    permission: grant.permission, object: grant.object,
                    purpose: grant.purpose ?? purpose ?? context.section.heading,
                    securityRole: nil, subject: context.subject, source: source(unit.line, context)))
            }
            // "... Assign this permission with the **X** security role.": the
            // role the statement names beside its grants is a fact too.
            _ = readRoleStatements(unit, in: context)
            return nil
        }

        let (statements, includesRole) = readRoleStatements(unit, in: context)
        if statements.isEmpty, let role = PermissionParser.roleNamedByLead(unit.content, heading: context.section.heading) {
            // An item that is only the name says what its list's lead-in says of every item.
            let description = unit.fullText != role ? unit.fullText : context.intro.map { "\(role): \($0.text)" } ?? role
            facts.securityRoles.append(SecurityRole(name: role, description: description, source: source(unit.line, context)))
        }

        readRoles(unit, in: context)

        if context.statesRequirements, isRequirement(unit, in: context) {
            addRequirement(unit, in: context)
        }
        return includesRole
    }

    /// The security roles a statement names, and the one it says includes
    /// the permissions around it, if it says so.
    mutating func readRoleStatements(_ unit: Unit, in context: Context)
        -> (statements: [PermissionParser.RoleStatement], includesRole: String?) {
        var includesRole: String?
        let statements = PermissionParser.roleStatements(unit.content, text: unit.text)
        for statement in statements {
            facts.securityRoles.append(SecurityRole(name: statement.role,
                                                    description: roleDescription(statement, lead: context.intro, in: context),
                                                    source: source(unit.line, context)))
            if statement.sentence.range(of: "includes", options: .caseInsensitive) != nil { includesRole = statement.role }
        }
        return (statements, includesRole)
    }

    /// A paragraph that only sends the reader elsewhere ("For more information, see ...").
    static func isPointer(_ block: Block) -> Bool {
        guard case .paragraph(let content) = block.kind else { return false }
        return pointer.matches(content.plainText.collapsingWhitespace)
    }

    /// A role statement's sentence, led by what the role is needed for when
    /// only the sentence's place says so: "Your account needs to be a **Full
    /// administrator**" by its list's lead-in or its subject; "... the
    /// security role of **X**" with no purpose of its own by a lead-in ending
    /// in a colon ("To configure migration:") or a heading on permissions.
    func roleDescription(_ statement: PermissionParser.RoleStatement, lead: Unit?, in context: Context) -> String {
        let colonLead = lead.map(\.text).flatMap { $0.hasSuffix(":") ? String($0.dropLast()) : nil }
        // A heading on permissions for something names what they are for
        // ("Security permissions for OS deployments"; not "Security roles").
        let heading = context.section.heading
        let permissionsHeading = permissionsFor.matches(heading) && heading.count < 120 ? heading : nil
        let whatFor = Text.contains(statement.sentence, anyOf: PermissionParser.securityRole)
            ? (statement.purpose == nil ? colonLead ?? permissionsHeading : nil)
            : colonLead ?? lead.map { Text.trimmingPeriod($0.text) } ?? context.subject
        return whatFor.map { "\(Text.trimmingPeriod($0)): \(statement.sentence)" } ?? statement.sentence
    }

    /// Lead-in sentences ("... the following prerequisites:") and pointers
    /// ("For more information, see ...") state no rule of their own.
    func isRequirement(_ unit: Unit, in context: Context) -> Bool {
        let text = unit.text
        if text.hasSuffix(":") { return false }
        if pointer.matches(text) { return false }
        if introduction.matches(text) { return false }
        // "For more information, see the following articles:" then a list of
        // links: what to read, not what to have.
        if let intro = context.intro, pointer.matches(intro.text) { return false }
        return true
    }

    mutating func addRequirement(_ unit: Unit, in context: Context) {
        let text = unit.fullText
        var necessity = NecessityParser.parse(unit.text) ?? NecessityParser.parse(text)
        var parsed = conditions.parse(unit.text)
        // The nearest lead-in first: what it says outweighs what the item around it says.
        for intro in [context.intro, context.outerIntro].compactMap({ $0 }) {
            if necessity == nil || necessity == .required, let n = NecessityParser.parse(intro.text), n != .required {
                necessity = n
            }
            necessity = necessity ?? NecessityParser.parse(intro.text)
            if let introCondition = conditions.parse(intro.text) {
                parsed = parsed.map {
                    ConditionParser.Result(condition: .all([introCondition.condition, $0.condition]),
                                           text: introCondition.text + "; " + $0.text,
                                           variables: introCondition.variables + $0.variables)
                } ?? introCondition
            }
        }
        if let method = context.section.installMethod, let condition = method.condition, method.name == context.subject {
            parsed = parsed.map {
                ConditionParser.Result(condition: .all([condition, $0.condition]), text: $0.text, variables: $0.variables)
            } ?? ConditionParser.Result(condition: condition, text: method.heading, variables: [])
        }
        facts.variables.append(contentsOf: parsed?.variables ?? [])
        facts.requirements.append(Requirement(
            subject: context.subject, text: text, necessity: necessity, condition: parsed?.condition,
            conditionText: parsed?.text, mentions: mentions(in: unit), source: source(unit.line, context)))
    }

    /// Entities a statement names: site system roles, security roles,
    /// accounts, shares, command lines and UI labels.
    func mentions(in unit: Unit) -> [Mention] {
        var found: [Mention] = []
        func add(_ kind: String, _ name: String) {
            let m = Mention(kind: kind, name: name)
            if !found.contains(m) { found.append(m) }
        }
        let text = unit.fullText
        let lowered = text.lowercased()
        for role in roleNames.sorted() where lowered.contains(role) { add("site_system_role", role) }
        for (index, content) in ([unit.content] + unit.details).enumerated() {
            for statement in PermissionParser.roleStatements(content, text: index == 0 ? unit.text : nil) {
                add("security_role", statement.role)
            }
            for code in content.codeTexts { add("command", code) }
            for label in content.strongTexts { add("ui_label", label.collapsingWhitespace) }
        }
        for m in accountPattern.matches(in: text) {
            // The words just before "account", back to the first function word.
            var words: [Substring] = []
            for word in m.groups[0].lowercased().split(separator: " ").reversed() {
                if Text.stopWords.contains(String(word)) || word.hasSuffix("s") && words.count > 1 { break }
                words.insert(word, at: 0)
            }
            if words.count >= 2 { add("account", words.joined(separator: " ")) }
        }
        for m in sharePattern.matches(in: text) { add("share", m.groups[0]) }
        return found
    }

    /// "port" or "ports" as a word: not "support", "report" or "SQLSSBPort".
    static let speaksOfPorts = Pattern(#"\bports?\b"#, requiring: [["port"]])

    /// Ports stated in a sentence: "Outbound: TCP Port **10123**",
    /// "Between X and Y: HTTPS (by default, TCP 443)".
    mutating func readPorts(_ unit: Unit, in context: Context) {
        guard isReadable(unit) else { return }
        let text = unit.text
        let found = PortParser.ports(inProse: text)
        guard !found.isEmpty else { return }
        // An item of a list whose lead-in speaks of ports ("When gathering data, the following
        // protocols and ports are used:") is read with it: the item alone names no use.
        let described = context.intro.flatMap { intro in
            Self.speaksOfPorts.matches(intro.text) ? Text.trimmingPeriod(intro.text) + " " + text : nil
        } ?? text
        // The whole text describes and conditions the ports it states; a port
        // named in passing is described and conditioned by its own sentence only.
        // A condition no port uses registers no variable.
        var readings: [String: (ends: (from: String?, to: String?), condition: ConditionParser.Result?)] = [:]
        for port in found {
            let own = port.sentence ?? described
            let conditionText = port.sentence ?? text
            if readings[conditionText] == nil {
                let parsed = conditions.parseEmbedded(conditionText)
                readings[conditionText] = (endpoints(conditionText, in: context), parsed)
                // A sentence's variables may be its paragraph's too: each is listed once.
                for variable in parsed?.variables ?? []
                where port.sentence == nil || !facts.variables.contains(where: { $0.name == variable.name }) {
                    facts.variables.append(variable)
                }
            }
            let (ends, parsed) = readings[conditionText]!
            facts.ports.append(Port(
                transport: port.transport, port: port.port, from: ends.from, to: ends.to,
                purpose: port.application.map { "\($0): \(own)" } ?? own,
                condition: parsed?.condition, conditionText: parsed?.text,
                subject: context.section.portSubject, direction: port.direction,
                source: source(unit.line, context)))
        }
    }

    /// List items that open with a site system role ("Enrollment point and
    /// enrollment proxy point", "Management point that's configured for ...").
    mutating func readRoles(_ unit: Unit, in context: Context) {
        guard context.statesRequirements else { return }
        let lead = unit.text.lowercased()
        let named = roleNames.filter { lead.hasPrefix($0) || lead.hasPrefix($0 + "s") }
            .union(roleNames.filter { name in
                lead.hasPrefix(name.components(separatedBy: " ").first ?? name) && lead.contains(" and " + name)
            })
        for name in named.sorted() {
            facts.siteSystemRoles.append(SiteSystemRole(
                name: name, necessity: NecessityParser.parse(unit.fullText), subject: context.subject,
                description: unit.fullText, source: source(unit.line, context)))
        }
    }

    mutating func add(_ method: InstallMethod) {
        facts.installMethods.append(method)
        // The condition its heading's qualifier states ("(for upgrades only)") names a
        // variable a question can state or ask about, as a sentence's conditions do.
        if method.condition != nil {
            facts.variables.append(contentsOf: SectionSubjects.qualifierCondition(method.heading, conditions: conditions)?.variables ?? [])
        }
    }

    /// Sorts out what was collected: classification ordinals in document order,
    /// one entry per condition variable.
    mutating func finish() {
        markRestartsStatedInDetailSections()
        learnAbbreviations()
        facts.tables.sort { $0.line < $1.line }
        for i in facts.tables.indices { facts.tables[i].ordinal = i }
        var seen = Set<String>()
        facts.variables = facts.variables.sorted { ($0.name, $0.phrase) < ($1.name, $1.phrase) }
            .filter { seen.insert($0.name).inserted }
        var seenAliases = Set<String>()
        facts.aliases = facts.aliases.filter { seenAliases.insert($0.alias + "\u{1F}" + $0.name.lowercased()).inserted }
    }
}

extension ExtractionRun {
    /// A component's restart note often sits in a section of its own
    /// ("Additional details about X ... may require a restart").
    mutating func markRestartsStatedInDetailSections() {
        for (index, section) in document.sections.enumerated() {
            let subject = subjects[index].subject
            guard let c = facts.components.firstIndex(where: { $0.name == subject }), !facts.components[c].mayRestart
            else { continue }
            var text = ""
            for block in document.blocks(of: section) {
                if case .paragraph(let content) = block.kind { text += content.plainText + " " }
            }
            if restartPattern.matches(text) { facts.components[c].mayRestart = true }
        }
    }
}

private let restartPattern = Pattern(#"\b(?:restart|reboot)"#, requiring: [["restart", "reboot"]])
private let permissionsFor = Pattern(#"\bpermissions? (?:for|to) \w"#, requiring: [["permission"]])
private let pointer = Pattern(#"^for more information\b"#, requiring: [["for more information"]])
private let introduction = Pattern(#"^(?:applies to\b|the following\b)|\buse (?:the following|this) information\b"#,
                           requiring: [["applies to", "the following", "this information"]])
private let accountPattern = Pattern(#"\b((?:[a-z]+ ){1,4}account)s?\b"#, requiring: [["account"]])
private let sharePattern = Pattern(#"(\b[A-Z]+\$)"#, caseInsensitive: false, requiring: [["$"]])
