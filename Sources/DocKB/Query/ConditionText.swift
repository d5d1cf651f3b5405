import Foundation

/// Reads a `Condition` back from the knowledge base: the JSON column when it is
/// there, else the canonical text (`not source`, `a or (b and c)`,
/// `version >= 1906`) that `Condition.description` writes. Older or partial
/// databases may only have the text.
enum ConditionText {
    static func decode(json: String?, text: String?) -> Condition? {
        if let json, !json.isEmpty, let data = json.data(using: .utf8),
           let condition = try? JSONDecoder().decode(Condition.self, from: data) {
            return condition
        }
        if let text, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            return parse(text)
        }
        return nil
    }

    /// Parses the canonical form; nil when it is not in that form.
    static func parse(_ text: String) -> Condition? {
        var parser = Parser(tokens: lex(text))
        guard let condition = parser.parseAny(), parser.atEnd else { return nil }
        return condition
    }

    private static func lex(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for ch in text {
            if ch == "(" || ch == ")" {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(ch))
            } else if ch.isWhitespace {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private struct Parser {
        var tokens: [String]
        var index = 0
        var atEnd: Bool { index == tokens.count }

        mutating func next() -> String? {
            guard index < tokens.count else { return nil }
            defer { index += 1 }
            return tokens[index]
        }

        func peek() -> String? { index < tokens.count ? tokens[index] : nil }

        mutating func parseAny() -> Condition? {
            guard let first = parseAll() else { return nil }
            var parts = [first]
            while peek() == "or" {
                index += 1
                guard let part = parseAll() else { return nil }
                parts.append(part)
            }
            return parts.count == 1 ? first : .any(parts)
        }

        mutating func parseAll() -> Condition? {
            guard let first = parseUnary() else { return nil }
            var parts = [first]
            while peek() == "and" {
                index += 1
                guard let part = parseUnary() else { return nil }
                parts.append(part)
            }
            return parts.count == 1 ? first : .all(parts)
        }

        mutating func parseUnary() -> Condition? {
            guard let token = next() else { return nil }
            switch token {
            case "not":
                return parseUnary().map { .not($0) }
            case "(":
                let inner = parseAny()
                guard next() == ")" else { return nil }
                return inner
            case "version":
                guard let op = next().flatMap(Condition.VersionComparison.init(rawValue:)),
                      let value = next() else { return nil }
                return .version(op, value)
            case ")", "and", "or":
                return nil
            default:
                return .flag(token)
            }
        }
    }
}
