import XCTest
@testable import DocKB

final class ConditionEvaluationTests: XCTestCase {
    private let notSource = Condition.not(.flag("source"))
    private let schemaOrForest = Condition.any([.not(.flag("extended-directory-schema")),
                                                .flag("installing-agents-another-forest")])
    private let since1906 = Condition.version(.atLeast, "1906")

    func testUnlessSourceIsUnknownUntilSaid() {
        XCTAssertEqual(ConditionEvaluator.evaluate(notSource, in: QueryContext()), .unknown)
        XCTAssertEqual(ConditionEvaluator.evaluate(notSource, in: QueryContext(flags: ["source": true])), .notMet)
        XCTAssertEqual(ConditionEvaluator.evaluate(notSource, in: QueryContext(flags: ["source": false])), .met)
        XCTAssertEqual(ConditionEvaluator.undecidedVariables(notSource, in: QueryContext()), ["source"])
    }

    func testAnotherForestDecidesADisjunction() {
        let forest = QueryContext(flags: ["installing-agents-another-forest": true])
        XCTAssertEqual(ConditionEvaluator.evaluate(schemaOrForest, in: forest), .met)
        let extendedOnly = QueryContext(flags: ["extended-directory-schema": true])
        XCTAssertEqual(ConditionEvaluator.evaluate(schemaOrForest, in: extendedOnly), .unknown)
        XCTAssertEqual(ConditionEvaluator.undecidedVariables(schemaOrForest, in: extendedOnly),
                       ["installing-agents-another-forest"])
        let sameForest = QueryContext(flags: ["extended-directory-schema": true, "installing-agents-another-forest": false])
        XCTAssertEqual(ConditionEvaluator.evaluate(schemaOrForest, in: sameForest), .notMet)
    }

    func testVersionGateBeforeAndAfter1906() {
        XCTAssertEqual(ConditionEvaluator.evaluate(since1906, in: QueryContext(version: "1902")), .notMet)
        XCTAssertEqual(ConditionEvaluator.evaluate(since1906, in: QueryContext(version: "1906")), .met)
        XCTAssertEqual(ConditionEvaluator.evaluate(since1906, in: QueryContext(version: "2107")), .met)
        XCTAssertEqual(ConditionEvaluator.evaluate(since1906, in: QueryContext()), .unknown)
        XCTAssertEqual(ConditionEvaluator.evaluate(.version(.before, "1906"), in: QueryContext(version: "1810")), .met)
    }

    func testConjunctionIsFalseAsSoonAsOnePartIs() {
        let upgradeOnly = Condition.all([.flag("upgrades"), schemaOrForest])
        XCTAssertEqual(ConditionEvaluator.evaluate(upgradeOnly, in: QueryContext(flags: ["upgrades": false])), .notMet)
        XCTAssertEqual(ConditionEvaluator.evaluate(upgradeOnly, in: QueryContext(flags: ["upgrades": true])), .unknown)
        XCTAssertEqual(ConditionEvaluator.evaluate(nil, in: QueryContext()), .met)
    }

    func testDottedVersionsCompareNumerically() {
        XCTAssertEqual(ConditionEvaluator.compareVersions("4.5.2", "4.6"), -1)
        XCTAssertEqual(ConditionEvaluator.compareVersions("10.0", "9.9"), 1)
        XCTAssertEqual(ConditionEvaluator.compareVersions("2107", "2107.0"), 0)
    }

    func testCanonicalTextReadsBackToTheSameCondition() {
        for condition in [notSource, schemaOrForest, since1906, Condition.all([.flag("upgrades"), schemaOrForest])] {
            XCTAssertEqual(ConditionText.parse(condition.description), condition, condition.description)
        }
        XCTAssertNil(ConditionText.parse("version >="))
        XCTAssertEqual(ConditionText.decode(json: QueryFixture.json(notSource), text: "garbage ("), notSource)
    }
}
