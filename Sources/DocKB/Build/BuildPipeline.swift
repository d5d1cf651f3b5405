import Foundation

/// scan → parse + extract (in parallel) → resolve links → write the knowledge
/// base (one transaction, atomic publish) → site publisher, if any.
public struct BuildPipeline: Sendable {
    public var source: URL
    public var output: URL
    /// URL prefixes under which site-absolute links point into the source
    /// folder (`/sccm/`). When nil: the source folder's own name, plus the
    /// prefixes the documents' links show to be theirs (see
    /// `LinkResolver.learningSiteBases`).
    public var siteBasePaths: [String]?
    public var sitePublisher: (any SitePublisher)?
    /// Told of each phase and each file done, for a progress display.
    public var progress: BuildProgress?
    public var parser = MarkdownParser()
    public var extractor = FactExtractor()

    public init(source: URL, output: URL, siteBasePaths: [String]? = nil, sitePublisher: (any SitePublisher)? = nil) {
        self.source = source.standardizedFileURL
        self.output = output.standardizedFileURL
        self.siteBasePaths = siteBasePaths
        self.sitePublisher = sitePublisher
    }

    public var knowledgeBase: URL { KnowledgeBaseWriter(outputFolder: output).destination }

    @discardableResult
    public func run() throws -> BuildReport {
        var stopwatch = Stopwatch()
        defer { progress?.finish() }
        progress?.begin("scan")
        let scan = try SourceScanner(root: source).scan()
        // After the scan: a missing source folder fails before the output is touched.
        let lock = try BuildLock.acquire(in: output)
        defer { lock.release() }
        KnowledgeBaseWriter.removeLeftovers(in: output)
        defer { DeferredRemoval.waitForAll() }
        let sources = SourceFiles(scan.files)
        stopwatch.lap("scan")
        var plan = BuildPlan(sources: sources, previous: PreviousBuild.Index.load(knowledgeBase))
        if plan.isNoOp {
            stopwatch.lap("compare")
            var report = try upToDateReport(phases: stopwatch.phases, warnings: scan.warnings + sources.unreadable)
            if let sitePublisher, !sitePublisher.isCurrent(output: output, sourcesSHA256: plan.sourcesSHA256) {
                // The knowledge base is current but the site is not (a build
                // died between the two): publish the site again.
                let previous = PreviousBuild.load(knowledgeBase)
                let outlines = previous.map { previous in sources.files.compactMap { previous.entries[$0.relativePath]?.outline } }
                let links = previous.map { previous in previous.entries.mapValues(\.links) } ?? [:]
                try publishSite(sitePublisher, sources: sources, parsed: [:], outlines: outlines, links: links,
                                plan: plan, report: report)
                stopwatch.lap("site")
                report.phases = stopwatch.phases
            }
            return report
        }

        // The previous build's outlines and facts, decoded only now that there
        // is work to do; meanwhile, an incremental build's copy of its knowledge base is made.
        let copy = plan.kind == .incremental ? KnowledgeBaseWriter(outputFolder: output).startCopy(of: knowledgeBase) : nil
        let previous = plan.kind == .first ? nil : PreviousBuild.load(knowledgeBase)
        if previous == nil, plan.kind != .first { plan = BuildPlan(sources: sources, previous: nil) }

        let written: WrittenBuild
        if plan.kind == .incremental {
            do {
                written = try writeChanges(sources: sources, scan: scan, plan: plan, previous: previous!, copy: copy,
                                           stopwatch: &stopwatch)
            } catch BuildError.previousBuildUnreadable {
                // Cached facts this dockb cannot read: every document is parsed again, and the history goes on.
                plan = BuildPlan(sources: sources, previous: nil)
                written = try writeEverything(sources: sources, scan: scan, plan: plan, previous: previous, stopwatch: &stopwatch)
            }
        } else {
            written = try writeEverything(sources: sources, scan: scan, plan: plan, previous: previous, stopwatch: &stopwatch)
        }
        var parsed = written.parsed
        let (counts, documentWarnings, links, history) = (written.counts, written.documentWarnings, written.links, written.history)
        let paths = sources.files.map(\.relativePath)

        // Errors first, then what the scanner, parser, extractor and store
        // noticed, then dangling links: a folder copied out of a larger docset
        // has many of those, and they must not hide the rest when the list is
        // cut short.
        let all = scan.warnings + sources.unreadable + documentWarnings + links.flatMap(\.warnings)
        var report = BuildReport(sourceFolder: source.path, knowledgeBase: knowledgeBase.path, counts: counts,
                                 warnings: all.filter { $0.severity == .error } + all.filter { $0.severity != .error },
                                 phases: stopwatch.phases)
        report.history = history
        if sitePublisher == nil { try written.knowledgeBase.moveIntoPlace() }
        if let sitePublisher {
            progress?.begin("site")
            let resolved = Dictionary(uniqueKeysWithValues: zip(paths, links.map(\.links)))
            let proseOnly = written.factsUnchanged ? previous?.sourcesSHA256.map {
                ProseOnlyChange(previousSourcesSHA256: $0, documents: Set(parsed.keys))
            } : nil
            // Only the documents go on to the site; their facts are freed for its pages.
            let documents = parsed.mapValues(\.document)
            parsed = [:]
            try publishSite(sitePublisher, sources: sources, parsed: documents, outlines: written.outlines, links: resolved,
                            linkResolver: written.linkResolver, plan: plan, report: report, proseOnly: proseOnly,
                            knowledgeBase: written.knowledgeBase)
            stopwatch.lap("site")
            report.phases = stopwatch.phases
            releaseInBackground((consume written, consume documents, consume previous))
        }
        return report
    }

