import Foundation

/// Values made on several threads and taken on another in a fixed order:
/// `take(i)` waits until `put(_:at: i)` has happened. The knowledge base is
/// written in source order (row ids follow it) while later documents are
/// still being parsed.
final class OrderedHandoff<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Value?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func put(_ value: Value, at index: Int) {
        condition.withLock {
            slots[index] = value
            condition.broadcast()
        }
    }

    /// The value at `index`, once it is there; the slot is emptied, so the
    /// handoff holds each value only until it is taken.
    func take(_ index: Int) -> Value {
        take(index, whileWaiting: { false })
    }

    /// `take(index)`, but while the value is not there yet the taking thread
    /// calls `work` (which makes some other value, or returns false when
    /// there is none left to make) instead of sleeping. The writer of the
    /// knowledge base thus parses documents itself when it has caught up with
    /// the parsers, so no core idles and none is shared by three threads.
    func take(_ index: Int, whileWaiting work: () -> Bool) -> Value {
        var canWork = true
        while true {
            condition.lock()
            if let value = slots[index] {
                slots[index] = nil
                condition.unlock()
                return value
            }
            if !canWork {
                condition.wait()
                condition.unlock()
                continue
            }
            condition.unlock()
            canWork = work()
        }
    }
}

/// Indices `0..<count` handed out once each to whichever thread asks first.
final class WorkClaims: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    /// The next unclaimed index, or nil when all are claimed.
    func claim() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// Values made at indices `0..<count` on several threads, read all together
/// once every one is made.
final class CompletionSlots<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Value?]
    private var missing: Int

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        missing = count
    }

    func put(_ value: Value, at index: Int) {
        condition.withLock {
            precondition(slots[index] == nil, "index \(index) made twice")
            slots[index] = value
            missing -= 1
            if missing == 0 { condition.broadcast() }
        }
    }

    /// Every value in index order, once the last one is made.
    func all() -> [Value] {
        condition.withLock {
            while missing > 0 { condition.wait() }
            return slots.map { $0! }
        }
    }
}
