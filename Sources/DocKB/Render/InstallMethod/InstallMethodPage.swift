import Foundation

/// The page of one installation method: its diagram and its complete
/// prerequisite checklist, every line citing the section it came from.
enum InstallMethodPage {
    static func render(_ checklist: InstallMethodChecklist, model: SiteModel, navigation: [SitePage.NavigationItem])
        -> (page: SitePage, diagram: (path: String, svg: Data)?) {
        let entity = checklist.entity
        let page = SitePage(path: entity.page, title: entity.name,
                        description: "Prerequisite checklist for \(entity.name)", navigation: navigation)
        let w = FactWidgets(model: model, page: page)
        let main = page.main
        w.heading(entity.name, lead: "Installation method: everything to have in place before installing the client this way.")

        for method in checklist.methods {
            let p = main.element("p", ["class": "method-source"])
            p.setID(SiteModel.factID("method", method.id))
            p.text("Described under “\(method.heading)” in ")
            w.citation(method.citation, into: p)
            w.condition(method.condition, text: method.heading, into: p)
        }

        let diagram = MethodDiagram(title: entity.name, ports: checklist.ports)
        var diagramFile: (String, Data)?
        if !diagram.isEmpty {
            let svgPath = entity.page.replacingOccurrences(of: ".html", with: ".svg")
            diagramFile = (svgPath, diagram.svg())
            let box = main.element("div", ["class": "diagram"])
            box.element("img", ["src": page.url(to: svgPath), "alt": diagram.altText])
            box.element("p", ["class": "diagram-caption"]) { caption in
                caption.text("Machines involved and the ports between them, from the port tables cited below. ")
                caption.element("a", ["href": page.url(to: svgPath)], text: "Open the diagram on its own")
                caption.text(".")
            }
        }

        writeSummary(checklist, into: main)
        writeOwnRequirements(checklist, w: w)
        writeGeneral(checklist, w: w)
        writePorts(checklist, w: w)
        writePermissions(checklist, w: w)
        writeFurtherReading(checklist, w: w)
        return (page, diagramFile)
    }

    private static func writeSummary(_ c: InstallMethodChecklist, into main: MarkupElement) {
        let list = main.element("ul", ["class": "at-a-glance", "aria-label": "At a glance"])
        let items: [(Int, String, String)] = [
            (c.ownRequirements.count, "requirements of this method", "own-requirements"),
            (c.general.components.count + c.general.roles.count + c.general.requirements.count,
             "general prerequisites", "general-prerequisites"),
            (c.ports.count, "ports", "ports"),
            (c.permissions.count + c.securityRoleNames.count, "permissions and security roles", "permissions"),
        ]
        for (count, label, fragment) in items {
            let li = list.element("li")
            li.element("a", ["href": "#" + fragment]) { a in
                a.element("strong", text: String(count))
                a.text(" " + label)
            }
        }
    }

    private static func section(_ id: String, _ title: String, in main: MarkupElement) -> MarkupElement {
        let box = main.element("div", ["class": "checklist-section"])
        box.element("h2", text: title).setID(id)
        return box
    }

    private static func requirementItem(_ r: RequirementFact, w: FactWidgets, in list: MarkupElement, id: String?) {
        let li = list.element("li")
        if let id { li.setID(id) }
        w.necessity(r.necessity, into: li)
        li.element("span", ["class": "fact-text"], text: r.text)
        w.condition(r.condition, text: r.conditionText, into: li)
        w.citation(r.citation, into: li)
    }

    private static func writeOwnRequirements(_ c: InstallMethodChecklist, w: FactWidgets) {
        let box = section("own-requirements", "Requirements of this method", in: w.page.main)
        guard !c.ownRequirements.isEmpty else {
            box.element("p", text: "The knowledge base holds no requirements stated for this method alone.")
            return
        }
        let list = box.element("ul", ["class": "checklist"])
        for r in c.ownRequirements { requirementItem(r, w: w, in: list, id: SiteModel.factID("requirement", r.id)) }
    }

