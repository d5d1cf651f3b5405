import Foundation
import GRDB

/// Two or more documents that say different things about the same subject:
/// one component with different minimum versions, one port number with
/// different transports.
///
/// Both kinds follow one rule. Each document contributes the set of values it
/// states for the subject; the subject is a conflict when two documents have
/// sets with nothing in common. A document may list several values on
/// purpose (the RPC endpoint mapper is TCP 135 and UDP 135; a platform table
/// gives one version per OS release), and it then agrees with every other
/// document naming any of them: flagging it would bury the real
/// contradictions. Values within one document are never compared with each
/// other — the report is about documents disagreeing.
public struct QualityConflict: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The same component (name compared without case or spacing differences)
        /// with different `min_version`s.
        case componentVersion = "component version"
        /// The same port number (or range) given as TCP in one document and
        /// UDP in another. Application protocols (HTTPS) are not transports
        /// and take no part.
        case portTransport = "port transport"
    }

    /// One value as one document states it: the first place it does, and how
    /// many more times the same document repeats it.
    public struct Statement: Hashable, Sendable {
        public var value: String
        public var place: QualityReport.Place
        /// The fact's own words (the component's name, the port's purpose).
        public var text: String
        public var repeats: Int
    }

    public var kind: Kind
    /// As first written: `Microsoft .NET Framework`, `port 135`.
    public var subject: String
    /// By value, then document.
    public var statements: [Statement]

    /// The distinct values, in statement order.
    public var values: [String] {
        var seen: Set<String> = []
        return statements.map(\.value).filter { seen.insert($0).inserted }
    }

    /// One fact read from the knowledge base, before grouping.
    struct Claim {
        var subjectKey: String
        var subject: String
        var value: String
        var place: QualityReport.Place
        var text: String
    }

    static func componentVersions(_ db: Database) throws -> [QualityConflict] {
        let claims = try Row.fetchAll(db, sql: """
            SELECT c.name, c.min_version, c.line, c.anchor, d.path FROM components c
            JOIN documents d ON d.id = c.document_id
            WHERE c.min_version IS NOT NULL AND TRIM(c.min_version) != '' ORDER BY c.id
            """).map { row -> Claim in
            let name: String = row["name"], version: String = row["min_version"]
            return Claim(subjectKey: name.collapsingWhitespace.lowercased(), subject: name.collapsingWhitespace,
                         value: version.collapsingWhitespace,
                         place: QualityReport.Place(path: row["path"], line: row["line"], anchor: row["anchor"]),
                         text: name.collapsingWhitespace)
        }
        // Versions are compared as written but without case: "4.0 SP1" and "4.0 sp1" agree.
        return conflicts(.componentVersion, claims, valueKey: { $0.lowercased() })
    }

    static func portTransports(_ db: Database) throws -> [QualityConflict] {
        let claims = try Row.fetchAll(db, sql: """
            SELECT p.protocol, p.port, p.purpose, p.line, p.anchor, d.path FROM ports p
            JOIN documents d ON d.id = p.document_id
            WHERE UPPER(p.protocol) IN ('TCP', 'UDP') ORDER BY p.id
            """).map { row -> Claim in
            let port = (row["port"] as String).collapsingWhitespace.uppercased()
            return Claim(subjectKey: port, subject: "port " + port, value: (row["protocol"] as String).uppercased(),
                         place: QualityReport.Place(path: row["path"], line: row["line"], anchor: row["anchor"]),
                         text: (row["purpose"] as String).collapsingWhitespace)
        }
        return conflicts(.portTransport, claims, valueKey: { $0 })
    }

    /// Groups claims by subject and keeps the subjects on which two documents
    /// share no value (see the type's comment).
    static func conflicts(_ kind: Kind, _ claims: [Claim], valueKey: (String) -> String) -> [QualityConflict] {
        var order: [String] = []
        var bySubject: [String: [Claim]] = [:]
        for claim in claims {
            if bySubject[claim.subjectKey] == nil { order.append(claim.subjectKey) }
            bySubject[claim.subjectKey, default: []].append(claim)
        }
        var found: [QualityConflict] = []
        for key in order {
            let group = bySubject[key]!
            var valuesByDocument: [String: Set<String>] = [:]
            for claim in group { valuesByDocument[claim.place.path, default: []].insert(valueKey(claim.value)) }
            let sets = Array(valuesByDocument.values)
            let disagree = sets.indices.contains { i in
                sets.indices.contains { j in i < j && sets[i].isDisjoint(with: sets[j]) }
            }
            guard disagree else { continue }
            found.append(QualityConflict(kind: kind, subject: group[0].subject,
                                         statements: statements(group, valueKey: valueKey)))
        }
        return found.sorted { ($0.subject.lowercased(), $0.subject) < ($1.subject.lowercased(), $1.subject) }
    }

    /// One statement per document and value (its first place), ordered by
    /// value, then by place.
    private static func statements(_ group: [Claim], valueKey: (String) -> String) -> [Statement] {
        var statements: [Statement] = []
        var index: [String: Int] = [:]
        for claim in group.sorted(by: { $0.place < $1.place }) {
            let key = valueKey(claim.value) + "\n" + claim.place.path
            if let existing = index[key] {
                statements[existing].repeats += 1
            } else {
                index[key] = statements.count
                statements.append(Statement(value: claim.value, place: claim.place, text: claim.text, repeats: 0))
            }
        }
        return statements.sorted { (valueKey($0.value), $0.place) < (valueKey($1.value), $1.place) }
    }
}
