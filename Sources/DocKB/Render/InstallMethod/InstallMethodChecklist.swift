import Foundation

/// Everything an administrator must have in place to install the client by
/// one method, gathered from the knowledge base by structure:
/// - the method's own requirements (subject = the method);
/// - the general prerequisites: what the section enclosing the methods says
///   outside any method's own section (components, roles, other rules);
/// - ports whose subject or section names the method (or "all installation methods"),
///   and what sections about the method in firewall and ports articles say;
/// - permissions and security roles stated for the method or inside its section.
struct InstallMethodChecklist {
    let entity: SiteEntity
    let methods: [InstallMethodFact]
    var ownRequirements: [RequirementFact] = []
    var general = GeneralPrerequisites()
    var rolesNamed: [String] = []
    var ports: [PortFact] = []
    var relatedRequirements: [RequirementFact] = []
    var related: RelatedSections
    var permissions: [PermissionFact] = []
    var securityRoles: [SecurityRoleFact] = []
    /// Security roles named for this method, each with the fact that names it.
    var securityRoleNames: [(name: String, citation: FactCitation)] = []

    struct GeneralPrerequisites {
        /// Subjects the general requirements are stated for ("Windows clients").
        var subjects: [String] = []
        var components: [ComponentFact] = []
        var roles: [SiteSystemRoleFact] = []
        var requirements: [RequirementFact] = []

        var isEmpty: Bool { components.isEmpty && roles.isEmpty && requirements.isEmpty }

        /// The subject most of the general requirements are stated for.
        var mainSubject: String? {
            var counts: [String: Int] = [:]
            for r in requirements { counts[r.subject, default: 0] += 1 }
            for r in roles { if let s = r.subject { counts[s, default: 0] += 1 } }
            return subjects.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }
        }
    }

    /// `headings` are the facts' subjects and section headings prepared once
    /// for every method (see `MethodHeadings`).
    init(entity: SiteEntity, model: SiteModel, headings: MethodHeadings) {
        self.entity = entity
        related = RelatedSections()
        let kb = model.snapshot
        methods = kb.installMethods.filter { SiteModel.key($0.name) == entity.key }
        let matcher = MethodMatcher(methodName: entity.name)
        let regions = MethodRegions(methods: methods, allMethods: kb.installMethods, catalog: model.catalog)

        ownRequirements = model.groups.requirementsBySubject[entity.key] ?? []
        general = Self.generalPrerequisites(regions: regions, kb: kb)
        var roleNames: [String] = []
        for requirement in ownRequirements {
            for mention in requirement.mentions where mention.kind == "site_system_role" {
                if !roleNames.contains(where: { SiteModel.key($0) == SiteModel.key(mention.name) }) {
                    roleNames.append(mention.name)
                }
            }
        }
        rolesNamed = roleNames

        ports = kb.ports.selecting { index, _ in
            let heading = headings.ports[index]
            return [heading.subject, heading.section].contains { $0.map(matcher.matches) ?? false }
        }
        let ownIDs = Set(ownRequirements.map(\.id))
        relatedRequirements = kb.requirements.selecting { index, requirement in
            guard let section = headings.requirementSections[index], matcher.matches(section) else { return false }
            return !ownIDs.contains(requirement.id) && !regions.containsOwn(requirement.citation)
        }
        let factLines = Set((relatedRequirements.map(\.citation) + ports.map(\.citation)).map { "\($0.documentPath):\($0.line)" })
        related = RelatedSections(matcher: matcher, regions: regions, catalog: model.catalog, skipLines: factLines)
        permissions = kb.permissions.selecting {
            SiteModel.key($0.subject ?? "") == entity.key || regions.containsOwn($0.citation)
        }
        securityRoles = kb.securityRoles.selecting { regions.containsOwn($0.citation) }
        var named = securityRoles.map { (name: $0.name, citation: $0.citation) }
        let mentioned = permissions.compactMap { p in p.securityRole.map { (name: $0, citation: p.citation) } }
            + ownRequirements.flatMap { r in
                r.mentions.filter { $0.kind == "security_role" }.map { (name: $0.name, citation: r.citation) }
            }
        for mention in mentioned where !named.contains(where: { SiteModel.key($0.name) == SiteModel.key(mention.name) }) {
            named.append(mention)
        }
        securityRoleNames = named
    }

    private static func generalPrerequisites(regions: MethodRegions, kb: SiteFacts) -> GeneralPrerequisites {
        var general = GeneralPrerequisites()
        general.components = kb.components.selecting { regions.containsGeneral($0.citation) }
        general.roles = kb.siteSystemRoles.selecting { regions.containsGeneral($0.citation) }
        // Components and roles also produce a requirement row each; show them once, in their tables.
        let shown = Set((general.components.map(\.citation) + general.roles.map(\.citation)).map { "\($0.documentPath):\($0.line)" })
        let methodKeys = Set(kb.installMethods.map { SiteModel.key($0.name) })
        let requirements = kb.requirements.selecting {
            regions.containsGeneral($0.citation) && !methodKeys.contains(SiteModel.key($0.subject))
        }
        var subjects: [String] = []
        for index in requirements.indices where !subjects.contains(requirements[index].subject) {
            subjects.append(requirements[index].subject)
        }
        general.subjects = subjects
        general.requirements = requirements.selecting { !shown.contains("\($0.citation.documentPath):\($0.citation.line)") }
        return general
    }

    var factCount: Int {
        ownRequirements.count + general.components.count + general.roles.count + general.requirements.count
            + ports.count + relatedRequirements.count + permissions.count + securityRoles.count
    }
}

