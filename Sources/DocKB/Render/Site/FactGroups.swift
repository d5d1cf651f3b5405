/// The typed facts grouped by the entity they belong to, built once so that
/// each entity page reads its facts directly instead of scanning every fact
/// (the corpus has thousands of requirements and hundreds of entities).
/// Within a group, facts keep the knowledge base's order.
struct FactGroups {
    var components: [String: [ComponentFact]] = [:]
    var siteSystemRoles: [String: [SiteSystemRoleFact]] = [:]
    var securityRoles: [String: [SecurityRoleFact]] = [:]
    var permissionsByObject: [String: [PermissionFact]] = [:]
    var permissionsByRole: [String: [PermissionFact]] = [:]
    var permissionsBySubject: [String: [PermissionFact]] = [:]
    var ports: [String: [PortFact]] = [:]
    var requirementsBySubject: [String: [RequirementFact]] = [:]
    /// Distinct aliases of each name (any entity kind), in first-seen order.
    var aliases: [String: [String]] = [:]
    /// Requirements by what they mention: `kind` + NUL + entity key.
    private var requirementsByMention: [String: [RequirementFact]] = [:]

    init(_ kb: SiteFacts) {
        for f in kb.components { components[SiteModel.key(f.name), default: []].append(f) }
        for f in kb.siteSystemRoles { siteSystemRoles[SiteModel.key(f.name), default: []].append(f) }
        for f in kb.securityRoles { securityRoles[SiteModel.key(f.name), default: []].append(f) }
        for f in kb.permissions {
            permissionsByObject[SiteModel.key(SiteModel.objectName(f.object)), default: []].append(f)
            if let role = f.securityRole { permissionsByRole[SiteModel.key(role), default: []].append(f) }
            if let subject = f.subject { permissionsBySubject[SiteModel.key(subject), default: []].append(f) }
        }
        for f in kb.ports { ports[SiteModel.portKey(f), default: []].append(f) }
        collectAliases(kb)
        for f in kb.requirements {
            requirementsBySubject[SiteModel.key(f.subject), default: []].append(f)
            var seen: Set<String> = []
            for mention in f.mentions {
                let key = mention.kind + "\u{0}" + SiteModel.key(mention.name)
                if seen.insert(key).inserted { requirementsByMention[key, default: []].append(f) }
            }
        }
    }

    private mutating func collectAliases(_ kb: SiteFacts) {
        var seen: Set<String> = []
        for alias in kb.aliases {
            let key = SiteModel.key(alias.name)
            let aliasKey = SiteModel.key(alias.alias)
            guard aliasKey != key, seen.insert(key + "\u{0}" + aliasKey).inserted else { continue }
            aliases[key, default: []].append(alias.alias)
        }
    }

    func requirements(mentioning kind: String, key: String) -> [RequirementFact] {
        requirementsByMention[kind + "\u{0}" + key] ?? []
    }
}
