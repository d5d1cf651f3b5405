/// In-memory copies of the typed layer's rows, loaded once per process so a
/// question costs no SQL round trips. Each row keeps its citation.

/// Where an answer line comes from: document path, line and section anchor.
public struct Citation: Hashable, Codable, Sendable, Comparable {
    public var documentID: Int64
    public var path: String
    public var line: Int
    public var anchor: String

    public static func < (a: Citation, b: Citation) -> Bool {
        (a.path, a.line) < (b.path, b.line)
    }

    /// Same document and line: two typed rows made from one piece of text.
    var spot: Spot { Spot(documentID: documentID, line: line) }

    struct Spot: Hashable { var documentID: Int64; var line: Int }
}

struct DocumentRow: Sendable {
    var id: Int64
    var path: String
    var title: String
}

struct SectionRow: Sendable {
    var id: Int64
    var documentID: Int64
    var parentID: Int64?
    var level: Int
    var heading: String
    var anchor: String
    var line: Int
}

struct RequirementRow: Sendable {
    var id: Int64
    var subject: String
    var text: String
    var necessity: String?
    var condition: Condition?
    var conditionText: String?
    var mentions: [Mention]
    var cite: Citation
}

struct ComponentRow: Sendable {
    var id: Int64
    var name: String
    var minVersion: String?
    var file: String?
    var category: String?
    var description: String
    var mayRestart: Bool
    var cite: Citation

    /// "Name version 4.5.2 (file.exe)": what a reader needs to recognise it.
    var label: String {
        var text = name
        if let v = minVersion, !v.isEmpty { text += " version \(v)" }
        if let f = file, !f.isEmpty { text += " (\(f))" }
        return text
    }
}

struct SiteRoleRow: Sendable {
    var id: Int64
    var name: String
    var necessity: String?
    var subject: String?
    var description: String
    var cite: Citation
}

struct SecurityRoleRow: Sendable {
    var id: Int64
    var name: String
    var description: String
    var cite: Citation
}

struct PermissionRow: Sendable {
    var id: Int64
    var permission: String
    var object: String?
    var purpose: String
    var securityRole: String?
    var subject: String?
    var cite: Citation

    /// "Modify Resource on Collection".
    var label: String {
        guard let o = object, !o.isEmpty else { return permission }
        return "\(permission) on \(o)"
    }
}

struct PortRow: Sendable {
    var id: Int64
    var transport: String
    var port: String
    var source: String?
    var destination: String?
    var purpose: String
    var condition: Condition?
    var conditionText: String?
    var subject: String?
    var direction: String?
    var cite: Citation

    /// "TCP 445" / "outbound UDP 25536".
    var label: String {
        var text = "\(transport) \(port)"
        if let d = direction, !d.isEmpty { text = "\(d) \(text)" }
        return text
    }
}

struct MethodRow: Sendable {
    var id: Int64
    var name: String
    var heading: String
    var condition: Condition?
    var conditionText: String?
    var cite: Citation
}

struct AliasRow: Sendable {
    var alias: String
    var kind: String
    var name: String
    var cite: Citation
}
