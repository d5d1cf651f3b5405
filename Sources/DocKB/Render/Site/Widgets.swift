import Foundation

/// A table the site's script can sort by any column. Rows are written in a
/// meaningful order, so without JavaScript the table still reads well.
struct SortableTable {
    let body: MarkupElement

    init(in parent: MarkupElement, caption: String, columns: [String], className: String = "sortable") {
        let wrap = parent.element("div", ["class": "table-wrap", "role": "region", "aria-label": caption, "tabindex": "0"])
        let table = wrap.element("table", ["class": className])
        table.element("caption", text: caption)
        let header = table.element("thead").element("tr")
        for column in columns { header.element("th", ["scope": "col"], text: column) }
        body = table.element("tbody")
    }

    /// Adds a row; `fill` receives the `tr` and adds one cell per column.
    func row(id: String? = nil, _ fill: (MarkupElement) -> Void) {
        let tr = body.element("tr")
        if let id { tr.setID(id) }
        fill(tr)
    }
}

extension MarkupElement {
    /// A table cell holding plain text (an empty cell shows a dash for "not stated").
    @discardableResult
    func cell(_ text: String?, header: Bool = false) -> MarkupElement {
        let value = text?.collapsingWhitespace ?? ""
        let cell = header ? element("th", ["scope": "row"]) : element("td")
        if value.isEmpty {
            cell.element("span", ["class": "not-stated", "title": "Not stated"], text: "—")
        } else {
            cell.text(value)
        }
        return cell
    }

    /// A cell holding a link to another page of the site.
    @discardableResult
    func linkCell(_ text: String, href: String, header: Bool = false) -> MarkupElement {
        let cell = header ? element("th", ["scope": "row"]) : element("td")
        cell.element("a", ["href": href], text: text)
        return cell
    }
}

/// The small pieces every fact is shown with: where it came from, how strongly
/// it is required, and when it applies.
struct FactWidgets {
    let model: SiteModel
    let page: SitePage

    /// "Document title › Section" linking to the section on the document's page.
    func citation(_ citation: FactCitation, into parent: MarkupElement) {
        let label = model.catalog.citationLabel(citation, titles: model.snapshot.documentTitles)
        let span = parent.element("span", ["class": "cite"])
        if model.catalog.outline(at: citation.documentPath) != nil {
            let target = SitePaths.page(forDocument: citation.documentPath)
            let link = span.element("a", ["href": page.url(to: target, fragment: model.catalog.citationFragment(citation))])
            link.text(label.document)
            if let section = label.section { link.text(" › " + section) }
        } else {
            span.text(label.document)
            if let section = label.section { span.text(" › " + section) }
        }
        span.element("span", ["class": "cite-line"], text: " (line \(citation.line))")
    }

    /// A table cell citing a fact compactly: the section as the link, the
    /// document title below it in small print (the full place in the link's title).
    func citationCell(_ citation: FactCitation, in row: MarkupElement) {
        let cell = row.element("td", ["class": "cite-cell"])
        let label = model.catalog.citationLabel(citation, titles: model.snapshot.documentTitles)
        let full = label.document + (label.section.map { " › " + $0 } ?? "") + " (line \(citation.line))"
        let text = label.section ?? label.document
        if model.catalog.outline(at: citation.documentPath) != nil {
            let target = SitePaths.page(forDocument: citation.documentPath)
            cell.element("a", ["href": page.url(to: target, fragment: model.catalog.citationFragment(citation)), "title": full],
                         text: text)
        } else {
            cell.element("span", ["title": full], text: text)
        }
        if label.section != nil {
            cell.element("span", ["class": "cite-doc"], text: label.document + ", line \(citation.line)")
        } else {
            cell.element("span", ["class": "cite-doc"], text: "line \(citation.line)")
        }
    }

    func necessity(_ necessity: String?, into parent: MarkupElement) {
        guard let necessity, !necessity.isEmpty else { return }
        parent.element("span", ["class": "necessity necessity-" + SitePaths.slug(necessity)], text: necessity)
    }

    /// The evaluable condition and, on hover and for screen readers, the words it came from.
    func condition(_ condition: String?, text: String?, into parent: MarkupElement) {
        guard let condition, !condition.isEmpty else { return }
        let box = parent.element("span", ["class": "condition"])
        box.text("Applies when: ")
        let code = box.element("code", text: condition)
        if let text, !text.isEmpty {
            code.setAttribute("title", text.collapsingWhitespace)
            box.element("span", ["class": "condition-text"], text: " — “" + text.collapsingWhitespace + "”")
        }
    }

    /// A link to an entity's page, or plain text when the knowledge base has no page for it.
    func entityLink(_ kind: SiteEntityKind, _ name: String, into parent: MarkupElement) {
        if let entity = model.entity(kind, named: name) {
            parent.element("a", ["href": page.url(to: entity.page)], text: entity.name)
        } else {
            parent.text(name)
        }
    }

    /// The page's heading plus an optional lead paragraph.
    func heading(_ title: String, lead: String? = nil) {
        page.main.element("h1", text: title)
        if let lead { page.main.element("p", ["class": "lead"], text: lead) }
    }
}
