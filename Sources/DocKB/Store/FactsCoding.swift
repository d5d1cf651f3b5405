import Foundation

/// A document's extracted facts as bytes, for the knowledge base's
/// `document_cache`, in the binary form `OutlineCoding` uses (see
/// BinaryForm.swift; fields in declaration order).
///
/// When a fact changes, the next build reads back every document's facts to
/// compare them: as JSON that was 0.1 s of CPU for the corpus's 3 MB.
enum FactsCoding {
    static let formatTag: [UInt8] = Array("dkf1".utf8)

    static func encode(_ facts: ExtractedFacts) -> Data {
        var w = ByteWriter(formatTag: formatTag)
        w.count(facts.components.count)
        for c in facts.components {
            w.string(c.name); w.optional(c.minVersion); w.optional(c.file); w.optional(c.category)
            w.string(c.description); w.bool(c.mayRestart); encode(c.source, &w)
        }
        w.count(facts.siteSystemRoles.count)
        for r in facts.siteSystemRoles {
            w.string(r.name); w.optional(r.necessity?.rawValue); w.optional(r.subject); w.string(r.description)
            encode(r.source, &w)
        }
        w.count(facts.securityRoles.count)
        for r in facts.securityRoles { w.string(r.name); w.string(r.description); encode(r.source, &w) }
        w.count(facts.permissions.count)
        for p in facts.permissions {
            w.string(p.permission); w.optional(p.object); w.string(p.purpose); w.optional(p.securityRole)
            w.optional(p.subject); encode(p.source, &w)
        }
        w.count(facts.ports.count)
        for p in facts.ports {
            w.string(p.transport); w.string(p.port); w.optional(p.from); w.optional(p.to); w.string(p.purpose)
            encode(p.condition, &w); w.optional(p.conditionText); w.optional(p.subject); w.optional(p.direction)
            encode(p.source, &w)
        }
        w.count(facts.installMethods.count)
        for m in facts.installMethods { w.string(m.name); w.string(m.heading); encode(m.condition, &w); encode(m.source, &w) }
        w.count(facts.requirements.count)
        for r in facts.requirements {
            w.string(r.subject); w.string(r.text); w.optional(r.necessity?.rawValue); encode(r.condition, &w)
            w.optional(r.conditionText)
            w.count(r.mentions.count)
            for mention in r.mentions { w.string(mention.kind); w.string(mention.name) }
            encode(r.source, &w)
        }
        w.count(facts.aliases.count)
        for a in facts.aliases { w.string(a.alias); w.string(a.entityKind); w.string(a.name); encode(a.source, &w) }
        w.count(facts.variables.count)
        for v in facts.variables { w.string(v.name); w.string(v.phrase) }
        w.count(facts.tables.count)
        for t in facts.tables { w.signed(t.ordinal); w.signed(t.line); w.optional(t.kind); w.string(t.shape) }
        w.count(facts.diagnostics.count)
        for d in facts.diagnostics {
            w.string(d.severity.rawValue); w.string(d.location.path); w.signed(d.location.line); w.string(d.message)
        }
        return Data(w.bytes)
    }

