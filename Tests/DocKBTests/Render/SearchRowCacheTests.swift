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
        let read = try XCTUnwrap(SearchRowCache(text, index: [UInt8](index)))
        XCTAssertEqual(read.rows(of: "sha-one")?.map { String(decoding: $0, as: UTF8.self) }, [#""a", "b""#, #""c""#])
        XCTAssertEqual(read.rows(of: "sha-two")?.map { String(decoding: $0, as: UTF8.self) }, [#""d""#])
        XCTAssertEqual(read.rows(of: "sha-empty")?.count, 0)
        XCTAssertNil(read.rows(of: "sha-unknown"))
        XCTAssertEqual(read.encoded(forIndex: index), text, "sorted, so the same rows give the same file")
        XCTAssertEqual(String(decoding: text.drop(while: { $0 != 0x0A }).dropFirst(), as: UTF8.self),
                       "sha-empty 0\nsha-one 2\n4 8\n19 3\nsha-two 1\n29 3\n", "hash and count, then start and length of each row")
    }

    func testACacheOfAnotherIndexOrDockbOrCutShortIsNotUsed() throws {
        let text = cache().encoded(forIndex: index)
        XCTAssertNil(SearchRowCache(text, index: [UInt8](index + Data(" ".utf8))), "the index changed since")
        let otherTool = Data(text.drop(while: { $0 != 0x0A }))
        XCTAssertNil(SearchRowCache(Data("dockb search rows, made by dockb 0.0 other".utf8) + otherTool, index: [UInt8](index)))
        XCTAssertNil(SearchRowCache(text.dropLast(1), index: [UInt8](index)), "no final line break")
        XCTAssertNil(SearchRowCache(text.dropLast(5), index: [UInt8](index)), "fewer ranges than counted")
        let header = Data(text.prefix(while: { $0 != 0x0A })) + Data("\n".utf8)
        for damaged in ["sha-one 1\n4 x\n", "sha-one 1\n4  8\n", "sha-one\n", "sha-one 1\n-4 8\n", "sha-one 1\n4 0\n",
                        "sha-one 1\n99999999999999999999 8\n"] {
            XCTAssertNil(SearchRowCache(header + Data(damaged.utf8), index: [UInt8](index)), damaged)
        }
        XCTAssertNotNil(SearchRowCache(header + Data("sha-one 1\n4 8\n".utf8), index: [UInt8](index)))
        var outside = SearchRowCache()
        outside.record("sha", rows: [30..<99])
        XCTAssertNil(SearchRowCache(outside.encoded(forIndex: index), index: [UInt8](index)), "a range past the end")
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        XCTAssertNil(SearchRowCache.read(from: missing).rows(of: "sha-one"))
    }
}
