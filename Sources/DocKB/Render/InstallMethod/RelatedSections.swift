import Foundation

/// Sections elsewhere in the documentation set that are about one method
/// (their heading names it). Inside a firewall or ports article their
/// paragraphs and list items are the method's firewall exceptions and port
/// notes (tables there are already ports in the knowledge base); any other
/// such section is listed as further reading.
struct RelatedSections {
    struct Note {
        var text: String
        var citation: FactCitation
    }

    struct Reading {
        var documentPath: String
        var documentTitle: String
        var heading: String
        var anchor: String
    }

    var firewallNotes: [Note] = []
    var furtherReading: [Reading] = []

    /// Further-reading links shown at most; large sets name a method in many headings.
    static let readingLimit = 40

    init() {}

    init(matcher: MethodMatcher, regions: MethodRegions, catalog: DocumentCatalog, skipLines: Set<String>) {
        for (document, section, heading) in catalog.installHeadings where matcher.matches(heading) {
            let citation = FactCitation(documentPath: document.path, line: section.line, anchor: section.anchor)
            guard !regions.containsOwn(citation) else { continue }
            let context = Set(MethodMatcher.words(([document.title] + document.ancestry(of: section).map(\.heading))
                .joined(separator: " ")))
            if !context.isDisjoint(with: ["firewall", "firewalls", "port", "ports"]) {
                // Only here is the document's content needed: load it.
                let blocks = catalog.document(at: document.path)?.blocks(of: section) ?? []
                for note in Self.notes(in: blocks, path: document.path, anchor: section.anchor)
                where !skipLines.contains("\(document.path):\(note.citation.line)") {
                    firewallNotes.append(note)
                }
            } else if furtherReading.count < Self.readingLimit {
                furtherReading.append(Reading(documentPath: document.path, documentTitle: document.title,
                                              heading: section.heading, anchor: section.anchor))
            }
        }
    }

    /// Paragraphs, list items (nested ones too) and alert text, as plain sentences with their lines.
    private static func notes<S: Sequence<Block>>(in blocks: S, path: String, anchor: String, prefix: String = "") -> [Note] {
        var notes: [Note] = []
        func add(_ content: [Inline], line: Int) {
            let text = content.plainText.collapsingWhitespace
            guard !text.isEmpty else { return }
            notes.append(Note(text: prefix + text, citation: FactCitation(documentPath: path, line: line, anchor: anchor)))
        }
        func items(_ list: ListBlock) {
            for item in list.items {
                add(item.leadContent, line: item.line)
                item.nestedLists.forEach(items)
            }
        }
        for block in blocks {
            switch block.kind {
            case .paragraph(let content): add(content, line: block.line)
            case .list(let list): items(list)
            case .alert(let alert):
                notes += Self.notes(in: alert.blocks, path: path, anchor: anchor, prefix: alert.kind.rawValue.capitalized + ": ")
            default: break
            }
        }
        return notes
    }
}
