/// What a build has to do, decided from the sources' content hashes and the
/// previous knowledge base.
struct BuildPlan {
    let kind: BuildHistoryEntry.Kind
    /// Paths of the documents to parse and extract.
    let toParse: Set<String>
    let sourcesSHA256: String

    init(sources: SourceFiles, previous: PreviousBuild.Index?) {
        sourcesSHA256 = sources.digest
        let paths = sources.files.map(\.relativePath)
        guard let previous else {
            kind = .first
            toParse = Set(paths)
            return
        }
        // Row ids follow the documents' sorted order, so a document added or
        // removed shifts them: that takes a full build. So does another build
        // of dockb, which may read the same documents differently.
        guard previous.sameTool, previous.paths == paths else {
            kind = .full
            toParse = Set(paths)
            return
        }
        kind = .incremental
        toParse = Set(sources.files.filter { previous.sha256[$0.relativePath] != $0.sha256 }.map(\.relativePath))
    }

    /// Same documents, same bytes: nothing to parse or write.
    var isNoOp: Bool { kind == .incremental && toParse.isEmpty }
}
