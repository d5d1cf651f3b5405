import Foundation

/// Renders the blocks of a document (and of the files it includes) onto a
/// page, faithfully: headings with every anchor as an id, tables with header
/// scopes, nested lists, alerts by kind, code, comments kept as comments.
/// Rows, items and paragraphs that produced facts link to the facts' pages.
final class BlockRenderer {
    let model: SiteModel
    let page: SitePage
    let log: RenderLog
    /// Called right after the page's `h1` is written (document metadata goes there).
    var afterTitle: ((MarkupElement) -> Void)?
    private var titleWritten = false
    private var includeStack: [String] = []
    /// The document the page is for: an included file's `#x` may lead into it.
    private var hostDocument: String?

    init(model: SiteModel, page: SitePage, log: RenderLog) {
        self.model = model
        self.page = page
        self.log = log
    }

    var hasWrittenTitle: Bool { titleWritten }

    func render<S: Sequence<Block>>(_ blocks: S, documentPath: String, into parent: MarkupElement) {
        if includeStack.isEmpty { hostDocument = documentPath }
        for block in blocks { render(block, documentPath: documentPath, into: parent) }
    }

    private func inlines(_ documentPath: String, line: Int) -> InlineRenderer {
        InlineRenderer(links: links(documentPath), log: log, line: line)
    }

    private func links(_ documentPath: String) -> PageLinkResolver {
        PageLinkResolver(catalog: model.catalog, documentPath: documentPath, pagePath: page.path,
                         hostDocument: includeStack.isEmpty ? documentPath : hostDocument)
    }

    private func render(_ block: Block, documentPath: String, into parent: MarkupElement) {
        switch block.kind {
        case .heading(let heading):
            renderHeading(heading, documentPath: documentPath, line: block.line, into: parent)
        case .paragraph(let content):
            let p = parent.element("p")
            inlines(documentPath, line: block.line).render(content, into: p)
            appendFactLinks(documentPath, block.line, to: p)
        case .list(let list):
            renderList(list, documentPath: documentPath, into: parent)
        case .table(let table):
            renderTable(table, documentPath: documentPath, line: block.line, into: parent)
        case .alert(let alert):
            let box = parent.element("div", ["class": "alert alert-\(alert.kind.rawValue)", "role": "note"])
            box.element("p", ["class": "alert-title"], text: alert.kind.rawValue.capitalized)
            render(alert.blocks, documentPath: documentPath, into: box)
        case .quote(let blocks):
            render(blocks, documentPath: documentPath, into: parent.element("blockquote"))
        case .code(let language, let text):
            let pre = parent.element("pre")
            let code = pre.element("code")
            let lang = SitePaths.slug(language)
            if !language.isEmpty { code.setAttribute("class", "language-" + lang) }
            code.text(text)
        case .html(let raw):
            if InlineHTML.isComment(raw) && raw.trimmingWhitespaceAndNewlines.hasSuffix("-->") {
                parent.comment(raw)
            } else {
                HTMLSanitizer(resolveLink: links(documentPath).resolve)
                    .append(fragment: raw, to: parent)
            }
        case .include(let include):
            renderInclude(include, documentPath: documentPath, line: block.line, into: parent)
        case .thematicBreak:
            parent.element("hr")
        }
    }

    // MARK: - Headings

    private func renderHeading(_ heading: Heading, documentPath: String, line: Int, into parent: MarkupElement) {
        let level: Int
        if heading.level == 1 && !titleWritten && includeStack.isEmpty {
            level = 1
        } else {
            level = min(max(heading.level, 2), 6)
        }
        let element = parent.element("h\(level)")
        var primary: String?
        // DocFX's exact id last: the knowledge base resolves links to it, so the page must have it.
        let exact = HeadingSlugger.exactID(of: heading.content, slug: heading.slug).map { [$0] } ?? []
        for anchor in heading.anchors + exact {
            if primary == nil {
                if element.setID(anchor) { primary = anchor }
            } else if !page.tree.isClaimed(id: anchor) {
                element.element("span", ["class": "anchor"]).setID(anchor)
            }
        }
        inlines(documentPath, line: line).render(heading.content, into: element, skipAnchors: true)
        // An installation method is read from its heading.
        appendFactLinks(documentPath, line, to: element)
        if let primary, level > 1 {
            element.text(" ")
            element.element("a", ["class": "heading-link", "href": "#" + primary,
                                  "aria-label": "Link to this section: " + heading.text], text: "#")
        }
        if level == 1 {
            titleWritten = true
            afterTitle?(parent)
        }
    }

