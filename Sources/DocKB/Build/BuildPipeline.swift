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
        let clock = ContinuousClock()
        let start = clock.now
        let scan = try SourceScanner(root: source).scan()
        var warnings = scan.warnings
        var documents: [ParsedDocument] = []
        for outcome in parseInParallel(scan.files) {
            switch outcome {
            case .parsed(let document): documents.append(document)
            case .unreadable(let warning): warnings.append(warning)
            }
        }

        let resolver = siteBasePaths.map { LinkResolver(documents: documents.map(\.document), siteBasePaths: $0) }
            ?? LinkResolver.learningSiteBases(documents: documents.map(\.document), sourceFolderName: source.lastPathComponent)
        var linkWarnings: [[Diagnostic]] = []
        for index in documents.indices {
            let (links, problems) = resolver.links(of: documents[index].document)
            documents[index].links = links
            linkWarnings.append(problems)
        }

        let buildInfo = ["source_folder": source.path, "documents": String(documents.count),
                         "site_base_paths": resolver.siteBasePaths.joined(separator: " ")]
        var documentWarnings: [Diagnostic] = []
        let counts = try KnowledgeBaseWriter(outputFolder: output).publish(
            documentPaths: documents.map(\.document.path), buildInfo: buildInfo
        ) { session in
            try session.add(diagnostics: warnings)
            for (parsed, problems) in zip(documents, linkWarnings) {
                let stored = try session.add(parsed.document, facts: parsed.facts, links: parsed.links)
                try session.add(diagnostics: problems)
                documentWarnings += stored.sorted { $0.location.line < $1.location.line }
            }
        }
        // Errors first, then what the parser, extractor and store noticed, then
        // dangling links: a folder copied out of a larger docset has many of
        // those, and they must not hide the rest when the list is cut short.
        let all = warnings + documentWarnings + linkWarnings.joined()
        warnings = all.filter { $0.severity == .error } + all.filter { $0.severity != .error }

        let elapsed = clock.now - start
        let report = BuildReport(sourceFolder: source.path, knowledgeBase: knowledgeBase.path, counts: counts,
                                 warnings: warnings,
                                 seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        if let sitePublisher {
            do {
                try sitePublisher.publish(CompletedBuild(sourceFolder: source, outputFolder: output,
                                                         knowledgeBase: knowledgeBase, documents: documents,
                                                         report: report))
            } catch {
                throw BuildError.sitePublishingFailed("\(error)")
            }
        }
        return report
    }

    private enum Outcome: Sendable {
        case parsed(ParsedDocument)
        case unreadable(Diagnostic)
    }

    /// Reads, parses and extracts every file on all cores; results keep the
    /// files' (sorted) order whatever order the work finishes in.
    private func parseInParallel(_ files: [SourceScanner.File]) -> [Outcome] {
        var outcomes = [Outcome?](repeating: nil, count: files.count)
        outcomes.withUnsafeMutableBufferPointer { slots in
            let slots = SlotBuffer(slots)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots[index] = parse(files[index])
            }
        }
        return outcomes.compactMap { $0 }
    }

    private func parse(_ file: SourceScanner.File) -> Outcome {
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
