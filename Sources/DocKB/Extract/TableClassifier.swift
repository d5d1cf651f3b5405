/// Decides what a table holds from its header names (and, for the header-less
/// `|||` tables of older articles, from the section it sits in).
enum TableClassifier {
    enum Kind: String {
        case ports, components, permissions
        case securityRoles = "security_roles"
        case siteSystemRoles = "site_system_roles"
        case versions
        /// A comparison matrix that names entities in its header (support
        /// matrices, role-by-feature grids): recognized, but its rows are not facts.
        case matrix
        /// Reference tables that carry no typed facts but are recognized shapes.
        case settings, parameters, reports, properties, logs, messages, terms, steps
    }

    static func classify(_ table: Table, sectionHeadings: [String]) -> Kind? {
        let names = table.headerNames
        let joined = names.joined(separator: "|")
        if table.hasEmptyHeader {
            let context = sectionHeadings.joined(separator: " ").lowercased()
            if dependencyContext.matches(context) && (table.header.cells.count == 2 || table.rows.first?.cells.count == 2) {
                return .components
            }
            return nil
        }
        if names.contains(where: { $0 == "udp" || $0 == "tcp" || portHeader.matches($0) }) { return .ports }
        if names.contains(where: { securityRoleHeader.matches($0) }) || rolesNeeded.matches(joined) { return .securityRoles }
        if names.contains(where: { permissionHeader.matches($0) }) { return .permissions }
        if names.contains(where: { siteRoleHeader.matches($0) }) { return .siteSystemRoles }
        if let first = names.first, componentHeader.matches(first) || names.contains(where: { requiredPackage.matches($0) }) {
            return .components
        }
        if nameColumn(table) != nil { return .components }
        if names.contains(where: { versionHeader.matches($0) }) { return .versions }
        if names.contains(where: { entityWord.matches($0) }) { return .matrix }
        for (kind, pattern) in referenceShapes where names.contains(where: { pattern.matches($0) }) { return kind }
        return nil
    }

    static func shape(_ table: Table) -> String { table.headerNames.joined(separator: "|") }

    /// The column that names components: the first one, or one headed
    /// "component" ("Identifier | Component").
    static func nameColumn(_ table: Table) -> Int? {
        let names = table.headerNames
        if let first = names.first, componentHeader.matches(first) { return 0 }
        return names.firstIndex(where: { componentColumn.matches($0) })
    }

    private static let dependencyContext = Pattern(#"\b(?:dependenc|prerequisite|requirement|required|components?)"#,
                                                    requiring: [["dependenc", "prerequisite", "requirement", "required", "component"]])
    private static let portHeader = Pattern(#"^(?:ports?|port numbers?|tcp ports?|udp ports?|protocol|ports? \(.*\))$"#,
                                             requiring: [["port", "protocol"]])
    private static let securityRoleHeader = Pattern(#"\bsecurity roles?\b"#, requiring: [["security role"]])
    private static let rolesNeeded = Pattern(#"\b(?:roles? needed|you need these roles)\b"#, requiring: [["role"]])
    private static let permissionHeader = Pattern(#"\b(?:permissions?|rights?)\b"#, requiring: [["permission", "right"]])
    private static let siteRoleHeader = Pattern(
        #"^(?:(?:[a-z]+ ){0,2}site systems?(?: roles?| servers?)?|roles?|site roles?|site type/role|role name)$"#,
        requiring: [["role", "site system"]])
    private static let componentHeader = Pattern(
        #"^(?:(?:[a-z-]+ ){0,2}components?(?: of [a-z ]+)?|(?:required )?packages?|prerequisites?|dependenc(?:y|ies)|requirements?|software|required software)$"#,
        requiring: [["component", "package", "prerequisite", "dependenc", "requirement", "software"]])
    private static let componentColumn = Pattern(#"^(?:[a-z-]+ )?components?(?: of [a-z ]+)?$"#, requiring: [["component"]])
    private static let entityWord = Pattern(#"\b(?:components?|versions?|roles?|permissions?|ports?)\b"#,
                                             requiring: [["component", "version", "role", "permission", "port"]])
    private static let requiredPackage = Pattern(#"\b(?:required package|minimum version|required component)\b"#,
                                                  requiring: [["required package", "minimum version", "required component"]])
    private static let versionHeader = Pattern(#"\bversions?\b"#, requiring: [["version"]])
    private static let referenceShapes: [(Kind, Pattern)] = [
        (.settings, Pattern(#"\b(?:settings?|options?|values?|ui element|on this (?:wizard )?page|select this)\b"#,
                            requiring: [["setting", "option", "value", "ui element", "on this ", "select this"]])),
        (.parameters, Pattern(#"\b(?:parameters?|switch(?:es)?|variables?|attributes?|arguments?|flags?|elements?|columns?|fields?)\b"#,
                              requiring: [["parameter", "switch", "variable", "attribute", "argument", "flag", "element", "column", "field"]])),
        (.reports, Pattern(#"\breports?(?: name)?\b"#, requiring: [["report"]])),
        (.properties, Pattern(#"\bpropert(?:y|ies)\b"#, requiring: [["propert"]])),
        (.logs, Pattern(#"\blog(?: file)?(?: name)?s?\b"#, requiring: [["log"]])),
        (.messages, Pattern(#"\b(?:state message|message|error code|hresult|exit code|status)\b"#,
                            requiring: [["message", "error code", "hresult", "exit code", "status"]])),
        (.terms, Pattern(#"^(?:terms?|definition|name|description)$"#, requiring: [["term", "definition", "name", "description"]])),
        (.steps, Pattern(#"\b(?:steps?|tasks?|actions?|methods?|for this|to do this|do this)\b"#,
                         requiring: [["step", "task", "action", "method", "for this", "do this"]])),
    ]
}
