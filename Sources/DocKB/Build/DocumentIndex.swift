import Foundation

/// What links can point at in a document set: the documents' paths and, per
/// document, its anchors — its own and those of the files it includes.
///
/// DocFX pastes `[!INCLUDE]`d files into the page, so an anchor written in an
/// include file (`## <a name="bkmk_x"></a> ...`) is an anchor of every page
/// that includes it, directly or through other includes.
///
/// A heading's anchors are also found in the exact form DocFX publishes when
/// the heading's text starts after an anchor and a space (`-title` for
/// `## <a name="x"></a> Title`): authors copy it from the published page.
struct DocumentIndex: Sendable {
    private let paths: Set<String>
    private let pathsByLowercase: [String: String]
    private let outlines: [String: DocumentOutline]
    /// The files each document includes, as paths of the set.
    private let included: [String: [String]]
    /// The documents that include each document directly.
    private let includers: [String: [String]]
    /// Each document's anchors with those of the files it includes: all of
    /// them made up front, or each on first use (see `init`).
    private let precomputed: [String: AnchorSet]?
    private let anchors = AnchorCache()

    init(documents: [Document]) {
        self.init(outlines: documents.map(\.outline))
    }

    /// `precomputing`: work out every document's anchors now, on all cores
    /// (a build resolving every link needs them all); otherwise each
    /// document's on first use, as an incremental build that resolves only
    /// the changed documents' links needs a handful.
    init(outlines: [DocumentOutline], precomputing: Bool = true) {
        paths = Set(outlines.map(\.path))
        pathsByLowercase = Dictionary(outlines.map { ($0.path.lowercased(), $0.path) }, uniquingKeysWith: { a, _ in a })
        self.outlines = Dictionary(outlines.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let lookUp = { @Sendable [paths, pathsByLowercase] (path: String) -> String? in
            paths.contains(path) ? path : pathsByLowercase[path.lowercased()]
        }
        var included: [String: [String]] = [:]
        for outline in outlines {
            included[outline.path, default: []] += Self.includePaths(of: outline).compactMap(lookUp)
        }
        var includers: [String: [String]] = [:]
        for (path, targets) in included {
            for target in Set(targets) { includers[target, default: []].append(path) }
        }
        self.included = included
        self.includers = includers.mapValues { $0.sorted() }
        if precomputing {
            let documents = Array(self.outlines.keys), byPath = self.outlines, includes = included
            let sets = concurrentMap(documents) { Self.anchorSet(of: $0, outlines: byPath, included: includes) }
            precomputed = Dictionary(uniqueKeysWithValues: zip(documents, sets))
        } else {
            precomputed = nil
        }
    }

    /// The anchors of `path` and of every file it includes, directly or not.
    private static func anchorSet(of path: String, outlines: [String: DocumentOutline], included: [String: [String]]) -> AnchorSet {
        var reachable: Set<String> = [path]
        var pending = [path]
        while let next = pending.popLast() {
            for target in included[next] ?? [] where reachable.insert(target).inserted { pending.append(target) }
        }
        var all = Set<String>()
        for document in reachable { all.formUnion(outlines[document]?.linkTargetAnchors ?? []) }
        return AnchorSet(all)
    }

    /// The document's path as the set spells it: exactly, else ignoring case.
    func lookUp(_ path: String) -> String? {
        paths.contains(path) ? path : pathsByLowercase[path.lowercased()]
    }

    /// The anchor as `document` spells it: exactly, else ignoring case.
    func anchor(_ anchor: String, in document: String) -> String? {
        if let precomputed { return precomputed[document]?.match(anchor) }
        guard outlines[document] != nil else { return nil }
        return anchors.set(of: document) { Self.anchorSet(of: document, outlines: outlines, included: included) }.match(anchor)
    }

    /// The documents that include `document`, directly or through other
    /// includes, nearest first, each level in path order.
    func pagesIncluding(_ document: String) -> [String] {
        var seen: Set<String> = [document]
        var level = [document]
        var pages: [String] = []
        while !level.isEmpty {
            let next = level.flatMap { includers[$0] ?? [] }.filter { seen.insert($0).inserted }
            pages += next
            level = next
        }
        return pages
    }

    /// Paths of the files `outline`'s document includes, relative to the source folder.
    static func includePaths(of outline: DocumentOutline) -> [String] {
        outline.includes.compactMap { LinkResolver.normalize(folder(of: outline.path) + $0) }
    }

    /// `core/clients/` for `core/clients/page.md`; empty at the root.
    static func folder(of path: String) -> String {
        // Document paths are relative and single-slashed (`a/b/c.md`), so the
        // folder is everything up to the last slash.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[...slash])
    }

    /// Anchor sets by document, made as they are asked for, from several threads.
    private final class AnchorCache: @unchecked Sendable {
        private let lock = NSLock()
        private var sets: [String: AnchorSet] = [:]

        func set(of document: String, making: () -> AnchorSet) -> AnchorSet {
            if let known = lock.withLock({ sets[document] }) { return known }
            let made = making()
            lock.withLock { sets[document] = made }
            return made
        }
    }

    /// A document's anchors, looked up exactly, then ignoring case.
    struct AnchorSet: Sendable {
        let exact: Set<String>
        let byLowercase: [String: String]

        init(_ anchors: Set<String>) {
            exact = anchors
            byLowercase = Dictionary(anchors.sorted().map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        }

        func match(_ anchor: String) -> String? {
            exact.contains(anchor) ? anchor : byLowercase[anchor.lowercased()]
        }
    }
}

extension DocumentOutline {
    /// Every anchor a link can name in this document itself: its explicit
    /// anchors, its headings' slugs, and DocFX's exact heading ids.
    var linkTargetAnchors: Set<String> {
        var all = anchors
        for section in sections {
            if let exact = HeadingSlugger.exactID(of: section.content, slug: section.slug) { all.insert(exact) }
        }
        return all
    }
}
