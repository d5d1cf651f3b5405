import Foundation

/// The page of one source document: its content rendered faithfully, its
/// source metadata, and a summary of the facts read from it.
enum DocumentPage {
    static func render(_ document: Document, model: SiteModel, log: RenderLog,
                       navigation: [SitePage.NavigationItem]) -> SitePage {
        let page = SitePage(path: SitePaths.page(forDocument: document.path), title: document.title,
                        description: document.frontMatter.description, navigation: navigation)
        let renderer = BlockRenderer(model: model, page: page, log: log)
        renderer.afterTitle = { parent in writeMetadata(of: document, into: parent) }
        let article = page.main.element("div", ["class": "document"])
        if !document.sections.contains(where: { $0.level == 1 }) {
            article.element("h1", text: document.title)
            writeMetadata(of: document, into: article)
        }
        renderer.render(document.blocks, documentPath: document.path, into: article)
        writeFactSummary(of: document, model: model, page: page)
        return page
    }

    private static func writeMetadata(of document: Document, into parent: MarkupElement) {
        let meta = parent.element("p", ["class": "doc-meta"])
        meta.text("Source: ")
        meta.element("code", text: document.path)
        if let date = document.frontMatter.msDate, !date.isEmpty {
            meta.text(" · Updated " + date)
        }
        if let author = document.frontMatter.author, !author.isEmpty {
            meta.text(" · Author " + author)
        }
        writeContents(of: document, into: parent)
    }

    /// Documents with several top-level sections get a short table of contents.
    static let contentsThreshold = 3

    private static func writeContents(of document: Document, into parent: MarkupElement) {
        let top = document.sections.filter { $0.level == 2 }
        guard top.count >= contentsThreshold else { return }
        let nav = parent.element("div", ["class": "page-contents", "role": "navigation", "aria-label": "On this page"])
        nav.element("p", ["class": "page-contents-title"], text: "On this page")
        let list = nav.element("ul")
        for section in top {
            list.element("li").element("a", ["href": "#" + section.anchor], text: section.heading)
        }
    }

    /// A closing section listing the facts extracted from this document, by kind.
    private static func writeFactSummary(of document: Document, model: SiteModel, page: SitePage) {
        let lines = model.factLinks[document.path] ?? [:]
        var byKind: [String: [FactLink]] = [:]
        var order: [String] = []
        for line in lines.keys.sorted() {
            for link in lines[line]! {
                if byKind[link.kindLabel] == nil { order.append(link.kindLabel) }
                byKind[link.kindLabel, default: []].append(link)
            }
        }
        let section = page.main.element("div", ["class": "fact-summary"])
        let headingID = page.tree.claim(id: "dockb-facts") ? "dockb-facts" : nil
        let heading = section.element("h2", text: "Facts read from this document")
        if let headingID { heading.setAttribute("id", headingID) }
        guard !order.isEmpty else {
            section.element("p", text: "The knowledge base holds no typed facts from this document; "
                + "its tables and lists are kept in the lossless layer.")
            return
        }
        let list = section.element("ul", ["class": "fact-summary-list"])
        for kind in order {
            // One entry per entity page, with how many facts point there.
            var counts: [String: (link: FactLink, count: Int)] = [:]
            var pages: [String] = []
            for link in byKind[kind]! {
                if counts[link.page] == nil { pages.append(link.page); counts[link.page] = (link, 0) }
                counts[link.page]!.count += 1
            }
            let item = list.element("li")
            item.element("strong", text: kind + " (\(byKind[kind]!.count)): ")
            for (index, target) in pages.enumerated() {
                if index > 0 { item.text(", ") }
                let entry = counts[target]!
                item.element("a", ["href": page.url(to: target)], text: entry.link.name)
                if entry.count > 1 { item.text(" ×\(entry.count)") }
            }
        }
    }
}
