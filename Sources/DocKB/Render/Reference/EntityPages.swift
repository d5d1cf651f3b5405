import Foundation

/// One page per entity (other than installation methods, which have their
/// checklist page): every fact about it, each row carrying the id that the
/// document pages link to, plus what refers to it elsewhere.
enum EntityPages {
    static func render(_ entity: SiteEntity, model: SiteModel, navigation: [SitePage.NavigationItem]) -> SitePage {
        let page = SitePage(path: entity.page, title: entity.name, navigation: navigation)
        let w = FactWidgets(model: model, page: page)
        let kb = model.snapshot
        let key = entity.key
        w.heading(entity.name, lead: entity.kind.singularTitle)
        writeAliases(of: entity, model: model, into: page.main)
        switch entity.kind {
        case .installMethod:
            break
        case .component:
            let facts = model.groups.components[key] ?? []
            let table = SortableTable(in: page.main, caption: "What the documents say about \(entity.name)",
                                      columns: ["Minimum version", "File", "Category", "Restart", "Description", "Source"])
            for f in facts {
                table.row(id: SiteModel.factID("component", f.id)) { tr in
                    tr.cell(f.minVersion, header: true)
                    tr.cell(f.file)
                    tr.cell(f.category)
                    tr.cell(f.mayRestart ? "may restart" : nil)
                    tr.cell(f.description)
                    w.citationCell(f.citation, in: tr)
                }
            }
            writeMentions(of: entity, kind: "component", w: w)
        case .siteSystemRole:
            let facts = model.groups.siteSystemRoles[key] ?? []
            let table = SortableTable(in: page.main, caption: "What the documents say about the \(entity.name)",
                                      columns: ["Necessity", "For", "Description", "Source"])
            for f in facts {
                table.row(id: SiteModel.factID("role", f.id)) { tr in
                    tr.cell(f.necessity, header: true)
                    tr.cell(f.subject)
                    tr.cell(f.description)
                    w.citationCell(f.citation, in: tr)
                }
            }
            writePorts(zip(kb.ports, model.portEndpointKeys).compactMap { port, keys in
                [keys.source, keys.destination].contains { $0.map { Text.contains($0, ignoringCase: key) } ?? false } ? port : nil
            }, caption: "Ports to or from a \(entity.name)", w: w)
            writeMentions(of: entity, kind: "site_system_role", w: w)
        case .securityRole:
            let facts = model.groups.securityRoles[key] ?? []
            let list = page.main.element("ul", ["class": "checklist"])
            for f in facts {
                let li = list.element("li")
                li.setID(SiteModel.factID("security-role", f.id))
                li.element("span", ["class": "fact-text"], text: f.description)
                w.citation(f.citation, into: li)
            }
            writePermissions(model.groups.permissionsByRole[key] ?? [],
                             caption: "Permissions the documents say this role includes", w: w, ids: false)
            writeMentions(of: entity, kind: "security_role", w: w)
        case .permissionObject:
            writePermissions(model.groups.permissionsByObject[key] ?? [],
                             caption: "Permissions on the \(entity.name) object", w: w, ids: true)
        case .port:
            writePorts(model.groups.ports[key] ?? [], caption: "Where \(entity.name) is used", w: w, ids: true)
        case .subject:
            writeRequirements(model.groups.requirementsBySubject[key] ?? [], w: w)
        }
        return page
    }

    private static func writeAliases(of entity: SiteEntity, model: SiteModel, into main: MarkupElement) {
        guard let aliases = model.groups.aliases[entity.key], !aliases.isEmpty else { return }
        main.element("p", ["class": "aliases"], text: "Also written as: " + aliases.joined(separator: ", "))
    }