    /// The site gets every document's outline, and the content of those it
    /// renders: parsed by this build, or parsed on demand (without extraction,
    /// which is the costly part) for pages that must be rendered again.
    /// `knowledgeBase`, when this build wrote one, is read where it was
    /// committed and moved into place before the site (or once the site
    /// failed: it is complete all the same).
    private func publishSite(_ publisher: any SitePublisher, sources: SourceFiles, parsed documents: [String: Document],
                             outlines: [DocumentOutline]?, links: [String: [LinkRecord]],
                             linkResolver: LinkResolver? = nil, plan: BuildPlan, report: BuildReport,
                             proseOnly: ProseOnlyChange? = nil, knowledgeBase pending: PendingKnowledgeBase? = nil) throws {
        // The bytes of the documents not parsed yet, for those a page needs.
        let data = Dictionary(uniqueKeysWithValues: sources.files.filter { documents[$0.relativePath] == nil }
            .map { ($0.relativePath, $0.data) })
        let parser = parser
        let load: @Sendable (String) -> Document? = { path in
            documents[path] ?? data[path].map { parser.parse($0, path: path) }
        }
        let outlines = outlines ?? concurrentMap(sources.files) { load($0.relativePath)!.outline }
        let linkResolver = linkResolver ?? resolver(for: outlines)
        do {
            try publisher.publish(CompletedBuild(sourceFolder: source, outputFolder: output,
                                                 knowledgeBase: pending?.file ?? knowledgeBase,
                                                 placeKnowledgeBase: { try pending?.moveIntoPlace() },
                                                 outlines: outlines, load: load, links: links, linkResolver: linkResolver,
                                                 sourcesSHA256: plan.sourcesSHA256, proseOnly: proseOnly, report: report))
        } catch {
            // When the knowledge base itself failed, its error is the build's.
            try pending?.moveIntoPlace()
            throw BuildError.sitePublishingFailed("\(error)")
        }
        try pending?.moveIntoPlace()
    }

    /// The report of a build that found nothing to do.
    private func upToDateReport(phases: [BuildReport.Phase], warnings: [Diagnostic]) throws -> BuildReport {
        let kb = try KnowledgeBase(url: knowledgeBase)
        let counts = try kb.read { try StoreCounts.load($0) }
        return BuildReport(sourceFolder: source.path, knowledgeBase: knowledgeBase.path, counts: counts,
                           warnings: warnings, phases: phases)
    }

    /// Every document's links, resolved against all outlines, in source order.
    func resolveLinks(_ outlines: [DocumentOutline]) -> (LinkResolver, [(links: [LinkRecord], warnings: [Diagnostic])]) {
        let resolver = resolver(for: outlines)
        return (resolver, concurrentMap(outlines, resolver.links(of:)))
    }

    /// The given site base paths, or those the documents' links show to be theirs.
    private func resolver(for outlines: [DocumentOutline]) -> LinkResolver {
        siteBasePaths.map { LinkResolver(outlines: outlines, siteBasePaths: $0) }
            ?? LinkResolver.learningSiteBases(outlines: outlines, sourceFolderName: source.lastPathComponent)
    }
}

/// Lets go of `value` on another thread. The parsed documents of a corpus
/// build are millions of small allocations, and freeing them took the
/// building thread a fifth of a second after everything was written.
func releaseInBackground<Value>(_ value: consuming Value) {
    let box = ReleaseBox(value)
    DispatchQueue.global(qos: .utility).async { box.value = nil }
}

private final class ReleaseBox<Value>: @unchecked Sendable {
    var value: Value?
    init(_ value: consuming Value) { self.value = value }
}

/// `elements.map(transform)` on all cores. The results keep the elements'
/// order whatever order the work finishes in, so builds stay deterministic.
func concurrentMap<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
    var results = [Result?](repeating: nil, count: elements.count)
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = SlotBuffer(buffer)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots[index] = transform(elements[index])
        }
    }
    return results.map { $0! }
}

/// Runs `first` on a worker thread and `second` on the caller's, at once;
/// both results, or the error of the first that failed. Not two iterations
/// of `concurrentPerform`: Dispatch runs a `concurrentPerform` nested in
/// another on one thread, so work either piece splits with `concurrentMap`
/// would get one core where it could have two.
func concurrently<A, B>(_ first: @escaping @Sendable () throws -> A, _ second: () throws -> B) throws -> (A, B) {
    let firstResult = ResultBox<A>()
    let done = DispatchGroup()
    DispatchQueue.global().async(group: done) { firstResult.value = Result { try first() } }
    let secondResult = Result { try second() }
    done.wait()
    return (try firstResult.value!.get(), try secondResult.get())
}

/// Written by the worker before `DispatchGroup.wait` returns, read after it.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Result<Value, any Error>?
}

/// Distinct indices of one buffer written from concurrent iterations: each
/// iteration owns its slot, so no two threads ever touch the same element.
private struct SlotBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}

/// Wall-clock time of each phase of a build, for the report.
struct Stopwatch {
    private var last: ContinuousClock.Instant
    private(set) var phases: [BuildReport.Phase] = []

    init() { last = .now }

    mutating func lap(_ name: String, at now: ContinuousClock.Instant = ContinuousClock.now) {
        let elapsed = (now - last).components
        phases.append(BuildReport.Phase(name: name, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        last = now
    }
}
