import GRDB
import Foundation

/// Questions about one named thing: its version, whether it is required, what
/// it is or is for, what may restart, and listings of a whole table.
extension AnswerEngine {
    func versionAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        guard let match = parsed.subject(preferring: [.component, .term, .siteSystemRole, .installMethod, .subject]) else { return }
        if match.entity.kind == .subject || match.entity.kind == .installMethod { return releasesOfRules(of: match, parsed, &b) }
        guard match.entity.kind == .component || match.entity.kind == .term else { return }
        let rows = rowsForNamedPlatform(components(named: match.entity.name), parsed, excluding: match)
        b.answer.subject = match.entity.description
        b.answer.heading = "Version of \(match.entity.name)"
        if rows.isEmpty { statedVersions(of: match, &b) }
        // Rows from tables for different platforms say which table they are from.
        let tablesDiffer = Set(rows.map(\.category)).count > 1
        for c in rows {
            var text: String
            if let v = c.minVersion {
                text = "\(c.name): minimum version \(v)" + (c.file.map { " (\($0))" } ?? "")
            } else {
                let gates = sentences(of: c.description).filter { Words.tokens($0).contains { $0.stem == "version" } }
                // Say so when the row gives no version at all, rather than leave
                // a description under "Minimum version" to read as an answer.
                text = "\(c.name): " + (gates.isEmpty ? "no minimum version is stated. " + leadingSentences(c.description, 1)
                                                       : gates.joined(separator: " "))
            }
            if tablesDiffer, let table = c.category { text += " (\(table))" }
            b.add(group: "Minimum version", kind: "component", text: text, cite: c.cite,
                  route: route(match, "component row"), rule: ruleName("components", c.id, c.name))
        }
    }

    /// "Which Windows 10 version must a client run for enhanced HTTP ...?":
    /// the named subject's rules that give a release, those holding most of
    /// the question's other words first.
    private func releasesOfRules(of match: EntityMatch, _ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let asked = Set(parsed.stems(excluding: match))
        let giving = knowledgeBase.requirements.filter {
            sameSubject($0.subject, match.entity.name) && Self.givesAReleaseBeyond(parsed, $0.text)
        }
        // The most of the other words first; among equals, in the documents' order.
        let ranked = giving.enumerated().map { (rule: $0.element, held: asked.intersection(stems($0.element.text)).count, order: $0.offset) }
            .filter { $0.held > 0 }
            .sorted { ($0.held, -$0.order) > ($1.held, -$1.order) }
            .map(\.rule)
        guard !ranked.isEmpty else { return }
        b.answer.subject = match.entity.description
        b.answer.heading = "Releases named by the rules for \(match.entity.name)"
        for r in ranked.prefix(5) {
            b.add(group: "Rules giving a release", kind: "requirement", text: r.text, condition: r.condition,
                  conditionText: r.conditionText, cite: r.cite, route: route(match, "own requirement giving a release"),
                  rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
        }
    }

    /// The same component in tables for different platforms ("Red Hat ...
    /// release 6", "... release 7"): the rows whose table the question's
    /// other words name best, when some name more of them than others.
    func rowsForNamedPlatform(_ rows: [ComponentRow], _ parsed: ParsedQuestion, excluding match: EntityMatch) -> [ComponentRow] {
        guard Set(rows.map(\.category)).count > 1 else { return rows }
        let asked = Set(parsed.stems(excluding: match))
        let held = rows.map { asked.intersection(stems($0.category)).count }
        guard let most = held.max(), most > 0, held.contains(where: { $0 < most }) else { return rows }
        return zip(rows, held).filter { $0.1 == most }.map(\.0)
    }

    /// A name with no component row may still have versions in requirement
    /// lines ("WSUS 10.0.14393 (role in Windows Server 2016)"): the lines that
    /// name it, by its name or an abbreviation of it, next to a release number.
    func statedVersions(of match: EntityMatch, _ b: inout AnswerBuilder) {
        let name = match.entity.name
        let short = Set(knowledgeBase.aliases.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            .map { Words.stem($0.alias.lowercased()) })
        let nameStems = stems(name)
        for r in knowledgeBase.requirements {
            // The row's stems are cached; only a row that names the subject is tokenized for its numbers.
            let words = stems(r.text)
            guard words.contains(where: short.contains) || containsPhrase(words, nameStems),
                  Words.tokens(r.text).contains(where: { QuestionParser.isDottedVersion($0.word) }) else { continue }
            b.add(group: "Versions the documents give", kind: "requirement", text: r.text, condition: r.condition,
                  conditionText: r.conditionText, cite: r.cite, route: route(match, "requirement naming a release of"),
                  rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
        }
    }

    func isRequiredAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        guard let target = parsed.subject(preferring: [.siteSystemRole, .component, .securityRole, .permission, .term]) else {
            if !parsed.askedVariables.isEmpty { dependentsAnswer(parsed.askedVariables, &b) }
            return
        }
        let scope = parsed.matches.first {
            ($0.entity.kind == .installMethod || $0.entity.kind == .subject) && $0.positions.isDisjoint(with: target.positions)
        }
        if target.entity.kind == .installMethod || target.entity.kind == .subject {
            requirementsAnswer(parsed, &b)
            return
        }
        b.answer.subject = target.entity.description
        b.answer.heading = "Is \(target.entity.name) required?"
        let kb = knowledgeBase
        for r in kb.siteRoles where r.name.caseInsensitiveCompare(target.entity.name) == .orderedSame {
            if let scope, r.subject != nil, !sameSubject(r.subject, scope.entity.name), scope.entity.kind == .subject { continue }
            let necessity = r.necessity ?? "necessity not stated"
            let forWhom = r.subject.map { " for \($0)" } ?? ""
            b.add(group: "Necessity", kind: "site_system_role",
                  text: "\(r.name): \(necessity)\(forWhom). \(sentencesLeadingWithVerdict(r.description, necessity: r.necessity, count: 2))",
                  cite: r.cite, route: route(target, "necessity stated in the site system role row"),
                  rule: ruleName("site_system_roles", r.id, r.name))
        }
        for c in components(named: target.entity.name) {
            b.add(group: "Necessity", kind: "component", text: componentText(c, sentences: 2), cite: c.cite,
                  route: route(target, "listed as a client dependency"), rule: ruleName("components", c.id, c.name))
        }
        if let scope, let method = method(named: scope.entity.name) {
            let nameStems = stems(target.entity.name)
            let omittedBefore = b.answer.omitted.count
            var kept = 0
            for r in kb.requirements where sameSubject(r.subject, method.name) && containsPhrase(stems(r.text), nameStems) {
                let added = b.add(group: "For \(method.name)", kind: "requirement", text: r.text, condition: r.condition,
                                  conditionText: r.conditionText, cite: r.cite, route: route(scope, "requirement of"),
                                  rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
                if added { kept += 1 }
            }
            // "Does manual installation need a distribution point if I use /source?": the method's
            // only rules naming it are conditioned away by what the question states. That is the verdict.
            if kept == 0, b.answer.omitted.count > omittedBefore {
                b.answer.heading = "Is \(target.entity.name) required for \(method.name)? Not under what the question states"
                b.answer.notes.append("the rules of \(method.name) that name \(target.entity.name) do not apply: see “Left out”")
            }
        }
        if !b.answer.found { mentionsOf(target.entity.name, target, &b) }
    }

    /// "Do I need to extend the AD schema?": a condition is not a
    /// requirement of its own; the answer is what changes with it. Every rule
    /// whose condition names one of `variables`, by its subject, evaluated
    /// against what else the question states (the asked variables stay unset).
    func dependentsAnswer(_ variables: [String], _ b: inout AnswerBuilder) {
        let names = Set(variables)
        let phrase = variables.map { phrases[$0] ?? $0 }.joined(separator: " or ")
        b.answer.heading = "What depends on whether \(phrase)"
        func dependsOn(_ condition: Condition?) -> Bool { condition.map { !names.isDisjoint(with: $0.variables) } ?? false }
        let route = "its condition names \(variables.joined(separator: ", ")), which the question asks about"
        let kb = knowledgeBase
        // One subject's rules together, subjects in the order they first come.
        let rules = kb.requirements.filter { dependsOn($0.condition) }
        let bySubject = Dictionary(grouping: rules, by: \.subject)
        var seen = Set<String>()
        for subject in rules.map(\.subject) where seen.insert(subject).inserted {
            for r in bySubject[subject]! {
                b.add(group: "For \(r.subject)", kind: "requirement", text: r.text, condition: r.condition,
                      conditionText: r.conditionText, cite: r.cite, route: route,
                      rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
            }
        }
        for m in kb.methods where dependsOn(m.condition) {
            b.add(group: "Installation methods", kind: "install_method", text: m.name, condition: m.condition,
                  conditionText: m.conditionText, cite: m.cite, route: route, rule: ruleName("install_methods", m.id, m.name))
        }
        for p in kb.ports where dependsOn(p.condition) {
            b.add(group: "Ports", kind: "port", text: "\(p.label): \(p.purpose)", condition: p.condition,
                  conditionText: p.conditionText, cite: p.cite, route: route, rule: ruleName("ports", p.id, p.label))
        }
    }

    func descriptionAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        // "The difference between X and Y": both described, one after the other.
        if let (first, second) = comparedPair(parsed) {
            describe(first, parsed, &b)
            describe(second, parsed, &b)
            b.answer.subject = nil
            b.answer.heading = "\(first.entity.name) and \(second.entity.name)"
            return
        }
        guard let match = parsed.subject(preferring: [.component, .siteSystemRole, .securityRole, .installMethod,
                                                      .permission, .portUse, .subject, .term]) else { return }
        b.answer.subject = match.entity.description
        b.answer.heading = (parsed.intent == .purpose ? "What \(match.entity.name) is for" : "About \(match.entity.name)")
        describe(match, parsed, &b)
    }

    /// Two things of one kind a question compares ("difference between X
    /// and Y", "X versus Y"): the best two matches of a kind, named by
    /// different words of the question.
    func comparedPair(_ parsed: ParsedQuestion) -> (EntityMatch, EntityMatch)? {
        guard parsed.tokens.contains(where: { ["between", "versus", "vs", "compared", "compare"].contains($0.word) }),
              let first = parsed.matches.first,
              let second = parsed.matches.dropFirst().first(where: {
                  $0.entity.kind == first.entity.kind && $0.entity.name.caseInsensitiveCompare(first.entity.name) != .orderedSame
                      && !$0.positions.isSubset(of: first.positions)
              }) else { return nil }
        return first.positions.min()! <= second.positions.min()! ? (first, second) : (second, first)
    }

    /// Adds what the documents say `match` is: its rows' descriptions, a
    /// method's requirements, a subject's rules.
    private func describe(_ match: EntityMatch, _ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let kb = knowledgeBase
        let name = match.entity.name
        switch match.entity.kind {
        case .component:
            for c in components(named: name) {
                b.add(group: "Component", kind: "component", text: componentText(c, sentences: 20), cite: c.cite,
                      route: route(match, "description"), rule: ruleName("components", c.id, c.name))
            }
        case .siteSystemRole:
            for r in kb.siteRoles where r.name.caseInsensitiveCompare(name) == .orderedSame {
                b.add(group: "Site system role", kind: "site_system_role", text: roleText(r, sentences: 20), cite: r.cite,
                      route: route(match, "description"), rule: ruleName("site_system_roles", r.id, r.name))
            }
        case .securityRole:
            for r in kb.securityRoles where r.name.caseInsensitiveCompare(name) == .orderedSame {
                b.add(group: "Security role", kind: "security_role", text: "\(r.name): \(r.description)", cite: r.cite,
                      route: route(match, "description"), rule: ruleName("security_roles", r.id, r.name))
            }
        case .permission:
            for p in kb.permissions where p.permission.caseInsensitiveCompare(name) == .orderedSame {
                b.add(group: "Permission", kind: "permission", text: permissionText(p), cite: p.cite,
                      route: route(match, "purpose"), rule: ruleName("permissions", p.id, p.label))
            }
        case .installMethod:
            for method in methods(like: name) { methodRequirements(method, match, &b) }
        case .subject, .portUse:
            definitionLead(parsed, &b)
            subjectRequirements(name, match, &b)
        case .term:
            definitionLead(parsed, &b)
        }
    }

    func restartAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        b.answer.heading = "What may need a restart"
        let restarting = knowledgeBase.components.filter(\.mayRestart)
        for c in restarting {
            let restart = sentences(of: c.description).filter(mentionsRestart)
            let text = c.label + ": " + (restart.isEmpty ? leadingSentences(c.description, 1) : restart.joined(separator: " "))
            b.add(group: "Components that may need a restart", kind: "component", text: text, cite: c.cite,
                  route: "component whose description says installing it may need a restart",
                  rule: ruleName("components", c.id, c.name))
        }
        // Rules stated about those components that speak of restarts (when and why), and the
        // items of a list whose lead-in does ("The following common scenarios require client
        // computers to restart:"), though the items themselves do not say "restart".
        let about = knowledgeBase.requirements.filter { r in restarting.contains { sameSubject($0.name, r.subject) } }
        var introduced = Set<String>()
        for section in Set(about.filter { mentionsRestart($0.text) }.map { SectionKey(documentID: $0.cite.documentID, anchor: $0.cite.anchor) }) {
            introduced.formUnion(itemsIntroducedByARestartLeadIn(section))
        }
        for r in about where mentionsRestart(r.text) || introduced.contains(r.text) {
            b.add(group: "When \(r.subject) needs a restart", kind: "requirement", text: r.text, condition: r.condition,
                  conditionText: r.conditionText, cite: r.cite,
                  route: mentionsRestart(r.text) ? "rule about a component that may need a restart"
                      : "item of a list whose lead-in says when a component needs a restart",
                  rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
        }
    }

    private struct SectionKey: Hashable {
        var documentID: Int64
        var anchor: String
    }

    /// The list items of the section that follow a line speaking of restarts and ending in a colon.
    private func itemsIntroducedByARestartLeadIn(_ section: SectionKey) -> Set<String> {
        let found = try? knowledgeBase.store.read { db -> (Int64, String)? in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, body FROM sections WHERE document_id = ? AND anchor = ?",
                                             arguments: [section.documentID, section.anchor]) else { return nil }
            return (row["id"], row["body"])
        }
        guard let (id, body) = found ?? nil else { return [] }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let items = listItemLines(ofSection: id)
        var result = Set<String>()
        for (index, line) in lines.enumerated() where line.hasSuffix(":") && mentionsRestart(line) {
            result.formUnion(lines.dropFirst(index + 1).prefix { $0.isEmpty || items.holds($0) }.filter(items.leads.contains))
        }
        return result
    }

    private func mentionsRestart(_ text: String) -> Bool {
        stems(text).contains { $0 == "restart" || $0 == "reboot" }
    }

    func listAnswer(_ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        guard let kind = parsed.listKind else { return }
        listAnswer(kind: kind, parsed, &b)
    }

    /// The kind of thing a question asks for when it names nothing else:
    /// "which ports are there?", "what permissions exist?", "which
    /// components?". Such a question has no subject to narrow the table, so
    /// it is read as "list all ...". nil when any other content word is left.
    func bareListing(_ parsed: ParsedQuestion) -> ListKind? {
        // "How many components are required?": counting a kind of thing lists it;
        // words of asking ("required", "needed") leave the whole table to count,
        // and a name made of the kind's own words ("security") names nothing else.
        if Self.asksHowMany(parsed), parsed.stated.isEmpty, let (found, used) = IntentDetector().listKind(parsed.tokens.map(\.stem)),
           parsed.matches.allSatisfy({ $0.positions.isSubset(of: used) }) {
            return Self.nothingElseAsked(parsed, besides: Set(used), cueWordsToo: true) ? found : nil
        }
        guard parsed.matches.isEmpty, parsed.stated.isEmpty else { return nil }
        let kind: ListKind
        var named = parsed.intentPositions
        switch parsed.intent {
        case .ports: kind = .ports
        case .permissions: kind = .permissions
        case .securityRoles: kind = .securityRoles
        case .siteSystemRoles: kind = .siteSystemRoles
        // "Which prerequisites are there?": what prerequisite and dependency tables list.
        case .requirements where parsed.tokens.contains(where: { Self.prerequisiteWords.contains($0.word) }):
            kind = .components
        case .lookup:
            guard let (found, used) = IntentDetector().listKind(parsed.tokens.map(\.stem)) else { return nil }
            kind = found
            named.formUnion(used)
        default: return nil
        }
        return Self.nothingElseAsked(parsed, besides: named, cueWordsToo: false) ? kind : nil
    }

    /// Every word outside `named` is a stop word or a listing filler (or,
    /// with `cueWordsToo`, a word of asking): the question narrows nothing.
    private static func nothingElseAsked(_ parsed: ParsedQuestion, besides named: Set<Int>, cueWordsToo: Bool) -> Bool {
        parsed.tokens.allSatisfy {
            named.contains($0.position) || Words.isStopWord($0.word) || listingFillers.contains($0.word)
                || (cueWordsToo && IntentDetector.cueWords.contains($0.word))
        }
    }

    static let prerequisiteWords: Set<String> = ["prerequisite", "prerequisites", "dependency", "dependencies"]

    /// Words that ask whether things exist or are listed, and so add nothing
    /// to a bare "which ports ...?" (beyond `Words.stopWords`, which already
    /// has "what", "there", "all", "used", "show", ...).
    private static let listingFillers: Set<String> = [
        "every", "exist", "exists", "available", "known", "listed", "documented", "defined", "mentioned",
        "kb", "knowledge", "base", "docs", "documentation", "built", "builtin", "default", "standard", "predefined",
    ]

    /// The question starts "how many".
    static func asksHowMany(_ parsed: ParsedQuestion) -> Bool {
        parsed.tokens.count > 2 && parsed.tokens[0].word == "how" && parsed.tokens[1].word == "many"
    }

    func listAnswer(kind: ListKind, _ parsed: ParsedQuestion, _ b: inout AnswerBuilder) {
        let kb = knowledgeBase
        let scope = parsed.matches.first
        b.answer.heading = "All \(kind.rawValue)" + (scope.map { " for \($0.entity.name)" } ?? "")
        let group = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
        var seen = Set<String>()
        func once(_ key: String) -> Bool { seen.insert(key.lowercased()).inserted }
        let route = "listing of the \(kind.rawValue) table"
        switch kind {
        case .components:
            for c in kb.components where once(c.label) {
                b.add(group: group, kind: "component", text: c.label, cite: c.cite, route: route, rule: ruleName("components", c.id, c.name))
            }
        case .siteSystemRoles:
            for r in kb.siteRoles where once(r.name) {
                b.add(group: group, kind: "site_system_role", text: r.name + (r.necessity.map { " (\($0))" } ?? ""),
                      cite: r.cite, route: route, rule: ruleName("site_system_roles", r.id, r.name))
            }
        case .securityRoles:
            for r in kb.securityRoles where once(r.name) {
                b.add(group: group, kind: "security_role", text: "\(r.name): \(leadingSentences(r.description, 1))",
                      cite: r.cite, route: route, rule: ruleName("security_roles", r.id, r.name))
            }
        case .permissions:
            // "Show the permissions of the X role": that role's, when it has any.
            let own = scope.map { s in kb.permissions.filter { p in
                s.entity.kind == .securityRole ? (p.securityRole ?? "").caseInsensitiveCompare(s.entity.name) == .orderedSame
                                               : sameSubject(p.subject, s.entity.name)
            } } ?? []
            if own.isEmpty { b.answer.heading = "All \(kind.rawValue)" }
            for p in (own.isEmpty ? kb.permissions : own) where once(permissionText(p)) {
                b.add(group: group, kind: "permission", text: permissionText(p), cite: p.cite, route: route,
                      rule: ruleName("permissions", p.id, p.label))
            }
        case .ports:
            let rows = scope.map { s in kb.ports.filter { similarity($0.subject, s.entity.name) >= 0.5 } } ?? kb.ports
            for p in rows { addPort(p, group: p.subject.map { "Ports: \($0)" } ?? "Ports", route: route, &b) }
        case .installMethods:
            for m in kb.methods where once(m.name) {
                b.add(group: group, kind: "install_method", text: m.heading, cite: m.cite, route: route,
                      rule: ruleName("install_methods", m.id, m.name))
            }
        case .requirements:
            let rows = scope.map { s in kb.requirements.filter { sameSubject($0.subject, s.entity.name) } } ?? kb.requirements
            for r in rows {
                b.add(group: "Requirements: \(r.subject)", kind: "requirement", text: r.text, condition: r.condition,
                      conditionText: r.conditionText, cite: r.cite, route: route,
                      rule: ruleName("requirements", r.id, "subject “\(r.subject)”"))
            }
        case .aliases:
            for a in kb.aliases where once(a.alias + a.name) {
                b.add(group: group, kind: "alias", text: "\(a.alias) = \(a.name)", cite: a.cite, route: route,
                      rule: "aliases (\(a.kind))")
            }
        case .documents:
            for d in kb.documents.values.sorted(by: { $0.path < $1.path }) {
                b.add(group: group, kind: "document", text: d.title,
                      cite: Citation(documentID: d.id, path: d.path, line: 1, anchor: ""), route: route, rule: "documents row \(d.id)")
            }
        }
    }

    // MARK: - helpers

    func components(named name: String) -> [ComponentRow] {
        let wanted = stems(name)
        return knowledgeBase.components.filter {
            $0.name.caseInsensitiveCompare(name) == .orderedSame || Set(stems($0.name)) == Set(wanted)
                || ($0.file.map { Set(stems($0)) == Set(wanted) } ?? false)
        }
    }

    /// The first `count` sentences of a role's description, led by the one
    /// that states `necessity` when the first says otherwise ("deploying
    /// doesn't need X. Clients need X to ..."), so that the line reads as its
    /// label says. A description shown whole keeps its order.
    func sentencesLeadingWithVerdict(_ description: String, necessity: String?, count: Int) -> String {
        let all = sentences(of: description)
        guard let necessity, count < all.count, let first = all.first,
              let firstVerdict = NecessityParser.parse(first), firstVerdict.rawValue != necessity,
              let verdict = all.firstIndex(where: { NecessityParser.parse($0)?.rawValue == necessity }) else {
            return all.prefix(count).joined(separator: " ")
        }
        var ordered = all
        ordered.insert(ordered.remove(at: verdict), at: 0)
        return ordered.prefix(count).joined(separator: " ")
    }

    func sentences(of text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let one = leadingSentences(String(rest), 1)
            guard !one.isEmpty else { break }
            result.append(one)
            guard let range = rest.range(of: one) else { break }
            rest = rest[range.upperBound...].drop(while: \.isWhitespace)
        }
        return result
    }
}
