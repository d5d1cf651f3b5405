import GRDB

/// The knowledge base's tables, created by named migrations (GRDB's
/// `DatabaseMigrator`), so later versions can add to them without rebuilding
/// older databases by hand.
///
/// Two layers live side by side:
/// - the lossless layer mirrors what the documents say (documents, sections,
///   tables with every row and cell, lists with every item, alerts, links,
///   comments, includes, anchors);
/// - the typed layer holds the facts extracted from it, each row citing
///   `document_id`, `line` and the section `anchor` it came from.
///
/// This is a public contract (README, "Schema"): add columns and tables, never
/// rename or drop the documented ones.
public enum Schema {
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-lossless-layer") { db in
            try db.execute(sql: losslessLayer)
        }
        migrator.registerMigration("v1-typed-layer") { db in
            try db.execute(sql: typedLayer)
        }
        migrator.registerMigration("v1-full-text-index") { db in
            try db.execute(sql: fullTextIndex)
        }
        migrator.registerMigration("v2-build-history") { db in
            try db.execute(sql: buildHistory)
        }
        migrator.registerMigration("v3-section-body-lines") { db in
            try db.execute(sql: sectionBodyLines)
        }
        return migrator
    }

    /// Where each line of a section's `body` starts in the source, so a
    /// sentence quoted from it cites its own line, not the heading's.
    static let sectionBodyLines = """
        ALTER TABLE sections ADD COLUMN body_lines TEXT NOT NULL DEFAULT '';  -- source line of each line of body, space-separated
        """

    static let losslessLayer = """
        CREATE TABLE build_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            description TEXT,
            ms_date TEXT,
            author TEXT,
            sha256 TEXT NOT NULL,
            front_matter TEXT NOT NULL           -- JSON object of the scalar YAML keys
        );
        CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            parent_id INTEGER REFERENCES sections(id),
            level INTEGER NOT NULL,
            heading TEXT NOT NULL,
            anchor TEXT NOT NULL,                -- explicit anchor if any, else the DocFX slug
            slug TEXT NOT NULL,
            line INTEGER NOT NULL,
            body TEXT NOT NULL                   -- plain text of the section's own blocks
        );
        CREATE INDEX sections_document ON sections(document_id);
        CREATE TABLE anchors (
            document_id INTEGER NOT NULL REFERENCES documents(id),
            section_id INTEGER REFERENCES sections(id),
            anchor TEXT NOT NULL,
            kind TEXT NOT NULL,                  -- explicit | slug
            line INTEGER NOT NULL
        );
        CREATE INDEX anchors_lookup ON anchors(document_id, anchor);
        CREATE TABLE doc_tables (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            section_id INTEGER REFERENCES sections(id),
            ordinal INTEGER NOT NULL,            -- position among the document's tables
            line INTEGER NOT NULL,
            column_count INTEGER NOT NULL,
            shape TEXT NOT NULL,                 -- normalized header, 'component|description'
            kind TEXT                            -- classification, NULL when unclassified
        );
        CREATE TABLE table_rows (
            id INTEGER PRIMARY KEY,
            table_id INTEGER NOT NULL REFERENCES doc_tables(id),
            row_index INTEGER NOT NULL,          -- 0 is the header row
            is_header INTEGER NOT NULL,
            line INTEGER NOT NULL
        );
        CREATE INDEX table_rows_table ON table_rows(table_id);
        CREATE TABLE table_cells (
            row_id INTEGER NOT NULL REFERENCES table_rows(id),
            column_index INTEGER NOT NULL,
            text TEXT NOT NULL,                  -- plain text
            markdown TEXT NOT NULL               -- inline markup kept (**, `, links, <br />)
        );
        CREATE INDEX table_cells_row ON table_cells(row_id);
        CREATE TABLE lists (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            section_id INTEGER REFERENCES sections(id),
            parent_item_id INTEGER REFERENCES list_items(id),
            ordered INTEGER NOT NULL,
            start INTEGER NOT NULL,
            line INTEGER NOT NULL
        );
        CREATE TABLE list_items (
            id INTEGER PRIMARY KEY,
            list_id INTEGER NOT NULL REFERENCES lists(id),
            position INTEGER NOT NULL,
            depth INTEGER NOT NULL,              -- 0 for a top-level list
            line INTEGER NOT NULL,
            text TEXT NOT NULL,                  -- plain text of the item's own blocks
            markdown TEXT NOT NULL
        );
        CREATE INDEX list_items_list ON list_items(list_id);
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            section_id INTEGER REFERENCES sections(id),
            kind TEXT NOT NULL,                  -- note | tip | important | caution | warning
            line INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE TABLE links (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            section_id INTEGER REFERENCES sections(id),
            line INTEGER NOT NULL,
            text TEXT NOT NULL,
            destination TEXT NOT NULL,
            target_document_id INTEGER REFERENCES documents(id),
            target_anchor TEXT,
            status TEXT NOT NULL                 -- external | resolved | dangling-document | dangling-anchor
        );
        CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            section_id INTEGER REFERENCES sections(id),
            line INTEGER NOT NULL,
            text TEXT NOT NULL                   -- the whole comment, <!-- --> included
        );
        CREATE TABLE includes (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            section_id INTEGER REFERENCES sections(id),
            line INTEGER NOT NULL,
            name TEXT NOT NULL,
            path TEXT NOT NULL
        );
        CREATE TABLE diagnostics (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            line INTEGER NOT NULL,
            severity TEXT NOT NULL,
            message TEXT NOT NULL
        );
        """

    /// Every typed table carries `document_id`, `line` and `anchor`.
    static let typedLayer = """
        CREATE TABLE components (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            min_version TEXT,
            file TEXT,
            category TEXT,
            description TEXT NOT NULL,
            may_restart INTEGER NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            line INTEGER NOT NULL,
            anchor TEXT NOT NULL
        );
        CREATE TABLE site_system_roles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            necessity TEXT,
            subject TEXT,
            description TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            line INTEGER NOT NULL,
            anchor TEXT NOT NULL
        );
        CREATE TABLE security_roles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            line INTEGER NOT NULL,
            anchor TEXT NOT NULL
        );
        CREATE TABLE permissions (
            id INTEGER PRIMARY KEY,
            permission TEXT NOT NULL,
            object TEXT,
            purpose TEXT NOT NULL,
            security_role TEXT,
            subject TEXT,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            line INTEGER NOT NULL,
            anchor TEXT NOT NULL
        );
        CREATE TABLE ports (
            id INTEGER PRIMARY KEY,
            protocol TEXT NOT NULL,              -- TCP | UDP | an application protocol
            port TEXT NOT NULL,                  -- number, range or DYNAMIC
            source TEXT,                         -- the machine traffic comes from
            destination TEXT,                    -- the machine traffic goes to
            purpose TEXT NOT NULL,
            condition TEXT,                      -- canonical condition expression
            condition_text TEXT,                 -- the words it came from
            condition_json TEXT,
            subject TEXT,
            direction TEXT,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            line INTEGER NOT NULL,
            anchor TEXT NOT NULL
        );
        CREATE TABLE install_methods (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            heading TEXT NOT NULL,
            condition TEXT,
            condition_json TEXT,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            line INTEGER NOT NULL,
            anchor TEXT NOT NULL
        );
        CREATE TABLE requirements (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL,
            text TEXT NOT NULL,
            necessity TEXT,
            condition TEXT,                      -- canonical: 'not source', 'version >= 1906'
            condition_text TEXT,
            condition_json TEXT,                 -- Condition as JSON, for evaluation
            mentions TEXT NOT NULL,              -- JSON array of {kind, name}
            document_id INTEGER NOT NULL REFERENCES documents(id),
            line INTEGER NOT NULL,
            anchor TEXT NOT NULL
        );
        CREATE TABLE aliases (
            id INTEGER PRIMARY KEY,
            alias TEXT NOT NULL,
            entity_kind TEXT NOT NULL,
            name TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            line INTEGER NOT NULL,
            anchor TEXT NOT NULL
        );
        CREATE TABLE condition_variables (
            name TEXT PRIMARY KEY,
            phrase TEXT NOT NULL
        );
        """

    /// One FTS5 table over section text and every typed fact, so both the
    /// REPL and SQL users can search by words.
    static let fullTextIndex = """
        CREATE VIRTUAL TABLE search USING fts5(
            kind UNINDEXED,                      -- section | component | port | ...
            ref_id UNINDEXED,                    -- id in the table named by kind
            title,
            body,
            document_id UNINDEXED,
            line UNINDEXED,
            anchor UNINDEXED,
            tokenize = 'porter unicode61'
        );
        """

    /// What incremental builds and the changelog need. No wall-clock time is
    /// stored anywhere: the same sources replayed in the same order give the
    /// same database, byte for byte in `sqlite3 .dump`.
    static let buildHistory = """
        CREATE TABLE document_cache (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id),
            outline BLOB NOT NULL,               -- title, sections, anchors, includes, links (for link resolution), in dockb's own binary form (OutlineCoding)
            facts BLOB NOT NULL                  -- the typed facts, compared by the next build, in dockb's own binary form (FactsCoding)
        );
        CREATE TABLE builds (
            id INTEGER PRIMARY KEY,              -- 1 for the first build into this output, then 2, 3...
            kind TEXT NOT NULL,                  -- first | full | incremental
            documents INTEGER NOT NULL,
            documents_parsed INTEGER NOT NULL,   -- the rest were carried over from the previous build
            sources_sha256 TEXT NOT NULL,        -- over every document's path and content hash
            added INTEGER NOT NULL,
            removed INTEGER NOT NULL,
            changed INTEGER NOT NULL
        );
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            build_id INTEGER NOT NULL REFERENCES builds(id),
            change TEXT NOT NULL,                -- added | removed | changed
            entity_type TEXT NOT NULL,           -- component | site_system_role | security_role | permission | port | install_method | requirement
            entity_name TEXT NOT NULL,
            field TEXT,                          -- for changed: min_version, necessity, text (a reworded requirement)...
            old_value TEXT,
            new_value TEXT,
            document TEXT NOT NULL,              -- path of the new statement (of the old one for a removal)
            line INTEGER NOT NULL
        );
        CREATE INDEX changes_build ON changes(build_id);
        """
}
