import Foundation

/// The two ways a build writes its knowledge base, and what both hand on to
/// the site.
extension BuildPipeline {
    /// What the write leaves for the report and the site.
    struct WrittenBuild {
        var parsed: [String: ParsedDocument]
        var outlines: [DocumentOutline]
        var linkResolver: LinkResolver
        var links: [(links: [LinkRecord], warnings: [Diagnostic])]
        var counts: StoreCounts
        /// Committed, on its way to disk: moved into place before the site is.
        var knowledgeBase: PendingKnowledgeBase
        var documentWarnings: [Diagnostic]
        var history: BuildHistoryEntry
        /// Only prose changed: the facts (and the pages made from them) stand.
        var factsUnchanged: Bool
    }

    /// A build that parses every document (the first, or one after documents
    /// were added or removed). The knowledge base is written in source order
    /// while later documents are still being parsed, on the other cores: the
    /// write is one thread's work, and waiting for the whole parse left a
    /// core idle for most of the build. Links need every outline, so their
    /// rows come last, into ids kept for them (`reservingLinks`): the rows
    /// are those an incremental build gives.
    ///
    /// Phases as the report shows them: "parse and extract" until the last
    /// document is parsed, "links" until they are resolved, "write" for what
    /// the writer has left after that, up to the commit (the knowledge base
    /// goes to disk while the site is rendered).
    func writeEverything(sources: SourceFiles, scan: SourceScanner.Result, plan: BuildPlan, previous: PreviousBuild?,
                         stopwatch: inout Stopwatch) throws -> WrittenBuild {
        let files = sources.files, paths = files.map(\.relativePath)
        let documents = OrderedHandoff<ParsedDocument>(count: files.count)
        let resolved = OrderedHandoff<(resolver: LinkResolver, links: [(links: [LinkRecord], warnings: [Diagnostic])],
                                       parsedAt: ContinuousClock.Instant, resolvedAt: ContinuousClock.Instant)>(count: 1)
        progress?.begin("parse and extract", total: files.count)
        // Documents are parsed by one thread per core but one, and by this
        // thread whenever the next document to write is not parsed yet: a
        // parser on every core left the writer a third of a core each, and
        // the writer then finished alone, long after the parsers.
        let claims = WorkClaims(count: files.count)
        let outlines = CompletionSlots<DocumentOutline>(count: files.count)
        let parseNext: @Sendable () -> Bool = { [self] in
            guard let index = claims.claim() else { return false }
            let document = parse(files[index])
            outlines.put(document.outline, at: index)
            documents.put(document, at: index)
            return true
        }
        let parsing = DispatchGroup()
        DispatchQueue.global().async(group: parsing) { [self] in
            DispatchQueue.concurrentPerform(iterations: max(1, ProcessInfo.processInfo.activeProcessorCount - 1)) { _ in
                while parseNext() {}
            }
            let outlines = outlines.all()
            let parsedAt = ContinuousClock.now
            progress?.begin("links")
            let (resolver, links) = resolveLinks(outlines)
            resolved.put((resolver, links, parsedAt, .now), at: 0)
        }
        // The parsing threads are waited for even when the write fails: they use what this call holds.
        defer { parsing.wait() }

        var parsed: [String: ParsedDocument] = [:]
        var documentWarnings: [Diagnostic] = []
        var outcome: (resolver: LinkResolver, links: [(links: [LinkRecord], warnings: [Diagnostic])], history: BuildHistoryEntry)?
        // The history goes on from a knowledge base whose cache cannot be used (a cached outline that
        // cannot be read), though its facts are then not compared with these.
        let lastBuildID = previous?.lastBuildID ?? PreviousBuild.lastBuildID(in: knowledgeBase)
        let (counts, pending) = try KnowledgeBaseWriter(outputFolder: output).commit(
            // The site base paths are known once links are resolved; their row is kept until then.
            documentPaths: paths, buildInfo: ["source_folder": source.path, "documents": String(paths.count), "site_base_paths": ""],
            start: .empty(history: lastBuildID == nil ? nil : knowledgeBase)
        ) { session in
            try session.add(diagnostics: scan.warnings + sources.unreadable)
            var reservations: [LinkReservation] = []
            for index in files.indices {
                let document = documents.take(index, whileWaiting: parseNext)
                let stored = try session.add(document.document, outline: document.outline, facts: document.facts,
                                             reservingLinks: document.outline.links.count)
                documentWarnings += stored.diagnostics.sorted { $0.location.line < $1.location.line }
                reservations.append(stored.links)
                parsed[paths[index]] = document
            }
            let links = resolved.take(0)
            stopwatch.lap("parse and extract", at: links.parsedAt)
            stopwatch.lap("links", at: links.resolvedAt)
            progress?.begin("write")
            try session.setBuildInfo(["site_base_paths": links.resolver.siteBasePaths.joined(separator: " ")])
            for (index, reservation) in reservations.enumerated() {
                try session.addLinks(links.links[index].links, into: reservation)
                parsed[paths[index]]!.links = links.links[index].links
            }
            // Dangling links are the build's own rows, after the scanner's, in source order.
            for result in links.links { try session.add(diagnostics: result.warnings) }
            // After documents were added or removed, the changelog compares every fact with the previous build's.
            let facts = paths.map { parsed[$0]!.facts }
            // Facts this dockb cannot read are not compared: the entry says nothing was ("first").
            let oldFacts = previous.flatMap { try? decodedFacts($0) }
            let history = BuildHistoryEntry(
                id: (lastBuildID ?? 0) + 1, kind: oldFacts == nil ? .first : plan.kind, documents: files.count,
                documentsParsed: files.count, sourcesSHA256: plan.sourcesSHA256,
                changes: oldFacts.map { old in FactDiff.compare(old: previous!.paths.compactMap { old[$0] }, new: facts) } ?? [])
            try session.record(history)
            outcome = (links.resolver, links.links, history)
        }
        stopwatch.lap("write")
        return WrittenBuild(parsed: parsed, outlines: paths.map { parsed[$0]!.outline }, linkResolver: outcome!.resolver,
                            links: outcome!.links, counts: counts, knowledgeBase: pending,
                            documentWarnings: documentWarnings,
                            history: outcome!.history, factsUnchanged: false)
    }

