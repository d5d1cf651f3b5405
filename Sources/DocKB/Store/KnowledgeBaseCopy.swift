import Foundation

/// A copy of the previous knowledge base, made in the background for an
/// incremental build to patch.
///
/// The copy (13 ms for the corpus's 90 MB) only needs the previous file, so
/// it runs while the build decodes that file's outlines, instead of after.
/// The copy is a temporary file of the output folder, named as
/// `KnowledgeBaseWriter` names the files it writes: until `take` hands it on,
/// it is removed if the build drops it, and `removeLeftovers` clears one a
/// killed build left.
final class KnowledgeBaseCopy: @unchecked Sendable {
    private let file: URL
    private let copying = DispatchGroup()
    private let outcome = CopyOutcome()
    private let lock = NSLock()
    /// Under `lock`: set once `take` returned the file.
    private var taken = false

    init(of base: URL, to file: URL) {
        self.file = file
        startOnOwnThread(leaving: copying) { [outcome] in
            outcome.value = Result { try Durability.copy(base, to: file) }
        }
    }

    /// Waits for the copy and hands the file on: the caller removes it from
    /// now on. A failed copy is removed and its error thrown.
    func take() throws -> URL {
        copying.wait()
        return try lock.withLock {
            taken = true
            do {
                try outcome.value.get()
            } catch {
                unlink(file.path)
                throw error
            }
            return file
        }
    }

    deinit {
        if !taken {
            copying.wait()
            unlink(file.path)
        }
    }
}

/// Written by the copying thread before it leaves its group, read after `wait`.
private final class CopyOutcome: @unchecked Sendable {
    var value: Result<Void, any Error> = .success(())
}