    private static func writeGeneral(_ c: InstallMethodChecklist, w: FactWidgets) {
        let subjects = c.general.mainSubject.map { " for " + $0 } ?? ""
        let box = section("general-prerequisites", "General prerequisites" + subjects, in: w.page.main)
        guard !c.general.isEmpty else {
            box.element("p", text: "No general prerequisites were found around this method's section.")
            return
        }
        box.element("p", text: "These apply to every installation method described alongside this one.")
        if !c.general.components.isEmpty {
            let table = SortableTable(in: box, caption: "Components the client needs",
                                      columns: ["Component", "Minimum version", "File", "Restart", "Source"])
            for f in c.general.components {
                table.row { tr in
                    tr.linkCell(f.name, href: w.page.url(to: w.model.entity(.component, named: f.name)?.page ?? SitePaths.index), header: true)
                    tr.cell(f.minVersion)
                    tr.cell(f.file)
                    tr.cell(f.mayRestart ? "may restart" : nil)
                    w.citationCell(f.citation, in: tr)
                }
            }
        }
        if !c.general.roles.isEmpty {
            let table = SortableTable(in: box, caption: "Site system roles",
                                      columns: ["Role", "Necessity", "For", "Source"])
            for f in c.general.roles {
                table.row { tr in
                    tr.linkCell(f.name, href: w.page.url(to: w.model.entity(.siteSystemRole, named: f.name)?.page ?? SitePaths.index), header: true)
                    w.necessity(f.necessity, into: tr.element("td"))
                    tr.cell(f.subject)
                    w.citationCell(f.citation, in: tr)
                }
            }
        }
        // The other general requirements, under the heading of the section each comes from.
        var currentSection: String?
        var list: MarkupElement?
        for r in c.general.requirements {
            let heading = w.model.catalog.citationLabel(r.citation, titles: w.model.snapshot.documentTitles).section ?? "Other"
            if heading != currentSection || list == nil {
                currentSection = heading
                box.element("h3", text: heading)
                list = box.element("ul", ["class": "checklist"])
            }
            requirementItem(r, w: w, in: list!, id: nil)
        }
        if !c.rolesNamed.isEmpty {
            box.element("h3", text: "Site system roles this method's requirements name")
            let list = box.element("ul")
            for name in c.rolesNamed { w.entityLink(.siteSystemRole, name, into: list.element("li")) }
        }
    }

    private static func writePorts(_ c: InstallMethodChecklist, w: FactWidgets) {
        let box = section("ports", "Ports and firewall exceptions", in: w.page.main)
        if c.ports.isEmpty {
            box.element("p", text: "The knowledge base holds no ports for this method.")
        } else {
            let table = SortableTable(in: box, caption: "Ports used by \(c.entity.name)",
                                      columns: ["Port", "From", "To", "Purpose", "Condition", "Source"])
            for f in c.ports {
                table.row { tr in
                    tr.linkCell(f.label, href: w.page.url(to: w.model.entity(.port, named: f.label)?.page ?? SitePaths.index), header: true)
                    tr.cell(f.source)
                    tr.cell(f.destination)
                    tr.cell(f.purpose)
                    w.condition(f.condition, text: f.conditionText, into: tr.element("td"))
                    w.citationCell(f.citation, in: tr)
                }
            }
        }
        if !c.related.firewallNotes.isEmpty {
            box.element("h3", text: "Firewall exceptions and notes")
            let list = box.element("ul", ["class": "checklist"])
            for note in c.related.firewallNotes {
                let li = list.element("li")
                li.element("span", ["class": "fact-text"], text: note.text)
                w.citation(note.citation, into: li)
            }
        }
        if !c.relatedRequirements.isEmpty {
            box.element("h3", text: "From sections about this method elsewhere")
            let list = box.element("ul", ["class": "checklist"])
            for r in c.relatedRequirements { requirementItem(r, w: w, in: list, id: nil) }
        }
    }

    private static func writeFurtherReading(_ c: InstallMethodChecklist, w: FactWidgets) {
        guard !c.related.furtherReading.isEmpty else { return }
        let box = section("further-reading", "Further reading", in: w.page.main)
        box.element("p", text: "Other sections whose heading names this method.")
        let list = box.element("ul")
        for reading in c.related.furtherReading {
            let li = list.element("li")
            let target = SitePaths.page(forDocument: reading.documentPath)
            li.element("a", ["href": w.page.url(to: target, fragment: w.model.catalog.anchor(reading.anchor, in: reading.documentPath))],
                       text: reading.documentTitle + " › " + reading.heading)
        }
    }

    private static func writePermissions(_ c: InstallMethodChecklist, w: FactWidgets) {
        let box = section("permissions", "Permissions and security roles", in: w.page.main)
        if c.permissions.isEmpty && c.securityRoleNames.isEmpty {
            box.element("p", text: "The knowledge base holds no permissions or security roles for this method.")
            return
        }
        if !c.permissions.isEmpty {
            let table = SortableTable(in: box, caption: "Permissions to use \(c.entity.name)",
                                      columns: ["Permission", "Object", "Purpose", "Security role", "Source"])
            for f in c.permissions {
                table.row { tr in
                    tr.cell(f.permission, header: true)
                    let objectCell = tr.element("td")
                    w.entityLink(.permissionObject, SiteModel.objectName(f.object), into: objectCell)
                    tr.cell(f.purpose)
                    let roleCell = tr.element("td")
                    if let role = f.securityRole { w.entityLink(.securityRole, role, into: roleCell) }
                    w.citationCell(f.citation, in: tr)
                }
            }
        }
        if !c.securityRoleNames.isEmpty {
            box.element("h3", text: "Security roles")
            let list = box.element("ul", ["class": "checklist"])
            for (name, citation) in c.securityRoleNames {
                let li = list.element("li")
                w.entityLink(.securityRole, name, into: li)
                if let fact = c.securityRoles.first(where: { SiteModel.key($0.name) == SiteModel.key(name) }) {
                    li.element("span", ["class": "fact-text"], text: " — " + fact.description)
                }
                w.citation(citation, into: li)
            }
        }
    }
}
