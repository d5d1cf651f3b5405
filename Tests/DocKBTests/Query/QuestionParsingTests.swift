import XCTest
@testable import DocKB
import GRDB

final class QuestionParsingTests: QueryTestCase {
    private func subject(_ question: String) -> Entity? { engine.parse(question).matches.first?.entity }

    func testWordFormsMeet() {
        XCTAssertEqual(Words.stem("installation"), Words.stem("installing"))
        XCTAssertEqual(Words.stem("requirements"), Words.stem("required"))
        XCTAssertEqual(Words.stem("policies"), Words.stem("policy"))
        XCTAssertEqual(Words.stem("automatically"), Words.stem("automatic"))
        // An initialism ending in s is not a plural: HTTPS is not HTTP.
        XCTAssertNotEqual(Words.stem("https"), Words.stem("http"))
        XCTAssertEqual(Words.stem("gpos"), Words.stem("gpo"))
        XCTAssertEqual(subject("what do I need to install with kiosk computers?")?.name, "Kiosk computer installation")
    }

    func testHowOldTheVersionsAskedForAreIsPartOfAskingForVersions() {
        // The list answering "which older ... versions" says "the following versions", never "older".
        for question in ["which older Contoso versions can I upgrade agents from?", "which earlier versions can I upgrade agents from?"] {
            let parsed = engine.parse(question)
            XCTAssertEqual(parsed.intent, .version, question)
            XCTAssertFalse(parsed.residualStems.contains { ["old", "earlier", "earli"].contains($0) }, "\(parsed.residualStems)")
        }
        // A build or release heading the phrase is a version too.
        for question in ["which older Contoso build can I upgrade agents from?", "which release of Contoso do agents need?"] {
            XCTAssertEqual(engine.parse(question).intent, .version, question)
        }
        XCTAssertNotEqual(engine.parse("which build tools do agents need?").intent, .version)
        // Elsewhere the word is the question's own: "older agents" are some agents.
        XCTAssertTrue(engine.parse("which ports do older agents use?").residualStems.contains(Words.stem("older")))
    }

    func testWordsOfTalkThatNameNothingAreNotAsked() {
        // "keeps failing" says the failing goes on; "look at" asks what to look at.
        let failing = engine.parse("the agent install keeps failing, which logs do I look at?")
        XCTAssertFalse(failing.tokens.contains { $0.word == "keeps" }, "\(failing.tokens.map(\.word))")
        XCTAssertTrue(failing.tokens.contains { $0.word == "failing" })
        XCTAssertTrue(AnswerEngine.genericAskingStems.contains(Words.stem("look")))
        // "Keep" before another verb form than -ing is the question's own word.
        XCTAssertTrue(engine.parse("how long do agents keep logs?").tokens.contains { $0.word == "keep" })
        // "win 10": the everyday shortening of Windows; "vc++ redist", of Visual C++ Redistributable.
        XCTAssertTrue(engine.parse("can I install agents on win 10?").tokens.contains { $0.word == "windows" })
        // "win10": the word and the number written together, which no document does.
        XCTAssertEqual(engine.parse("can I install agents on win10?").tokens.map(\.word).suffix(2), ["windows", "10"])
        XCTAssertEqual(engine.parse("do agents run on x64?").tokens.map(\.word).last, "x64", "one letter: no word before the number")
        // "32bit": the number, then the word; an ordinal stays whole.
        let bits = engine.parse("do agents run on 32bit relays?").tokens.map(\.word)
        XCTAssertTrue(zip(bits, bits.dropFirst()).contains { $0 == "32" && $1 == "bit" }, "\(bits)")
        XCTAssertTrue(engine.parse("is the 2nd relay needed?").tokens.contains { $0.word == "2nd" })
        XCTAssertTrue(engine.parse("what's the max relay count?").tokens.contains { $0.word == "maximum" })
        XCTAssertTrue(engine.parse("does the hub track relay usage?").tokens.contains { $0.word == "monitor" })
        let redist = engine.parse("which vc++ redist do agents need?").tokens.map(\.word)
        XCTAssertTrue(redist.contains("visual") && redist.contains("redistributable"), "\(redist)")
        // "what else", "is it possible": words of asking, not of what is asked.
        XCTAssertTrue(Words.isStopWord("else"))
        XCTAssertFalse(AnswerEngine.otherAskedStems(engine.parse("kiosk agents on a relay, possible?")).contains(Words.stem("possible")))
    }

