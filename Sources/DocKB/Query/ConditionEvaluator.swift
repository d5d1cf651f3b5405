/// Three-valued truth: a rule's condition can be known to hold, known not to
/// hold, or undecided because nobody said (the answer then keeps the rule and
/// says what it depends on).
public enum Truth: String, Sendable, Codable {
    case met
    case notMet = "not met"
    case unknown

    static prefix func ! (t: Truth) -> Truth {
        switch t {
        case .met: return .notMet
        case .notMet: return .met
        case .unknown: return .unknown
        }
    }
}

/// The facts questions are evaluated under: flags (`source`,
/// `installing-clients-another-forest`) and the product version. Set with
/// `set NAME VALUE` in the REPL or stated in the question itself.
public struct QueryContext: Sendable, Codable, Equatable {
    public var flags: [String: Bool] = [:]
    public var version: String?

    public init(flags: [String: Bool] = [:], version: String? = nil) {
        self.flags = flags
        self.version = version
    }

    /// `other`'s facts win: what a question says overrides the session.
    public func merging(_ other: QueryContext) -> QueryContext {
        QueryContext(flags: flags.merging(other.flags) { _, new in new }, version: other.version ?? version)
    }

    public var isEmpty: Bool { flags.isEmpty && version == nil }
}

public enum ConditionEvaluator {
    public static func evaluate(_ condition: Condition?, in context: QueryContext) -> Truth {
        guard let condition else { return .met }
        switch condition {
        case .flag(let name):
            guard let value = context.flags[name] else { return .unknown }
            return value ? .met : .notMet
        case .not(let inner):
            return !evaluate(inner, in: context)
        case .all(let parts):
            let values = parts.map { evaluate($0, in: context) }
            if values.contains(.notMet) { return .notMet }
            return values.allSatisfy { $0 == .met } ? .met : .unknown
        case .any(let parts):
            let values = parts.map { evaluate($0, in: context) }
            if values.contains(.met) { return .met }
            return values.allSatisfy { $0 == .notMet } ? .notMet : .unknown
        case .version(let op, let gate):
            guard let version = context.version else { return .unknown }
            let order = compareVersions(version, gate)
            let holds: Bool
            switch op {
            case .atLeast: holds = order >= 0
            case .before: holds = order < 0
            case .atMost: holds = order <= 0
            case .exactly: holds = order == 0
            }
            return holds ? .met : .notMet
        }
    }

    /// The variables of `condition` the context does not decide, which are
    /// what an undecided answer depends on.
    public static func undecidedVariables(_ condition: Condition?, in context: QueryContext) -> [String] {
        guard let condition else { return [] }
        var seen = Set<String>()
        return condition.variables.filter { name in
            let known = name == "version" ? context.version != nil : context.flags[name] != nil
            return !known && seen.insert(name).inserted
        }
    }

    /// Compares dotted numeric versions component by component ("2107" > "1906",
    /// "4.5.2" < "4.6"); non-numeric parts compare as text.
    public static func compareVersions(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: "."), y = b.split(separator: ".")
        for i in 0..<max(x.count, y.count) {
            let p = i < x.count ? String(x[i]) : "0", q = i < y.count ? String(y[i]) : "0"
            if let m = Int(p), let n = Int(q) {
                if m != n { return m < n ? -1 : 1 }
            } else if p != q {
                return p < q ? -1 : 1
            }
        }
        return 0
    }
}
