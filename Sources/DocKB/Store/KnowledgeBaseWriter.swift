import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a complete knowledge base and publishes it atomically.
///
/// The database is built in a temporary file inside the output folder (same
/// file system, so the final `rename(2)` is atomic), in one transaction with
/// cached prepared statements, and with journaling and syncing off: a failed
/// build only ever leaves a temporary file behind, never a half-written
/// `kb.sqlite`. Before the rename the file is flushed to disk, so a reader that
/// opens `kb.sqlite` at any moment sees the previous complete knowledge base or
/// the new complete one.
public struct KnowledgeBaseWriter: Sendable {
    public static let fileName = "kb.sqlite"
    public static let toolVersion = "0.1.0"

    public var outputFolder: URL

    public init(outputFolder: URL) {
        self.outputFolder = outputFolder
    }

    public var destination: URL { outputFolder.appendingPathComponent(Self.fileName) }

    /// The ends of the names a knowledge base has while it is written, and
    /// while the one it replaced is removed (see `Durability.move`).
    static let temporarySuffix = ".tmp", setAsideSuffix = ".old"

    /// Removes what builds killed half-way left in `folder`: knowledge bases
    /// being written, and replaced ones not removed yet. Only for a caller
    /// that holds the folder's `BuildLock`, as no other build can be using them then.
    static func removeLeftovers(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(fileName + ".")
            && (name.hasSuffix(temporarySuffix) || name.hasSuffix(setAsideSuffix)) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Removes the knowledge bases process `pid` is writing in `folder`: what
    /// a build stopped by a signal does before it exits (the corpus's is 90 MB).
    public static func removeTemporaryFiles(of pid: Int32, in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix("\(fileName).\(pid)-") && name.hasSuffix(temporarySuffix) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Every foreign key of the committed knowledge base at `file`; throws
    /// SQLite's error naming the table, column and target of the first dangling reference.
    private static func checkForeignKeys(of file: URL) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: file.path, configuration: configuration)
        defer { try? queue.close() }
        try queue.read { try $0.checkForeignKeys() }
    }

    /// FTS5's own default for `automerge`, which the search table keeps between builds.
    static let ftsAutomerge = 4

    /// What the new knowledge base starts from.
    public enum Start: Sendable {
        /// An empty database; the history (`builds`, `changes`) of the given
        /// earlier knowledge base, if any, is carried over.
        case empty(history: URL?)
        /// A copy of an earlier knowledge base of the same schema, which the
        /// body patches (an incremental build).
        case copy(URL)
    }

    /// Creates the schema, lets `body` add documents through the session, and
    /// renames the result over `kb.sqlite`. `documentPaths` lists every document
    /// that `body` will add, so links can point at documents not written yet.
    /// If `body` or any write throws, the previous `kb.sqlite` is left untouched.
    @discardableResult
    public func publish(documentPaths: [String], buildInfo: [String: String], start: Start = .empty(history: nil),
                        _ body: (KnowledgeBaseSession) throws -> Void) throws -> StoreCounts {
        let (counts, pending) = try commit(documentPaths: documentPaths, buildInfo: buildInfo, start: start, body)
        try pending.moveIntoPlace()
        return counts
    }

