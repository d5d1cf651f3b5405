import Foundation
import XCTest
@testable import DocKB

/// "What changed?" in its many phrasings, answered from the recorded build
/// history of the query fixture.
final class ChangeAnswerTests: XCTestCase {
    typealias Rows = BuildHistoryRows
    static let prereqs = QueryFixture.prereqs, ports = QueryFixture.ports

    static let history: [BuildHistoryEntry] = [
        BuildHistoryEntry(id: 1, kind: .first, documents: 3, documentsParsed: 3, sourcesSHA256: "1", changes: []),
        BuildHistoryEntry(id: 2, kind: .full, documents: 2, documentsParsed: 2, sourcesSHA256: "2", changes: [
            Rows.changed("component", "Fabrikam Runtime", "min_version", "3.0", "3.1.4", prereqs, 15),
            Rows.added("requirement", "Remote push installation", prereqs, 35),
            Rows.removed("component", "Old Agent Helper", "docs/agents/old-helper.md", 9),
        ]),
        BuildHistoryEntry(id: 3, kind: .incremental, documents: 2, documentsParsed: 1, sourcesSHA256: "3", changes: [
            Rows.added("port", "TCP 2701 (Remote Control)", ports, 20),
            Rows.changed("requirement", "Manual installation", "text",
                         "The agent downloads its files from a relay point, unless you run setup with /source.",
                         "The agent downloads its files from a cache point or a relay point, unless you run setup with /source.",
                         prereqs, 42),
        ]),
    ]

    /// An engine over the query fixture with `entries` recorded.
    private func engine(_ entries: [BuildHistoryEntry] = history) throws -> AnswerEngine {
        let path = try QueryFixture.makeDatabase(for: self)
        try Rows.record(entries, in: URL(fileURLWithPath: path))
        return AnswerEngine(knowledgeBase: try KnowledgeBaseSnapshot.open(path: path))
    }

    private var plainEngine: AnswerEngine {
        get throws { AnswerEngine(knowledgeBase: try KnowledgeBaseSnapshot.open(path: try QueryFixture.makeDatabase(for: self))) }
    }

    // MARK: - Reading the question

    func testPhrasingsOfAChangeQuestion() throws {
        let engine = try plainEngine
        let cases: [(String, BuildSelection)] = [
            ("what changed?", .latest(1)),
            ("What's new", .latest(1)),
            ("what is new?", .latest(1)),
            ("anything new?", .latest(1)),
            ("changes since last build", .latest(1)),
            ("recent changes", .latest(1)),
            ("show me the changelog", .latest(1)),
            ("what has changed since the previous build?", .latest(1)),
            ("what changed in the last 3 builds", .latest(3)),
            ("what was removed in the last three builds?", .latest(3)),
            ("changes since build 2", .since(2)),
            ("what changed in build 2?", .build(2)),
            ("list every change in the history", .all),
            ("what was reworded recently?", .latest(1)),
        ]
        for (question, builds) in cases {
            let parsed = engine.parse(question)
            XCTAssertEqual(parsed.intent, .changes, question)
            XCTAssertEqual(parsed.changes?.builds, builds, question)
        }
        XCTAssertEqual(engine.parse("which ports were added?").changes?.entityTypes, ["port"])
        XCTAssertEqual(engine.parse("which ports were added?").changes?.kinds, [.added])
        XCTAssertEqual(engine.parse("which site system roles were removed since build 1?").changes?.entityTypes, ["site_system_role"])
        XCTAssertEqual(engine.parse("which requirements changed?").intent, .changes, "requirements names a kind of fact here")
    }

    /// Change words in questions about the documents themselves.
    func testQuestionsThatOnlyUseAChangeWord() throws {
        let engine = try plainEngine
        let cases: [(String, Intent)] = [
            ("what do I need to add a relay point?", .requirements),
            ("what new components are required?", .requirements),
            ("is a new relay point required?", .isRequired),
            ("what is the new version of Fabrikam Runtime?", .version),
            ("since which version do agents require signing support?", .version),
            ("list all components", .list),
            // The asker deletes: a question about doing it, though "revision" names builds too.
            ("can I delete the current revision of a relay package?", .lookup),
        ]
        for (question, intent) in cases { XCTAssertEqual(engine.parse(question).intent, intent, question) }
        XCTAssertNotEqual(engine.parse("how do I add a cache point?").intent, .changes)
        // A word after a dot is part of a name, not a time: "Relay.Latest" is a folder's name.
        XCTAssertNotEqual(engine.parse("setting up a new relay from Relay.Latest media - what key goes in the file?").intent,
                          .changes)
    }

    func testChangeWordsAreNotCorrectedIntoDocumentWords() throws {
        let parsed = try plainEngine.parse("what changed since the last build?")
        XCTAssertEqual(parsed.corrections.map(\.from), [], "“last” must not be read as “list”")
        XCTAssertEqual(try plainEngine.parse("what chnaged?").intent, .changes, "a typo of a change word is corrected to it")
    }

    // MARK: - Answers

