import Foundation

/// Renders independent pages on all cores. Each page is built in its own
/// libxml2 tree (libxml2 is safe across threads for separate documents), and
/// the results come back in input order, so the output stays deterministic.
enum ParallelPages {
    static func map<T>(_ count: Int, _ render: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        xmlParserReady
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(render(index), at: index)
        }
        return slots.values()
    }

    /// Runs two independent pieces of work at once (an incremental build's
    /// site is a handful of such pieces, each too small to split further),
    /// as `concurrently` does, once libxml2 is ready for threads.
    static func both<A, B>(_ first: @escaping @Sendable () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        xmlParserReady
        return try concurrently(first, second)
    }

    /// libxml2's global state is set up once, before any worker thread uses it.
    private static let xmlParserReady: Void = { _ = MarkupTree.htmlPage() }()

    /// One slot per index; each iteration writes only its own slot.
    private final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.baseAddress!.deinitialize(count: buffer.count)
            buffer.deallocate()
        }

        func store(_ value: T, at index: Int) { buffer[index] = value }

        func values() -> [T] { buffer.map { $0! } }
    }
}
