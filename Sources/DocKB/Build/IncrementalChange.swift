import Foundation

/// How far the documents an incremental build parsed again differ from the
/// previous build's, beyond their bytes. The less changed, the more of the
/// previous build stands:
///
/// - link targets unchanged (same anchors, includes and link destinations):
///   every other document's links resolve as before, so only the parsed
///   documents' links are resolved again;
/// - facts and outlines unchanged (only prose changed: no fact, heading,
///   anchor or title moved or changed): the typed layer, the changelog and
///   every page made from facts and outlines stay as they are. Where blocks
///   start and end inside sections, and the text and lines of links, are not
///   compared: those pages do not show them (the document's own page has its
///   own digest).
struct IncrementalChange {
    let linkTargetsUnchanged: Bool
    let factsAndOutlinesUnchanged: Bool

    init(previous: PreviousBuild, parsed: [String: ParsedDocument]) {
        var targets = true, outlines = true
        for (path, document) in parsed {
            guard let old = previous.entries[path] else {
                targets = false
                outlines = false
                break
            }
            let new = document.outline
            if old.outline.linkTargetAnchors != new.linkTargetAnchors || old.outline.includes != new.includes
                || old.outline.links.map(\.destination) != new.links.map(\.destination) {
                targets = false
            }
            if Self.factPageView(of: old.outline) != Self.factPageView(of: new) { outlines = false }
        }
        linkTargetsUnchanged = targets
        // Facts last: decoding them is the costly part, needed only when the outlines match.
        factsAndOutlinesUnchanged = targets && outlines && {
            let paths = parsed.keys.sorted()
            guard let old = previous.facts(of: paths) else { return false }
            return zip(paths, old).allSatisfy { parsed[$0.0]!.facts == $0.1 }
        }()
    }

    /// What pages made from facts read of an outline: path, title, front
    /// matter, sections (level, heading, anchors, line) and extra anchors.
    static func factPageView(of outline: DocumentOutline) -> DocumentOutline {
        var view = outline
        view.sha256 = ""
        view.links = []
        view.hasRawHTMLLinks = false
        for index in view.sections.indices { view.sections[index].blockRange = 0..<0 }
        return view
    }
}
