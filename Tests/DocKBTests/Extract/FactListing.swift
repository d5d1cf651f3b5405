@testable import DocKB

/// Extracted facts as one line per fact, in a stable order, for golden files
/// that are reviewed like code: a diff of this listing is a diff of meaning.
enum FactListing {
    static func render(_ facts: ExtractedFacts) -> String {
        var lines: [String] = []
        func at(_ s: FactSource) -> String { "@\(s.line)#\(s.anchor)" }
        func opt(_ s: String?) -> String { s ?? "-" }
        for m in facts.installMethods {
            lines.append("install_method | \(m.name) | condition=\(opt(m.condition?.description)) \(at(m.source))")
        }
        for c in facts.components {
            lines.append("component | \(c.name) | min=\(opt(c.minVersion)) | file=\(opt(c.file)) | restart=\(c.mayRestart) | category=\(opt(c.category)) \(at(c.source))")
        }
        for r in facts.siteSystemRoles {
            lines.append("site_system_role | \(r.name) | \(opt(r.necessity?.rawValue)) | subject=\(opt(r.subject)) \(at(r.source))")
        }
        for r in facts.securityRoles {
            lines.append("security_role | \(r.name) | \(r.description) \(at(r.source))")
        }
        for p in facts.permissions {
            lines.append("permission | \(p.permission) | object=\(opt(p.object)) | role=\(opt(p.securityRole)) | subject=\(opt(p.subject)) | purpose=\(p.purpose) \(at(p.source))")
        }
        for p in facts.ports {
            lines.append("port | \(p.transport) \(p.port) | \(opt(p.from)) -> \(opt(p.to)) | subject=\(opt(p.subject)) | direction=\(opt(p.direction)) | condition=\(opt(p.condition?.description)) \(at(p.source))")
        }
        for r in facts.requirements {
            let mentions = r.mentions.map { "\($0.kind):\($0.name)" }.joined(separator: ",")
            lines.append("requirement | \(r.subject) | \(opt(r.necessity?.rawValue)) | condition=\(opt(r.condition?.description)) | \(r.text) | mentions=\(mentions) \(at(r.source))")
        }
        for a in facts.aliases { lines.append("alias | \(a.alias) = \(a.entityKind):\(a.name) \(at(a.source))") }
        for v in facts.variables { lines.append("variable | \(v.name) | \(v.phrase)") }
        for t in facts.tables { lines.append("table | #\(t.ordinal) @\(t.line) | \(opt(t.kind)) | \(t.shape)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
