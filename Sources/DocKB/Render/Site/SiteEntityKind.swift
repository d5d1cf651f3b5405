/// The kinds of things the site has a reference page and per-entity pages for.
///
/// Order here is the order of the navigation, the index and search groups.
enum SiteEntityKind: String, CaseIterable, Sendable {
    case installMethod
    case component
    case siteSystemRole
    case securityRole
    /// Permissions are grouped by the securable object they apply to.
    case permissionObject
    case port
    /// Prerequisites grouped by what they apply to ("Windows clients").
    case subject

    var folder: String {
        switch self {
        case .installMethod: return "install-methods"
        case .component: return "components"
        case .siteSystemRole: return "site-system-roles"
        case .securityRole: return "security-roles"
        case .permissionObject: return "permissions"
        case .port: return "ports"
        case .subject: return "prerequisites"
        }
    }

    var referencePage: String { folder + ".html" }

    var pluralTitle: String {
        switch self {
        case .installMethod: return "Installation methods"
        case .component: return "Components"
        case .siteSystemRole: return "Site system roles"
        case .securityRole: return "Security roles"
        case .permissionObject: return "Permissions by object"
        case .port: return "Ports"
        case .subject: return "Prerequisites by subject"
        }
    }

    var singularTitle: String {
        switch self {
        case .installMethod: return "Installation method"
        case .component: return "Component"
        case .siteSystemRole: return "Site system role"
        case .securityRole: return "Security role"
        case .permissionObject: return "Permissions on object"
        case .port: return "Port"
        case .subject: return "Prerequisites"
        }
    }

    /// The `entity_kind` values of the `aliases` table that mean this kind.
    var aliasKinds: Set<String> {
        switch self {
        case .installMethod: return ["install_method", "install-method", "installation method"]
        case .component: return ["component"]
        case .siteSystemRole: return ["site_system_role", "site-system-role", "role"]
        case .securityRole: return ["security_role", "security-role"]
        case .permissionObject: return ["object", "permission"]
        case .port: return ["port"]
        case .subject: return ["subject"]
        }
    }
}