    /// `publish` up to the commit: returns the knowledge base committed to
    /// its temporary file, on its way to disk (see `PendingKnowledgeBase`).
    /// `copy`, with a `.copy` start, is that copy made already (see `startCopy`).
    func commit(documentPaths: [String], buildInfo: [String: String], start: Start, copy: KnowledgeBaseCopy? = nil,
                _ body: (KnowledgeBaseSession) throws -> Void) throws -> (StoreCounts, PendingKnowledgeBase) {
        try OutputFolder.create(outputFolder)
        var base: URL?
        if case .copy(let url) = start { base = url }
        // A copy made already is this call's file from here on.
        let given = base == nil ? nil : try copy?.take()
        let temporary = given ?? temporaryFile()
        do {
            if let base, given == nil { try Durability.copy(base, to: temporary) }
            let counts = try write(to: temporary, documentPaths: documentPaths, buildInfo: buildInfo, start: start, body)
            let pending = PendingKnowledgeBase(file: temporary, destination: destination) { [patched = base != nil] in
                if patched {
                    try Durability.flush(temporary)
                } else {
                    // A new knowledge base's references are checked in full once
                    // it is committed, on a connection of its own, while its bytes
                    // go to disk: each took 45-50 ms of the corpus build's end.
                    _ = try concurrently({ try Self.checkForeignKeys(of: temporary) }, { try Durability.flush(temporary) })
                }
            }
            return (counts, pending)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Starts copying the knowledge base at `base` into a temporary file of
    /// the output folder, for a `.copy` commit (the folder must exist).
    func startCopy(of base: URL) -> KnowledgeBaseCopy {
        KnowledgeBaseCopy(of: base, to: temporaryFile())
    }

    /// A new name for a knowledge base being written: this process's id and
    /// a random part, so two writers never meet (see `removeLeftovers`).
    private func temporaryFile() -> URL {
        outputFolder.appendingPathComponent(
            "\(Self.fileName).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))\(Self.temporarySuffix)")
    }

    /// Bytes per database page of a new knowledge base (SQLite's largest).
    static let pageSize = 65536

    private func write(to file: URL, documentPaths: [String], buildInfo: [String: String], start: Start,
                       _ body: (KnowledgeBaseSession) throws -> Void) throws -> StoreCounts {
        var configuration = Configuration()
        // Links name documents written later in the transaction. With SQLite
        // enforcing foreign keys (even deferred), every insert into a parent
        // table while such a reference is pending scans the child tables: the
        // corpus build spent minutes there. The references are checked once,
        // in full, before the commit instead.
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            // Crash safety comes from the rename, not from SQLite's journal.
            // The largest pages SQLite allows: the base is written once, in
            // bulk, mostly text and full-text segments, and 4 KiB pages cost
            // a fifth more time splitting and writing them. (It applies to a
            // new file only; a copied base keeps its pages.)
            try db.execute(sql: """
                PRAGMA page_size = \(Self.pageSize); PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                PRAGMA cache_size = -32000
                """)
        }
        let queue = try DatabaseQueue(path: file.path, configuration: configuration)
        defer { try? queue.close() }
        try Schema.migrator.migrate(queue)
        if case .empty(let history?) = start {
            // ATTACH cannot run inside the transaction below.
            try queue.inDatabase { db in
                try db.execute(sql: "ATTACH DATABASE ? AS previous", arguments: [history.path])
                try db.execute(sql: "INSERT INTO builds SELECT * FROM previous.builds")
                try db.execute(sql: "INSERT INTO changes SELECT * FROM previous.changes")
                try db.execute(sql: "DETACH DATABASE previous")
            }
        }
        let counts = try queue.inDatabase { db -> StoreCounts in
            var counts = StoreCounts()
            try db.inTransaction {
                let session = try KnowledgeBaseSession(db: db, documentPaths: documentPaths)
                var info = buildInfo
                info["tool_version"] = Self.toolVersion
                info["tool_build"] = ToolIdentity.current
                info["schema_migrations"] = try Schema.migrator.appliedMigrations(db).joined(separator: " ")
                try session.setBuildInfo(info)
                // FTS5 merges its index segments as rows arrive; merging as
                // often while thousands are added cost a seventh of the
                // index's time (SQLite 3.40, the corpus's 36,000 rows) and
                // made queries no faster. The default is back for the next build.
                try db.execute(sql: "INSERT INTO search(search, rank) VALUES ('automerge', 0)")
                try body(session)
                try db.execute(sql: "INSERT INTO search(search, rank) VALUES ('automerge', \(Self.ftsAutomerge))")
                if case .copy = start {
                    // A patch checks and counts what it wrote on top of what was there.
                    try session.checkForeignKeysOfWrittenRows()
                    counts = try StoreCounts.load(db)
                } else {
                    // Checked after the commit (see `publish`).
                    counts = session.counts
                }
                return .commit
            }
            return counts
        }
        try queue.close()
        return counts
    }
}

public enum KnowledgeBaseError: Error, Equatable, CustomStringConvertible {
    case cannotCreateOutputFolder(String, reason: String)
    case cannotWriteOutputFolder(String, reason: String)
    case publishFailed(String, reason: String)
    case documentNotAnnounced(String)
    case notAKnowledgeBase(String, reason: String)
    case tooManyRows(documentID: Int64)
    case danglingReference(table: String, column: String, row: Int64)

