/// How many rows of each kind a build stored: the numbers of the build report.
public struct StoreCounts: Hashable, Codable, Sendable {
    public var documents = 0
    public var sections = 0
    public var anchors = 0
    public var tables = 0
    public var classifiedTables = 0
    public var tableRows = 0
    public var lists = 0
    public var listItems = 0
    public var alerts = 0
    public var comments = 0
    public var includes = 0
    public var links: [LinkRecord.Status: Int] = [:]
    public var diagnostics = 0

    public var components = 0
    public var siteSystemRoles = 0
    public var securityRoles = 0
    public var permissions = 0
    public var ports = 0
    public var installMethods = 0
    public var requirements = 0
    public var aliases = 0
    public var conditionVariables = 0
    public var searchEntries = 0

    public init() {}

    public var unclassifiedTables: Int { tables - classifiedTables }
    public var linkCount: Int { links.values.reduce(0, +) }

    /// Typed facts per table name, in the order the README documents them.
    public var factsByType: [(table: String, count: Int)] {
        [("components", components), ("site_system_roles", siteSystemRoles),
         ("security_roles", securityRoles), ("permissions", permissions), ("ports", ports),
         ("install_methods", installMethods), ("requirements", requirements),
         ("aliases", aliases), ("condition_variables", conditionVariables)]
    }
}
