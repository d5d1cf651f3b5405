import Foundation

/// The "What changed" page: the builds the knowledge base records, newest
/// first, each build's changes grouped by kind of fact. A change links to the
/// fact's page while the knowledge base still has one, and to the document
/// line it was read from (for a removed fact, the line where it stood).
enum ChangesPage {
    /// `entity_type` values in the order of the site's navigation, with the title of their group.
    static let groups: [(type: String, title: String)] = [
        ("install_method", "Installation methods"), ("component", "Components"), ("site_system_role", "Site system roles"),
        ("security_role", "Security roles"), ("permission", "Permissions"), ("port", "Ports"),
        ("requirement", "Prerequisites"),
    ]

    static func render(model: SiteModel, navigation: [SitePage.NavigationItem]) -> SitePage {
        let page = SitePage(path: SitePaths.changes, title: "What changed", navigation: navigation)
        let w = FactWidgets(model: model, page: page)
        let history = model.snapshot.history, total = model.snapshot.buildsRecorded
        guard !history.isEmpty else {
            w.heading("What changed", lead: "No builds recorded yet. Each build that rewrites the knowledge base "
                + "records how its facts differ from the build before it, and they are listed here.")
            return page
        }
        let shown = history.count < total ? "The last \(history.count) of \(total) builds" : OverviewPages.counted(total, "build")
        w.heading("What changed", lead: "\(shown) recorded, newest first: facts added, removed and changed, "
            + "each with the document line it was read from.")
        if history.count > 1 {
            let list = page.main.element("ul", ["class": "task-list"])
            for entry in history {
                let li = list.element("li")
                li.element("a", ["href": "#" + anchor(entry)], text: "Build \(entry.id)")
                li.element("span", ["class": "result-extra"], text: " — " + counts(entry))
            }
        }
        for entry in history { writeBuild(entry, w: w) }
        return page
    }

    private static func anchor(_ entry: BuildHistoryEntry) -> String { "build-\(entry.id)" }

    private static func counts(_ entry: BuildHistoryEntry) -> String {
        entry.changes.isEmpty ? "no fact changed"
            : "\(entry.count(.added)) added, \(entry.count(.removed)) removed, \(entry.count(.changed)) changed"
    }

    private static func writeBuild(_ entry: BuildHistoryEntry, w: FactWidgets) {
        let main = w.page.main
        main.element("h2", text: "Build \(entry.id)").setID(anchor(entry))
        let kind: String
        switch entry.kind {
        case .first: kind = "First build"
        case .full: kind = "Full build"
        case .incremental: kind = "Incremental build"
        }
        main.element("p", text: "\(kind): \(entry.documentsParsed) of \(OverviewPages.counted(entry.documents, "document")) "
            + "parsed; \(counts(entry)).")
        let known = Set(groups.map(\.type))
        let titled = groups + Set(entry.changes.map(\.entityType)).subtracting(known).sorted().map { ($0, $0) }
        for (type, title) in titled {
            let changes = entry.changes.filter { $0.entityType == type }
            guard !changes.isEmpty else { continue }
            main.element("h3", text: title)
            let table = SortableTable(in: main, caption: "Build \(entry.id): \(title.lowercased())",
                                      columns: ["Change", "Fact", "What changed", "Source"])
            for change in changes {
                table.row { tr in
                    tr.cell(change.kind.rawValue, header: true).setAttribute("class", "change change-\(change.kind.rawValue)")
                    let name = tr.element("td")
                    if let entity = entity(of: change, in: w.model) {
                        name.element("a", ["href": w.page.url(to: entity.page)], text: change.entityName)
                    } else {
                        name.text(change.entityName)
                    }
                    details(change, into: tr.element("td"))
                    w.citationCell(FactCitation(documentPath: change.path, line: change.line, anchor: ""), in: tr)
                }
            }
        }
    }

    /// The old and new value of a changed field; nothing for an addition or removal.
    private static func details(_ change: FactChange, into cell: MarkupElement) {
        guard change.kind == .changed else { return }
        if change.field == "text" {
            cell.text("Reworded: ")
        } else {
            cell.element("code", text: change.field ?? "value")
            cell.text(": ")
        }
        cell.element("del", text: change.oldValue ?? "(none)")
        cell.text(" → ")
        cell.element("ins", text: change.newValue ?? "(none)")
    }

    /// The page of the fact a change is about, while the knowledge base still
    /// has it. Changes name facts as the build history does: a permission as
    /// "Read on Collection", a port as "TCP 445 (subject)", a requirement by
    /// its subject.
    static func entity(of change: FactChange, in model: SiteModel) -> SiteEntity? {
        let name = change.entityName
        switch change.entityType {
        case "install_method": return model.entity(.installMethod, named: name)
        case "component": return model.entity(.component, named: name)
        case "site_system_role": return model.entity(.siteSystemRole, named: name)
        case "security_role": return model.entity(.securityRole, named: name)
        case "requirement": return model.home(ofRequirementSubject: name)
        case "permission":
            // "Read on Collection"; a permission stated without an object is named alone.
            guard let on = name.range(of: " on ", options: .backwards) else {
                return model.entity(.permissionObject, named: SiteModel.objectName(nil))
            }
            return model.entity(.permissionObject, named: SiteModel.objectName(String(name[on.upperBound...])))
        case "port":
            let label = name.range(of: " (").map { String(name[..<$0.lowerBound]) } ?? name
            return model.entity(.port, named: label)
        default: return nil
        }
    }
}