    func testAnEndingThatTurnedYIntoIMeetsTheWordWithY() {
        XCTAssertEqual(Words.stem("specified"), Words.stem("specify"))
        XCTAssertEqual(Words.stem("specifies"), Words.stem("specify"))
        XCTAssertEqual(Words.stem("denied"), Words.stem("deny"))
        XCTAssertEqual(Words.stem("copier"), Words.stem("copy"))
        XCTAssertNotEqual(Words.stem("tried"), Words.stem("tree"))
    }

    func testTheNounOfAVerbInValMeetsTheVerb() {
        XCTAssertEqual(Words.stem("approval"), Words.stem("approved"))
        XCTAssertEqual(Words.stem("removals"), Words.stem("remove"))
        XCTAssertEqual(Words.stem("retrieval"), Words.stem("retrieve"))
        XCTAssertNotEqual(Words.stem("portal"), Words.stem("port"))
        XCTAssertEqual(Words.stem("oval"), "oval", "too short to be a verb's noun")
    }

    func testPartialMethodNamesAndAliasesFromTheDocuments() {
        XCTAssertEqual(subject("what do I need for push?")?.name, "Remote push installation")
        let alias = engine.parse("which CTS version is required?")
        XCTAssertEqual(alias.matches.first?.entity, Entity(kind: .component, name: "Contoso Transfer Service"))
        XCTAssertEqual(alias.expansions.first?.from, "cts")
    }

    func testAnAbbreviationMadePluralIsReadAsTheAbbreviation() {
        let plural = engine.parse("which versions do the CTSs need?")
        XCTAssertEqual(plural.matches.first?.entity, Entity(kind: .component, name: "Contoso Transfer Service"))
        XCTAssertEqual(plural.expansions.first?.from, "cts")
        XCTAssertTrue(plural.unknownWords.isEmpty)
        // Only capitals and a small s: a word that merely ends in s is left as it is.
        XCTAssertFalse(Words.tokens("ctss CTSS")[0].isPluralAcronym)
        XCTAssertFalse(Words.tokens("ctss CTSS")[1].isPluralAcronym)
        XCTAssertTrue(Words.tokens("CTSs and SUPs")[2].isPluralAcronym)
        XCTAssertTrue(Words.tokens("CTSs on the café’s SUPs")[4].isPluralAcronym)
    }

    /// An abbreviation defined two ways (one a slip of the pen) stands for the
    /// long form whose initials spell it, then for the one most documents define.
    func testTheLongFormWhoseInitialsSpellTheAbbreviationWins() throws {
        let slip = Lexicon.LongForm(words: ["relay", "hosting", "point"], spellsAbbreviation: false, document: 1)
        let right = Lexicon.LongForm(words: ["relay", "hub", "gateway"], spellsAbbreviation: true, document: 2)
        XCTAssertEqual(Lexicon.likeliestLongForm([right, slip]), right.words)
        XCTAssertEqual(Lexicon.likeliestLongForm([slip, right, slip]), right.words)
        // Both spell it: the one more documents define, however often one document repeats the other.
        let other = Lexicon.LongForm(words: ["remote", "hub", "gate"], spellsAbbreviation: true, document: 3)
        let elsewhere = Lexicon.LongForm(words: ["relay", "hub", "gateway"], spellsAbbreviation: true, document: 4)
        XCTAssertEqual(Lexicon.likeliestLongForm([other, other, other, right, elsewhere]), right.words)
        let engine = try InventedArticles.engine([
            "hub/gateway.md": "# Relay hub gateway\n\nThe relay hub gateway (RHG) forwards badges.\n",
            "hub/zone.md": "# Zone connector\n\nThe relay hosting point (RHG) connector role needs the gateway.\n",
        ], for: self)
        XCTAssertEqual(engine.parse("what is an RHG?").expansions.first?.to, "relay hub gateway")
    }

    /// What comes before the asker does something is what that takes.
    func testWhatComesBeforeTheAskerDoesSomethingAsksForRequirements() {
        XCTAssertEqual(engine.parse("what has to be configured before I can turn on manual installation?").intent, .requirements)
        XCTAssertEqual(engine.parse("what must be set up before we install the agent?").intent, .requirements)
        XCTAssertNotEqual(engine.parse("what is logged before the agent starts?").intent, .requirements)
    }

    func testANameMetOnlyByWordsManyNamesShareIsNotNamed() {
        // "roster" is a word of two role names, and the rarer word of each is missing.
        XCTAssertFalse(engine.parse("what can roster do?").matches.contains { $0.entity.name.hasPrefix("Roster") })
        XCTAssertEqual(subject("what can a roster keeper do?")?.name, "Roster Keeper")
        XCTAssertEqual(subject("what do I need for kiosk installation?")?.name, "Kiosk computer installation")
    }

