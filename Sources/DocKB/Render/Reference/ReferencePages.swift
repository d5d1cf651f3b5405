import Foundation

/// One page per entity kind: every fact of that kind in a sortable table,
/// each row naming its entity page and citing its source.
enum ReferencePages {
    static func render(_ kind: SiteEntityKind, model: SiteModel, checklists: [String: InstallMethodChecklist],
                       navigation: [SitePage.NavigationItem]) -> SitePage {
        let page = SitePage(path: kind.referencePage, title: kind.pluralTitle, navigation: navigation)
        let w = FactWidgets(model: model, page: page)
        let kb = model.snapshot
        let entityCount = model.entities[kind]?.count ?? 0
        w.heading(kind.pluralTitle, lead: lead(kind, entityCount: entityCount))
        func entityCell(_ kind: SiteEntityKind, _ name: String, in tr: MarkupElement) {
            let th = tr.element("th", ["scope": "row"])
            w.entityLink(kind, name, into: th)
        }
        switch kind {
        case .installMethod:
            let table = SortableTable(in: page.main, caption: "Installation methods",
                                      columns: ["Method", "Condition", "Own requirements", "Ports", "Permissions", "Source"])
            for f in kb.installMethods {
                let c = checklists[SiteModel.key(f.name)]
                table.row { tr in
                    entityCell(.installMethod, f.name, in: tr)
                    tr.cell(f.condition)
                    tr.cell(String(c?.ownRequirements.count ?? 0))
                    tr.cell(String(c?.ports.count ?? 0))
                    tr.cell(String(c?.permissions.count ?? 0))
                    w.citationCell(f.citation, in: tr)
                }
            }
        case .component:
            let table = SortableTable(in: page.main, caption: "Components",
                                      columns: ["Component", "Minimum version", "File", "Category", "Restart", "Source"])
            for f in kb.components {
                table.row { tr in
                    entityCell(.component, f.name, in: tr)
                    tr.cell(f.minVersion)
                    tr.cell(f.file)
                    tr.cell(f.category)
                    tr.cell(f.mayRestart ? "may restart" : nil)
                    w.citationCell(f.citation, in: tr)
                }
            }
        case .siteSystemRole:
            let table = SortableTable(in: page.main, caption: "Site system roles",
                                      columns: ["Role", "Necessity", "For", "Description", "Source"])
            for f in kb.siteSystemRoles {
                table.row { tr in
                    entityCell(.siteSystemRole, f.name, in: tr)
                    w.necessity(f.necessity, into: tr.element("td"))
                    tr.cell(f.subject)
                    tr.cell(f.description)
                    w.citationCell(f.citation, in: tr)
                }
            }
        case .securityRole:
            let table = SortableTable(in: page.main, caption: "Security roles", columns: ["Role", "Description", "Source"])
            for f in kb.securityRoles {
                table.row { tr in
                    entityCell(.securityRole, f.name, in: tr)
                    tr.cell(f.description)
                    w.citationCell(f.citation, in: tr)
                }
            }
        case .permissionObject:
            let table = SortableTable(in: page.main, caption: "Permissions by object",
                                      columns: ["Object", "Permission", "Purpose", "Security role", "For", "Source"])
            let sorted = kb.permissions.enumerated().sorted {
                (SiteModel.key(SiteModel.objectName($0.element.object)), $0.offset)
                    < (SiteModel.key(SiteModel.objectName($1.element.object)), $1.offset)
            }.map(\.element)
            for f in sorted {
                table.row { tr in
                    entityCell(.permissionObject, SiteModel.objectName(f.object), in: tr)
                    tr.cell(f.permission)
                    tr.cell(f.purpose)
                    let role = tr.element("td")
                    if let name = f.securityRole { w.entityLink(.securityRole, name, into: role) }
                    tr.cell(f.subject)
                    w.citationCell(f.citation, in: tr)
                }
            }
        case .port:
            let table = SortableTable(in: page.main, caption: "Ports",
                                      columns: ["Port", "From", "To", "Purpose", "Condition", "Used for", "Source"])
            for f in kb.ports {
                table.row { tr in
                    entityCell(.port, f.label, in: tr)
                    tr.cell(f.source)
                    tr.cell(f.destination)
                    tr.cell(f.purpose)
                    w.condition(f.condition, text: f.conditionText, into: tr.element("td"))
                    tr.cell(f.subject)
                    w.citationCell(f.citation, in: tr)
                }
            }
        case .subject:
            let table = SortableTable(in: page.main, caption: "Prerequisites by subject",
                                      columns: ["Subject", "Requirements", "Documents"])
            var counts: [String: (requirements: Int, documents: Set<String>)] = [:]
            for r in kb.requirements {
                counts[SiteModel.key(r.subject), default: (0, [])].requirements += 1
                counts[SiteModel.key(r.subject), default: (0, [])].documents.insert(r.citation.documentPath)
            }
            for entity in model.entities[.subject] ?? [] {
                table.row { tr in
                    tr.linkCell(entity.name, href: page.url(to: entity.page), header: true)
                    tr.cell(String(counts[entity.key]?.requirements ?? 0))
                    tr.cell(String(counts[entity.key]?.documents.count ?? 0))
                }
            }
        }
        return page
    }

    private static func lead(_ kind: SiteEntityKind, entityCount: Int) -> String {
        let what: String
        switch kind {
        case .installMethod: what = "ways to install the client; each has a prerequisite checklist and a diagram"
        case .component: what = "software components clients need, with minimum versions and files"
        case .siteSystemRole: what = "site system roles, with how strongly each is needed"
        case .securityRole: what = "security roles"
        case .permissionObject: what = "securable objects, with the permissions each task needs on them"
        case .port: what = "ports, with the machines on each end"
        case .subject: what = "subjects prerequisites are stated for (requirements of installation methods are on the methods' pages)"
        }
        return "\(entityCount) \(what). Sort any table by its column headers."
    }
}
