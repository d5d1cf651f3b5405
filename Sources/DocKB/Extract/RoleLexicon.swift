/// Site system role names a document uses, learned from its own text: table
/// rows and list items whose name ends in "point" under dependency headings,
/// and any phrase followed by "site system role" or "role" with "point".
enum RoleLexicon {
    /// `texts`: `document.inlineTexts()`, which the extraction run makes once.
    static func names(in document: Document, texts: [(text: String, line: Int)]) -> Set<String> {
        var names = Set<String>()
        // Text too long to state facts (see ExtractionRun.maxStatementLength) names no roles either.
        for (text, _) in texts {
            guard text.utf8.count <= ExtractionRun.maxStatementLength else { continue }
            for m in rolePhrase.matches(in: text) {
                let words = m.groups[0].lowercased().split(separator: " ")
                    .drop(while: { Text.stopWords.contains(String($0)) || leadingNoise.contains(String($0)) })
                if !words.isEmpty { names.insert(words.joined(separator: " ")) }
            }
        }
        // Any "X point" in a sentence that speaks of site system roles.
        for (text, _) in texts {
            guard text.utf8.count <= ExtractionRun.maxStatementLength,
                  Text.contains(text, anyOf: siteSystemRole) else { continue }
            for sentence in Text.sentences(text) where Text.contains(sentence, anyOf: siteSystemRole) {
                for m in pointPhrase.matches(in: sentence) {
                    let words = m.groups[0].lowercased().split(separator: " ")
                        .drop(while: { Text.stopWords.contains(String($0)) || leadingNoise.contains(String($0)) })
                    if words.count >= 2 { names.insert(words.joined(separator: " ")) }
                }
            }
        }
        for block in document.blocks {
            guard case .table(let table) = block.kind else { continue }
            for row in table.rows {
                guard let first = row.cells.first?.plainText.collapsingWhitespace.lowercased(),
                      first.hasSuffix(" point"), first.split(separator: " ").count <= 4 else { continue }
                names.insert(first)
            }
        }
        return names
    }

    /// "the enrollment proxy point site system role", "a distribution point role"
    private static let rolePhrase = Pattern(
        #"\b((?:[A-Za-z-]+ ){0,3}point)s? (?:is an? (?:optional|required)[^.]*? )?(?:site system |site |server )?roles?\b"#,
        requiring: [["point"], ["role"]])
    private static let pointPhrase = Pattern(#"\b((?:[A-Za-z-]+ ){1,2}point)s?\b"#, requiring: [["point"]])
    private static let siteSystemRole = CaseFoldedWords(["site system role"])
    private static let leadingNoise: Set<String> = ["optional", "recommended", "required", "but", "each", "every", "one", "new", "enable", "install", "add", "configure"]
}
