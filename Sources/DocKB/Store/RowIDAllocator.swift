/// Row ids that depend only on the document a row comes from and its place
/// in that document: `document id << 24 | n`, with n counting from 1 over all
/// of the document's rows (every table shares the counter; `anchors` and
/// `table_cells`, which have no `id` column, get it as their rowid).
///
/// Because of this an incremental build can delete one document's rows (one
/// id range per table) and write the new version in their place, and end up
/// with exactly the rows, ids included, that a clean build gives. Rows of the
/// build itself (scanner warnings, dangling links) use document id 0.
final class RowIDAllocator {
    static let shift: Int64 = 24
    static let buildLevel: Int64 = 0

    let documentID: Int64
    private var used: Int64 = 0

    init(documentID: Int64) {
        self.documentID = documentID
    }

    func next() throws -> Int64 {
        used += 1
        guard used < 1 << Self.shift else { throw KnowledgeBaseError.tooManyRows(documentID: documentID) }
        return documentID << Self.shift | used
    }

    /// `count` ids in a row for rows written later; returns the first.
    func reserve(_ count: Int) throws -> Int64 {
        let first = used + 1
        used += Int64(count)
        guard used < 1 << Self.shift else { throw KnowledgeBaseError.tooManyRows(documentID: documentID) }
        return documentID << Self.shift | first
    }

    /// Every id the rows of `documentID` can have.
    static func range(of documentID: Int64) -> ClosedRange<Int64> {
        (documentID << shift)...(((documentID + 1) << shift) - 1)
    }
}