    func testTheLatestBuildIsListedWithCitations() throws {
        let answer = try engine().answer("what changed?")
        XCTAssertTrue(answer.found)
        XCTAssertEqual(answer.heading, "What changed in build 3")
        XCTAssertEqual(answer.notes, ["build 3 (incremental, 1 of 2 documents parsed): 1 added, 0 removed, 1 changed"])
        XCTAssertEqual(answer.items.map(\.group), ["Added in build 3", "Changed in build 3"])
        XCTAssertEqual(answer.items.map(\.text), [
            "port TCP 2701 (Remote Control)",
            "requirement “Manual installation” reworded: “The agent downloads its files from a relay point, unless you run setup with /source.” → “The agent downloads its files from a cache point or a relay point, unless you run setup with /source.”",
        ])
        XCTAssertEqual(answer.items.map(\.kind), ["port", "requirement"])
        XCTAssertEqual(answer.items[1].source, Citation(documentID: 1, path: Self.prereqs, line: 42, anchor: "manual-installation"))
        XCTAssertEqual(answer.items[0].source.path, Self.ports)
        XCTAssertEqual(answer.items[0].source.line, 20)

        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(text.contains("Added in build 3\n  1. port TCP 2701 (Remote Control) [1:20]"), text)
        XCTAssertTrue(text.contains("[1] \(Self.ports)"), text)
        XCTAssertTrue(text.contains("[2] \(Self.prereqs)#manual-installation"), text)
    }

    func testSeveralBuildsAndWhatTheyAreFilteredTo() throws {
        let engine = try engine()
        let three = engine.answer("what changed in the last 3 builds?")
        XCTAssertEqual(three.heading, "What changed in the last 3 builds")
        XCTAssertEqual(three.items.count, 5)
        XCTAssertEqual(three.groups, ["Added in build 3", "Changed in build 3", "Added in build 2", "Removed in build 2",
                                      "Changed in build 2"])
        let removed = try XCTUnwrap(three.items.first { $0.group == "Removed in build 2" })
        XCTAssertEqual(removed.source.documentID, 0, "its document is gone")
        XCTAssertEqual(removed.source.path, "docs/agents/old-helper.md")
        XCTAssertTrue(removed.derivation.contains { $0.contains("before this build removed it") })

        let components = engine.answer("which components changed since build 1?")
        XCTAssertEqual(components.items.map(\.text), ["component Old Agent Helper",
                                                      "component Fabrikam Runtime: min_version 3.0 → 3.1.4"])
        let about = engine.answer("what changed for manual installation in the last 3 builds?")
        XCTAssertEqual(about.items.count, 1)
        XCTAssertEqual(about.items.first?.source.line, 42)
        XCTAssertEqual(engine.answer("what was added in build 2?").items.map(\.text), ["requirement “Remote push installation”"])
    }

    func testABuildThatChangedNothingPointsToTheLastOneThatDid() throws {
        let quiet = BuildHistoryEntry(id: 4, kind: .incremental, documents: 2, documentsParsed: 1, sourcesSHA256: "4", changes: [])
        let answer = try engine(Self.history + [quiet]).answer("what's new?")
        XCTAssertFalse(answer.found)
        XCTAssertEqual(answer.notes, ["build 4 (incremental, 1 of 2 documents parsed): no fact changed"])
        XCTAssertEqual(answer.suggestions.first, "what changed in build 3? (the last build that changed facts)")
        let text = AnswerRenderer().render(answer, as: .text)
        XCTAssertTrue(text.contains("no fact changed"), text)

        let none = try engine().answer("what changed in build 9?")
        XCTAssertFalse(none.found)
        XCTAssertEqual(none.notes.last, "no such build: the knowledge base records builds 1 to 3")
    }

    func testAKnowledgeBaseWithoutBuildsSaysSo() throws {
        let answer = try plainEngine.answer("what changed since the last build?")
        XCTAssertFalse(answer.found)
        XCTAssertEqual(answer.intent, .changes)
        XCTAssertEqual(answer.notes, ["this knowledge base records no builds yet"])
    }

    func testAskAnswersFromTheCommandLine() throws {
        let path = try QueryFixture.makeDatabase(for: self)
        try Rows.record(Self.history, in: URL(fileURLWithPath: path))
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let run = try DockbProcess.run(["ask", "--db", path, "what's", "new?"], in: folder, test: self)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("What changed in build 3\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("port TCP 2701 (Remote Control) [1:20]"), run.stdout)

        let empty = try DockbProcess.run(["ask", "--db", try QueryFixture.makeDatabase(for: self), "what changed?"], in: folder, test: self)
        XCTAssertEqual(empty.status, 1, "nothing recorded is no answer")
        XCTAssertTrue(empty.stdout.contains("records no builds yet"), empty.stdout)
    }

    func testTheREPLExplainsAChangeLine() throws {
        let session = REPLSession(engine: try engine())
        let answer = session.handle("what changed in the last 2 builds").text
        XCTAssertTrue(answer.contains("Removed in build 2"), answer)
        let why = session.handle("why 2").text
        XCTAssertTrue(why.contains("rule build 3 recorded: changed requirement “Manual installation”, field text"), why)
        XCTAssertTrue(why.contains("source \(Self.prereqs) line 42, #manual-installation"), why)
    }
}
