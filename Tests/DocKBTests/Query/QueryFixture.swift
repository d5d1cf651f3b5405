import Foundation
import GRDB
import XCTest
@testable import DocKB

/// A small knowledge base written for these tests, shaped like what the
/// extractor produces (subjects, conditions as JSON, condition variables,
/// mentions, port subjects, aliases) but with invented content: agents are
/// deployed by install methods that inherit "desktop agents" prerequisites.
enum QueryFixture {
    static let prereqs = "docs/agents/agent-prerequisites.md"
    static let ports = "docs/agents/agent-ports.md"

    /// Creates the database in a fresh folder, removed when `test` ends, and returns its path.
    static func makeDatabase(for test: XCTestCase) throws -> String {
        try makeDatabase(in: ScratchFolder.make(for: test))
    }

    /// Creates the database in `folder` and returns its path.
    static func makeDatabase(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("kb.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue)
        try queue.write(fill)
        return path
    }

    static let kilnCare = "Clean the kiln shelves with a soft brush after every firing. For example, remove glaze drips before they harden. "
        + "For the procedure to sand kiln shelves, see Kiln repairs."

    static func json(_ condition: Condition?) -> String? {
        guard let condition else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(data: try! encoder.encode(condition), encoding: .utf8)
    }

    private static func fill(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO documents(id, path, title, sha256, front_matter) VALUES (1, ?, 'Agent prerequisites', 'x', '{}'), (2, ?, 'Agent ports', 'y', '{}')",
                       arguments: [prereqs, ports])
        // Sections of document 1: (id, parent, level, heading, anchor, line)
        let sections: [(Int, Int?, Int, String, String, Int)] = [
            (1, nil, 1, "Agent prerequisites", "agent-prerequisites", 1),
            (2, 1, 2, "Prerequisites for desktop agents", "bkmk_desktop", 10),
            (3, 2, 3, "External dependencies", "external-dependencies", 12),
            (4, 2, 3, "Site roles", "site-roles", 20),
            (5, 2, 3, "Install methods", "install-methods", 30),
            (6, 5, 4, "Remote push installation", "remote-push-installation", 32),
            (7, 5, 4, "Manual installation", "manual-installation", 40),
            (8, 5, 4, "Kiosk computer installation", "kiosk-computer-installation", 45),
            (9, 5, 4, "Package-based installation (for upgrades only)", "package-based-installation-for-upgrades-only", 50),
            (10, 5, 4, "Automatic agent upgrades", "automatic-agent-upgrades", 55),
            (11, 1, 2, "Prerequisites for phone clients", "bkmk_phones", 60),
            (12, 11, 3, "Firewall requirements", "firewall-requirements", 70),
        ]
        for s in sections {
            try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body) VALUES (?, 1, ?, ?, ?, ?, ?, ?, '')",
                           arguments: [s.0, s.1, s.2, s.3, s.4, s.4, s.5])
            try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', ?, ?, '', 1, ?, ?)",
                           arguments: [s.0, s.3, s.5, s.4])
        }
        // Prose only the full-text index has: a pointer, a passing mention, and a definition.
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 98, 'Finishing agents', ?, 2, 40, 'finishing')",
                       arguments: ["For more information, see kiln glazes. Agents that skip the kiln glaze step dry faster.\nA kiln glaze is a glassy coating that agents fire onto clay."])
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 97, 'Phones', ?, 1, 60, 'bkmk_phones')",
                       arguments: ["Enroll phone clients before you manage them. Phone clients are phones that run the agent app from the store."])
        // An example command and the table of its options, one row per line.
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 96, 'Setup options', ?, 2, 50, 'setup-options')",
                       arguments: ["Run setup.exe /quiet /trace LOGDIR=C:\\logs\nIn this example, setup runs with these options:\nOption | Description\n"
                                   + "/quiet | This setup switch hides every window while the agent installs.\n"
                                   + "/trace | This setup switch writes one log line for each step.\n"
                                   + "LOGDIR=C:\\logs | This property names the folder that receives the logs."])
        // A sentence ending in a colon, the list it introduces, and a paragraph after the list.
        // Its body's lines know where they stand in the source; section 93's do not (a knowledge base from an earlier dockb).
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines) VALUES (95, 2, NULL, 2, 'Glaze firing', 'glaze-firing', 'glaze-firing', 80, '', '82 84 85 86 88')")
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 95, 'Glaze firing', ?, 2, 80, 'glaze-firing')",
                       arguments: ["Agents fire glazes in two passes.\nThe following agent tasks keep running during a firing:\n"
                                   + "Inventory scans: they read local files\nHealth checks: they wait for the kiln to cool\n"
                                   + "A firing takes four hours on the default schedule."])
        try db.execute(sql: "INSERT INTO lists(id, document_id, section_id, parent_item_id, ordered, start, line) VALUES (1, 2, 95, NULL, 0, 1, 83)")
        try db.execute(sql: "INSERT INTO list_items(id, list_id, position, depth, line, text, markdown) VALUES (1, 1, 0, 0, 83, 'Inventory scans: they read local files', ''), (2, 1, 1, 0, 84, 'Health checks: they wait for the kiln to cool', '')")
        // Prose a security role's row half answers ("add and remove agent operators"), and a
        // measure given a few sentences after the one that holds a question's words.
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body) VALUES (93, 2, NULL, 2, 'Operator records', 'operator-records', 'operator-records', 100, '')")
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 93, 'Operator records', ?, 2, 100, 'operator-records')",
                       arguments: ["To add or remove an operator record, an administrative user needs the Edit Roster permission.\n"
                                   + "Records of disabled operators stay in the site database for a while. They are hidden from views. "
                                   + "A cleanup task deletes them after 45 days."])
        // A section whose heading is the name its first sentence describes, without repeating it.
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines) VALUES (92, 2, NULL, 2, 'Spool folder', 'spool-folder', 'spool-folder', 110, '', '112 114 116')")
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 92, 'Spool folder', ?, 2, 110, 'spool-folder')",
                       arguments: ["Holds agent messages while the site is offline. Agents empty it every minute.\nA spool folder fills up when agents stop talking to the site.\n"
                                   + "The QBS only drains the spool folder at night, after the last agent reports."])
        // A list whose items say what they say only under their headings and the line that introduces them.
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines) VALUES (89, 2, NULL, 2, 'Kiln model K9', 'kiln-model-k9', 'kiln-model-k9', 128, 'Starting in version 2107, this kiln model is supported for the following agents:', '130')")
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines) VALUES (90, 2, 89, 3, 'Firing agents', 'firing-agents', 'firing-agents', 132, ?, '134 135')",
                       arguments: ["Relay agent\nGlaze agent"])
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 89, 'Kiln model K9', 'Starting in version 2107, this kiln model is supported for the following agents:', 2, 128, 'kiln-model-k9')")
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 90, 'Firing agents', ?, 2, 132, 'firing-agents')",
                       arguments: ["Relay agent\nGlaze agent"])
        try db.execute(sql: "INSERT INTO lists(id, document_id, section_id, parent_item_id, ordered, start, line) VALUES (2, 2, 90, NULL, 0, 1, 134)")
        try db.execute(sql: "INSERT INTO list_items(id, list_id, position, depth, line, text, markdown) VALUES (3, 2, 0, 0, 134, 'Relay agent', ''), (4, 2, 1, 0, 135, 'Glaze agent', '')")
        // A site role listed under a kiln model, and a sentence that holds the same words only with its heading's help.
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines) VALUES (86, 2, NULL, 2, 'Kiln model K7', 'kiln-model-k7', 'kiln-model-k7', 140, 'This kiln model is supported for the following points:', '142')")
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines) VALUES (85, 2, 86, 3, 'Site points', 'site-points', 'site-points', 144, ?, '146 147')",
                       arguments: ["Status point\nCache point"])
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines) VALUES (84, 2, NULL, 2, 'Supported kiln models', 'supported-kiln-models', 'supported-kiln-models', 150, ?, '152')",
                       arguments: ["Every kiln model listed here runs a status check at each point of a firing."])
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 86, 'Kiln model K7', 'This kiln model is supported for the following points:', 2, 140, 'kiln-model-k7')")
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 85, 'Site points', ?, 2, 144, 'site-points')",
                       arguments: ["Status point\nCache point"])
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 84, 'Supported kiln models', ?, 2, 150, 'supported-kiln-models')",
                       arguments: ["Every kiln model listed here runs a status check at each point of a firing."])
        try db.execute(sql: "INSERT INTO lists(id, document_id, section_id, parent_item_id, ordered, start, line) VALUES (3, 2, 85, NULL, 0, 1, 146)")
        try db.execute(sql: "INSERT INTO list_items(id, list_id, position, depth, line, text, markdown) VALUES (5, 3, 0, 0, 146, 'Status point', ''), (6, 3, 1, 0, 147, 'Cache point', '')")
        // A firewall exception no port row names.
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 91, 'Firewall exceptions', ?, 2, 120, 'firewall-exceptions')",
                       arguments: ["For manual installation, add Remote Assistance as an exception to the agent firewall."])
        // "sorts" is one letter from the cue word "ports", and only prose uses it.
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 99, 'Baking agents in a kiln', 'kiln temperatures for all sorts of agents', 2, 30, 'kiln')")

        let methods: [(String, String, Condition?, Int, String)] = [
            ("Remote push installation", "Remote push installation", nil, 32, "remote-push-installation"),
            ("Manual installation", "Manual installation", nil, 40, "manual-installation"),
            ("Kiosk computer installation", "Kiosk computer installation", nil, 45, "kiosk-computer-installation"),
            ("Package-based installation", "Package-based installation (for upgrades only)", .flag("upgrades"), 50,
             "package-based-installation-for-upgrades-only"),
            ("Automatic agent upgrades", "Automatic agent upgrades", nil, 55, "automatic-agent-upgrades"),
        ]
        for m in methods {
            try db.execute(sql: "INSERT INTO install_methods(name, heading, condition, condition_json, document_id, line, anchor) VALUES (?, ?, ?, ?, 1, ?, ?)",
                           arguments: [m.0, m.1, m.2?.description, json(m.2), m.3, m.4])
        }

        let components: [(String, String?, String?, String, Bool, Int)] = [
            ("Contoso Transfer Service", nil, nil, "Required to move files between the agent and the site.", false, 14),
            ("Fabrikam Runtime", "3.1.4", "fabrt.exe", "Required to run agent tasks. Installing it might require a restart.", true, 15),
            ("Signing support", nil, nil, "Starting in version 1906, agents require signing support.", false, 16),
            // A short name written with a leading dot, and a minimum with a qualifier after its number.
            ("Northwind .NX Library", "2.0 SP2", "nxlib.msi", "Required to read agent packages.", false, 17),
        ]
        for c in components {
            // The library sits in a table of its own, whose lead-in says how it gets onto agents.
            let bundled = c.0.hasPrefix("Northwind")
            try db.execute(sql: "INSERT INTO components(name, min_version, file, category, description, may_restart, document_id, line, anchor) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                           arguments: [c.0, c.1, c.2, bundled ? "Bundled dependencies" : "External dependencies", c.3, c.4 ? 1 : 0, c.5,
                                       bundled ? "bundled-dependencies" : "external-dependencies"])
        }
        // A restart lead-in whose list items do not themselves say "restart" (all but one).
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines) VALUES (83, 1, 2, 3, 'Fabrikam Runtime details', 'fabrikam-details', 'fabrikam-details', 18, ?, '18 19 20')",
                       arguments: ["Fabrikam Runtime might need a restart. Agents restart in these cases:\nA kiln task is running.\nThe agent waits for a restart from an earlier update."])
        try db.execute(sql: "INSERT INTO lists(id, document_id, section_id, parent_item_id, ordered, start, line) VALUES (4, 1, 83, NULL, 0, 1, 19)")
        try db.execute(sql: "INSERT INTO list_items(id, list_id, position, depth, line, text, markdown) VALUES (7, 4, 0, 0, 19, 'A kiln task is running.', ''), (8, 4, 1, 0, 20, 'The agent waits for a restart from an earlier update.', '')")
        for (line, text) in [(19, "A kiln task is running."), (20, "The agent waits for a restart from an earlier update.")] {
            try db.execute(sql: "INSERT INTO requirements(subject, text, mentions, document_id, line, anchor) VALUES ('Fabrikam Runtime', ?, '[]', 1, ?, 'fabrikam-details')",
                           arguments: [text, line])
        }
        let bundledText = "Setup copies these onto each agent and puts them in place silently.\nNorthwind .NX Library | Required to read agent packages."
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body) VALUES (94, 1, 2, 3, 'Bundled dependencies', 'bundled-dependencies', 'bundled-dependencies', 17, ?)",
                       arguments: [bundledText])
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 94, 'Bundled dependencies', ?, 1, 17, 'bundled-dependencies')",
                       arguments: [bundledText])

        // Two sentences about the library; only the second says what happens where it is missing.
        let libraryText = "The agent's .NX library loads from its local cache when the agent service starts.\nSetup downloads and installs the .NX library on each agent that doesn't have it yet."
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body) VALUES (82, 1, 2, 3, 'Library loading', 'library-loading', 'library-loading', 26, ?)",
                       arguments: [libraryText])
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 82, 'Library loading', ?, 1, 26, 'library-loading')",
                       arguments: [libraryText])

        // Two log files: the sentence its heading completes names the wrong one; the next names the right one.
        let logText = "Log files help with troubleshooting. For example, the push.log file on the site server records each connection to the computer. The setup.log file on the agent records the installation steps."
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body) VALUES (81, 1, 6, 5, 'Agent push logs', 'agent-push-logs', 'agent-push-logs', 36, ?)",
                       arguments: [logText])
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 81, 'Agent push logs', ?, 1, 36, 'agent-push-logs')",
                       arguments: [logText])

        // Where phones get the app: words no requirement row of phone clients has.
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 79, 'Phone apps', ?, 1, 68, 'phone-apps')",
                       arguments: ["Phone clients download the app from the public store over any network, once per device.\nPhones look up the enrollment name through DNS."])
        // Care of kiln shelves, in words a question may not use; an example, and a pointer.
        try db.execute(sql: "INSERT INTO sections(id, document_id, parent_id, level, heading, anchor, slug, line, body, body_lines) VALUES (80, 2, NULL, 2, 'Kiln maintenance', 'kiln-maintenance', 'kiln-maintenance', 160, ?, '162')",
                       arguments: [Self.kilnCare])
        try db.execute(sql: "INSERT INTO search(kind, ref_id, title, body, document_id, line, anchor) VALUES ('section', 80, 'Kiln maintenance', ?, 2, 160, 'kiln-maintenance')",
                       arguments: [Self.kilnCare])

        let roles: [(String, String?, String, String, Int, String)] = [
            // The verdict in the second sentence, after one that says the opposite of a narrower case.
            ("relay point", "required", "desktop agents",
             "Setting up an agent doesn't need a relay point. Agents need a relay point to talk to the site. Without one, they stay unmanaged.", 22, "site-roles"),
            ("cache point", "optional, recommended", "desktop agents", "The cache point is optional, but recommended. It holds agent files.", 23, "site-roles"),
            ("status point", "optional, recommended", "desktop agents", "The status point is optional. It collects state messages from agents.", 24, "site-roles"),
            ("relay point", "required", "phone clients", "Phones always need a relay point.", 62, "bkmk_phones"),
        ]
        for r in roles {
            try db.execute(sql: "INSERT INTO site_system_roles(name, necessity, subject, description, document_id, line, anchor) VALUES (?, ?, ?, ?, 1, ?, ?)",
                           arguments: [r.0, r.1, r.2, r.3, r.4, r.5])
        }

        // Two roles whose statements differ only by the action ("add" is also a word of change questions).
        try db.execute(sql: "INSERT INTO security_roles(name, description, document_id, line, anchor) VALUES ('Roster Keeper', 'Roster Keeper grants permissions to add and remove agent operators.', 2, 90, 'roles'), ('Roster Reader', 'Roster Reader grants permissions to view agent operators.', 2, 91, 'roles')")
        try db.execute(sql: "INSERT INTO security_roles(name, description, document_id, line, anchor) VALUES ('Infrastructure Administrator', 'The Infrastructure Administrator role includes the permissions to manage remote push.', 1, 38, 'remote-push-installation'), ('Full Administrator', 'You must be a Full Administrator to configure automatic agent upgrades.', 1, 57, 'automatic-agent-upgrades')")

        let permissions: [(String, String, String, String, String, Int, String)] = [
            ("Modify Resource", "Collection", "push agents to collections", "Infrastructure Administrator", "Remote push installation", 37, "remote-push-installation"),
            ("Delete resource", "Collection", "wipe a phone", "Operations Administrator", "phone clients", 66, "bkmk_phones"),
            ("Modify", "Site", "configure phone enrollment", "Full Administrator", "phone clients", 67, "bkmk_phones"),
        ]
        for p in permissions {
            try db.execute(sql: "INSERT INTO permissions(permission, object, purpose, security_role, subject, document_id, line, anchor) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                           arguments: [p.0, p.1, p.2, p.3, p.4, p.5, p.6])
        }

        let forest: Condition = .any([.not(.flag("extended-directory-schema")), .flag("installing-agents-another-forest")])
        let requirements: [(String, String, String?, Condition?, String?, String, Int, String)] = [
            ("desktop agents", "Contoso Transfer Service (CTS): Required to move files between the agent and the site.", "required", nil, nil, "[]", 14, "external-dependencies"),
            ("desktop agents", "Fabrikam Runtime version 3.1.4 (fabrt.exe): Required to run agent tasks.", "required", nil, nil, "[]", 15, "external-dependencies"),
            ("desktop agents", "Signing support: Starting in version 1906, agents require signing support.", "required", .version(.atLeast, "1906"), "Starting in version 1906", "[]", 16, "external-dependencies"),
            ("desktop agents", "Relay point: Agents need a relay point to talk to the site.", "required", nil, nil, #"[{"kind":"site_system_role","name":"relay point"}]"#, 22, "site-roles"),
            ("Remote push installation", "The target computer exposes an ADMIN$ share.", nil, nil, nil, #"[{"kind":"share","name":"ADMIN$"}]"#, 34, "remote-push-installation"),
            ("Remote push installation", "The push account must be a member of the local Administrators group.", "required", nil, nil, "[]", 35, "remote-push-installation"),
            ("Remote push installation", "The Infrastructure Administrator role includes the permissions to manage remote push.", "required", nil, nil, #"[{"kind":"security_role","name":"Infrastructure Administrator"}]"#, 38, "remote-push-installation"),
            ("Manual installation", "The agent downloads its files from a cache point or a relay point, unless you run setup with /source.", "required", .not(.flag("source")), "unless you run setup with /source", "[]", 42, "manual-installation"),
            ("Kiosk computer installation", "Configure a network access account for the site.", nil, nil, nil, #"[{"kind":"account","name":"network access account"}]"#, 47, "kiosk-computer-installation"),
            ("Package-based installation", "If you haven't extended the directory schema, or you install agents from another forest, use group policy to pass setup parameters.", nil, .all([.flag("upgrades"), forest]), "If you haven't extended the directory schema, or you install agents from another forest", "[]", 52, "package-based-installation-for-upgrades-only"),
            ("Automatic agent upgrades", "You must be a Full Administrator to configure automatic agent upgrades.", "required", nil, nil, #"[{"kind":"security_role","name":"Full Administrator"}]"#, 57, "automatic-agent-upgrades"),
            ("phone clients", "Optional: a DNS alias (CNAME record) named PhoneEnroll that points to the enrollment proxy.", "optional", nil, nil, "[]", 64, "bkmk_phones"),
            ("phone clients", "If you use a proxy server, it must allow SSL tunneling.", "required", .flag("proxy-server"), "If you use a proxy server", "[]", 72, "firewall-requirements"),
            // Releases of a service that has no component row, named by its abbreviation.
            ("batch hosts", "QBS 2.4 (role in Quartz Server 2020)", nil, nil, nil, "[]", 76, "batch-hosts"),
            ("batch hosts", "Restart the QBS service on every batch host after an update.", nil, nil, nil, "[]", 77, "batch-hosts"),
            // A row that only points elsewhere.
            ("batch hosts", "For the permissions to drain batch hosts, see Batch host security.", nil, nil, nil, "[]", 78, "batch-hosts"),
        ]
        for r in requirements {
            try db.execute(sql: "INSERT INTO requirements(subject, text, necessity, condition, condition_text, condition_json, mentions, document_id, line, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                           arguments: [r.0, r.1, r.2, r.3?.description, r.4, json(r.3), r.5, r.6, r.7])
        }

        let portRows: [(String, String, String?, String?, String, Condition?, String, String?, Int, String)] = [
            ("TCP", "80", "agent", "status point", "HTTP from the agent to a status point.", nil, "all installation methods", nil, 5, "ports-for-all-installation-methods"),
            ("TCP", "445", "site server", "agent", "SMB between the site server and the agent.", nil, "remote push installation", nil, 10, "ports-used-with-remote-push-installation"),
            ("TCP", "445", "source server", "agent", "SMB from the source server when you run setup with /source.", .flag("source"), "manual installation and kiosk computer installation", nil, 14, "ports-used-with-manual-installation"),
            ("TCP", "80", "agent", "relay point", "HTTP from the agent to a relay point when you do not use /source.", .not(.flag("source")), "manual installation and kiosk computer installation", nil, 15, "ports-used-with-manual-installation"),
            ("TCP", "2701", nil, nil, "Inbound: TCP Port 2701", nil, "Remote Control", "inbound", 20, "remote-control"),
            // Shares "between", "agent" and "point" with questions about other points.
            ("TCP", "443", "agent", "enrollment point", "HTTPS between the phone agent and the enrollment point.", nil, "Phone enrollment APIs", nil, 24, "phone-ports"),
            // The one row of another subject, which a question about desktop agents leaves out.
            ("TCP", "443", "phone", "enrollment proxy", "HTTPS between phones and the enrollment proxy.", nil, "phone clients", nil, 28, "phone-ports"),
        ]
        for p in portRows {
            try db.execute(sql: "INSERT INTO ports(protocol, port, source, destination, purpose, condition, condition_json, subject, direction, document_id, line, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?)",
                           arguments: [p.0, p.1, p.2, p.3, p.4, p.5?.description, json(p.5), p.6, p.7, p.8, p.9])
        }

        try db.execute(sql: "INSERT INTO aliases(alias, entity_kind, name, document_id, line, anchor) VALUES ('CTS', 'component', 'Contoso Transfer Service', 1, 14, 'external-dependencies')")

        // A term one of whose words ("extended") is also in a condition's phrase.
        try db.execute(sql: "INSERT INTO aliases(alias, entity_kind, name, document_id, line, anchor) VALUES ('XA', 'term', 'extended agent', 1, 3, 'agent-prerequisites')")
        try db.execute(sql: "INSERT INTO aliases(alias, entity_kind, name, document_id, line, anchor) VALUES ('QBS', 'term', 'quartz batch service', 1, 75, 'batch-hosts')")
        // A term whose long form shares a word with a method and adds words no other name has.
        try db.execute(sql: "INSERT INTO aliases(alias, entity_kind, name, document_id, line, anchor) VALUES ('PGO', 'term', 'package group object', 1, 50, 'package-based-installation-for-upgrades-only')")
        let variables = [
            ("source", "you run setup with /source"),
            ("extended-directory-schema", "you extended the directory schema"),
            ("installing-agents-another-forest", "you install agents from another forest"),
            ("upgrades", "for upgrades only"),
            ("proxy-server", "you use a proxy server"),
            ("update-agent-versions", "you update these agent versions"),
            ("size-catalog-backlog-size", "the size of your catalog and the backlog size"),
        ]
        for v in variables {
            try db.execute(sql: "INSERT INTO condition_variables(name, phrase) VALUES (?, ?)", arguments: [v.0, v.1])
        }
    }
}

/// Opens the fixture once per test case class.
class QueryTestCase: XCTestCase {
    nonisolated(unsafe) static var sharedPath: String?
    nonisolated(unsafe) static var sharedFolder: URL?
    nonisolated(unsafe) static var sharedEngine: AnswerEngine?

    var databasePath: String { Self.sharedPath! }
    var engine: AnswerEngine { Self.sharedEngine! }

    override class func setUp() {
        super.setUp()
        if sharedEngine == nil {
            // One database for every test of the process, removed when the process exits.
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("dockb-query-\(UUID().uuidString)", isDirectory: true)
            try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            sharedFolder = folder
            atexit { QueryTestCase.sharedFolder.map { try? FileManager.default.removeItem(at: $0) } }
            let path = try! QueryFixture.makeDatabase(in: folder)
            sharedPath = path
            sharedEngine = AnswerEngine(knowledgeBase: try! KnowledgeBaseSnapshot.open(path: path))
        }
    }

    func ask(_ question: String, _ context: QueryContext = QueryContext()) -> Answer {
        engine.answer(question, context: context)
    }

    func text(_ answer: Answer) -> String { AnswerRenderer().render(answer, as: .text) }
}
