import Foundation

/// Writes the static reference site: the build pipeline calls it after the
/// knowledge base is written.
///
/// Reads typed facts from the knowledge base (read-only) and document content
/// from the parsed `Document`s, and writes every page, the SVG diagrams, the
/// stylesheet, the script and the search index into the output directory.
/// Output is deterministic: the same inputs give byte-identical files.
public struct SiteRenderer: Sendable {
    public let databasePath: String
    /// URL prefixes under which site-absolute links (`/sccm/core/x`) point
    /// into the documentation set, as the build resolves them.
    public let siteBasePaths: [String]

    public init(databasePath: String, siteBasePaths: [String] = []) {
        self.databasePath = databasePath
        self.siteBasePaths = siteBasePaths
    }

    /// `sourcesSHA256` identifies the sources in the site's marker (see `isCurrent`).
    /// True when the site in `outputDirectory` was rendered from the sources `sourcesSHA256` names.
    public static func isCurrent(_ outputDirectory: URL, sourcesSHA256: String) -> Bool {
        SiteWriter.isCurrent(outputDirectory, sourcesSHA256: sourcesSHA256)
    }

    public func render(documents: [Document], to outputDirectory: URL, sourcesSHA256: String? = nil) throws -> SiteReport {
        let byPath = Dictionary(documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return try render(outlines: documents.map(\.outline), load: { byPath[$0] }, links: nil, to: outputDirectory,
                          sourcesSHA256: sourcesSHA256)
    }

    /// Renders the site of the documents `outlines` describe. `load` gives a
    /// document's content; it is asked only for the documents whose page must
    /// be rendered (see `PageManifest`) and those other pages quote. `links`,
    /// the build's resolution of every document's links, spares working it
    /// out again for the pages' digests. `beforeCommit` runs once every page
    /// is rendered and the knowledge base read, before any page in use changes.
    public func render(outlines: [DocumentOutline], load: @escaping @Sendable (String) -> Document?,
                       links: [String: [LinkRecord]]?, to outputDirectory: URL,
                       sourcesSHA256: String? = nil, proseOnly: ProseOnlyChange? = nil,
                       linkResolver: LinkResolver? = nil, beforeCommit: () throws -> Void = {}) throws -> SiteReport {
        // Two independent starts, at once: the knowledge base's facts, and
        // the catalog of outlines with what the previous render left.
        let ((rowCache, snapshot), (catalog, previous)) = try ParallelPages.both({ [databasePath] in
            // The search index reuses the rows of documents it has seen: only
            // the others' section text is read from the knowledge base.
            let rowCache = SearchRowCache.read(from: outputDirectory)
            let cachedDocuments = Set(outlines.filter { rowCache.knows($0.sha256) }.map(\.path))
            return (rowCache, try SiteFacts.load(databasePath: databasePath, skippingSectionsOf: cachedDocuments))
        }, { [siteBasePaths] in
            (DocumentCatalog(outlines: outlines, siteBasePaths: siteBasePaths, load: load, linkResolver: linkResolver,
                             resolvedLinks: links),
             PageManifest.read(from: outputDirectory))
        })
        let model = SiteModel(snapshot: snapshot, catalog: catalog)
        let writer = try SiteWriter(root: outputDirectory)
        let log = RenderLog()
        let navigation = SitePage.navigation(for: model)
        var report = SiteReport()
        var manifest = PageManifest()

        func write(_ page: SitePage) throws {
            try writer.write(page.serialized(), to: page.path)
            report.pages += 1
        }

        // Each method's checklist reads the whole set (its related sections): on all cores.
        let methods = model.entities[.installMethod] ?? []
        catalog.beginRecording()
        let headings = methods.isEmpty ? nil : MethodHeadings(model: model)
        let built = ParallelPages.map(methods.count) {
            InstallMethodChecklist(entity: methods[$0], model: model, headings: headings!)
        }
        let checklists = Dictionary(zip(methods.map(\.key), built), uniquingKeysWith: { _, last in last })
        var quoted = catalog.endRecording()

        // Document pages are most of the work: render on all cores those whose
        // digest changed (or whose file is gone), keep the others as they are.
        let shared = ([ToolIdentity.current] + navigation.map { "\($0.title) \($0.target)" } + catalog.siteBasePaths)
            .joined(separator: "\n")
        let outlines = model.catalog.outlines
        let linkTargets = outlines.contains(where: \.hasRawHTMLLinks) ? PageManifest.linkTargets(of: outlines) : ""
        let digests = ParallelPages.map(outlines.count) {
            PageManifest.digest(of: outlines[$0], model: model, links: links, shared: shared, linkTargets: linkTargets)
        }
        let stale = outlines.indices.filter { index in
            let path = outlines[index].path
            return previous.pages[path]?.digest != digests[index]
                || !FileManager.default.fileExists(atPath: outputDirectory.path + "/" + SitePaths.page(forDocument: path))
        }
        var rendered = ParallelPages.map(stale.count) { position -> (path: String, data: Data, log: RenderLog)? in
            guard let document = catalog.document(at: outlines[stale[position]].path) else { return nil }
            let pageLog = RenderLog()
            let page = DocumentPage.render(document, model: model, log: pageLog, navigation: navigation)
            return (path: page.path, data: page.serialized(), log: pageLog)
        }
        var fresh: [String: RenderLog] = [:]
        for (index, page) in zip(stale, rendered) {
            guard let page else { continue }
            try writer.write(page.data, to: page.path)
            fresh[outlines[index].path] = page.log
        }
        // New pages go to disk now, so their bytes are not held through the rest of the render.
        rendered = []
        try writer.publishNewFiles()
        for (index, outline) in outlines.enumerated() {
            let page: PageManifest.Page
            if let pageLog = fresh[outline.path] {
                page = PageManifest.Page(digest: digests[index], warnings: pageLog.diagnostics,
                                         linkedLines: PageManifest.lines(pageLog.linkedFactLines))
            } else if let kept = previous.pages[outline.path] {
                writer.keep(SitePaths.page(forDocument: outline.path))
                page = kept
            } else {
                continue
            }
            manifest.pages[outline.path] = page
            log.merge(warnings: page.warnings, linkedLines: page.linkedLines)
            report.pages += 1
            report.documentPages += 1
        }
        report.documentPagesRendered = fresh.count
        // Entity and reference pages and the list of documents: kept when
        // only prose changed, unless they quote it.
        let sharedDigest = MarkdownParser.sha256(of: Data(shared.utf8))
        if let kept = previous.factPages,
           kept.isCurrent(after: proseOnly, shared: sharedDigest, quotedNow: quoted, in: outputDirectory) {
            for file in kept.files { writer.keep(file) }
            report.factPagesRendered = false
            report.pages += kept.pages
            report.entityPages += kept.entityPages
            report.diagrams += kept.diagrams
            manifest.factPages = kept.rendered(sourcesSHA256, quoting: quoted)
        } else {
            let before = (files: writer.queuedFiles.count, report: report)
            catalog.beginRecording()
            try renderFactPages(model: model, checklists: checklists, navigation: navigation, writer: writer, report: &report)
            // The list of documents shows titles, dates and fact counts: outlines and facts, as these pages.
            try write(OverviewPages.documents(model: model, navigation: navigation))
            quoted.formUnion(catalog.endRecording())
            manifest.factPages = sourcesSHA256.map { sources in
                PageManifest.FactPages(sourcesSHA256: sources, shared: sharedDigest, quoted: quoted.sorted(),
                                       files: Array(writer.queuedFiles.dropFirst(before.files)),
                                       pages: report.pages - before.report.pages,
                                       entityPages: report.entityPages - before.report.entityPages,
                                       diagrams: report.diagrams - before.report.diagrams)
            }
            // New ones go to disk now, as the document pages did: their bytes
            // are then written back while the search index is built, not
            // waited for by the sync at the end.
            try writer.publishNewFiles()
        }
        // The overview pages and the search index do not depend on each other: at once.
        let (overview, search) = try ParallelPages.both({ [databasePath] in
            let quality = try QualityReport.load(databasePath: databasePath)
            let pages = [OverviewPages.index(model: model, checklists: checklists, navigation: navigation),
                         ChangesPage.render(model: model, navigation: navigation),
                         OverviewPages.search(navigation: navigation),
                         QualityPage.render(quality, model: model, navigation: navigation)]
            return (pages: pages.map { (path: $0.path, data: $0.serialized()) }, quality: quality)
        }, {
            let search = SiteSearchIndex.script(for: model, reusing: rowCache)
            return (index: search, cache: search.cache.encoded(forIndex: search.script))
        })
        for page in overview.pages {
            try writer.write(page.data, to: page.path)
            report.pages += 1
        }
        report.quality = overview.quality
        try writer.write(search.index.script, to: SitePaths.searchIndex)
        try writer.write(search.cache, to: SearchRowCache.fileName)
        report.searchRowsReused = search.index.documentsReused
        try writer.write(Data(SiteStylesheet.source.utf8), to: SitePaths.stylesheet)
        try writer.write(Data(SiteScript.source.utf8), to: SitePaths.script)
        try writer.write(manifest.encoded(), to: PageManifest.fileName)

        try beforeCommit()
        try writer.commit(sourcesSHA256: sourcesSHA256)
        // A site rendered by an earlier dockb has its manifest as JSON beside the new one.
        unlink(outputDirectory.path + "/" + PageManifest.formerFileName)
        report.files = writer.filesWritten
        report.bytes = writer.bytesWritten
        report.filesRewritten = writer.filesRewritten
        report.filesRemoved = writer.filesRemoved
        report.warnings = log.diagnostics
        report.unlinkedFacts = Self.unlinkedFacts(model: model, log: log)
        // The model and the catalog hold every outline and fact: freeing them
        // took the last 10-20 ms of a one-document rebuild, on one core.
        releaseInBackground((consume model, consume catalog, consume checklists))
        return report
    }

    /// Every entity's page (an installation method's with its diagram) and
    /// every reference page, rendered on all cores and queued in order.
    private func renderFactPages(model: SiteModel, checklists: [String: InstallMethodChecklist],
                                 navigation: [SitePage.NavigationItem], writer: SiteWriter, report: inout SiteReport) throws {
        let entities = SiteEntityKind.allCases.flatMap { kind in (model.entities[kind] ?? []).map { (kind, $0) } }
        let entityPages = ParallelPages.map(entities.count) { index -> (page: Data, path: String, diagram: (svg: Data, path: String)?) in
            let (kind, entity) = entities[index]
            if kind == .installMethod, let checklist = checklists[entity.key] {
                let (page, diagram) = InstallMethodPage.render(checklist, model: model, navigation: navigation)
                return (page.serialized(), page.path, diagram.map { ($0.svg, $0.path) })
            }
            let page = EntityPages.render(entity, model: model, navigation: navigation)
            return (page.serialized(), page.path, nil)
        }
        var next = 0
        for kind in SiteEntityKind.allCases {
            let reference = ReferencePages.render(kind, model: model, checklists: checklists, navigation: navigation)
            try writer.write(reference.serialized(), to: reference.path)
            report.pages += 1
            while next < entities.count, entities[next].0 == kind {
                let rendered = entityPages[next]
                try writer.write(rendered.page, to: rendered.path)
                report.pages += 1
                if let diagram = rendered.diagram {
                    try writer.write(diagram.svg, to: diagram.path)
                    report.diagrams += 1
                }
                report.entityPages += 1
                next += 1
            }
        }
    }

    /// Facts from rendered documents whose line starts no rendered table row,
    /// list item or paragraph (so no link points at them from the document).
    private static func unlinkedFacts(model: SiteModel, log: RenderLog) -> [SourceLocation] {
        var out: [SourceLocation] = []
        for (path, lines) in model.factLinks where model.catalog.outline(at: path) != nil {
            for line in lines.keys where !log.linkedFactLines.contains(.init(path: path, line: line)) {
                out.append(SourceLocation(path: path, line: line))
            }
        }
        return out.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    }
}

/// What a render produced.
public struct SiteReport: Sendable, Equatable {
    public var pages = 0
    public var documentPages = 0
    public var entityPages = 0
    /// Document pages rendered by this build; the others were unchanged.
    public var documentPagesRendered = 0
    /// False when the entity and reference pages (and the list of documents) were kept from the previous
    /// render (only prose changed since, in documents they do not quote).
    public var factPagesRendered = true
    /// Documents whose search index rows came from the previous render (see `SearchRowCache`).
    public var searchRowsReused = 0
    public var diagrams = 0
    /// Every file written (pages, diagrams, script, stylesheet, search index).
    public var files = 0
    public var bytes = 0
    /// Files whose bytes changed or that are new; the rest were left untouched.
    public var filesRewritten = 0
    /// Files of the previous render that no longer exist.
    public var filesRemoved = 0
    /// Dangling links, unsafe URLs and missing includes, by file and line.
    public var warnings: [Diagnostic] = []
    /// Lines that produced facts but start no rendered row, item or paragraph.
    public var unlinkedFacts: [SourceLocation] = []
    /// The knowledge base's quality report, as the quality page shows it.
    public var quality: QualityReport?