    /// An incremental build: parses the changed documents, takes the others'
    /// outlines and facts from the previous build, and patches a copy of its
    /// knowledge base.
    func writeChanges(sources: SourceFiles, scan: SourceScanner.Result, plan: BuildPlan, previous: PreviousBuild,
                      copy: KnowledgeBaseCopy?, stopwatch: inout Stopwatch) throws -> WrittenBuild {
        progress?.begin("parse and extract", total: plan.toParse.count)
        var parsed = parse(plan.toParse, of: sources)
        stopwatch.lap("parse and extract")
        let outlines = sources.files.map { file in
            parsed[file.relativePath]?.outline ?? previous.entries[file.relativePath]!.outline
        }
        let incremental = IncrementalChange(previous: previous, parsed: parsed)
        progress?.begin("links")
        let (linkResolver, links) = resolveLinks(outlines, sources: sources, parsed: &parsed, previous: previous,
                                                 incremental: incremental)
        stopwatch.lap("links")

        // Facts: when only prose changed, the previous build's stand and no
        // fact of an unparsed document needs decoding. Otherwise the previous
        // facts are decoded once: the unparsed documents keep theirs, and the
        // changelog compares with all of them.
        let factsUnchanged = incremental.factsAndOutlinesUnchanged
        let oldFacts = factsUnchanged ? nil : try decodedFacts(previous)
        let facts = factsUnchanged ? [] : sources.files.map { parsed[$0.relativePath]?.facts ?? oldFacts![$0.relativePath]! }
        let history = BuildHistoryEntry(
            id: previous.lastBuildID + 1, kind: plan.kind, documents: sources.files.count,
            documentsParsed: parsed.count, sourcesSHA256: plan.sourcesSHA256,
            changes: oldFacts.map { old in FactDiff.compare(old: previous.paths.compactMap { old[$0] }, new: facts) } ?? [])
        stopwatch.lap("compare")

        let paths = sources.files.map(\.relativePath)
        let buildInfo = ["source_folder": source.path, "documents": String(paths.count),
                         "site_base_paths": linkResolver.siteBasePaths.joined(separator: " ")]
        progress?.begin("write", total: parsed.count)
        var documentWarnings: [Diagnostic] = []
        let (counts, pending) = try KnowledgeBaseWriter(outputFolder: output).commit(
            documentPaths: paths, buildInfo: buildInfo, start: .copy(knowledgeBase), copy: copy
        ) { session in
            try session.removeBuildLevelRows()
            for path in paths where parsed[path] != nil { try session.removeDocument(id: previous.entries[path]!.id) }
            // The build's own rows in the order a clean build writes them, so both give the same ids.
            try session.add(diagnostics: scan.warnings + sources.unreadable)
            for path in paths {
                guard let document = parsed[path] else { continue }
                let stored = try session.add(document.document, outline: document.outline, facts: document.facts,
                                             links: document.links)
                documentWarnings += stored.sorted { $0.location.line < $1.location.line }
                progress?.advance()
            }
            for problems in links.map(\.warnings) { try session.add(diagnostics: problems) }
            if !factsUnchanged {
                try session.removeConditionVariables()
                try session.setConditionVariables(facts.flatMap(\.variables))
            }
            try session.record(history)
        }
        stopwatch.lap("write")
        return WrittenBuild(parsed: parsed, outlines: outlines, linkResolver: linkResolver, links: links, counts: counts,
                            knowledgeBase: pending, documentWarnings: documentWarnings, history: history, factsUnchanged: factsUnchanged)
    }

