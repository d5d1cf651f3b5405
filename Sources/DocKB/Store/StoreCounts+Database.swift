import GRDB

extension StoreCounts {
    /// The counts of a whole knowledge base, for builds that patched one
    /// rather than writing every row themselves.
    static func load(_ db: Database) throws -> StoreCounts {
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
        var counts = StoreCounts()
        counts.documents = try count("SELECT COUNT(*) FROM documents")
        counts.sections = try count("SELECT COUNT(*) FROM sections")
        counts.anchors = try count("SELECT COUNT(*) FROM anchors")
        counts.tables = try count("SELECT COUNT(*) FROM doc_tables")
        counts.classifiedTables = try count("SELECT COUNT(*) FROM doc_tables WHERE kind IS NOT NULL")
        counts.tableRows = try count("SELECT COUNT(*) FROM table_rows")
        counts.lists = try count("SELECT COUNT(*) FROM lists")
        counts.listItems = try count("SELECT COUNT(*) FROM list_items")
        counts.alerts = try count("SELECT COUNT(*) FROM alerts")
        counts.comments = try count("SELECT COUNT(*) FROM comments")
        counts.includes = try count("SELECT COUNT(*) FROM includes")
        for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM links GROUP BY status") {
            if let status = LinkRecord.Status(rawValue: row["status"]) { counts.links[status] = row["n"] }
        }
        counts.diagnostics = try count("SELECT COUNT(*) FROM diagnostics")
        counts.components = try count("SELECT COUNT(*) FROM components")
        counts.siteSystemRoles = try count("SELECT COUNT(*) FROM site_system_roles")
        counts.securityRoles = try count("SELECT COUNT(*) FROM security_roles")
        counts.permissions = try count("SELECT COUNT(*) FROM permissions")
        counts.ports = try count("SELECT COUNT(*) FROM ports")
        counts.installMethods = try count("SELECT COUNT(*) FROM install_methods")
        counts.requirements = try count("SELECT COUNT(*) FROM requirements")
        counts.aliases = try count("SELECT COUNT(*) FROM aliases")
        counts.conditionVariables = try count("SELECT COUNT(*) FROM condition_variables")
        // FTS5 keeps one `search_docsize` row per entry (its default
        // `columnsize=1`): counting it reads 0.6 MB, counting `search` itself
        // reads all 19 MB of the corpus's indexed text.
        counts.searchEntries = try count("SELECT COUNT(*) FROM search_docsize")
        return counts
    }
}
