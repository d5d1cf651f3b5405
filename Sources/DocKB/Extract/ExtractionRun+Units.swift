/// A paragraph or list item read as one statement: its lead content, the
/// further paragraphs that explain it, and its line.
struct Unit {
    var content: [Inline]
    var details: [[Inline]]
    var line: Int

    var text: String { content.plainText.collapsingWhitespace }
    var fullText: String {
        ([content] + details).map { $0.plainText.collapsingWhitespace }.joined(separator: " ")
    }
}

extension ExtractionRun {
    /// Reads one statement; returns the security role it says includes the
    /// permissions around it, if it says so.
    @discardableResult
    mutating func readUnit(_ unit: Unit, in context: Context) -> String? {
        let text = unit.text
        guard !text.isEmpty else { return nil }
        readPorts(unit, in: context)

        let grants = PermissionParser.grants(unit.content)
        if !grants.isEmpty {
            let purpose = context.intro.map { Text.trimmingPeriod($0.text) }
            for grant in grants {
                facts.permissions.append(Permission(
                    permission: grant.permission, object: grant.object,
                    purpose: grant.purpose ?? purpose ?? context.section.heading,
                    securityRole: nil, subject: context.subject, source: source(unit.line, context)))
            }
            return nil
        }

        var includesRole: String?
        for statement in PermissionParser.roleStatements(unit.content) {
            facts.securityRoles.append(SecurityRole(name: statement.role, description: statement.sentence,
                                                    source: source(unit.line, context)))
            if statement.sentence.range(of: "includes", options: .caseInsensitive) != nil { includesRole = statement.role }
        }

        readRoles(unit, in: context)

        if context.statesRequirements, isRequirement(unit) {
            addRequirement(unit, in: context)
        }
        return includesRole
    }

    /// Lead-in sentences ("... the following prerequisites:") and pointers
    /// ("For more information, see ...") state no rule of their own.
    func isRequirement(_ unit: Unit) -> Bool {
        let text = unit.text
        if text.hasSuffix(":") { return false }
        if pointer.matches(text) { return false }
        if introduction.matches(text) { return false }
        return true
    }

    mutating func addRequirement(_ unit: Unit, in context: Context) {
        let text = unit.fullText
        var necessity = NecessityParser.parse(unit.text) ?? NecessityParser.parse(text)
        var parsed = conditions.parse(text)
        if let intro = context.intro {
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
        for content in [unit.content] + unit.details {
            for statement in PermissionParser.roleStatements(content) { add("security_role", statement.role) }
            for code in content.codeTexts { add("command", code) }
            for label in content.strongTexts { add("ui_label", label.collapsingWhitespace) }
        }
        for m in accountPattern.matches(in: text) {
            let words = m.groups[0].lowercased().split(separator: " ").drop(while: { Text.stopWords.contains(String($0)) || $0 == "configure" })
            if words.count >= 2 { add("account", words.joined(separator: " ")) }
        }
        for m in sharePattern.matches(in: text) { add("share", m.groups[0]) }
        return found
    }

    /// Ports stated in a sentence: "Outbound: TCP Port **10123**",
    /// "Between X and Y: HTTPS (by default, TCP 443)".
    mutating func readPorts(_ unit: Unit, in context: Context) {
        let text = unit.text
        let found = PortParser.ports(inProse: text)
        guard !found.isEmpty else { return }
        let ends = PortParser.endpoints(text)
        let parsed = conditions.parseEmbedded(text)
        facts.variables.append(contentsOf: parsed?.variables ?? [])
        for port in found {
            facts.ports.append(Port(
                transport: port.transport, port: port.port, from: ends.from, to: ends.to,
                purpose: port.application.map { "\($0): \(text)" } ?? text,
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
    }

    /// Sorts out what was collected: classification ordinals in document order,
    /// one entry per condition variable.
    mutating func finish() {
        facts.tables.sort { $0.line < $1.line }
        for i in facts.tables.indices { facts.tables[i].ordinal = i }
        var seen = Set<String>()
        facts.variables = facts.variables.sorted { ($0.name, $0.phrase) < ($1.name, $1.phrase) }
            .filter { seen.insert($0.name).inserted }
        var seenAliases = Set<String>()
        facts.aliases = facts.aliases.filter { seenAliases.insert($0.alias + "\u{1F}" + $0.name).inserted }
    }
}

private let pointer = Pattern(#"^for more information\b"#)
private let introduction = Pattern(#"^(?:the following|use the following|use this information)\b"#)
private let accountPattern = Pattern(#"\b((?:[a-z]+ ){1,3}account)s?\b"#)
private let sharePattern = Pattern(#"(\b[A-Z]+\$)"#, caseInsensitive: false)
