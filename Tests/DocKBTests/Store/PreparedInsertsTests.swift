import Foundation
import GRDB
import XCTest
@testable import DocKB

/// `PreparedInserts` binds values itself: rows must come out as GRDB's own
/// insert writes them, and a failed insert must leave the statement usable.
final class PreparedInsertsTests: XCTestCase {
    private let values: [[(any DatabaseValueConvertible)?]] = [
        [1, "plain", 5, Data([1, 2]), 1.5],
        [2, "", nil, Data(), nil],
        [3, "before\u{0}after", Int64.max, nil, -0.25],
        [4, "é ✓ 日本", -7, Data([0]), nil],
    ]

    private func rows(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT id, s, typeof(s) AS ts, n, b, typeof(b) AS tb, d FROM t ORDER BY id").map { "\($0)" }
    }

    func testRowsAreThoseGRDBWrites() throws {
        let queue = try DatabaseQueue()
        let (own, grdb) = try queue.write { db -> ([String], [String]) in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, n INTEGER, b BLOB, d REAL)")
            let inserts = PreparedInserts(db: db)
            for row in values {
                let id = try inserts.insert("INSERT INTO t (id, s, n, b, d) VALUES (?, ?, ?, ?, ?)", row)
                XCTAssertEqual(id, row[0] as? Int64 ?? Int64(row[0] as! Int))
            }
            let own = try rows(db)
            try db.execute(sql: "DELETE FROM t")
            for row in values {
                try db.execute(sql: "INSERT INTO t (id, s, n, b, d) VALUES (?, ?, ?, ?, ?)", arguments: StatementArguments(row))
            }
            return (own, try rows(db))
        }
        XCTAssertEqual(own, grdb)
        XCTAssertTrue(own[1].contains(#"s:"" ts:"text""#), "an empty string stays text, not NULL: \(own[1])")
        XCTAssertTrue(own[2].contains(#"s:"before" "#), "text ends at its first NUL, as GRDB binds it: \(own[2])")
        XCTAssertTrue(own[3].contains("é ✓ 日本"), own[3])
    }

    func testAFailedInsertThrowsAndTheStatementRunsAgain() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL)")
            let inserts = PreparedInserts(db: db)
            _ = try inserts.insert("INSERT INTO t (id, s) VALUES (?, ?)", [1, "one"])
            XCTAssertThrowsError(try inserts.insert("INSERT INTO t (id, s) VALUES (?, ?)", [1, "again"])) { error in
                XCTAssertEqual((error as? DatabaseError)?.resultCode, .SQLITE_CONSTRAINT, "\(error)")
            }
            XCTAssertThrowsError(try inserts.insert("INSERT INTO t (id, s) VALUES (?, ?)", [2, nil]))
            XCTAssertEqual(try inserts.insert("INSERT INTO t (id, s) VALUES (?, ?)", [3, "three"]), 3)
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT s FROM t ORDER BY id"), ["one", "three"])
        }
    }
}