    // MARK: - Lists and tables

    private func renderList(_ list: ListBlock, documentPath: String, into parent: MarkupElement) {
        let element = parent.element(list.ordered ? "ol" : "ul")
        if list.ordered && list.start != 1 { element.setAttribute("start", String(list.start)) }
        for item in list.items {
            let li = element.element("li")
            let links = unlinkedFacts(documentPath, item.line)
            render(item.blocks, documentPath: documentPath, into: li)
            guard !links.isEmpty else { continue }
            // The links go at the end of the item's own text, before nested lists.
            if case .paragraph = item.blocks.first?.kind, let first = li.firstChildElement(named: "p") {
                Self.writeFactLinks(links, on: page, to: first)
            } else {
                Self.writeFactLinks(links, on: page, to: li)
            }
        }
    }

    private func renderTable(_ table: Table, documentPath: String, line: Int, into parent: MarkupElement) {
        let headers = table.header.cells.map { $0.plainText.collapsingWhitespace }
        let label = headers.contains(where: { !$0.isEmpty }) ? "Table: " + headers.joined(separator: ", ") : "Table"
        let wrap = parent.element("div", ["class": "table-wrap", "role": "region", "aria-label": label, "tabindex": "0"])
        let element = wrap.element("table")
        func alignClass(_ column: Int) -> String? {
            guard column < table.alignments.count, table.alignments[column] != .none else { return nil }
            return "align-" + table.alignments[column].rawValue
        }
        if !table.hasEmptyHeader {
            let row = element.element("thead").element("tr")
            for (column, cell) in table.header.cells.enumerated() {
                let th = row.element("th", ["scope": "col"])
                if let align = alignClass(column) { th.setAttribute("class", align) }
                inlines(documentPath, line: table.header.line).render(cell, into: th)
            }
        }
        let body = element.element("tbody")
        for row in table.rows {
            let tr = body.element("tr")
            let links = unlinkedFacts(documentPath, row.line)
            if !links.isEmpty { tr.setAttribute("class", "has-facts") }
            for (column, cell) in row.cells.enumerated() {
                let td = tr.element("td")
                if let align = alignClass(column) { td.setAttribute("class", align) }
                inlines(documentPath, line: row.line).render(cell, into: td)
                if column == 0 { Self.writeFactLinks(links, on: page, to: td) }
            }
        }
    }

    // MARK: - Includes

    private func renderInclude(_ include: Include, documentPath: String, line: Int, into parent: MarkupElement) {
        let target = PageLinkResolver.normalize(PageLinkResolver.split(include.path).path, relativeTo: documentPath)
        guard let target, let included = model.catalog.document(at: target), !includeStack.contains(target),
              target != documentPath else {
            parent.element("p", ["class": "include-missing"], text: "Included content not in this documentation set: "
                + (include.name.isEmpty ? include.path : include.name))
            log.warn(documentPath, line, "include not found in the documentation set: \(include.path)")
            return
        }
        includeStack.append(target)
        let box = parent.element("div", ["class": "include"])
        render(included.blocks, documentPath: target, into: box)
        includeStack.removeLast()
    }

    // MARK: - Fact links

    private func appendFactLinks(_ documentPath: String, _ line: Int, to element: MarkupElement) {
        Self.writeFactLinks(unlinkedFacts(documentPath, line), on: page, to: element)
    }

    /// The facts produced at `path:line` not yet linked on this page.
    private func unlinkedFacts(_ documentPath: String, _ line: Int) -> [FactLink] {
        let links = model.factLinks(in: documentPath, line: line)
        guard !links.isEmpty, log.markLinked(documentPath, line, onPage: page.path) else { return [] }
        return links
    }

    static func writeFactLinks(_ links: [FactLink], on page: SitePage, to element: MarkupElement) {
        guard !links.isEmpty else { return }
        var seen: Set<String> = []
        element.text(" ")
        let box = element.element("span", ["class": "fact-links"])
        for link in links where seen.insert(link.page + "#" + link.fragment).inserted {
            box.element("a", [
                "class": "fact-link", "href": page.url(to: link.page, fragment: link.fragment),
                "title": link.kindLabel + ": " + link.name,
            ], text: link.kindLabel)
        }
    }
}
