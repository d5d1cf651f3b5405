/// What each section of a document is about, from the heading tree:
/// - an installation method: a heading under one that names installation methods;
/// - a subject: "Prerequisites for X" / "Requirements for X" → X, inherited downwards;
/// - whether its content states prerequisites (its heading or an ancestor's
///   speaks of prerequisites, requirements or dependencies);
/// - what its ports are for ("Ports that are used with X" → X, else the heading).
struct SectionSubject: Equatable {
    var subject: String
    var installMethod: InstallMethod?
    var statesRequirements: Bool
    var portSubject: String
    /// Section headings from the document title down, for classification context.
    var headings: [String]
    var anchor: String
    var heading: String
}

enum SectionSubjects {
    /// `roleName`: the site system role a heading names, if it names one
    /// (see `ExtractionRun.headingRole`).
    static func analyze(_ document: Document, conditions: ConditionParser,
                        roleName: (String) -> String? = { _ in nil }) -> [SectionSubject] {
        var result: [SectionSubject] = []
        // Read only when a section needs them: most documents state no requirements.
        var rowNamesRead: [String]?
        func rowNames() -> [String] {
            if let rowNamesRead { return rowNamesRead }
            let names = tableRowNames(document)
            rowNamesRead = names
            return names
        }
        let rootSubject = subjectPhrase(document.title) ?? document.title
        for section in document.sections {
            let parent = section.parent.map { result[$0] }
            let heading = section.heading
            var subject = parent?.subject ?? rootSubject
            var method: InstallMethod?
            if let parentHeading = parent?.heading, methodsHeading.matches(parentHeading), !methodsHeading.matches(heading),
               methodName.matches(heading) {
                method = installMethod(heading: heading, line: section.line, document: document,
                                       anchor: section.anchor, conditions: conditions)
                subject = method?.name ?? heading
            } else if let phrase = subjectPhrase(heading) {
                subject = phrase
            } else if let parentHeading = parent?.heading, namesParent(heading, parentHeading) {
                // "## Windows Deployment Services" › "### WDS requirements".
                subject = Text.trimmingPeriod(parentHeading)
            }
            let states = method != nil || (parent?.statesRequirements ?? false) || requirementHeading.matches(heading)
                || (section.level == 1 && requirementHeading.matches(document.title))
            // A section that elaborates one row of a table above ("Additional
            // details about X", or a heading naming X) states rules about X,
            // not about the whole platform the table is for.
            if states, !requirementHeading.matches(heading), method == nil,
               case let lowered = heading.lowercased(), let row = rowNames().first(where: { lowered.contains($0.lowercased()) }) {
                subject = row
            } else if states, method == nil, !requirementHeading.matches(heading), let role = roleName(heading) {
                // "## Management point" in a prerequisites article, with its
                // lists under "### IIS configuration": the role's own rules.
                subject = role
            }
            var portSubject = heading
            if let m = portsUsedWith.firstMatch(in: heading) {
                portSubject = Text.trimmingPeriod(m[0])
            } else if genericPortHeading.matches(heading) {
                portSubject = parent.map { $0.installMethod == nil && $0.portSubject != $0.heading ? $0.portSubject : $0.subject } ?? subject
            }
            result.append(SectionSubject(
                subject: subject, installMethod: method, statesRequirements: states, portSubject: portSubject,
                headings: (parent?.headings ?? []) + [heading], anchor: section.anchor, heading: heading))
        }
        return result
    }

    /// An installation method named by a heading or a list item's lead text.
    static func installMethod(heading: String, line: Int, document: Document, anchor: String,
                              conditions: ConditionParser) -> InstallMethod {
        var name = heading
        if let m = qualifier.firstMatch(in: heading) { name = m[0].trimmingCharacters(in: .whitespaces) }
        return InstallMethod(name: Text.trimmingPeriod(name), heading: heading,
                             condition: qualifierCondition(heading, conditions: conditions)?.condition,
                             source: FactSource(path: document.path, line: line, anchor: anchor, section: heading))
    }