    private static func writePorts(_ ports: [PortFact], caption: String, w: FactWidgets, ids: Bool = false) {
        guard !ports.isEmpty else { return }
        if !ids { w.page.main.element("h2", text: caption) }
        let table = SortableTable(in: w.page.main, caption: caption,
                                  columns: ["Port", "From", "To", "Purpose", "Condition", "Used for", "Source"])
        for f in ports {
            table.row(id: ids ? SiteModel.factID("port", f.id) : nil) { tr in
                if ids { tr.cell(f.label, header: true) } else {
                    tr.linkCell(f.label, href: w.page.url(to: w.model.entity(.port, named: f.label)?.page ?? SitePaths.index), header: true)
                }
                tr.cell(f.source)
                tr.cell(f.destination)
                tr.cell(f.purpose)
                w.condition(f.condition, text: f.conditionText, into: tr.element("td"))
                let usedFor = tr.element("td")
                if let subject = f.subject {
                    let methods = w.model.methods(about: subject)
                    if methods.isEmpty { usedFor.text(subject) }
                    for (index, method) in methods.enumerated() {
                        if index > 0 { usedFor.text(", ") }
                        usedFor.element("a", ["href": w.page.url(to: method.page)], text: method.name)
                    }
                }
                w.citationCell(f.citation, in: tr)
            }
        }
    }

    private static func writePermissions(_ permissions: [PermissionFact], caption: String, w: FactWidgets, ids: Bool) {
        guard !permissions.isEmpty else { return }
        if !ids { w.page.main.element("h2", text: caption) }
        let table = SortableTable(in: w.page.main, caption: caption,
                                  columns: ["Permission", "Object", "Purpose", "Security role", "For", "Source"])
        for f in permissions {
            table.row(id: ids ? SiteModel.factID("permission", f.id) : nil) { tr in
                tr.cell(f.permission, header: true)
                w.entityLink(.permissionObject, SiteModel.objectName(f.object), into: tr.element("td"))
                tr.cell(f.purpose)
                let role = tr.element("td")
                if let name = f.securityRole { w.entityLink(.securityRole, name, into: role) }
                let subject = tr.element("td")
                if let name = f.subject {
                    if w.model.entity(.installMethod, named: name) != nil {
                        w.entityLink(.installMethod, name, into: subject)
                    } else {
                        subject.text(name)
                    }
                }
                w.citationCell(f.citation, in: tr)
            }
        }
    }

    /// Requirements grouped by document and section, each with its anchor id.
    private static func writeRequirements(_ requirements: [RequirementFact], w: FactWidgets) {
        var currentGroup = ""
        var list: MarkupElement?
        for r in requirements {
            let label = w.model.catalog.citationLabel(r.citation, titles: w.model.snapshot.documentTitles)
            let group = label.document + " › " + (label.section ?? "")
            if group != currentGroup || list == nil {
                currentGroup = group
                w.page.main.element("h2", text: label.section.map { "\(label.document) › \($0)" } ?? label.document)
                list = w.page.main.element("ul", ["class": "checklist"])
            }
            let li = list!.element("li")
            li.setID(SiteModel.factID("requirement", r.id))
            w.necessity(r.necessity, into: li)
            li.element("span", ["class": "fact-text"], text: r.text)
            w.condition(r.condition, text: r.conditionText, into: li)
            w.citation(r.citation, into: li)
        }
    }

    /// Requirements elsewhere that name this entity (from their `mentions`).
    private static func writeMentions(of entity: SiteEntity, kind: String, w: FactWidgets) {
        let mentioning = w.model.groups.requirements(mentioning: kind, key: entity.key)
        guard !mentioning.isEmpty else { return }
        w.page.main.element("h2", text: "Requirements that name it")
        let list = w.page.main.element("ul", ["class": "checklist"])
        for r in mentioning {
            let li = list.element("li")
            let subject = li.element("span", ["class": "subject"])
            if let home = w.model.home(ofRequirementSubject: r.subject) {
                subject.element("a", ["href": w.page.url(to: home.page, fragment: SiteModel.factID("requirement", r.id))], text: r.subject)
            } else {
                subject.text(r.subject)
            }
            subject.text(": ")
            w.necessity(r.necessity, into: li)
            li.element("span", ["class": "fact-text"], text: r.text)
            w.citation(r.citation, into: li)
        }
    }
}
