/// Where a typed fact came from: the document, the line of the table row or
/// list item or paragraph, and the anchor of the section it sits in.
public struct FactSource: Hashable, Codable, Sendable {
    public var path: String
    public var line: Int
    public var anchor: String
    public var section: String

    public init(path: String, line: Int, anchor: String, section: String) {
        self.path = path
        self.line = line
        self.anchor = anchor
        self.section = section
    }
}

/// How strongly a text asks for something, as the text states it.
public enum Necessity: String, Hashable, Codable, Sendable, CaseIterable {
    case required
    case optionalRecommended = "optional, recommended"
    case recommended
    case optional
    case notRequired = "not required"
}

/// Software a client needs ("Microsoft .NET Framework version 4.5.2 or later (`NDP452-...exe`)").
public struct Component: Hashable, Codable, Sendable {
    public var name: String
    public var minVersion: String?
    public var file: String?
    /// The heading of the section that lists it ("Dependencies external to ...").
    public var category: String?
    public var description: String
    /// The text says installing it may need a restart.
    public var mayRestart: Bool
    public var source: FactSource

    public init(name: String, minVersion: String?, file: String?, category: String?,
                description: String, mayRestart: Bool, source: FactSource) {
        self.name = name
        self.minVersion = minVersion
        self.file = file
        self.category = category
        self.description = description
        self.mayRestart = mayRestart
        self.source = source
    }
}

public struct SiteSystemRole: Hashable, Codable, Sendable {
    public var name: String
    public var necessity: Necessity?
    /// What the necessity is stated for ("Windows clients", "mobile devices").
    public var subject: String?
    public var description: String
    public var source: FactSource

    public init(name: String, necessity: Necessity?, subject: String?, description: String, source: FactSource) {
        self.name = name
        self.necessity = necessity
        self.subject = subject
        self.description = description
        self.source = source
    }
}

public struct SecurityRole: Hashable, Codable, Sendable {
    public var name: String
    public var description: String
    public var source: FactSource

    public init(name: String, description: String, source: FactSource) {
        self.name = name
        self.description = description
        self.source = source
    }
}

/// A permission on a securable object, for a purpose ("Modify Resource" on
/// "Collection", to install the client to collections by client push).
public struct Permission: Hashable, Codable, Sendable {
    public var permission: String
    public var object: String?
    public var purpose: String
    /// A security role the document says includes it, when it says so nearby.
    public var securityRole: String?
    /// What the permission is needed for in the document's structure
    /// (an installation method, "mobile devices").
    public var subject: String?
    public var source: FactSource

    public init(permission: String, object: String?, purpose: String, securityRole: String?,
                subject: String?, source: FactSource) {
        self.permission = permission
        self.object = object
        self.purpose = purpose
        self.securityRole = securityRole
        self.subject = subject
        self.source = source
    }
}

public struct Port: Hashable, Codable, Sendable {
    /// `TCP`, `UDP`, or an application protocol when no transport is named.
    public var transport: String
    /// A number, a range (`49152-65535`) or `DYNAMIC`, as the text gives it.
    public var port: String
    public var from: String?
    public var to: String?
    public var purpose: String
    public var condition: Condition?
    public var conditionText: String?
    /// What uses it, from the section ("client push installation", "remote control").
    public var subject: String?
    /// `inbound` / `outbound` when the text says so.
    public var direction: String?
    public var source: FactSource

    public init(transport: String, port: String, from: String?, to: String?, purpose: String,
                condition: Condition?, conditionText: String?, subject: String?, direction: String?,
                source: FactSource) {
        self.transport = transport
        self.port = port
        self.from = from
        self.to = to
        self.purpose = purpose
        self.condition = condition
        self.conditionText = conditionText
        self.subject = subject
        self.direction = direction
        self.source = source
    }
}

public struct InstallMethod: Hashable, Codable, Sendable {
    public var name: String
    /// The heading as written ("Software distribution-based installation (for upgrades only)").
    public var heading: String
    public var condition: Condition?
    public var source: FactSource

    public init(name: String, heading: String, condition: Condition?, source: FactSource) {
        self.name = name
        self.heading = heading
        self.condition = condition
        self.source = source
    }
}

/// One prerequisite as a rule: subject, text, necessity, condition.
public struct Requirement: Hashable, Codable, Sendable {
    public var subject: String
    public var text: String
    public var necessity: Necessity?
    public var condition: Condition?
    public var conditionText: String?
    /// Entities the requirement names (roles, components, permissions...), by kind.
    public var mentions: [Mention]
    public var source: FactSource

    public init(subject: String, text: String, necessity: Necessity?, condition: Condition?,
                conditionText: String?, mentions: [Mention], source: FactSource) {
        self.subject = subject
        self.text = text
        self.necessity = necessity
        self.condition = condition
        self.conditionText = conditionText
        self.mentions = mentions
        self.source = source
    }
}

public struct Mention: Hashable, Codable, Sendable {
    public var kind: String
    public var name: String

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// A name the documents use for an entity: an abbreviation in parentheses
/// ("Background Intelligent Transfer Service (BITS)") or a shorter form.
public struct Alias: Hashable, Codable, Sendable {
    public var alias: String
    public var entityKind: String
    public var name: String
    public var source: FactSource

    public init(alias: String, entityKind: String, name: String, source: FactSource) {
        self.alias = alias
        self.entityKind = entityKind
        self.name = name
        self.source = source
    }
}

/// What the extractor decided about one table of a document.
public struct TableClassification: Hashable, Codable, Sendable {
    /// Position of the table among the document's tables, in document order (0-based).
    public var ordinal: Int
    public var line: Int
    /// `components`, `ports`, `permissions`, `security_roles`, `site_system_roles`,
    /// `settings`, ... or nil when no shape matched.
    public var kind: String?
    /// The normalized header, `component|description`.
    public var shape: String

    public init(ordinal: Int, line: Int, kind: String?, shape: String) {
        self.ordinal = ordinal
        self.line = line
        self.kind = kind
        self.shape = shape
    }
}

/// Everything the extractor found in one document.
public struct ExtractedFacts: Hashable, Codable, Sendable {
    public var components: [Component] = []
    public var siteSystemRoles: [SiteSystemRole] = []
    public var securityRoles: [SecurityRole] = []
    public var permissions: [Permission] = []
    public var ports: [Port] = []
    public var installMethods: [InstallMethod] = []
    public var requirements: [Requirement] = []
    public var aliases: [Alias] = []
    public var variables: [ConditionVariable] = []
    public var tables: [TableClassification] = []
    public var diagnostics: [Diagnostic] = []

    public init() {}

    public var factCount: Int {
        components.count + siteSystemRoles.count + securityRoles.count + permissions.count
            + ports.count + installMethods.count + requirements.count
    }
}
