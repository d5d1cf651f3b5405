import GRDB
// The one file that calls SQLite itself, on statements GRDB prepared and owns.
import GRDBSQLite

/// The INSERT statements a session runs, each prepared once and run by
/// binding its values and stepping it with SQLite's own calls.
///
/// A full corpus build runs a quarter of a million inserts on the writer
/// thread, which is the build's critical path. Through `execute(arguments:)`,
/// GRDB's argument handling (a generic map over the values, then one nested
/// closure per value) took about a fifth of that thread, and looking up the
/// cached statement hashed the SQL text every time. Values are bound with
/// GRDB's own `DatabaseValue.bind(to:at:)`, as its `setArguments` binds them,
/// so the rows written are the same.
final class PreparedInserts {
    private let db: Database
    /// Keyed by the address of the SQL literal: no text is hashed per row.
    private var statements: [UnsafeRawPointer: Statement] = [:]

    init(db: Database) {
        self.db = db
    }

    /// Runs the statement `sql` with `values` for its `?` parameters, in
    /// order, and returns the new row's id.
    func insert(_ sql: StaticString, _ values: [(any DatabaseValueConvertible)?]) throws -> Int64 {
        let statement = try prepared(sql)
        let handle = statement.sqliteStatement
        // Every parameter is bound on every run: one left out would keep the previous row's value.
        precondition(values.count == Int(sqlite3_bind_parameter_count(handle)),
                     "\(values.count) values for the parameters of \(statement.sql)")
        // By index, not `enumerated()`: its iterator copied every existential
        // (a retain and a release each), a third of this function's time.
        for index in values.indices {
            let code = Self.bind(values[index]?.databaseValue ?? .null, to: handle, at: CInt(index + 1))
            guard code == SQLITE_OK else { throw failure(code, statement) }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let error = failure(code, statement)
            sqlite3_reset(handle)
            throw error
        }
        sqlite3_reset(handle)
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    /// Binds `value` as GRDB does, but text from the string's own UTF-8
    /// bytes: GRDB passes a `String` where C wants a `char *`, which copies
    /// it into a new C string (and SQLite measures it) before SQLite copies
    /// it once more. Like that C string, the text ends at the first NUL.
    private static func bind(_ value: DatabaseValue, to handle: SQLiteStatement, at index: CInt) -> CInt {
        guard case .string(var text) = value.storage else { return value.bind(to: handle, at: index) }
        return text.withUTF8 { bytes in
            let length = bytes.firstIndex(of: 0) ?? bytes.count
            guard length > 0, let start = bytes.baseAddress else {
                return sqlite3_bind_text(handle, index, "", 0, transient)
            }
            return start.withMemoryRebound(to: CChar.self, capacity: length) {
                sqlite3_bind_text(handle, index, $0, CInt(length), transient)
            }
        }
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private func prepared(_ sql: StaticString) throws -> Statement {
        let key = UnsafeRawPointer(sql.utf8Start)
        if let statement = statements[key] { return statement }
        let statement = try db.makeStatement(sql: sql.description)
        statements[key] = statement
        return statement
    }

    /// The error SQLite reports for `statement`, as GRDB would throw it.
    private func failure(_ code: CInt, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                      sql: statement.sql)
    }
}