    public init() {}

    /// A few lines for the build report, then the warnings of the render at
    /// lines the build's own (`alreadyReported`) do not name: an include not
    /// found, a link with an unsafe scheme. A dangling link is the build's
    /// warning already, and the page's again. At most `limit` are listed; all are counted.
    public func summary(alreadyReported: [Diagnostic], limit: Int = 50) -> String {
        let reported = Set(alreadyReported.map(\.location))
        let own = warnings.filter { !reported.contains($0.location) }
        var lines = [summary]
        lines += own.prefix(limit).map { "  \($0)" }
        if own.count > limit { lines.append("  ... and \(own.count - limit) more") }
        return lines.joined(separator: "\n")
    }

    /// A few lines for the build report.
    public var summary: String {
        let megabytes = String(format: "%.1f", Double(bytes) / 1_000_000)
        var lines = ["site: \(pages) pages (\(documentPages) documents, \(entityPages) entities), "
            + "\(diagrams) diagrams, \(files) files, \(megabytes) MB",
            "site: \(filesRewritten) files written, \(files - filesRewritten) unchanged, \(filesRemoved) removed"]
        if !unlinkedFacts.isEmpty {
            lines.append("site: \(unlinkedFacts.count) fact lines not found in their rendered document")
        }
        if !warnings.isEmpty { lines.append("site: \(warnings.count) warnings") }
        return lines.joined(separator: "\n")
    }
}

public enum SiteRenderError: Error, CustomStringConvertible, Equatable {
    case missingKnowledgeBase(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingKnowledgeBase(let path):
            return "\(path): knowledge base not found; run `dockb build` first"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write the site: \(reason)"
        }
    }
}