    func testTheLongFormOfAnAbbreviationLeavesTheNameBesideItNamed() {
        // "PGO installation": the term "package group object" and the method "Package-based installation",
        // whose words stand next to the term's ("group", "object"), words of a name too.
        let parsed = engine.parse("what do I need for PGO installation?")
        XCTAssertEqual(parsed.matches.map(\.entity.name), ["package group object", "Package-based installation"])
        XCTAssertEqual(engine.parse("what is a PGO?").matches.first?.entity.name, "package group object")
    }

    func testWordsThatSayWhatIsAskedStateNoFact() {
        // "versions" is what "which agent versions" asks for, not half of "you update these agent versions".
        XCTAssertNil(engine.parse("which agent versions are supported?").stated.flags["update-agent-versions"])
        XCTAssertEqual(engine.parse("what do I need once I updated the agent versions?").stated.flags["update-agent-versions"], true)
    }

    func testInitialismsOfMultiWordNames() {
        let parsed = engine.parse("is an RP required?")
        XCTAssertEqual(parsed.matches.first?.entity.name, "relay point")
        XCTAssertEqual(parsed.intent, .isRequired)
    }

    func testTyposAreCorrectedAndReported() {
        let parsed = engine.parse("what do I need for remote psuh instalation?")
        XCTAssertEqual(parsed.matches.first?.entity.name, "Remote push installation")
        XCTAssertTrue(parsed.corrections.contains { $0.from == "psuh" && $0.to == "push" })
        XCTAssertTrue(engine.answer("what do I need for remote psuh installation?").notes.contains { $0.contains("psuh") })
    }

    func testFourLetterWordsAreCorrectedOnlyForSwappedLetters() {
        XCTAssertTrue(Words.isAdjacentSwap("psuh", "push"))
        XCTAssertFalse(Words.isAdjacentSwap("talk", "task"))
        XCTAssertFalse(Words.isAdjacentSwap("push", "push"))
        // “sort” is one letter from the cue word “port”: a word of its own, not a typo.
        XCTAssertEqual(engine.parse("how do I sort the agents by version?").corrections.map(\.from), [])
        XCTAssertEqual(engine.parse("which prots does remote control use?").corrections.map(\.to), ["ports"])
    }

    func testAWordOfTheDocumentsProseIsNoTypo() {
        XCTAssertEqual(engine.parse("which sorts of agents bake in a kiln?").corrections.map(\.from), [])
        XCTAssertEqual(engine.parse("which prots does remote control use?").corrections.map(\.from), ["prots"])
    }

    func testASingularMeetsAPluralTheStemmerKeeps() {
        // The stemmer keeps the s of "APIs" as it keeps that of "analysis".
        XCTAssertEqual(subject("which ports does the phone enrollment API use?")?.name, "Phone enrollment APIs")
    }

    func testANameSharingOneWordWithAnEntityIsAnotherThing() {
        // "Fabrikam Studio" runs on where "Fabrikam Runtime" goes on with another word.
        XCTAssertNotEqual(subject("what version of Fabrikam Studio is required?")?.name, "Fabrikam Runtime")
        XCTAssertNotEqual(subject("which version of the Northwind Designer do agents need?")?.name, "Northwind .NX Library")
        // A name cut short, or followed by a word of its own or a cue word, still matches.
        XCTAssertEqual(subject("what version of Fabrikam is required?")?.name, "Fabrikam Runtime")
        XCTAssertEqual(subject("is Fabrikam 3.2 enough?")?.name, "Fabrikam Runtime")
        XCTAssertEqual(subject("what Fabrikam version is required?")?.name, "Fabrikam Runtime")
        // A word of other names may only qualify this one ("Intune enrollment").
        XCTAssertEqual(subject("which Fabrikam agent version is required?")?.name, "Fabrikam Runtime")
    }

