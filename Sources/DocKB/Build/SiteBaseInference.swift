extension LinkResolver {
    /// A resolver that also learns the URL prefixes the documents use for
    /// their own docset.
    ///
    /// A docset is published under the name of its folder (`/sccm/...`), but
    /// often under other names too (`/configmgr/...` after a rename). Such a
    /// prefix is accepted when most site-absolute links under it name a
    /// document of the set once it is removed; links under prefixes of other
    /// docsets (`/windows/...`, `/intune/...`) rarely do and stay external.
    public static func learningSiteBases(documents: [Document], sourceFolderName: String) -> LinkResolver {
        learningSiteBases(outlines: documents.map(\.outline), sourceFolderName: sourceFolderName)
    }

    public static func learningSiteBases(outlines: [DocumentOutline], sourceFolderName: String) -> LinkResolver {
        let index = DocumentIndex(outlines: outlines)
        var destinations: [String] = []
        var candidates: Set<String> = []
        for outline in outlines {
            for link in outline.links {
                let written = BlockText.trimmed(link.destination)
                guard written.hasPrefix("/"), !written.hasPrefix("//"),
                      let first = written.split(separator: "/").first, written.dropFirst(first.count + 1).contains("/")
                else { continue }
                destinations.append(written)
                candidates.insert(String(first))
            }
        }
        let trial = LinkResolver(index: index, siteBasePaths: candidates.sorted())
        var tally: [String: (links: Int, found: Int)] = [:]
        for destination in destinations {
            let base = String(destination.split(separator: "/")[0]).lowercased()
            let status = trial.resolve(destination, text: "", line: 0, in: "").status
            let found = status == .resolved || status == .danglingAnchor
            tally[base, default: (0, 0)].links += 1
            if found { tally[base, default: (0, 0)].found += 1 }
        }
        let learned = tally.filter { $0.value.found * 2 > $0.value.links }.keys.sorted()
        return LinkResolver(index: index, siteBasePaths: [sourceFolderName] + learned)
    }
}
