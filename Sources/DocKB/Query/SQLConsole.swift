import Foundation
import GRDB

/// The REPL's `sql`, `tables` and `schema` commands. The connection is
/// read-only (`Configuration.readonly`), and statements that would write are
/// refused before they run, with a message saying why.
struct SQLConsole {
    let store: KnowledgeBase
    /// Rows printed before the output says how many more there were.
    var rowLimit = 200
    /// Cells are cut to this width so one long text does not wreck the table.
    var cellWidth = 48

    static let refusal = "refused: the knowledge base is opened read-only; `sql` runs SELECT statements only"

    /// Runs `sql`; `stopRequested`, asked every 50 ms while it runs, stops it
    /// when true (the REPL passes Ctrl-C: a join of two large tables ran on
    /// and the REPL took no more input).
    func run(_ sql: String, stopRequested: @escaping @Sendable () -> Bool = { false }) -> String {
        let trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "usage: sql SELECT ...   (for example: sql SELECT name, min_version FROM components)" }
        let watch = DispatchSource.makeTimerSource(queue: .global())
        watch.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(50))
        watch.setEventHandler { [store] in if stopRequested() { store.interrupt() } }
        watch.resume()
        defer { watch.cancel() }
        do {
            return try store.read { db -> String in
                let statements = try db.allStatements(sql: trimmed)
                var outputs: [String] = []
                while let statement = try statements.next() {
                    guard statement.isReadonly else { return Self.refusal }
                    outputs.append(try table(Row.fetchCursor(statement), columns: statement.columnNames))
                }
                return outputs.joined(separator: "\n")
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            return Self.refusal
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            return "interrupted"
        } catch let error as DatabaseError {
            return "sql error: \(error.message ?? "\(error)")"
        } catch {
            return "sql error: \(error)"
        }
    }

    private func table(_ cursor: RowCursor, columns: [String]) throws -> String {
        guard !columns.isEmpty else { return "ok" }
        var rows: [[String]] = []
        var extra = 0
        while let row = try cursor.next() {
            if rows.count >= rowLimit { extra += 1; continue }
            rows.append(columns.indices.map { cell(row[$0]) })
        }
        var widths = columns.map(\.count)
        for row in rows { for (i, value) in row.enumerated() { widths[i] = max(widths[i], value.count) } }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: " | ").trimmingCharacters(in: .whitespaces)
        }
        var out = [line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")]
        out += rows.map(line)
        let count = rows.count + extra
        out.append("(\(count) row\(count == 1 ? "" : "s")" + (extra > 0 ? ", first \(rows.count) shown)" : ")"))
        return out.joined(separator: "\n")
    }

    private func cell(_ value: DatabaseValue) -> String {
        guard !value.isNull else { return "NULL" }
        let text: String
        switch value.storage {
        case .blob(let data): text = "<\(data.count) bytes>"
        default: text = String(describing: value).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > cellWidth ? String(flat.prefix(cellWidth - 1)) + "…" : flat
    }

    /// Tables and views with row counts, without FTS5's internal tables.
    func tables() -> String {
        (try? store.read { db -> String in
            let names = try userTables(db)
            let width = names.map(\.count).max() ?? 0
            return try names.map { name in
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(name)\"") ?? 0
                return name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(count) rows"
            }.joined(separator: "\n")
        }) ?? "cannot list tables"
    }

    func tableNames() -> [String] {
        (try? store.read { try userTables($0) }) ?? []
    }

    /// `CREATE` statements of every table, or of the one named.
    func schema(_ table: String?) -> String {
        (try? store.read { db -> String in
            let names = Set(try userTables(db))
            let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
            let chosen = rows.filter { row in
                let name: String = row["name"]
                if let table { return name.caseInsensitiveCompare(table) == .orderedSame }
                return names.contains(name)
            }
            if chosen.isEmpty, let table { return "no table named \(table); `tables` lists them" }
            return chosen.map { ($0["sql"] as String) + ";" }.joined(separator: "\n\n")
        }) ?? "cannot read the schema"
    }

    private func userTables(_ db: Database) throws -> [String] {
        let all = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'view')
            AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        let virtual = all.filter { (($0["sql"] as String?) ?? "").uppercased().contains("VIRTUAL TABLE") }
            .map { $0["name"] as String }
        return all.map { $0["name"] as String }.filter { name in
            !virtual.contains { name.hasPrefix($0 + "_") } && name != "grdb_migrations"
        }
    }
}