    func testIntentsFromQuestionShape() {
        let cases: [(String, Intent)] = [
            ("what do I need for manual installation?", .requirements),
            ("which ports does remote control use?", .ports),
            // A way of doing something is asked for; the cue word elsewhere only says why.
            ("the firewall blocks that port, which install method should I use instead?", .lookup),
            ("which firewall ports does the relay need?", .ports),
            ("what permissions do I need to wipe a phone?", .permissions),
            ("who can configure automatic agent upgrades?", .securityRoles),
            ("which site system roles are optional?", .siteSystemRoles),
            // Only site system roles are required or optional; bare "roles" otherwise means security roles.
            ("which roles are required for phone clients?", .siteSystemRoles),
            ("what roles do phone clients need?", .siteSystemRoles),
            ("which roles can configure automatic agent upgrades?", .securityRoles),
            ("which security roles are required to wipe a phone?", .securityRoles),
            ("what is the minimum Fabrikam Runtime version?", .version),
            ("is a cache point required?", .isRequired),
            ("what is fabrt.exe?", .whatIs),
            ("what is the status point for?", .purpose),
            ("what might need a reboot?", .restart),
            ("list all components", .list),
            ("which DNS record do phones use?", .lookup),
        ]
        for (question, intent) in cases { XCTAssertEqual(engine.parse(question).intent, intent, question) }
        XCTAssertEqual(engine.parse("list all security roles").listKind, .securityRoles)
    }

    func testFactsStatedInTheQuestion() {
        XCTAssertEqual(engine.parse("manual installation with /source").stated.flags["source"], true)
        XCTAssertEqual(engine.parse("manual installation without /source").stated.flags["source"], false)
        let forest = engine.parse("package-based installation from another forest")
        XCTAssertEqual(forest.stated.flags["installing-agents-another-forest"], true)
        XCTAssertEqual(engine.parse("what do I need on version 2107?").stated.version, "2107")
        XCTAssertTrue(engine.parse("what do I need for manual installation?").stated.isEmpty)
        XCTAssertNil(engine.parse("which ports use 2701?").stated.version, "a port number is not a version")
    }

    /// A condition's common words without its rarest state nothing: the
    /// question asks about them ("the catalog size limit").
    func testAConditionIsNotStatedByItsCommonWordsAlone() {
        XCTAssertNil(engine.parse("what is the catalog size limit for a relay?").stated.flags["size-catalog-backlog-size"])
        XCTAssertEqual(engine.parse("what do I need when the catalog backlog size is large?").stated.flags["size-catalog-backlog-size"], true)
    }

    /// A number the documents write as "version N" is the product's version
    /// even after the product's name instead of a cue word; after a port word it stays a port.
    func testANumberTheDocumentsCallAVersionIsStatedWithoutACueWord() {
        XCTAssertEqual(engine.parse("what do I need on Fabrikam 2107?").stated.version, "2107")
        XCTAssertNil(engine.parse("what do I need on Fabrikam 2110?").stated.version, "the documents never say version 2110")
        XCTAssertNil(engine.parse("what listens on port 2107?").stated.version)
        XCTAssertNil(engine.parse("what uses TCP 2107?").stated.version)
        // The release of the operating system the product runs on is not the product's.
        XCTAssertNil(engine.parse("what do I need on Windows Server version 2107?").stated.version)
        XCTAssertNil(engine.parse("what do I need on win10 2107?").stated.version)
        XCTAssertEqual(engine.parse("what do I need on Windows with Fabrikam version 2107?").stated.version, "2107")
    }

    func testDottedReleaseIsAskedNotStatedAsTheProductVersion() {
        let parsed = engine.parse("is Fabrikam Runtime 3.2 enough with version 2107?")
        XCTAssertEqual(parsed.askedVersion, "3.2")
        XCTAssertEqual(parsed.stated.version, "2107")
        XCTAssertNil(engine.parse("what do I need with version 2107?").askedVersion)
        XCTAssertFalse(QuestionParser.isDottedVersion("3."))
        XCTAssertFalse(QuestionParser.isDottedVersion("v3.2"))
        XCTAssertTrue(QuestionParser.isDottedVersion("6.20.5002"))
        XCTAssertTrue(QuestionParser.isDottedVersion("1.2.3514.0"))
        // An object identifier is no release.
        XCTAssertFalse(QuestionParser.isDottedVersion("1.3.6.1.5.5.7.3.1"))
    }

    func testDeployingAndInstallingRankStatementsAlike() {
        let query = ["deploy", "agent"].map(Words.stem)
        XCTAssertEqual(engine.overlap(query, "Install the agent on each computer."), 1, accuracy: 1e-9)
        XCTAssertEqual(engine.overlap(["deployment"].map(Words.stem), "Agent installation takes a minute."), 1, accuracy: 1e-9)
        XCTAssertLessThan(engine.overlap(query, "Remove the agent."), 1)
        XCTAssertEqual(Words.sameAct(Words.stem("port")), Words.stem("port"))
        XCTAssertEqual(engine.overlap(["find", "site"].map(Words.stem), "Agents locate the site through DNS."), 1, accuracy: 1e-9)
    }

