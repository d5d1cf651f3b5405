/// Tables: classified by their header, then read row by row into the typed
/// facts their kind carries.
extension ExtractionRun {
    mutating func readTable(_ table: Table, line: Int, in context: Context) {
        let kind = TableClassifier.classify(table, sectionHeadings: context.section.headings)
        facts.tables.append(TableClassification(ordinal: facts.tables.count, line: line, kind: kind?.rawValue,
                                                shape: TableClassifier.shape(table)))
        switch kind {
        case .components: readDependencyRows(table, in: context)
        case .ports: readPortRows(table, in: context)
        case .permissions: readPermissionRows(table, in: context)
        case .securityRoles: readSecurityRoleRows(table, in: context)
        case .siteSystemRoles: readSiteRoleRows(table, in: context)
        default: break
        }
    }

    /// Body rows, plus the first row of a header-less (`|||`) table: there the
    /// header row is empty and every row is data.
    private func dataRows(_ table: Table) -> [TableRow] { table.rows }

    private func cellText(_ row: TableRow, _ column: Int?) -> String {
        guard let column, column < row.cells.count else { return "" }
        return row.cells[column].plainText.collapsingWhitespace
    }

    private func column(_ table: Table, matching pattern: Pattern) -> Int? {
        table.headerNames.firstIndex(where: { pattern.matches($0) })
    }

