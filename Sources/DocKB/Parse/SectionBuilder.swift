/// Builds the flat section list from the top-level headings of a document.
enum SectionBuilder {
    /// One section per top-level heading: its parent is the nearest earlier
    /// heading of a lower level, its blocks run up to the next top-level heading.
    static func sections(of blocks: [Block]) -> [Section] {
        let headingIndices = blocks.indices.filter { if case .heading = blocks[$0].kind { true } else { false } }
        var sections: [Section] = []
        sections.reserveCapacity(headingIndices.count)
        // Indices of the open sections, from the outermost down; levels strictly increase.
        var open: [Int] = []
        for (ordinal, blockIndex) in headingIndices.enumerated() {
            guard case .heading(let heading) = blocks[blockIndex].kind else { continue }
            while let last = open.last, sections[last].level >= heading.level { open.removeLast() }
            let end = ordinal + 1 < headingIndices.count ? headingIndices[ordinal + 1] : blocks.count
            sections.append(Section(index: sections.count, parent: open.last, level: heading.level,
                                    heading: heading.text, content: heading.content,
                                    explicitAnchors: heading.explicitAnchors, slug: heading.slug,
                                    line: blocks[blockIndex].line, blockRange: (blockIndex + 1)..<end))
            open.append(sections.count - 1)
        }
        return sections
    }
}