    func testWeightsAddUpTheSameInWhateverOrderASetGivesTheWords() {
        let weights = ["a": 0.1, "b": 0.2, "c": 0.3]
        // (0.1 + 0.2) + 0.3 and (0.3 + 0.2) + 0.1 differ in the last bit: a score must not depend on that.
        XCTAssertNotEqual(["a", "b", "c"].reduce(0) { $0 + weights[$1]! }, ["c", "b", "a"].reduce(0) { $0 + weights[$1]! })
        XCTAssertEqual(Words.orderedSum(["a", "b", "c"]) { weights[$0]! }, Words.orderedSum(["c", "b", "a"]) { weights[$0]! })
    }

    func testAdverbsAndMeasuresAreToldFromWordsThatLookLikeThem() {
        func token(_ word: String) -> Token { Words.tokens(word)[0] }
        XCTAssertTrue(Words.isAdverb(token("actually")))
        XCTAssertTrue(Words.isAdverb(token("automatically")))
        XCTAssertFalse(Words.isAdverb(token("monthly")))
        XCTAssertFalse(Words.isAdverb(token("apply")))
        XCTAssertFalse(Words.isAdverb(token("family")))
        XCTAssertTrue(AnswerEngine.givesNumber("The task deletes them after 45 days."))
        XCTAssertTrue(AnswerEngine.givesNumber("It retries for up to seven days."))
        XCTAssertFalse(AnswerEngine.givesNumber("Windows 10 and TLS 1.2 clients stay managed."))
        XCTAssertFalse(AnswerEngine.givesNumber("Once an operator is disabled, records stay."))
        // "one" counts only as a count: "more than one relay", not "one of the relays".
        XCTAssertTrue(AnswerEngine.givesNumber("A depot can't hold more than one relay."))
        XCTAssertFalse(AnswerEngine.givesNumber("Pick one of the relays in the depot."))
        // Only a measure word after "how" is a measure: "how reboot ..." keeps "reboot" a word to find.
        XCTAssertEqual(engine.parse("how long does setup take?").measurePositions, [1])
        XCTAssertEqual(engine.parse("how reboot the relay point?").measurePositions, [])
    }

    func testHowManyAsksForANumberNotForWhatAnInstallationNeeds() {
        XCTAssertEqual(engine.parse("how do I install the agent?").intent, .requirements)
        XCTAssertNotEqual(engine.parse("how many characters can the installation account password have?").intent, .requirements)
        XCTAssertNotEqual(engine.parse("how long does an installation take?").intent, .requirements)
    }

    func testANegatedVerbAfterTheWhichPhraseIsAskedNotStated() {
        XCTAssertNil(engine.parse("which agents don't use a proxy server?").stated.flags["proxy-server"])
        XCTAssertEqual(engine.parse("which ports do I need if I don't use a proxy server?").stated.flags["proxy-server"], false)
        XCTAssertEqual(engine.parse("what happens if I don't use a proxy server?").stated.flags["proxy-server"], false)
        // "with" joins the asked part; only a clause opener ("if", "when") states.
        XCTAssertNil(engine.parse("which agents don't work with a proxy server?").stated.flags["proxy-server"])
        // The asked part ends where a clause that states begins.
        let tokens = Words.tokens("which agents don't need a relay point if you use a proxy server?")
        let asked = QuestionParser.askedPredicate(tokens)
        XCTAssertEqual(asked.map { tokens[$0].word }.sorted(), ["a", "do", "need", "not", "point", "relay"])
    }

    func testANameAskedTwiceIsPlacedWhereItsWordsStandClosest() {
        // "the enrollment point and the enrollment proxy point": 1 enrollment, 2 point, 4 enrollment, 5 proxy, 6 point.
        XCTAssertEqual(QuestionParser.closestOccurrences([("enrol", [1, 4]), ("point", [2, 6])]), [1, 2])
        XCTAssertEqual(QuestionParser.closestOccurrences([("enrol", [1, 4]), ("proxy", [5]), ("point", [2, 6])]), [4, 5, 6])
        // A word asked once, or a name of one word, keeps every occurrence.
        XCTAssertEqual(QuestionParser.closestOccurrences([("relay", [3]), ("point", [4])]), [3, 4])
        XCTAssertEqual(QuestionParser.closestOccurrences([("relay", [3, 8])]), [3, 8])
    }

