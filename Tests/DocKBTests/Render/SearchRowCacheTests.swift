@testable import DocKB
import XCTest

final class SearchRowCacheTests: XCTestCase {
    private let index = Data("[0, \"a\", \"b\"],\n[0, \"c\"],\n[1, \"d\"]\n".utf8)

    private func cache() -> SearchRowCache {
        var cache = SearchRowCache()
        cache.record("sha-one", rows: [4..<12, 19..<22])
        cache.record("sha-two", rows: [29..<32])
        cache.record("sha-empty", rows: [])
        return cache
    }

    func testRoundTripGivesTheRowsBackFromTheIndex() throws {
        let text = cache().encoded(forIndex: index)
        let read = try XCTUnwrap(SearchRowCache(text, index: index))
        XCTAssertEqual(read.rows(of: "sha-one")?.map { String(decoding: $0, as: UTF8.self) }, [#""a", "b""#, #""c""#])
        XCTAssertEqual(read.rows(of: "sha-two")?.map { String(decoding: $0, as: UTF8.self) }, [#""d""#])
        XCTAssertEqual(read.rows(of: "sha-empty")?.count, 0)
        XCTAssertNil(read.rows(of: "sha-unknown"))
        XCTAssertEqual(read.encoded(forIndex: index), text, "sorted, so the same rows give the same file")
    }

    func testACacheOfAnotherIndexOrDockbOrCutShortIsNotUsed() throws {
        let text = cache().encoded(forIndex: index)
        XCTAssertNil(SearchRowCache(text, index: index + Data(" ".utf8)), "the index changed since")
        let otherTool = Data(text.drop(while: { $0 != 0x0A }))
        XCTAssertNil(SearchRowCache(Data("dockb search rows, made by dockb 0.0 other".utf8) + otherTool, index: index))
        XCTAssertNil(SearchRowCache(text.dropLast(1), index: index), "no final line break")
        XCTAssertNil(SearchRowCache(text.dropLast(5), index: index), "fewer ranges than counted")
        var outside = SearchRowCache()
        outside.record("sha", rows: [30..<99])
        XCTAssertNil(SearchRowCache(outside.encoded(forIndex: index), index: index), "a range past the end")
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        XCTAssertNil(SearchRowCache.read(from: missing).rows(of: "sha-one"))
    }
}
