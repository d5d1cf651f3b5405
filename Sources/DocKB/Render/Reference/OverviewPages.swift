import Foundation

/// The index (what the knowledge base holds, entry points by task), the list
/// of documents and the search page.
enum OverviewPages {
    /// Documents listed on the index itself; larger sets link to the full list.
    static let indexDocumentLimit = 60

    static func index(model: SiteModel, checklists: [String: InstallMethodChecklist],
                      navigation: [SitePage.NavigationItem]) -> SitePage {
        let page = SitePage(path: SitePaths.index, title: "Reference overview", navigation: navigation)
        let w = FactWidgets(model: model, page: page)
        let kb = model.snapshot
        let documentCount = model.catalog.outlines.count
        let factCount = kb.components.count + kb.siteSystemRoles.count + kb.securityRoles.count + kb.permissions.count
            + kb.ports.count + kb.installMethods.count + kb.requirements.count
        w.heading("Reference overview",
                  lead: "\(factCount) facts read from \(documentCount) documents, each linked to the section it came from.")
        let main = page.main

        let methods = model.entities[.installMethod] ?? []
        if !methods.isEmpty {
            main.element("h2", text: "I want to install the client by …")
            let list = main.element("ul", ["class": "task-list"])
            for entity in orderedMethods(model) {
                let li = list.element("li")
                li.element("a", ["href": page.url(to: entity.page)], text: entity.name)
                if let c = checklists[entity.key] {
                    li.element("span", ["class": "result-extra"],
                               text: " — " + counted(c.ownRequirements.count, "own requirement") + ", "
                                   + counted(c.ports.count, "port"))
                }
            }
        }

        main.element("h2", text: "I want to …")
        let tasks = main.element("ul", ["class": "task-list"])
        let taskLinks: [(SiteEntityKind, String)] = [
            (.port, "know which ports and firewall exceptions to open"),
            (.component, "check the software a client needs, with minimum versions"),
            (.siteSystemRole, "see which site system roles are required, optional or recommended"),
            (.permissionObject, "find the permissions a task needs, by object"),
            (.securityRole, "see which security roles include those permissions"),
            (.subject, "read all prerequisites stated for a subject"),
        ]
        for (kind, text) in taskLinks where !(model.entities[kind] ?? []).isEmpty {
            tasks.element("li").element("a", ["href": page.url(to: kind.referencePage)], text: text)
        }
        tasks.element("li").element("a", ["href": page.url(to: SitePaths.search)], text: "search names, aliases and document text")
        tasks.element("li").element("a", ["href": page.url(to: SitePaths.changes)], text: "see what the last builds changed")

        main.element("h2", text: "What the knowledge base holds")
        let counts = SortableTable(in: main, caption: "Typed facts", columns: ["Kind", "Facts", "Distinct entries"],
                                   className: "sortable counts")
        let factCounts: [SiteEntityKind: Int] = [
            .installMethod: kb.installMethods.count, .component: kb.components.count,
            .siteSystemRole: kb.siteSystemRoles.count, .securityRole: kb.securityRoles.count,
            .permissionObject: kb.permissions.count, .port: kb.ports.count, .subject: kb.requirements.count,
        ]
        for kind in SiteEntityKind.allCases {
            counts.row { tr in
                tr.linkCell(kind.pluralTitle, href: page.url(to: kind.referencePage), header: true)
                tr.cell(String(factCounts[kind] ?? 0))
                tr.cell(String(model.entities[kind]?.count ?? 0))
            }
        }
        let lossless = SortableTable(in: main, caption: "Lossless layer", columns: ["Table", "Rows"],
                                     className: "sortable counts")
        for (table, count) in kb.losslessCounts {
            lossless.row { tr in
                tr.cell(table, header: true)
                tr.cell(String(count))
            }
        }

        main.element("h2", text: "Documents")
        let documents = model.catalog.outlines
        if documents.count > indexDocumentLimit {
            main.element("p") { p in
                p.text("\(documents.count) documents: ")
                p.element("a", ["href": page.url(to: SitePaths.documents)], text: "see the full list")
                p.text(".")
            }
        } else {
            let list = main.element("ul")
            for document in documents {
                let li = list.element("li")
                li.element("a", ["href": page.url(to: SitePaths.page(forDocument: document.path))], text: document.title)
                li.element("span", ["class": "result-extra"], text: " — " + document.path)
            }
        }
        return page
    }

    /// "1 port", "3 ports".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Methods in the order the documents list them (first fact first).
    private static func orderedMethods(_ model: SiteModel) -> [SiteEntity] {
        var seen: Set<String> = []
        var ordered: [SiteEntity] = []
        for fact in model.snapshot.installMethods {
            guard let entity = model.entity(.installMethod, named: fact.name), seen.insert(entity.key).inserted else { continue }
            ordered.append(entity)
        }
        return ordered
    }

    static func documents(model: SiteModel, navigation: [SitePage.NavigationItem]) -> SitePage {
        let page = SitePage(path: SitePaths.documents, title: "Documents", navigation: navigation)
        let w = FactWidgets(model: model, page: page)
        w.heading("Documents", lead: "\(model.catalog.outlines.count) source documents, rendered with links to their facts.")
        let table = SortableTable(in: page.main, caption: "Documents", columns: ["Title", "Path", "Updated", "Facts"])
        for document in model.catalog.outlines {
            let facts = (model.factLinks[document.path] ?? [:]).values.reduce(0) { $0 + $1.count }
            table.row { tr in
                tr.linkCell(document.title, href: page.url(to: SitePaths.page(forDocument: document.path)), header: true)
                tr.cell(document.path)
                tr.cell(document.frontMatter.msDate)
                tr.cell(String(facts))
            }
        }
        return page
    }

    static func search(navigation: [SitePage.NavigationItem]) -> SitePage {
        let page = SitePage(path: SitePaths.search, title: "Search", navigation: navigation,
                        scripts: [SitePaths.searchIndex, SitePaths.script])
        page.main.element("h1", text: "Search")
        let form = page.main.element("form", ["class": "search-page", "id": "search-page-form", "method": "get",
                                              "action": SitePaths.search, "role": "search", "aria-label": "Search this reference"])
        _ = page.tree.claim(id: "search-page-form")
        _ = page.tree.claim(id: "search-page-input")
        form.element("label", ["for": "search-page-input", "class": "visually-hidden"], text: "Search terms")
        form.element("input", ["type": "search", "id": "search-page-input", "name": "q",
                               "placeholder": "management point, BITS, 445, /source …", "autocomplete": "off"])
        form.element("button", ["type": "submit"], text: "Search")
        let results = page.main.element("div", ["id": "search-results", "aria-live": "polite"])
        _ = page.tree.claim(id: "search-results")
        results.element("noscript") { noscript in
            noscript.element("p", text: "Search runs in your browser and needs JavaScript. "
                + "Every fact is also reachable from the reference pages in the navigation.")
        }
        return page
    }
}
