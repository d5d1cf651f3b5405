import XCTest
@testable import DocKB

/// "How long ...?" answered by the sentence that gives the measure while the
/// sentences before it name what it is about.
final class MeasureAnswerTests: XCTestCase {
    static let article = """
        # Badge records for Fabrikam agents

        ## Retention

        Each badge profile reports its status. Compliance data includes the holder name. The store keeps the records until the cleanup task removes them after 45 days.

        ## Scanning

        Scanners read each badge at the door and report the profile it carries.

        """

    private func engine() throws -> AnswerEngine {
        try InventedArticles.engine(["agents/badges.md": Self.article], for: self)
    }

    func testTheSentenceGivingTheMeasureIsCreditedWithTheSentencesLeadingToIt() throws {
        // "scanners" is in no sentence of the paragraph: not every word is held between them.
        let answer = try engine().answer("how long does the store keep badge profile compliance records from scanners?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.found, text)
        XCTAssertTrue(answer.items.first?.text.hasPrefix("Each badge profile reports its status.") ?? false, text)
        XCTAssertTrue(answer.items.first?.text.hasSuffix("after 45 days.") ?? false, text)
        XCTAssertEqual(answer.items.first?.source.line, 5)
    }

    static let naming = """
        # Fabrikam portal names

        ## Naming the portal

        - Portal form: In the portal name field, type the prefix you want, for example NorthWind. The form shows whether the portal name is free or taken by another tenant.

        The portal name prefix should be 4 to 30 characters long, and use letters and digits only.

        """

    /// A measure asked for is given by a sentence with a number, though another holds more of the words.
    func testASentenceGivingANumberAnswersAMeasureBeforeOneHoldingMoreWords() throws {
        let kb = try InventedArticles.engine(["portal/naming.md": Self.naming], for: self)
        let answer = kb.answer("how long can the portal name prefix be in the form?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.items.first?.text.contains("4 to 30 characters") ?? false, text)
    }

    static let depots = """
        # Fabrikam relay depots

        ## Relay placement

        When you place more than one relay in the fleet, couriers pick the nearest relay by route. You can't place more than one relay in a branch depot.

        Branch couriers can't use relays in other depots or reach relays in the central depot by tunnel.

        """

    /// "How many ...?" is answered by the sentence giving the count, though
    /// it holds nothing of the question's but the count.
    func testACountIsGivenByTheSentenceThatRestatesTheQuestionWithIt() throws {
        let kb = try InventedArticles.engine(["relays/depots.md": Self.depots], for: self)
        let answer = kb.answer("how many relays can a branch depot have?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.items.first?.text.contains("can't place more than one relay in a branch depot") ?? false, text)
    }

    static let standby = """
        # Fabrikam standby relays

        ## Limits

        - Only a single standby relay is supported at each depot.

        - In version 2205, a standby relay isn't supported at a branch depot.

        """

    /// "A single X" is a count: the sentence restating the question with it
    /// answers "how many", before sentences that give only a release.
    func testASingleOneIsACount() throws {
        XCTAssertTrue(AnswerEngine.givesNumber("Only a single standby relay is supported."))
        XCTAssertFalse(AnswerEngine.givesNumber("Single sign-on is supported."))
        let kb = try InventedArticles.engine(["relays/standby.md": Self.standby], for: self)
        let answer = kb.answer("how many standby relays are supported at each depot?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.items.first?.text.hasPrefix("Only a single standby relay") ?? false, text)
    }

    /// "The maximum X length" asks a measure in characters, as "how long can X be" does.
    func testAMaximumLengthIsGivenInCharacters() throws {
        let kb = try InventedArticles.engine(["portal/naming.md": Self.naming], for: self)
        let parsed = kb.parse("max portal prefix length in the form?")
        XCTAssertEqual(parsed.askedUnits, AnswerEngine.lengthUnits)
        let answer = kb.answer("max portal prefix length in the form?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.items.first?.text.contains("4 to 30 characters") ?? false, text)
    }

    func testTheSentencesBeforeOneFitTheLongestQuote() {
        let long = String(repeating: "x", count: AnswerEngine.longestQuotedSentence - 5) + "."
        XCTAssertEqual(AnswerEngine.sentencesBefore(2, of: ["A one.", "B two.", "C three."]), ["A one.", "B two."])
        XCTAssertEqual(AnswerEngine.sentencesBefore(2, of: ["A one.", long, "C three."]), [])
        XCTAssertEqual(AnswerEngine.sentencesBefore(0, of: ["A one."]), [])
        XCTAssertEqual(AnswerEngine.sentencesBefore(2, of: ["A one.", "For how, see X.", "C three."]), [])
    }

    /// A measure a rule gives ("Disk space: 500 MB ...") answers "how much",
    /// before a sentence that holds every word of the question but no number.
    func testARuleGivingTheMeasureComesBeforeASentenceWithoutOne() throws {
        let kb = try InventedArticles.engine(["relay/hardware.md": """
            # Badge relay

            ## Relay hardware

            The relay has the following prerequisites:

            - **Disk space:** 500 MB available disk space for the read cache.
            - **Memory:** 2 GB of memory.

            ## Tips

            Installing the relay with little disk space is useful for small relay boxes.

            """], for: self)
        let answer = kb.answer("how much disk space for the relay?")
        XCTAssertEqual(answer.items.first?.source.line, 7, AnswerRenderer().render(answer, as: .text))
        XCTAssertTrue(answer.items.first?.text.contains("500 MB") ?? false)
    }
}

/// A measure the requirement lines of the thing asked about never give:
/// "Disk space" is a row name of a table (a component), and the only
/// requirement line naming it gives another server's disk space.
extension MeasureAnswerTests {
    static let hardware = """
        # Fabrikam agent hardware

        ## Agent for desktops

        The following are minimum requirements for desktops that run the Fabrikam agent:

        - **Memory:** Refer to the memory requirements of the operating system.

        - **Disk space:** 300 MB available disk space, with 2 GB recommended for the agent's download cache. Less space is needed when you install with custom settings:

            - Use the CACHESIZE property to set a smaller cache than the default of 2048 MB.

            > [!TIP]
            > Installing the agent with minimal disk space is useful for desktops that have small disks.

        ## Agent for kiosks

        |Requirement|Details|
        |---|---|
        |Memory|Refer to the memory requirements of the operating system.|
        |Disk space|120 MB available disk space.|

        ## Relay server prerequisites

        - To install the relay server, it must have at least 15 GB of free disk space.
        - The relay server must be a member of a domain.

        """

    func testAMeasureNoLineOfTheRouteGivesIsGivenByTheSentences() throws {
        let kb = try InventedArticles.engine(["agents/hardware.md": Self.hardware], for: self)
        let answer = kb.answer("how much disk space does the desktop agent need?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(answer.items.first?.text.contains("300 MB available disk space") ?? false, text)
        XCTAssertFalse(answer.items.contains { $0.text.contains("15 GB") }, text)
        // The route's lines stand when one of them gives the measure with the question's words.
        let relay = kb.answer("how much free disk space does the relay server need to install?")
        XCTAssertTrue(relay.items.contains { $0.text.contains("15 GB") }, AnswerRenderer().render(relay, as: .text))
    }
}

/// "How long until X happens?": no sentence says "until", and the one giving
/// the duration lacks a word of the question, as others do.
extension MeasureAnswerTests {
    static let certificates = """
        # Fabrikam relay certificates

        ## Issue the certificate

        1. Open the relay console and select **Certificates**.

        2. Select **Issue** to send the relay its new certificate.

        > [!Tip]
        > Wait up to 20 minutes for the relay to receive and install the new certificate.

        ## Certificate checks

        If you use a kiosk certificate for connections to relays, deploy a kiosk authentication certificate to the kiosks.

        Although kiosks don't use a certificate to reach the catalog, they must reach a relay before they open the catalog.

        """

    func testHowLongUntilAsksForTheDuration() throws {
        let kb = try InventedArticles.engine(["agents/certificates.md": Self.certificates], for: self)
        let parsed = kb.parse("how long until the relay gets its certificate?")
        XCTAssertTrue(parsed.measurePositions.contains(2), "\(parsed.measurePositions)")
        let answer = kb.answer("how long until the relay gets its certificate?")
        XCTAssertTrue(answer.items.first?.text.contains("up to 20 minutes") ?? false, AnswerRenderer().render(answer, as: .text))
    }
}

/// "How often ...?" given by a step of a procedure that holds only two of the
/// question's words itself: the number in minutes is what was asked.
extension MeasureAnswerTests {
    static let sync = """
        # Fabrikam relay sync: kiosk records and portal actions

        ## Prerequisites

        - A portal account that can sign in to change kiosk settings.
        - A portal tenant in the public cloud.

        ## Review your sync

        1. Open **RelaySync.log** on the relay.
        1. The sync runs every 20 minutes for changes. After a run, it can take 5 more minutes for the portal to show them.

        """

    func testANumberInTheUnitAskedCountsAsAWordHeld() throws {
        let kb = try InventedArticles.engine(["relay/sync.md": Self.sync], for: self)
        let ranking = try XCTUnwrap(kb.sentenceRanking(kb.parse("relay sync - how often are kiosk changes sent?")))
        XCTAssertTrue(ranking.sentences.contains { $0.quote.sentence.hasPrefix("The sync runs every 20 minutes") },
                      "\(ranking.sentences.map(\.quote.sentence))")
        // No statement gives a number: the sentence giving one in minutes answers, over the statements.
        let answer = kb.answer("relay sync - how often are kiosk changes sent?")
        XCTAssertTrue(answer.items.first?.text.hasPrefix("The sync runs every 20 minutes") ?? false, AnswerRenderer().render(answer, as: .text))
        XCTAssertTrue(AnswerEngine.givesMeasure("The sync runs every 20 minutes.", in: AnswerEngine.units(ofMeasure: "often")!))
        XCTAssertFalse(AnswerEngine.givesMeasure("Windows 10 runs the sync.", in: AnswerEngine.units(ofMeasure: "often")!))
        XCTAssertNil(AnswerEngine.units(ofMeasure: "many"))
    }
}
