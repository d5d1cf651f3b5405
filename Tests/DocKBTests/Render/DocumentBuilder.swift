import Foundation
@testable import DocKB

/// Builds `Document` values by hand for renderer tests, with consecutive
/// line numbers, so the renderer can be tested independently of the parser.
/// Each method returns the line of the block (or rows/items) it added.
struct DocumentBuilder {
    let path: String
    private var blocks: [Block] = []
    private var sections: [Section] = []
    private var line = 1
    private var usedSlugs: [String: Int] = [:]

    init(path: String) { self.path = path }

    @discardableResult
    mutating func heading(_ level: Int, _ text: String, anchor: String? = nil, extra: [Inline] = []) -> Int {
        closeSection()
        let content: [Inline] = (anchor.map { [.html("<a name=\"\($0)\"></a>"), .text(" ")] } ?? []) + [.text(text)] + extra
        var slug = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        if let count = usedSlugs[slug] {
            usedSlugs[slug] = count + 1
            slug += "-\(count)"
        } else {
            usedSlugs[slug] = 1
        }
        let heading = Heading(level: level, content: content, explicitAnchors: anchor.map { [$0] } ?? [], slug: slug)
        let parent = sections.last(where: { $0.level < level })?.index
        let at = next()
        blocks.append(Block(.heading(heading), line: at, endLine: at))
        sections.append(Section(index: sections.count, parent: parent, level: level, heading: heading.text,
                                content: content, explicitAnchors: heading.explicitAnchors, slug: slug, line: at,
                                blockRange: blocks.count..<blocks.count))
        return at
    }

    @discardableResult
    mutating func paragraph(_ content: [Inline]) -> Int {
        let at = next()
        blocks.append(Block(.paragraph(content), line: at, endLine: at))
        return at
    }

    @discardableResult
    mutating func paragraph(_ text: String) -> Int { paragraph([.text(text)]) }

    /// Returns the lines of the body rows.
    @discardableResult
    mutating func table(_ header: [String], _ rows: [[[Inline]]]) -> [Int] {
        let start = next()
        _ = next() // delimiter row
        let headerRow = TableRow(line: start, cells: header.map { [.text($0)] })
        let bodyRows = rows.map { TableRow(line: next(), cells: $0) }
        blocks.append(Block(.table(Table(header: headerRow, rows: bodyRows,
                                         alignments: Array(repeating: .none, count: header.count))),
                            line: start, endLine: line - 1))
        return bodyRows.map(\.line)
    }

    /// A list of one-paragraph items; `nested` adds a sub-list under the item at that index.
    @discardableResult
    mutating func list(_ items: [[Inline]], ordered: Bool = false, nested: [Int: [[Inline]]] = [:]) -> [Int] {
        let start = line
        var listItems: [ListItem] = []
        for (index, content) in items.enumerated() {
            let at = next()
            var itemBlocks = [Block(.paragraph(content), line: at, endLine: at)]
            if let sub = nested[index] {
                let subItems = sub.map { c -> ListItem in
                    let l = next()
                    return ListItem(line: l, blocks: [Block(.paragraph(c), line: l, endLine: l)])
                }
                itemBlocks.append(Block(.list(ListBlock(ordered: false, start: 1, items: subItems)),
                                        line: subItems[0].line, endLine: line - 1))
            }
            listItems.append(ListItem(line: at, blocks: itemBlocks))
        }
        blocks.append(Block(.list(ListBlock(ordered: ordered, start: 1, items: listItems)), line: start, endLine: line - 1))
        return listItems.map(\.line)
    }

    @discardableResult
    mutating func alert(_ kind: Alert.Kind, _ content: [Inline]) -> Int {
        let at = next()
        let inner = next()
        blocks.append(Block(.alert(Alert(kind: kind, blocks: [Block(.paragraph(content), line: inner, endLine: inner)])),
                            line: at, endLine: inner))
        return at
    }

    @discardableResult
    mutating func html(_ raw: String) -> Int {
        let at = next()
        blocks.append(Block(.html(raw), line: at, endLine: at))
        return at
    }

    @discardableResult
    mutating func code(_ language: String, _ text: String) -> Int {
        let at = next()
        line += text.split(separator: "\n").count + 1
        blocks.append(Block(.code(language: language, text: text), line: at, endLine: line - 1))
        return at
    }

    @discardableResult
    mutating func include(_ name: String, _ path: String) -> Int {
        let at = next()
        blocks.append(Block(.include(Include(name: name, path: path)), line: at, endLine: at))
        return at
    }

    func build(title: String? = nil, date: String? = nil) -> Document {
        var copy = self
        copy.closeSection()
        var fields: [String: String] = [:]
        if let title { fields["title"] = title }
        if let date { fields["ms.date"] = date }
        return Document(path: path, sha256: String(repeating: "0", count: 64), frontMatter: FrontMatter(fields: fields),
                        blocks: copy.blocks, sections: copy.sections, diagnostics: [])
    }

    func anchor(ofSectionAt line: Int) -> String {
        build().sections.first { $0.line == line }?.anchor ?? ""
    }

    private mutating func next() -> Int {
        defer { line += 2 } // one blank line between blocks keeps lines distinct
        return line
    }

    private mutating func closeSection() {
        guard let last = sections.indices.last else { return }
        sections[last].blockRange = sections[last].blockRange.lowerBound..<blocks.count
    }
}