    private func parse(_ file: SourceFiles.File) -> ParsedDocument {
        defer { progress?.advance() }
        let document = parser.parse(file.data, path: file.relativePath, sha256: file.sha256)
        return ParsedDocument(document: document, outline: document.outline, facts: extractor.extract(document), links: [])
    }

    /// Every document's links in source order, and the resolver that made
    /// them. After an incremental parse, when nothing another document links
    /// to changed, only the parsed documents' links are resolved again;
    /// otherwise all are, and an unchanged document whose links now lead
    /// elsewhere (a heading it points at was renamed) is parsed to be written again.
    fileprivate func resolveLinks(_ outlines: [DocumentOutline], sources: SourceFiles, parsed: inout [String: ParsedDocument],
                              previous: PreviousBuild?, incremental: IncrementalChange?)
        -> (LinkResolver, [(links: [LinkRecord], warnings: [Diagnostic])]) {
        let links: [(links: [LinkRecord], warnings: [Diagnostic])]
        let resolver: LinkResolver
        if let incremental, let previous, incremental.linkTargetsUnchanged {
            // Only the parsed documents' links are resolved: their targets' anchors are worked out as needed.
            resolver = LinkResolver(outlines: outlines, siteBasePaths: previous.siteBasePaths, precomputingAnchors: false)
            links = sources.files.map { [parsed] file in
                if let document = parsed[file.relativePath] { return resolver.links(of: document.outline) }
                let kept = previous.entries[file.relativePath]!.links
                return (kept, LinkResolver.warnings(for: kept, in: file.relativePath))
            }
        } else {
            (resolver, links) = resolveLinks(outlines)
            if let previous, incremental != nil {
                let relinked = sources.files.indices.filter { [parsed] index in
                    let path = sources.files[index].relativePath
                    return parsed[path] == nil && previous.entries[path]?.links != links[index].links
                }
                parsed.merge(parse(Set(relinked.map { sources.files[$0].relativePath }), of: sources)) { new, _ in new }
            }
        }
        for (index, file) in sources.files.enumerated() { parsed[file.relativePath]?.links = links[index].links }
        return (resolver, links)
    }

    /// Every document's facts as the previous build stored them, by path.
    fileprivate func decodedFacts(_ previous: PreviousBuild) throws -> [String: ExtractedFacts] {
        guard let decoded = previous.facts(of: previous.paths) else { throw BuildError.previousBuildUnreadable(previous.url.path) }
        return Dictionary(zip(previous.paths, decoded), uniquingKeysWith: { first, _ in first })
    }


    fileprivate func parse(_ paths: Set<String>, of sources: SourceFiles) -> [String: ParsedDocument] {
        let files = sources.files.filter { paths.contains($0.relativePath) }
        let documents = concurrentMap(files) { parse($0) }
        return Dictionary(uniqueKeysWithValues: documents.map { ($0.document.path, $0) })
    }
}