    func testShortWordsWrittenAsNoOrdinaryWordIdentifyTheirName() {
        XCTAssertEqual(Lexicon.markedShortStems(in: "Microsoft .NET Framework"), ["net"])
        XCTAssertEqual(Lexicon.markedShortStems(in: "IIS (web server) and MP"), ["iis", "mp"])
        XCTAssertEqual(Lexicon.markedShortStems(in: "Use the app on a PC-like box"), [])
        XCTAssertEqual(engine.parse("is .NX required?").matches.first?.entity.name, "Northwind .NX Library")
        XCTAssertTrue(engine.parse("is the use required?").matches.allSatisfy { $0.entity.name != "Northwind .NX Library" })
    }

    func testAConditionAskedAboutIsNotStatedAndDoesNotNameAnEntity() {
        let asked = engine.parse("do I need to extend the directory schema?")
        XCTAssertEqual(asked.askedVariables, ["extended-directory-schema"])
        XCTAssertNil(asked.stated.flags["extended-directory-schema"], "asking whether to extend it says nothing about whether it is")
        XCTAssertFalse(asked.matches.contains { $0.entity.name == "extended agent" },
                       "“extend” belongs to the condition's phrase: \(asked.matches.map(\.entity.name))")

        let stated = engine.parse("is the push account required if the directory schema is extended?")
        XCTAssertEqual(stated.askedVariables, [])
        XCTAssertEqual(stated.stated.flags["extended-directory-schema"], true)

        XCTAssertEqual(subject("what is the extended agent?")?.name, "extended agent",
                       "a name is a name where no condition's phrase holds it")
    }
}

final class WordsTests: XCTestCase {
    func testTokensFoldContractionsKeepVersionsAndSeeSwitches() {
        let ascii = Words.tokens("If you don't specify `ccmsetup /source`, it's 4.5.2 or SHA-2")
        XCTAssertEqual(ascii.map(\.word), ["if", "you", "do", "not", "specify", "ccmsetup", "source", "it", "4.5.2", "or", "sha", "2"])
        XCTAssertEqual(ascii.filter(\.isSwitch).map(\.word), ["source"])
        let curly = Words.tokens("We haven\u{2019}t installed the Café agent")
        XCTAssertEqual(curly.map(\.word), ["we", "have", "not", "installed", "the", "café", "agent"])
        XCTAssertEqual(Words.tokens("can't").map(\.word), ["can", "not"])
    }

    func testAHyphenBetweenWordsJoinsThemButAHyphenAfterASpaceMarksASwitch() {
        for text in ["read-only Analyst -quiet", "read-only Analyst\u{2019}s -quiet"] {
            let tokens = Words.tokens(text)
            XCTAssertEqual(tokens.filter(\.followsHyphen).map(\.word), ["only"], text)
            XCTAssertEqual(tokens.filter(\.isSwitch).map(\.word), ["quiet"], text)
            XCTAssertEqual(tokens.filter(\.isCapitalized).map(\.word), ["analyst"], text)
        }
    }

    func testEditDistanceCountsTranspositionsOnce() {
        XCTAssertEqual(Words.editDistance("psuh", "push"), 1)
        XCTAssertEqual(Words.editDistance("instalation", "installation"), 1)
        XCTAssertEqual(Words.editDistance("kitten", "sitting"), 3)
        XCTAssertGreaterThan(Words.editDistance("abcdef", "uvwxyz", limit: 2), 2)
    }
}

