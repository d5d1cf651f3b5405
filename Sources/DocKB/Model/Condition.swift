/// When a rule applies, in a form that can be evaluated against what the user
/// told us ("with /source", "another forest", "version 2107").
///
/// Variables are named by slugs built from the words of the clause that
/// introduced them (`source`, `extended-active-directory-schema`), and keep the
/// clause itself in `ConditionVariable.phrase` so they can be matched by words.
public indirect enum Condition: Hashable, Codable, Sendable, CustomStringConvertible {
    case flag(String)
    case not(Condition)
    case all([Condition])
    case any([Condition])
    /// A product version gate such as "starting in version 1906" (`>= 1906`).
    case version(VersionComparison, String)

    public enum VersionComparison: String, Hashable, Codable, Sendable {
        case atLeast = ">=", before = "<", atMost = "<=", exactly = "=="
    }

    /// Canonical text, stable across builds: `not source`,
    /// `not extended-active-directory-schema or another-forest`, `version >= 1906`.
    public var description: String {
        switch self {
        case .flag(let name): return name
        case .not(let c): return "not " + c.wrappedDescription
        case .all(let cs): return cs.map(\.wrappedDescription).joined(separator: " and ")
        case .any(let cs): return cs.map(\.wrappedDescription).joined(separator: " or ")
        case .version(let op, let v): return "version \(op.rawValue) \(v)"
        }
    }

    private var wrappedDescription: String {
        switch self {
        case .all, .any: return "(" + description + ")"
        default: return description
        }
    }

    /// Names of the flags this condition reads.
    public var variables: [String] {
        switch self {
        case .flag(let n): return [n]
        case .not(let c): return c.variables
        case .all(let cs), .any(let cs): return cs.flatMap(\.variables)
        case .version: return ["version"]
        }
    }
}

/// A flag a condition reads, with the words it was introduced by.
public struct ConditionVariable: Hashable, Codable, Sendable {
    public var name: String
    public var phrase: String

    public init(name: String, phrase: String) {
        self.name = name
        self.phrase = phrase
    }
}
