import Foundation

/// One thing the site has a page for: an installation method, a component,
/// the Collection object's permissions, TCP 445, the "Windows clients" subject.
struct SiteEntity: Hashable {
    var kind: SiteEntityKind
    /// Grouping key: the name lower-cased with white space folded.
    var key: String
    /// The name as first written in the knowledge base.
    var name: String
    var page: String
}

/// A link from a rendered table row, list item or paragraph to the page of a
/// fact it produced.
struct FactLink: Hashable {
    var kindLabel: String
    var name: String
    var page: String
    var fragment: String
}

/// The knowledge base arranged for rendering: entities with their pages, and
/// for every document line the facts it produced.
struct SiteModel {
    let snapshot: SiteFacts
    let catalog: DocumentCatalog
    let groups: FactGroups
    private(set) var entities: [SiteEntityKind: [SiteEntity]] = [:]
    private var entityByKey: [SiteEntityKind: [String: SiteEntity]] = [:]
    private(set) var factLinks: [String: [Int: [FactLink]]] = [:]
    /// Each installation method with its matcher, made once for every page that asks.
    private(set) var methodMatchers: [(entity: SiteEntity, matcher: MethodMatcher)] = []
    /// The keys of each port's source and destination, in the order of `snapshot.ports`:
    /// every site system role's page looks for itself among them.
    let portEndpointKeys: [(source: String?, destination: String?)]

    init(snapshot: SiteFacts, catalog: DocumentCatalog) {
        self.snapshot = snapshot
        self.catalog = catalog
        groups = FactGroups(snapshot)
        portEndpointKeys = snapshot.ports.map { ($0.source.map(Self.key), $0.destination.map(Self.key)) }
        collectEntities()
        collectFactLinks()
        methodMatchers = (entities[.installMethod] ?? []).map { ($0, MethodMatcher(methodName: $0.name)) }
    }

    /// The installation methods a heading or subject is about.
    func methods(about text: String) -> [SiteEntity] {
        guard let heading = MethodMatcher.Heading(text) else { return [] }
        return methodMatchers.filter { $0.matcher.matches(heading) }.map(\.entity)
    }

    static func key(_ name: String) -> String { name.collapsingWhitespace.lowercased() }

    static func portKey(_ fact: PortFact) -> String { key(fact.label) }

    func entity(_ kind: SiteEntityKind, named name: String) -> SiteEntity? {
        entityByKey[kind]?[Self.key(name)]
    }

    /// The entity page requirements with this subject live on: the method's
    /// page when the subject is an installation method.
    func home(ofRequirementSubject subject: String) -> SiteEntity? {
        entity(.installMethod, named: subject) ?? entity(.subject, named: subject)
    }

    func factLinks(in path: String, line: Int) -> [FactLink] {
        factLinks[path]?[line] ?? []
    }

    /// Anchor id of a fact on its entity page.
    static func factID(_ prefix: String, _ id: Int64) -> String { "\(prefix)-\(id)" }

    // MARK: - Building

    private mutating func collectEntities() {
        var names: [SiteEntityKind: [(key: String, name: String)]] = [:]
        func add(_ kind: SiteEntityKind, _ name: String, key: String? = nil) {
            names[kind, default: []].append((key ?? Self.key(name), name.collapsingWhitespace))
        }
        for fact in snapshot.installMethods { add(.installMethod, fact.name) }
        for fact in snapshot.components { add(.component, fact.name) }
        for fact in snapshot.siteSystemRoles { add(.siteSystemRole, fact.name) }
        for fact in snapshot.securityRoles { add(.securityRole, fact.name) }
        for fact in snapshot.permissions { add(.permissionObject, Self.objectName(fact.object)) }
        for fact in snapshot.ports { add(.port, fact.label, key: Self.portKey(fact)) }
        let methodKeys = Set(snapshot.installMethods.map { Self.key($0.name) })
        for fact in snapshot.requirements where !methodKeys.contains(Self.key(fact.subject)) {
            add(.subject, fact.subject)
        }
        for kind in SiteEntityKind.allCases {
            var firstName: [String: String] = [:]
            for (key, name) in names[kind] ?? [] where firstName[key] == nil && !key.isEmpty { firstName[key] = name }
            var usedSlugs: Set<String> = []
            var list: [SiteEntity] = []
            for key in firstName.keys.sorted() {
                let base = SitePaths.slug(firstName[key]!)
                var slug = base
                var counter = 2
                while !usedSlugs.insert(slug).inserted {
                    slug = "\(base)-\(counter)"
                    counter += 1
                }
                list.append(SiteEntity(kind: kind, key: key, name: firstName[key]!, page: kind.folder + "/" + slug + ".html"))
            }
            list.sort { ($0.name.lowercased(), $0.key) < ($1.name.lowercased(), $1.key) }
            entities[kind] = list
            entityByKey[kind] = Dictionary(uniqueKeysWithValues: list.map { ($0.key, $0) })
        }
    }

    static func objectName(_ object: String?) -> String {
        let name = object?.collapsingWhitespace ?? ""
        return name.isEmpty ? "No object named" : name
    }

    private mutating func collectFactLinks() {
        var links: [String: [Int: [FactLink]]] = [:]
        func add(_ kind: SiteEntityKind, _ name: String, _ label: String, _ fragment: String, _ citation: FactCitation) {
            guard let entity = entity(kind, named: name) else { return }
            let link = FactLink(kindLabel: label, name: entity.name, page: entity.page, fragment: fragment)
            links[citation.documentPath, default: [:]][citation.line, default: []].append(link)
        }
        for f in snapshot.installMethods { add(.installMethod, f.name, "Installation method", Self.factID("method", f.id), f.citation) }
        for f in snapshot.components { add(.component, f.name, "Component", Self.factID("component", f.id), f.citation) }
        for f in snapshot.siteSystemRoles { add(.siteSystemRole, f.name, "Site system role", Self.factID("role", f.id), f.citation) }
        for f in snapshot.securityRoles { add(.securityRole, f.name, "Security role", Self.factID("security-role", f.id), f.citation) }
        for f in snapshot.permissions {
            add(.permissionObject, Self.objectName(f.object), "Permission", Self.factID("permission", f.id), f.citation)
        }
        for f in snapshot.ports { add(.port, f.label, "Port", Self.factID("port", f.id), f.citation) }
        for f in snapshot.requirements {
            let kind: SiteEntityKind = entity(.installMethod, named: f.subject) != nil ? .installMethod : .subject
            add(kind, f.subject, "Requirement", Self.factID("requirement", f.id), f.citation)
        }
        factLinks = links
    }
}