    static func decode(_ data: Data) throws -> ExtractedFacts {
        try data.withUnsafeBytes { buffer in
            var r = try ByteReader(buffer, formatTag: formatTag)
            var facts = ExtractedFacts()
            for _ in 0..<(try r.count()) {
                facts.components.append(Component(
                    name: try r.string(), minVersion: try r.optional(), file: try r.optional(), category: try r.optional(),
                    description: try r.string(), mayRestart: try r.bool(), source: try source(&r)))
            }
            for _ in 0..<(try r.count()) {
                facts.siteSystemRoles.append(SiteSystemRole(
                    name: try r.string(), necessity: try necessity(&r), subject: try r.optional(),
                    description: try r.string(), source: try source(&r)))
            }
            for _ in 0..<(try r.count()) {
                facts.securityRoles.append(SecurityRole(name: try r.string(), description: try r.string(), source: try source(&r)))
            }
            for _ in 0..<(try r.count()) {
                facts.permissions.append(Permission(
                    permission: try r.string(), object: try r.optional(), purpose: try r.string(),
                    securityRole: try r.optional(), subject: try r.optional(), source: try source(&r)))
            }
            for _ in 0..<(try r.count()) {
                facts.ports.append(Port(
                    transport: try r.string(), port: try r.string(), from: try r.optional(), to: try r.optional(),
                    purpose: try r.string(), condition: try condition(&r, depth: 0), conditionText: try r.optional(),
                    subject: try r.optional(), direction: try r.optional(), source: try source(&r)))
            }
            for _ in 0..<(try r.count()) {
                facts.installMethods.append(InstallMethod(
                    name: try r.string(), heading: try r.string(), condition: try condition(&r, depth: 0), source: try source(&r)))
            }
            for _ in 0..<(try r.count()) {
                let subject = try r.string(), text = try r.string(), necessity = try necessity(&r)
                let condition = try condition(&r, depth: 0), conditionText: String? = try r.optional()
                var mentions: [Mention] = []
                for _ in 0..<(try r.count()) { mentions.append(Mention(kind: try r.string(), name: try r.string())) }
                facts.requirements.append(Requirement(
                    subject: subject, text: text, necessity: necessity, condition: condition,
                    conditionText: conditionText, mentions: mentions, source: try source(&r)))
            }
            for _ in 0..<(try r.count()) {
                facts.aliases.append(Alias(alias: try r.string(), entityKind: try r.string(), name: try r.string(),
                                           source: try source(&r)))
            }
            for _ in 0..<(try r.count()) { facts.variables.append(ConditionVariable(name: try r.string(), phrase: try r.string())) }
            for _ in 0..<(try r.count()) {
                facts.tables.append(TableClassification(ordinal: try r.signed(), line: try r.signed(), kind: try r.optional(),
                                                        shape: try r.string()))
            }
            for _ in 0..<(try r.count()) {
                guard let severity = Diagnostic.Severity(rawValue: try r.string()) else {
                    throw BinaryFormError.invalid("severity")
                }
                let location = SourceLocation(path: try r.string(), line: try r.signed())
                facts.diagnostics.append(Diagnostic(severity, at: location, try r.string()))
            }
            try r.expectEnd("facts")
            return facts
        }
    }

    // MARK: - Parts

    private static func encode(_ source: FactSource, _ w: inout ByteWriter) {
        w.string(source.path); w.signed(source.line); w.string(source.anchor); w.string(source.section)
    }

    private static func source(_ r: inout ByteReader) throws -> FactSource {
        FactSource(path: try r.string(), line: try r.signed(), anchor: try r.string(), section: try r.string())
    }

    private static func necessity(_ r: inout ByteReader) throws -> Necessity? {
        guard let raw: String = try r.optional() else { return nil }
        guard let value = Necessity(rawValue: raw) else { throw BinaryFormError.invalid("necessity") }
        return value
    }

    private enum ConditionTag: UInt8 { case none, flag, not, all, any, version }

    private static func encode(_ condition: Condition?, _ w: inout ByteWriter) {
        guard let condition else { w.tag(ConditionTag.none.rawValue); return }
        switch condition {
        case .flag(let name): w.tag(ConditionTag.flag.rawValue); w.string(name)
        case .not(let inner): w.tag(ConditionTag.not.rawValue); encode(inner, &w)
        case .all(let parts):
            w.tag(ConditionTag.all.rawValue); w.count(parts.count)
            for part in parts { encode(part, &w) }
        case .any(let parts):
            w.tag(ConditionTag.any.rawValue); w.count(parts.count)
            for part in parts { encode(part, &w) }
        case .version(let comparison, let version):
            w.tag(ConditionTag.version.rawValue); w.string(comparison.rawValue); w.string(version)
        }
    }

    private static func condition(_ r: inout ByteReader, depth: Int) throws -> Condition? {
        guard depth < OutlineCoding.maximumInlineDepth else { throw BinaryFormError.invalid("condition too deep") }
        guard let tag = ConditionTag(rawValue: try r.tag()) else { throw BinaryFormError.invalid("condition tag") }
        func required() throws -> Condition {
            guard let inner = try condition(&r, depth: depth + 1) else { throw BinaryFormError.invalid("empty condition") }
            return inner
        }
        switch tag {
        case .none: return nil
        case .flag: return .flag(try r.string())
        case .not: return .not(try required())
        case .all, .any:
            var parts: [Condition] = []
            for _ in 0..<(try r.count()) { parts.append(try required()) }
            return tag == .all ? .all(parts) : .any(parts)
        case .version:
            guard let comparison = Condition.VersionComparison(rawValue: try r.string()) else {
                throw BinaryFormError.invalid("version comparison")
            }
            return .version(comparison, try r.string())
        }
    }
}
