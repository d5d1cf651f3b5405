import Foundation
import XCTest
@testable import DocKB

final class OrderedHandoffTests: XCTestCase {
    /// The taking thread makes values itself while it waits, and every index
    /// is made exactly once, by whichever thread claimed it.
    func testTakerHelpsMakeValuesAndEachIndexIsMadeOnce() {
        let count = 300
        let handoff = OrderedHandoff<Int>(count: count)
        let claims = WorkClaims(count: count)
        let made = CompletionSlots<String>(count: count)
        let workerStarted = DispatchSemaphore(value: 0)
        let makeNext: @Sendable () -> Bool = {
            guard let index = claims.claim() else { return false }
            if !Thread.isMainThread && index == 0 { workerStarted.signal() }
            // Uneven work, so the two threads overtake each other.
            if index % 7 == 0 { usleep(200) }
            made.put(Thread.isMainThread ? "taker" : "worker", at: index)
            handoff.put(index * index, at: index)
            return true
        }
        let worker = DispatchGroup()
        DispatchQueue.global().async(group: worker) { while makeNext() {} }
        // The worker holds index 0 (a slow one) when the taker starts.
        workerStarted.wait()

        var taken: [Int] = []
        for index in 0..<count { taken.append(handoff.take(index, whileWaiting: makeNext)) }
        worker.wait()

        XCTAssertEqual(taken, (0..<count).map { $0 * $0 })
        let makers = made.all()
        XCTAssertEqual(makers.count, count)
        XCTAssertTrue(makers.contains("taker"), "the taking thread never helped")
        XCTAssertTrue(makers.contains("worker"), "the worker never made a value")
        XCTAssertNil(claims.claim())
    }

    /// With nothing left to make, `take` sleeps until the value arrives.
    func testTakeWaitsWhenThereIsNoWorkLeft() {
        let handoff = OrderedHandoff<String>(count: 1)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { handoff.put("late", at: 0) }
        var calls = 0
        XCTAssertEqual(handoff.take(0, whileWaiting: { calls += 1; return false }), "late")
        XCTAssertEqual(calls, 1, "work is asked for again after it said there was none")
    }
}
