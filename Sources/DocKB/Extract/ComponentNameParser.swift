/// Splits the name cell of a dependency table into name, minimum version and
/// file: "Microsoft .NET Framework version 4.5.2 or later (`NDP452-...exe`)"
/// → ("Microsoft .NET Framework", "4.5.2", "NDP452-...exe").
enum ComponentNameParser {
    struct Parsed: Equatable {
        var name: String
        var minVersion: String?
        var file: String?
        var abbreviation: String?
    }

    static func parse(_ cell: [Inline]) -> Parsed {
        var text = cell.plainText.collapsingWhitespace
        var file: String?
        // A file is a code span, or a parenthesized name with an installer extension.
        if let code = cell.codeTexts.first(where: { fileLike.matches($0) }) ?? cell.codeTexts.first {
            file = code
            text = text.replacingOccurrences(of: "(" + code + ")", with: "")
                .replacingOccurrences(of: code, with: "").collapsingWhitespace
        } else if let m = parenthesizedFile.firstMatch(in: text) {
            file = m[0]
            text = text.replacingOccurrences(of: "(" + m[0] + ")", with: "").collapsingWhitespace
        }
        text = text.replacingOccurrences(of: "()", with: "").collapsingWhitespace

        var version: String?
        if let m = versionPattern.matches(in: text).first {
            version = m.groups[0] + (m.groups[1].isEmpty ? "" : " " + m.groups[1])
            text = String(text[..<m.range.lowerBound])
        }
        var name = Text.trimmingPeriod(text)
        if name.lowercased().hasSuffix(" version") { name = String(name.dropLast(" version".count)) }
        let split = Text.splitAbbreviation(name)
        return Parsed(name: split.name.collapsingWhitespace, minVersion: version, file: file,
                      abbreviation: split.abbreviation)
    }

    /// A dotted version (`4.5.2`, `12.0.40660.0`), optionally with a service pack,
    /// optionally preceded by "version" and followed by "or later".
    /// Each names what a match must contain, so the first cell of every table
    /// row of every document (the section subjects read them all) is mostly
    /// turned away before ICU runs.
    private static let versionPattern = Pattern(
        #"(?:\bversion\s+)?\b(\d+(?:\.\d+)+)(?:\s+(SP\d+))?\b(?:\s+(?:or|and)\s+(?:later|higher|newer|above))?"#,
        requiring: [["."]])
    private static let fileLike = Pattern(#"\.(?:msi|exe|msu|cab|dll|zip|ps1|inf|xml|mof)\b"#, requiring: [["."]])
    private static let parenthesizedFile = Pattern(#"\(([^()\s]+\.(?:msi|exe|msu|cab|zip))\)"#, requiring: [["("], ["."]])
}