final class LexiconTests: XCTestCase {
    /// A knowledge base in a fresh temporary folder, filled by `fill`.
    private func knowledgeBase(_ fill: (Database) throws -> Void) throws -> KnowledgeBaseSnapshot {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dockb-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue)
        try queue.write(fill)
        return try KnowledgeBaseSnapshot.open(path: path)
    }

    /// "widget update point" is not the role "Widget Update Manager" when a
    /// method's name holds all three words.
    func testANamePartlyMetByWordsAnotherNameHoldsAllIsNotNamed() throws {
        let kb = try knowledgeBase { db in
            try db.execute(sql: "INSERT INTO documents(id, path, title, sha256, front_matter) VALUES (1, 'a.md', 'A', 'x', '{}')")
            try db.execute(sql: "INSERT INTO security_roles(name, description, document_id, line, anchor) VALUES ('Widget Update Manager', 'Widget Update Manager grants permissions to deploy widget updates.', 1, 1, 'a')")
            try db.execute(sql: "INSERT INTO install_methods(name, heading, condition, condition_json, document_id, line, anchor) VALUES ('Widget update point-based installation', 'Widget update point-based installation', NULL, NULL, 1, 2, 'a')")
            // Other names make "manager", "based" and "installation" common words, as they are in real documents.
            for (line, role) in ["Asset Manager", "Gadget Manager", "Report Manager"].enumerated() {
                try db.execute(sql: "INSERT INTO security_roles(name, description, document_id, line, anchor) VALUES (?, 'A role.', 1, ?, 'a')",
                               arguments: [role, 10 + line])
            }
            for (line, method) in ["Manual installation", "Logon script-based installation", "Package-based installation"].enumerated() {
                try db.execute(sql: "INSERT INTO install_methods(name, heading, condition, condition_json, document_id, line, anchor) VALUES (?, ?, NULL, NULL, 1, ?, 'a')",
                               arguments: [method, method, 20 + line])
            }
        }
        let engine = AnswerEngine(knowledgeBase: kb)
        let point = engine.parse("what does the widget update point do?")
        XCTAssertEqual(point.matches.first?.entity.name, "Widget update point-based installation")
        // Not even a second reading: a "what is" question prefers roles to methods.
        XCTAssertFalse(point.matches.contains { $0.entity.name == "Widget Update Manager" }, "\(point.matches.map(\.entity.name))")
        XCTAssertEqual(engine.parse("what does the widget update manager do?").matches.first?.entity.name, "Widget Update Manager")
    }

    /// Initials of names spell terms, not words that happen to stand side by
    /// side: a run of two words counts where two names hold it, no run starts
    /// inside a compound, and a word in capitals is an abbreviation already.
    func testInitialsOfNamesSpellTermsOnly() throws {
        let kb = try knowledgeBase { db in
            try db.execute(sql: "INSERT INTO documents(id, path, title, sha256, front_matter) VALUES (1, 'a.md', 'A', 'x', '{}')")
            for (line, role) in ["Relay Console Reader", "Relay Console Writer", "Configure Badge Intelligence",
                                 "primary or KDS", "Relay KDS Reader", "Relay KDS Writer",
                                 "Badge Checker for Lobby Kiosks"].enumerated() {
                try db.execute(sql: "INSERT INTO security_roles(name, description, document_id, line, anchor) VALUES (?, 'A role.', 1, ?, 'a')",
                               arguments: [role, 10 + line])
            }
            for (line, method) in ["Gadget point-based installation", "Widget point-based installation"].enumerated() {
                try db.execute(sql: "INSERT INTO install_methods(name, heading, condition, condition_json, document_id, line, anchor) VALUES (?, ?, NULL, NULL, 1, ?, 'a')",
                               arguments: [method, method, 20 + line])
            }
        }
        let expansions = AnswerEngine(knowledgeBase: kb).lexicon.expansions
        XCTAssertEqual(expansions["rc"], ["relay", "console"], "two names hold 'relay console'")
        XCTAssertNil(expansions["cb"], "only one name holds 'configure badge'")
        XCTAssertEqual(expansions["cbi"], ["configure", "badge", "intelligence"], "a whole name spells its initials")
        XCTAssertNil(expansions["pk"], "'KDS' is an abbreviation of its own")
        XCTAssertNil(expansions["rk"], "two names hold 'relay KDS', but 'KDS' is an abbreviation of its own")
        XCTAssertEqual(expansions["rkr"], ["relay", "kds", "reader"], "a longer whole name may hold one")
        XCTAssertNil(expansions["bi"], "'based' begins no run: it ends the compound 'point-based'")
        XCTAssertEqual(expansions["gpb"], ["gadget", "point", "based"], "a run of three words in one name still counts")
        XCTAssertNil(expansions["clk"], "no run spans the 'for' of 'Badge Checker for Lobby Kiosks'")
        XCTAssertEqual(expansions["bclk"], ["badge", "checker", "lobby", "kiosks"], "the whole name still spells its initials")
    }

    /// A word only one name has identifies that name alone ("push"), unless
    /// the documents' rows use it everywhere: then it is an ordinary word.
    func testAWordMostRowsUseIdentifiesNoName() throws {
        let kb = try knowledgeBase { db in
            try db.execute(sql: "INSERT INTO documents(id, path, title, sha256, front_matter) VALUES (1, 'a.md', 'A', 'x', '{}')")
            for (name, line) in [("harbor gate", 1), ("beacon tower", 2)] {
                try db.execute(sql: "INSERT INTO site_system_roles(name, necessity, subject, description, document_id, line, anchor) VALUES (?, 'required', NULL, 'A role.', 1, ?, 'a')",
                               arguments: [name, line])
            }
            // "harbor" stands in a dozen rows of their own; "beacon" in none.
            for line in 10..<22 {
                try db.execute(sql: "INSERT INTO requirements(subject, text, necessity, condition, condition_text, condition_json, mentions, document_id, line, anchor) VALUES ('ships', ?, NULL, NULL, NULL, NULL, '[]', 1, ?, 'a')",
                               arguments: ["Ship \(line) waits in the harbor until row \(line) clears.", line])
            }
        }
        let lexicon = Lexicon(kb: kb, texts: TextIndex(kb))
        XCTAssertTrue(lexicon.identifyingStems.contains(Words.stem("beacon")))
        XCTAssertFalse(lexicon.identifyingStems.contains(Words.stem("harbor")))
    }

    /// Nor does a word the documents' prose uses in many sections, though
    /// only one name has it: a small knowledge base has few names.
    func testAWordTheProseUsesEverywhereNamesNothingAlone() throws {
        let kb = try knowledgeBase { db in
            try db.execute(sql: "INSERT INTO documents(id, path, title, sha256, front_matter) VALUES (1, 'a.md', 'A', 'x', '{}')")
            try db.execute(sql: "INSERT INTO site_system_roles(name, necessity, subject, description, document_id, line, anchor) VALUES ('beacon tower lamp', 'required', NULL, 'A role.', 1, 1, 'a')")
        }
        let lexicon = Lexicon(kb: kb, texts: TextIndex(kb))
        XCTAssertTrue(lexicon.identifyingStems.contains(Words.stem("beacon")))
        let question = "is a beacon required?"
        XCTAssertEqual(QuestionParser(lexicon: lexicon).parse(question).matches.first?.entity.name, "beacon tower lamp")
        let everywhere = QuestionParser(lexicon: lexicon, proseCommonlyUses: { $0 == "beacon" })
        XCTAssertNil(everywhere.parse(question).matches.first, "\(everywhere.parse(question).matches.map(\.entity.name))")
    }
}