    public var description: String {
        switch self {
        case .cannotCreateOutputFolder(let path, let reason):
            return "cannot create output folder \(path): \(reason)"
        case .cannotWriteOutputFolder(let path, let reason):
            return "cannot write into output folder \(path): \(reason)"
        case .publishFailed(let path, let reason):
            return "cannot publish knowledge base \(path): \(reason)"
        case .documentNotAnnounced(let path):
            return "document \(path) was added but not listed in documentPaths"
        case .notAKnowledgeBase(let path, let reason):
            return "\(path) is not a dockb knowledge base: \(reason)"
        case .danglingReference(let table, let column, let row):
            return "row \(row) of \(table) names a missing row in \(column)"
        case .tooManyRows(let documentID):
            return "document \(documentID) has more than \((1 << RowIDAllocator.shift) - 2) rows, more than one document can hold"
        }
    }
}

/// The two system calls atomic publishing rests on.
enum Durability {
    /// Forces the file's bytes to disk, so the rename can never expose a file
    /// whose content is still only in the page cache.
    static func flush(_ file: URL) throws {
        let fd = open(file.path, O_RDONLY)
        guard fd >= 0 else { throw failure(file) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure(file) }
    }

    /// Copies `source` to the new file `destination` in the kernel
    /// (`sendfile`), falling back to reads and writes where the file
    /// system cannot. Foundation's copy took three times as long for the
    /// corpus's 95 MB knowledge base, a tenth of an incremental build.
    static func copy(_ source: URL, to destination: URL) throws {
        let input = open(source.path, O_RDONLY)
        guard input >= 0 else { throw failure(source) }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0 else { throw failure(source) }
        let output = open(destination.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard output >= 0 else { throw failure(destination) }
        defer { close(output) }
        var left = Int(status.st_size)
        while left > 0 {
            let copied = sendfile(output, input, nil, min(left, 1 << 30))
            if copied > 0 {
                left -= copied
            } else if copied == 0 {
                break  // the source shrank while copying: what is there is copied
            } else if errno == EINTR {
                continue
            } else if [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP].contains(errno) {
                try copyByReading(input, to: output, destination: destination)
                return
            } else {
                throw failure(destination)
            }
        }
    }

    private static func copyByReading(_ input: Int32, to output: Int32, destination: URL) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let read = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { throw failure(destination) }
            if read == 0 { return }
            var written = 0
            while written < read {
                let count = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, read - written) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw failure(destination) }
                written += count
            }
        }
    }

    /// Atomically replaces `destination` with `source` (same directory), then
    /// syncs the directory so the new name itself survives a power loss.
    ///
    /// The replaced file's blocks are freed when its last name goes: for the
    /// corpus's 90 MB that made the rename take 35 ms, a tenth of a
    /// one-document rebuild. A second name kept for it until after the
    /// rename lets the freeing happen on another thread.
    static func move(_ source: URL, over destination: URL) throws {
        let aside = destination.path + ".\(getpid())" + KnowledgeBaseWriter.setAsideSuffix
        let keptAside = link(destination.path, aside) == 0
        guard rename(source.path, destination.path) == 0 else {
            let failed = failure(destination)
            if keptAside { unlink(aside) }
            throw failed
        }
        let directory = open(destination.deletingLastPathComponent().path, O_RDONLY)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
        if keptAside { DeferredRemoval.remove(aside) }
    }

    private static func failure(_ file: URL) -> KnowledgeBaseError {
        .publishFailed(file.path, reason: String(cString: strerror(errno)))
    }
}
