import XCTest
@testable import DocKB

/// `selecting` keeps what `filter` keeps, in the same order, and gives each
/// element's own index.
final class ArraySelectionTests: XCTestCase {
    private let words = ["port", "", "role", "permission", "port", "ccmsetup"]

    func testSelectingKeepsWhatFilterKeepsInOrder() {
        XCTAssertEqual(words.selecting { $0.count > 4 }, words.filter { $0.count > 4 })
        XCTAssertEqual(words.selecting { $0 == "port" }, ["port", "port"])
        XCTAssertEqual(words.selecting { _ in false }, [])
        XCTAssertEqual([String]().selecting { _ in true }, [])
    }

    func testSelectingByIndexSeesEachElementWithItsIndex() {
        var seen: [(Int, String)] = []
        let kept = words.selecting { index, word in
            seen.append((index, word))
            return index.isMultiple(of: 2)
        }
        XCTAssertEqual(kept, ["port", "role", "port"])
        XCTAssertEqual(seen.map(\.0), Array(words.indices))
        XCTAssertEqual(seen.map(\.1), words)
    }
}
