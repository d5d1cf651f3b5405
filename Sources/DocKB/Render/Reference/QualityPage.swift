import Foundation

/// `quality.html`: the build's quality report (`QualityReport`) for the
/// people who maintain the documents. Every finding links to the line of the
/// rendered document it is about.
enum QualityPage {
    static func render(_ report: QualityReport, model: SiteModel, navigation: [SitePage.NavigationItem]) -> SitePage {
        let page = SitePage(path: SitePaths.quality, title: "Quality report", navigation: navigation)
        let w = FactWidgets(model: model, page: page)
        w.heading("Quality report", lead: "What the build of \(report.documents) documents noticed: tables it could not "
            + "read as facts, warnings, links that lead nowhere, and documents that contradict each other.")
        let context = Context(report: report, model: model, page: page)
        context.contents()
        context.tableShapes()
        context.facts()
        context.warnings()
        context.danglingLinks()
        context.conflicts()
        return page
    }

    private struct Context {
        let report: QualityReport
        let model: SiteModel
        let page: SitePage
        var main: MarkupElement { page.main }

        func contents() {
            let anchors = report.danglingLinks.filter { $0.status == .danglingAnchor }.count
            let list = main.element("ul", ["class": "task-list"])
            func item(_ id: String, _ text: String) {
                list.element("li").element("a", ["href": "#" + id], text: text)
            }
            item("table-shapes", "\(report.tableShapes.count) table shapes: \(report.classifiedTables) of "
                 + "\(report.tables) tables classified (\(QualityReport.percent(report.classifiedTables, of: report.tables)))")
            item("facts", "\(counted(report.facts.reduce(0) { $0 + $1.count }, "fact")) of \(report.facts.count) types")
            item("warnings", "\(counted(report.warningCount, "warning")) in \(counted(report.documentsWithWarnings.count, "document"))")
            item("dangling-links", "\(counted(report.danglingLinks.count - anchors, "dangling link")) and \(counted(anchors, "dangling anchor"))")
            item("conflicts", QualityConflict.Kind.allCases.map { kind in
                counted(report.conflicts(of: kind).count, kind.rawValue + " conflict")
            }.joined(separator: ", "))
        }

        func section(_ id: String, _ title: String, lead: String) {
            main.element("h2", text: title).setID(id)
            main.element("p", text: lead)
        }

        func tableShapes() {
            section("table-shapes", "Tables per shape", lead: "A table's shape is its header row, normalized. "
                + "Unclassified tables are kept cell by cell in the knowledge base but yield no facts.")
            guard !report.tableShapes.isEmpty else { return none("The documents have no tables.") }
            let table = SortableTable(in: main, caption: "Tables per shape",
                                      columns: ["Shape", "Tables", "Classified as", "Unclassified", "First table"])
            for shape in report.tableShapes {
                table.row { tr in
                    tr.cell(QualityReport.label(shape: shape.shape), header: true)
                    tr.cell(String(shape.count))
                    tr.cell(shape.kinds.map { "\($0.kind) (\($0.count))" }.joined(separator: ", "))
                    tr.cell(shape.unclassified > 0 ? String(shape.unclassified) : nil)
                    placeCell(shape.example, in: tr)
                }
            }
        }

        func facts() {
            section("facts", "Facts per type", lead: "Rows of each table of the typed layer.")
            let table = SortableTable(in: main, caption: "Facts per type", columns: ["Type", "Facts", "Documents"],
                                      className: "sortable counts")
            for fact in report.facts {
                table.row { tr in
                    if let kind = Self.referenceKind[fact.table] {
                        tr.linkCell(fact.table, href: page.url(to: kind.referencePage), header: true)
                    } else {
                        tr.cell(fact.table, header: true)
                    }
                    tr.cell(String(fact.count))
                    tr.cell(String(fact.documents))
                }
            }
        }

        /// The reference page listing each typed table's facts (aliases have none of their own).
        static let referenceKind: [String: SiteEntityKind] = [
            "components": .component, "site_system_roles": .siteSystemRole, "security_roles": .securityRole,
            "permissions": .permissionObject, "ports": .port, "install_methods": .installMethod,
            "requirements": .subject,
        ]