    /// The condition a heading's trailing qualifier states ("(for upgrades only)"), with its variables.
    static func qualifierCondition(_ heading: String, conditions: ConditionParser) -> ConditionParser.Result? {
        guard let m = qualifier.firstMatch(in: heading) else { return nil }
        return conditions.parse("(" + m[1] + ")")
    }

    /// The names in the first column of the document's tables, longest first,
    /// so a heading is matched to the most specific one.
    static func tableRowNames(_ document: Document) -> [String] {
        var names = Set<String>()
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .table(let t):
                    for row in t.rows {
                        guard let first = row.cells.first else { continue }
                        let name = ComponentNameParser.parse(first).name
                        if name.count >= 4 && name.split(separator: " ").count <= 8 { names.insert(name) }
                    }
                case .list(let l): for item in l.items { collect(item.blocks) }
                case .alert(let a): collect(a.blocks)
                case .quote(let b): collect(b)
                default: break
                }
            }
        }
        collect(document.blocks)
        return names.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// "WDS requirements" under "Windows Deployment Services": a heading
    /// that states the requirements of its parent, by the parent's name or
    /// initials. ("Firewall requirements" under "Prerequisites for phones"
    /// names a kind of requirement, not the parent.)
    static func namesParent(_ heading: String, _ parentHeading: String) -> Bool {
        guard let m = ownRequirementsHeading.firstMatch(in: heading) else { return false }
        let named = m[0].collapsingWhitespace
        let parent = Text.trimmingPeriod(parentHeading.collapsingWhitespace)
        if named.caseInsensitiveCompare(parent) == .orderedSame { return true }
        let initials = String(parent.split(separator: " ").compactMap { word in word.first?.isUppercase == true ? word.first : nil })
        return initials.count >= 2 && named == initials
    }

    /// "Prerequisites for Windows clients" → "Windows clients".
    static func subjectPhrase(_ heading: String) -> String? {
        guard let m = subjectHeading.firstMatch(in: heading) else { return nil }
        var phrase = m[0]
        if let r = phrase.range(of: " in Configuration Manager", options: [.caseInsensitive, .backwards]) {
            phrase = String(phrase[..<r.lowerBound])
        }
        return Text.trimmingPeriod(phrase)
    }

    static let methodsHeading = Pattern(#"\b(?:installation|deployment|upgrade) methods?\b|\bmethods? (?:of|for) (?:client )?install"#,
                                        requiring: [["method"]])
    /// A method's own heading says what it installs or upgrades by.
    static let methodName = Pattern(#"\b(?:install\w*|upgrades?|deploy\w*|enrol\w*)\b"#,
                                    requiring: [["install", "upgrade", "deploy", "enrol"]])
    private static let qualifier = Pattern(#"^(.+?)\s*\(([^()]+)\)\s*$"#, requiring: [["("], [")"]])
    private static let subjectHeading = Pattern(#"^(?:prerequisites|requirements|dependencies) (?:for|of) (.+)$"#,
                                                 requiring: [["prerequisites", "requirements", "dependencies"], ["for ", "of "]])
    private static let ownRequirementsHeading = Pattern(#"^(.+?) (?:prerequisites|requirements|dependencies)$"#,
                                                        requiring: [["prerequisites", "requirements", "dependencies"]])
    static let requirementHeading = Pattern(
        #"\b(?:prerequisites?|requirements?|dependenc(?:y|ies)|required|before you (?:begin|start))\b"#,
        requiring: [["prerequisite", "requirement", "dependenc", "required", "before you "]])
    private static let portsUsedWith = Pattern(#"\bports? (?:that are |)used (?:with|for|by|during|in) (.+)$"#,
                                                requiring: [["port"], ["used "]])
    private static let genericPortHeading = Pattern(#"\b(?:firewall|ports?)\b"#, requiring: [["firewall", "port"]])
}

import Foundation