    /// "Component | Description" rows: software the client needs, or a site
    /// system role when the row names one.
    mutating func readDependencyRows(_ table: Table, in context: Context) {
        let versionColumn = column(table, matching: minimumVersionHeader)
        let nameIndex = TableClassifier.nameColumn(table) ?? 0
        for row in dataRows(table) where row.cells.count > nameIndex {
            let nameCell = row.cells[nameIndex]
            let description = row.cells.indices.filter { $0 != versionColumn && $0 != nameIndex }
                .map { row.cells[$0].plainText.collapsingWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
            let rawName = nameCell.plainText.collapsingWhitespace
            guard !rawName.isEmpty else { continue }
            let src = source(row.line, context)
            let unit = Unit(content: nameCell + [.text(": ")] + row.cells.indices.filter { $0 != nameIndex }
                                .flatMap { row.cells[$0] + [.text(" ")] },
                            details: [], line: row.line)
            if isRoleName(rawName, description: description) {
                let name = roleName(rawName)
                facts.siteSystemRoles.append(SiteSystemRole(
                    name: name, necessity: NecessityParser.parse(description), subject: context.subject,
                    description: description, source: src))
            } else {
                var parsed = ComponentNameParser.parse(nameCell)
                if parsed.minVersion == nil, let v = versionColumn, v < row.cells.count {
                    let text = row.cells[v].plainText.collapsingWhitespace
                    if !text.isEmpty && text != "-" && text != "--" { parsed.minVersion = text }
                }
                facts.components.append(Component(
                    name: parsed.name, minVersion: parsed.minVersion, file: parsed.file,
                    category: context.caption ?? context.section.heading, description: description,
                    mayRestart: restartMention.matches(description), source: src))
                if let abbreviation = parsed.abbreviation {
                    facts.aliases.append(Alias(alias: abbreviation, entityKind: "component", name: parsed.name, source: src))
                }
            }
            readCellGrants(row, skipping: nameIndex, name: rawName, source: src, in: context)
            if context.statesRequirements {
                addRequirement(unit, in: context)
            }
        }
    }

    /// A dependency's cell that lists permissions line by line ("- To manage
    /// collection settings: **Modify Collection Setting** for the
    /// **Collection** object<br />- To ..."): each line is read as a statement.
    mutating func readCellGrants(_ row: TableRow, skipping nameIndex: Int, name: String, source: FactSource,
                                 in context: Context) {
        for (index, cell) in row.cells.enumerated() where index != nameIndex {
            for line in cell.lines {
                let text = String(line.plainText.collapsingWhitespace.drop { "-*• ".contains($0) })
                for grant in PermissionParser.grants(line, text: text) {
                    facts.permissions.append(Permission(
                        permission: grant.permission, object: grant.object, purpose: grant.purpose ?? name,
                        securityRole: nil, subject: context.subject, source: source))
                }
            }
        }
    }

    func isRoleName(_ name: String, description: String) -> Bool {
        Self.namesRole(name.lowercased(), roleNames: roleNames)
            || description.range(of: "site system role", options: .caseInsensitive) != nil
    }

    /// A lower-cased name that is a role's: known to the document, or "... point".
    static func namesRole(_ lowered: String, roleNames: Set<String>) -> Bool {
        lowered.hasSuffix(" point") || roleNames.contains(lowered)
    }

    /// Role names as running text writes them: "Management point" → "management point".
    func roleName(_ name: String) -> String { Self.roleNameAsWritten(name) }

    static func roleNameAsWritten(_ name: String) -> String {
        let t = withoutFootnoteMark(Text.trimmingPeriod(name.collapsingWhitespace))
        guard let first = t.split(separator: " ").first, first.count > 1,
              first.dropFirst().allSatisfy({ $0.isLowercase }) else { return t }
        return t.prefix(1).lowercased() + t.dropFirst()
    }

    /// "software update point1": the footnote mark of a cell ("point<sup>1</sup>"),
    /// which plain text glues to the last word, is no part of the name.
    static func withoutFootnoteMark(_ name: String) -> String {
        guard let last = name.split(separator: " ").last else { return name }
        let digits = last.reversed().prefix(while: \.isNumber).count
        let word = last.dropLast(digits)
        guard (1...2).contains(digits), word.count >= 3, word.allSatisfy(\.isLowercase) else { return name }
        return String(name.dropLast(digits))
    }

    /// A role cell that is an identifier ("SMS0001R": capitals and digits, one word) names no role.
    static func isIdentifier(_ name: String) -> Bool {
        !name.contains(" ") && name.contains(where: \.isNumber) && !name.contains(where: \.isLowercase)
    }

    /// `Description | UDP | TCP` tables, and tables with a port column.
    mutating func readPortRows(_ table: Table, in context: Context) {
        let names = table.headerNames
        let transportColumns = names.indices.filter { names[$0] == "tcp" || names[$0] == "udp" }
        let portColumn = column(table, matching: portHeader)
        let protocolColumn = column(table, matching: protocolHeader)
        let descriptionColumn = column(table, matching: descriptionHeader)
            ?? names.indices.first(where: { !transportColumns.contains($0) && $0 != portColumn && $0 != protocolColumn })
        for row in dataRows(table) {
            let description = cellText(row, descriptionColumn)
            // Cells continue with notes after a `<br />`; the machines and the
            // condition are in the first paragraph.
            let firstParagraph = descriptionColumn.flatMap { $0 < row.cells.count ? row.cells[$0].plainText : nil }?
                .components(separatedBy: "\n").first?.collapsingWhitespace ?? description
            let ends = endpoints(firstParagraph, in: context)
            let parsed = conditions.parseEmbedded(firstParagraph)
            facts.variables.append(contentsOf: parsed?.variables ?? [])
            // Each entry keeps the note its cell writes after the numbers ("80 or 8530 (See note 2, ...)").
            var entries: [(transport: String, port: String, note: String?)] = []
            for c in transportColumns {
                let cell = cellText(row, c)
                for port in PortParser.ports(inCell: cell) { entries.append((names[c].uppercased(), port, PortParser.note(inCell: cell))) }
            }
            if let portColumn {
                let transport = protocolColumn.map { cellText(row, $0).uppercased() } ?? ""
                let cell = cellText(row, portColumn)
                for port in PortParser.ports(inCell: cell) {
                    entries.append((transport.isEmpty ? "TCP" : transport, port, PortParser.note(inCell: cell)))
                }
            }
            for (transport, port, note) in entries {
                facts.ports.append(Port(
                    transport: transport, port: port, from: ends.from, to: ends.to,
                    purpose: note.map { Self.joinSentences(description, $0) } ?? description,
                    condition: parsed?.condition, conditionText: parsed?.text, subject: context.section.portSubject,
                    direction: nil, source: source(row.line, context)))
            }
        }
    }

    /// A description followed by a note, as two sentences.
    static func joinSentences(_ first: String, _ second: String) -> String {
        guard !first.isEmpty else { return second }
        return first + (first.last.map { ".!?:".contains($0) } == true ? " " : ". ") + second
    }

    /// Machines from the text, else from an arrow heading ("Client --> Management point").
    func endpoints(_ text: String, in context: Context) -> (from: String?, to: String?) {
        let ends = PortParser.endpoints(text)
        if ends.from == nil, let arrow = PortParser.arrowEndpoints(context.section.heading) {
            return (arrow.from, arrow.to)
        }
        return ends
    }

    mutating func readPermissionRows(_ table: Table, in context: Context) {
        let permissionColumn = column(table, matching: permissionHeader) ?? 0
        // "Category | Permission | State": role permission grids name the object class "category".
        let objectColumn = column(table, matching: objectHeader) ?? table.headerNames.firstIndex(of: "category")
        let roleColumn = column(table, matching: roleHeader)
        let purposeColumn = column(table, matching: purposeHeader)
        for row in dataRows(table) {
            let permissions = cellText(row, permissionColumn)
            guard !permissions.isEmpty else { continue }
            let object = objectColumn.map { cellText(row, $0) }.flatMap { $0.isEmpty ? nil : $0 }
            let role = roleColumn.map { cellText(row, $0) }.flatMap { $0.isEmpty ? nil : $0 }
            let purpose = purposeColumn.map { cellText(row, $0) } ?? context.section.heading
            for name in permissions.components(separatedBy: CharacterSet(charactersIn: ",;\n")) {
                let permission = name.collapsingWhitespace
                guard !permission.isEmpty else { continue }
                facts.permissions.append(Permission(
                    permission: permission, object: object, purpose: purpose.isEmpty ? context.section.heading : purpose,
                    securityRole: role, subject: context.subject, source: source(row.line, context)))
            }
        }
    }

    mutating func readSecurityRoleRows(_ table: Table, in context: Context) {
        let roleColumn = column(table, matching: roleHeader) ?? 0
        for row in dataRows(table) {
            let names = cellText(row, roleColumn)
            let description = row.cells.indices.filter { $0 != roleColumn }
                .map { cellText(row, $0) }.filter { !$0.isEmpty }.joined(separator: " ")
            for name in names.components(separatedBy: CharacterSet(charactersIn: ",;\n")) {
                let role = Text.trimmingPeriod(name.collapsingWhitespace)
                guard !role.isEmpty else { continue }
                facts.securityRoles.append(SecurityRole(name: role, description: description, source: source(row.line, context)))
            }
        }
    }

    mutating func readSiteRoleRows(_ table: Table, in context: Context) {
        let roleColumn = column(table, matching: roleHeader) ?? 0
        for row in dataRows(table) {
            let name = cellText(row, roleColumn)
            guard !name.isEmpty, !Self.isIdentifier(name) else { continue }
            let description = row.cells.indices.filter { $0 != roleColumn }
                .map { cellText(row, $0) }.filter { !$0.isEmpty }.joined(separator: " ")
            facts.siteSystemRoles.append(SiteSystemRole(
                name: roleName(name), necessity: NecessityParser.parse(description), subject: context.subject,
                description: description, source: source(row.line, context)))
        }
    }
}

private let minimumVersionHeader = Pattern(#"\b(?:minimum )?version\b"#, requiring: [["version"]])
private let portHeader = Pattern(#"^(?:ports?|port numbers?|ports? \(.*\))$"#, requiring: [["port"]])
private let protocolHeader = Pattern(#"^protocols?$"#, requiring: [["protocol"]])
private let descriptionHeader = Pattern(#"^(?:description|purpose|details|usage|use|service)$"#,
                                    requiring: [["description", "purpose", "details", "usage", "use", "service"]])
private let permissionHeader = Pattern(#"\b(?:permissions?|rights?)\b"#, requiring: [["permission", "right"]])
private let objectHeader = Pattern(#"\b(?:object|class|securable)\b"#, requiring: [["object", "class", "securable"]])
private let roleHeader = Pattern(#"\broles?\b"#, requiring: [["role"]])
private let purposeHeader = Pattern(#"\b(?:description|purpose|task|action|to perform|details)\b"#,
                                requiring: [["description", "purpose", "task", "action", "to perform", "details"]])

import Foundation

private let restartMention = Pattern(#"\b(?:restart|reboot)"#, requiring: [["restart", "reboot"]])
