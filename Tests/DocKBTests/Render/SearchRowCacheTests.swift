@testable import DocKB
import XCTest

final class SearchRowCacheTests: XCTestCase {
    private func row(_ text: String) -> [UInt8] {
        var out = SiteSearchIndex.ScriptBytes()
        out.string(text)
        return out.bytes
    }

    func testRoundTripKeepsEveryRowOnItsOwnLine() throws {
        var cache = SearchRowCache()
        cache.rows["b"] = [row("two\nlines"), row("")]
        cache.rows["a"] = [row("x")]
        cache.rows["empty"] = []
        let data = cache.encoded()
        let read = try XCTUnwrap(SearchRowCache(data))
        XCTAssertEqual(read.rows, cache.rows)
        XCTAssertEqual(read.encoded(), data, "sorted, so the same rows give the same file")
    }

    func testACacheOfAnotherDockbOrCutShortIsNotUsed() throws {
        var cache = SearchRowCache()
        cache.rows["a"] = [row("x"), row("y")]
        let data = cache.encoded()
        XCTAssertNil(SearchRowCache(Data("dockb search rows, made by dockb 0.0 other\n".utf8) + data.drop(while: { $0 != 0x0A }).dropFirst()))
        XCTAssertNil(SearchRowCache(data.dropLast(1)), "no final line break")
        XCTAssertNil(SearchRowCache(data.dropLast(4)), "a count larger than the rows left")
        XCTAssertNil(SearchRowCache(Data()))
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        XCTAssertTrue(SearchRowCache.read(from: missing).rows.isEmpty)
    }
}