extension QuestionParsingTests {
    func testAClauseNamingWhatIsNotAskedIsSetAside() {
        func aside(_ question: String) -> [String] { QuestionParser.settingAsideExclusions(question).leftAside }
        XCTAssertEqual(aside("besides the relay point, which ports do agents need?"), ["besides the relay point"])
        XCTAssertEqual(aside("which ports do agents need, other than TCP 80?"), ["other than TCP 80"])
        XCTAssertEqual(aside("which roles, except the status point, are required?"), ["except the status point"])
        // Without a comma where it ends is not known; "except when" states a condition.
        XCTAssertEqual(aside("which ports other than 80 do agents need?"), [])
        XCTAssertEqual(aside("besides the relay point which ports do agents need?"), [])
        XCTAssertEqual(aside("other than TCP 80?"), [])
        XCTAssertEqual(aside("except when using /source, what does manual installation need?"), [])
        // The subject put aside is not the one answered about, and the answer says what was set aside.
        let parsed = engine.parse("besides the relay point, which ports does remote push installation need?")
        XCTAssertEqual(parsed.matches.first?.entity.name, "Remote push installation", "\(parsed.matches.map(\.entity.name))")
        XCTAssertTrue(engine.answer("besides the relay point, which ports does remote push installation need?").notes
            .contains("left aside: “besides the relay point”"))
    }
}

/// Words of a name far apart in a question belong to different phrases.
extension QuestionParsingTests {
    static let shield = """
        # Gadget shield

        ## Prerequisites

        | Gadget shield component | Additional prerequisites |
        |---|---|
        | Door lock | Gadgets must have always-on scanning enabled. |
        | Shield scanning | None |
        | Badge filter | Gadgets must have always-on scanning enabled. |

        """

    func testANamesWordsFarApartDoNotNameIt() throws {
        let kb = try InventedArticles.engine(["shield/prerequisites.md": Self.shield], for: self)
        XCTAssertTrue(kb.parse("what does shield scanning need?").matches.contains { $0.entity.name == "Shield scanning" })
        let apart = kb.parse("which gadget shield parts do devices need for always-on scanning?")
        XCTAssertFalse(apart.matches.contains { $0.entity.name == "Shield scanning" }, "\(apart.matches.map(\.entity.name))")
        let answer = kb.answer("which gadget shield parts do devices need for always-on scanning?")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(text.contains("Door lock") && text.contains("Badge filter"), text)
        let tokens = Words.tokens("shield parts devices need always scanning")
        XCTAssertTrue(QuestionParser.standFarApart([0, 5], in: tokens))
        XCTAssertFalse(QuestionParser.standFarApart([1, 5], in: tokens), "three words between")
    }
}