        func warnings() {
            section("warnings", "Documents with warnings", lead: "Most warnings first. Dangling links are in the next "
                + "section; every warning is also in the knowledge base's diagnostics table.")
            guard !report.documentsWithWarnings.isEmpty else { return none("No document has warnings.") }
            let table = SortableTable(in: main, caption: "Documents with warnings", columns: ["Document", "Warnings", "Messages"])
            for document in report.documentsWithWarnings {
                table.row { tr in
                    documentCell(document.path, in: tr)
                    tr.cell(String(document.warnings.count))
                    let list = tr.element("td").element("ul")
                    for warning in document.warnings {
                        let li = list.element("li")
                        placeLink(QualityReport.Place(path: document.path, line: warning.line), text: "line \(warning.line)", into: li)
                        li.text(": " + (warning.severity == "warning" ? "" : warning.severity + ": ") + warning.message)
                    }
                }
            }
        }

        func danglingLinks() {
            section("dangling-links", "Dangling links and anchors", lead: "Links to a document that is not in the "
                + "source folder, or to an anchor its target does not have.")
            guard !report.danglingLinks.isEmpty else { return none("Every link resolves.") }
            let table = SortableTable(in: main, caption: "Dangling links and anchors",
                                      columns: ["Document", "Line", "Link text", "Destination", "Problem"])
            for link in report.danglingLinks {
                table.row { tr in
                    documentCell(link.place.path, in: tr)
                    placeCell(link.place, text: String(link.place.line), in: tr)
                    tr.cell(link.text)
                    tr.element("td").element("code", text: link.destination)
                    switch link.status {
                    case .danglingAnchor:
                        tr.cell("\(link.targetPath ?? "the target") has no anchor #\(link.targetAnchor ?? "")")
                    default:
                        tr.cell(BlockText.trimmed(link.destination).isEmpty ? "empty destination" : "no such document")
                    }
                }
            }
        }

        func conflicts() {
            section("conflicts", "Conflicts between documents", lead: "A component with different minimum versions, "
                + "or a port number given as TCP in one document and UDP in another, where two documents share no "
                + "value. A document that states several values agrees with each of them.")
            guard !report.conflicts.isEmpty else { return none("No two documents contradict each other.") }
            for conflict in report.conflicts {
                let table = SortableTable(in: main, caption: "\(conflict.subject) (\(conflict.kind.rawValue))",
                                          columns: ["Value", "Stated in", "Words", "Repeated"])
                for statement in conflict.statements {
                    table.row { tr in
                        tr.cell(statement.value, header: true)
                        placeCell(statement.place, in: tr)
                        tr.cell(statement.text)
                        tr.cell(statement.repeats > 0 ? counted(statement.repeats, "more time") : nil)
                    }
                }
            }
        }

        private func counted(_ count: Int, _ noun: String) -> String { QualityReport.counted(count, noun) }

        private func none(_ text: String) {
            main.element("p", ["class": "not-stated"], text: text)
        }

        private func documentCell(_ path: String, in tr: MarkupElement) {
            if model.catalog.outline(at: path) != nil {
                tr.linkCell(path, href: page.url(to: SitePaths.page(forDocument: path)), header: true)
            } else {
                tr.cell(path, header: true)
            }
        }

        private func placeCell(_ place: QualityReport.Place, text: String? = nil, in tr: MarkupElement) {
            placeLink(place, text: text ?? place.description, into: tr.element("td"))
        }

        /// A link to the section holding `place` on the rendered document;
        /// plain text for a file that has no page (one the build skipped).
        private func placeLink(_ place: QualityReport.Place, text: String, into parent: MarkupElement) {
            guard model.catalog.outline(at: place.path) != nil else { return parent.text(text) }
            let citation = FactCitation(documentPath: place.path, line: place.line, anchor: place.anchor ?? "")
            parent.element("a", ["href": page.url(to: SitePaths.page(forDocument: place.path),
                                                  fragment: model.catalog.citationFragment(citation))], text: text)
        }
    }
}

extension StaticSitePublisher {
    /// The quality report's page, relative to the output folder.
    public static let qualityPage = SitePaths.quality
}
