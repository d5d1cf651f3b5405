import Foundation

/// One source document after parsing, extraction and link resolution.
public struct ParsedDocument: Sendable {
    public var document: Document
    public var facts: ExtractedFacts
    public var links: [LinkRecord]
}

/// What a finished build hands to the stage that publishes the site.
public struct CompletedBuild: Sendable {
    public var sourceFolder: URL
    public var outputFolder: URL
    public var knowledgeBase: URL
    /// In source order (sorted by relative path).
    public var documents: [ParsedDocument]
    public var report: BuildReport
}

/// Publishes the static site once the knowledge base is in place. The build
/// calls it last, so a site is only ever made from a complete knowledge base.
public protocol SitePublisher: Sendable {
    func publish(_ build: CompletedBuild) throws
}

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
        progress?.begin("scan")
        let scan = try SourceScanner(root: source).scan()
        stopwatch.lap("scan")
        progress?.begin("parse and extract", total: scan.files.count)
        var (documents, unreadable) = parseAll(scan.files)
        stopwatch.lap("parse and extract")
        progress?.begin("links")
        let (resolver, linkWarnings) = resolveLinks(&documents)
        stopwatch.lap("links")
        progress?.begin("write", total: documents.count)

        let buildInfo = ["source_folder": source.path, "documents": String(documents.count),
                         "site_base_paths": resolver.siteBasePaths.joined(separator: " ")]
        var documentWarnings: [Diagnostic] = []
        let counts = try KnowledgeBaseWriter(outputFolder: output).publish(
            documentPaths: documents.map(\.document.path), buildInfo: buildInfo
        ) { session in
            try session.add(diagnostics: scan.warnings + unreadable)
            for (parsed, problems) in zip(documents, linkWarnings) {
                let stored = try session.add(parsed.document, facts: parsed.facts, links: parsed.links)
                try session.add(diagnostics: problems)
                documentWarnings += stored.sorted { $0.location.line < $1.location.line }
                progress?.advance()
            }
        }
        stopwatch.lap("write")

        // Errors first, then what the scanner, parser, extractor and store
        // noticed, then dangling links: a folder copied out of a larger docset
        // has many of those, and they must not hide the rest when the list is
        // cut short.
        let all = scan.warnings + unreadable + documentWarnings + linkWarnings.joined()
        var report = BuildReport(sourceFolder: source.path, knowledgeBase: knowledgeBase.path, counts: counts,
                                 warnings: all.filter { $0.severity == .error } + all.filter { $0.severity != .error },
                                 phases: stopwatch.phases)
        if let sitePublisher {
            progress?.begin("site")
            do {
                try sitePublisher.publish(CompletedBuild(sourceFolder: source, outputFolder: output,
                                                         knowledgeBase: knowledgeBase, documents: documents,
                                                         report: report))
            } catch {
                throw BuildError.sitePublishingFailed("\(error)")
            }
            stopwatch.lap("site")
            report.phases = stopwatch.phases
        }
        progress?.finish()
        return report
    }

    private func parseAll(_ files: [SourceScanner.File]) -> (documents: [ParsedDocument], unreadable: [Diagnostic]) {
        var documents: [ParsedDocument] = []
        var unreadable: [Diagnostic] = []
        for outcome in concurrentMap(files, parse) {
            switch outcome {
            case .parsed(let document): documents.append(document)
            case .unreadable(let warning): unreadable.append(warning)
            }
        }
        return (documents, unreadable)
    }

    /// Fills in each document's links; returns the resolver used and each
    /// document's warnings about dangling links, in document order.
    private func resolveLinks(_ documents: inout [ParsedDocument]) -> (LinkResolver, [[Diagnostic]]) {
        let all = documents.map(\.document)
        let resolver = siteBasePaths.map { LinkResolver(documents: all, siteBasePaths: $0) }
            ?? LinkResolver.learningSiteBases(documents: all, sourceFolderName: source.lastPathComponent)
        let resolved = concurrentMap(all, resolver.links(of:))
        for index in documents.indices { documents[index].links = resolved[index].links }
        return (resolver, resolved.map(\.warnings))
    }

    private enum Outcome: Sendable {
        case parsed(ParsedDocument)
        case unreadable(Diagnostic)
    }

    private func parse(_ file: SourceScanner.File) -> Outcome {
        defer { progress?.advance() }
        let data: Data
        do {
            data = try Data(contentsOf: file.url)
        } catch {
            return .unreadable(Diagnostic(at: SourceLocation(path: file.relativePath, line: 1),
                                          "skipped: the file cannot be read (\(error.localizedDescription))"))
        }
        let document = parser.parse(data, path: file.relativePath)
        return .parsed(ParsedDocument(document: document, facts: extractor.extract(document), links: []))
    }
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
private struct Stopwatch {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var phases: [BuildReport.Phase] = []

    init() { last = clock.now }

    mutating func lap(_ name: String) {
        let now = clock.now
        let elapsed = (now - last).components
        phases.append(BuildReport.Phase(name: name, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        last = now
    }
}