/// Where a method's own section and the general prerequisites around it lie.
struct MethodRegions {
    /// Line ranges of this method's own sections, by document.
    private var own: [String: [ClosedRange<Int>]] = [:]
    /// Line ranges of every method's section, by document.
    private var anyMethod: [String: [ClosedRange<Int>]] = [:]
    /// The section enclosing this method's section (its top-level section
    /// below the title), by document.
    private var enclosing: [String: [ClosedRange<Int>]] = [:]

    init(methods: [InstallMethodFact], allMethods: [InstallMethodFact], catalog: DocumentCatalog) {
        func section(_ fact: InstallMethodFact) -> Section? {
            catalog.section(anchor: fact.citation.anchor, in: fact.citation.documentPath)
                ?? catalog.section(containing: fact.citation.line, in: fact.citation.documentPath)
        }
        for fact in allMethods {
            guard let section = section(fact) else { continue }
            anyMethod[fact.citation.documentPath, default: []].append(catalog.lineRange(of: section, in: fact.citation.documentPath))
        }
        for fact in methods {
            let path = fact.citation.documentPath
            guard let section = section(fact), let document = catalog.outline(at: path) else { continue }
            own[path, default: []].append(catalog.lineRange(of: section, in: path))
            let ancestry = document.ancestry(of: section).dropLast()
            if let top = ancestry.first(where: { $0.level > 1 }) ?? ancestry.first {
                enclosing[path, default: []].append(catalog.lineRange(of: top, in: path))
            }
        }
    }

    func containsOwn(_ citation: FactCitation) -> Bool {
        own[citation.documentPath]?.contains { $0.contains(citation.line) } ?? false
    }

    /// Inside the enclosing section but outside every method's own section.
    func containsGeneral(_ citation: FactCitation) -> Bool {
        guard enclosing[citation.documentPath]?.contains(where: { $0.contains(citation.line) }) ?? false else { return false }
        return !(anyMethod[citation.documentPath]?.contains { $0.contains(citation.line) } ?? false)
    }
}

/// Decides whether a heading or subject ("Ports that are used with client push
/// installation") is about a method, by its content words.
struct MethodMatcher {
    let tokens: Set<String>

    static let ignored: Set<String> = [
        "installation", "installations", "install", "installing", "based", "client", "clients", "the", "a", "an",
        "by", "using", "use", "used", "with", "for", "of", "and", "or", "to", "that", "are", "is", "only", "method",
        "methods", "computer", "computers",
    ]

    init(methodName: String) {
        tokens = Set(Self.words(methodName)).subtracting(Self.ignored)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    func matches(_ text: String) -> Bool {
        guard let heading = Heading(text) else { return false }
        return matches(heading)
    }

    func matches(_ heading: Heading) -> Bool {
        if heading.namesAllMethods { return true }
        return !tokens.isEmpty && tokens.isSubset(of: heading.words)
    }

    /// A heading prepared once for every method's matcher; nil when it names
    /// neither installing nor upgrading, so no method can match it. The test
    /// runs on every section of the set: it searches bytes, not Foundation.
    struct Heading {
        let words: Set<String>
        /// "... all installation methods": about every method at once.
        let namesAllMethods: Bool

        init?(_ text: String) {
            guard Text.contains(text, ignoringCase: "install") || Text.contains(text, ignoringCase: "upgrade") else {
                return nil
            }
            words = Set(MethodMatcher.words(text))
            namesAllMethods = words.contains("all") && Text.contains(text, ignoringCase: "installation method")
        }
    }
}

/// The subjects and section headings of the ports and requirements, as
/// `MethodMatcher.Heading`s in the order of `SiteFacts`: every method's
/// checklist matches the same ones, so they are looked up and split into
/// words once, not once per method.
struct MethodHeadings {
    var ports: [(subject: MethodMatcher.Heading?, section: MethodMatcher.Heading?)] = []
    var requirementSections: [MethodMatcher.Heading?] = []

    init(model: SiteModel) {
        var cache: [String: MethodMatcher.Heading?] = [:]
        func heading(_ text: String?) -> MethodMatcher.Heading? {
            guard let text else { return nil }
            if let known = cache[text] { return known }
            let made = MethodMatcher.Heading(text)
            cache[text] = made
            return made
        }
        func sectionHeading(_ citation: FactCitation) -> String? {
            model.catalog.section(anchor: citation.anchor, in: citation.documentPath)?.heading
                ?? model.catalog.section(containing: citation.line, in: citation.documentPath)?.heading
        }
        ports = model.snapshot.ports.map { (heading($0.subject), heading(sectionHeading($0.citation))) }
        requirementSections = model.snapshot.requirements.map { heading(sectionHeading($0.citation)) }
    }
}
