import Foundation
import GRDB

/// A published knowledge base, opened read-only: any write throws. Readers
/// open the file once, so a build that renames a new `kb.sqlite` into place
/// meanwhile never changes what an open `KnowledgeBase` sees.
public struct KnowledgeBase: Sendable {
    public let url: URL
    private let queue: DatabaseQueue

    public init(url: URL) throws {
        try Self.requireFile(url)
        var configuration = Configuration()
        configuration.readonly = true
        do {
            queue = try DatabaseQueue(path: url.path, configuration: configuration)
            let (complete, dockbTables) = try queue.read { db in
                (try Schema.migrator.hasCompletedMigrations(db), try db.tableExists("build_info"))
            }
            guard complete else {
                throw KnowledgeBaseError.notAKnowledgeBase(
                    url.path, reason: dockbTables ? "written by another dockb schema version" : "it holds no dockb tables")
            }
        } catch let error as KnowledgeBaseError {
            throw error
        } catch {
            throw KnowledgeBaseError.notAKnowledgeBase(url.path, reason: "\(error)")
        }
        self.url = url
    }

    /// Throws `notAKnowledgeBase` when nothing is at `url`, or a folder is:
    /// SQLite's own word for a folder is "disk I/O error".
    static func requireFile(_ url: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw KnowledgeBaseError.notAKnowledgeBase(url.path, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw KnowledgeBaseError.notAKnowledgeBase(url.path, reason: "it is a folder") }
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// Stops the statement running in `read` on another thread: it throws
    /// SQLite's SQLITE_INTERRUPT (the REPL's Ctrl-C during a long `sql`).
    public func interrupt() {
        queue.interrupt()
    }

    /// The `build_info` table: tool version, applied schema migrations, source folder.
    public func buildInfo() throws -> [String: String] {
        try read { db in
            var info: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM build_info") {
                info[row["key"]] = row["value"]
            }
            return info
        }
    }
}
