import Glibc

/// Linux calls for putting written files on disk that Swift's view of the C
/// library leaves out (`syncfs`, `sync_file_range`), looked up at run time.
enum FileSync {
    /// Starts writing the dirty pages of the file open at `descriptor` to
    /// disk and returns without waiting, so a later `fsync` or `syncfs` finds
    /// most of them written. Only a hint: where the call is missing or fails,
    /// the later sync does all the work, as it would have.
    static func startWriteback(_ descriptor: Int32) {
        guard let syncFileRange else { return }
        _ = syncFileRange(descriptor, 0, 0, syncFileRangeWrite)
    }

    /// Puts every file of the file system holding `descriptor` on disk: 0 or
    /// -1 with `errno` as `syncfs` returns; nil where `syncfs` is missing.
    static func syncFileSystem(_ descriptor: Int32) -> Int32? {
        syncfs.map { $0(descriptor) }
    }

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    private static let syncFileRange: SyncFileRange? = function("sync_file_range", as: SyncFileRange.self)
    /// `SYNC_FILE_RANGE_WRITE` of `<fcntl.h>`: start writeback, do not wait for it.
    private static let syncFileRangeWrite: UInt32 = 2

    private typealias SyncFileSystem = @convention(c) (Int32) -> Int32
    private static let syncfs: SyncFileSystem? = function("syncfs", as: SyncFileSystem.self)

    private static func function<F>(_ name: String, as type: F.Type) -> F? {
        dlsym(dlopen(nil, RTLD_NOW), name).map { unsafeBitCast($0, to: type) }
    }
}
