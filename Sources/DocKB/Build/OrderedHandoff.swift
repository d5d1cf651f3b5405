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
        condition.withLock {
            while slots[index] == nil { condition.wait() }
            defer { slots[index] = nil }
            return slots[index]!
        }
    }
}
