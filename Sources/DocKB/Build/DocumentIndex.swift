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
    private let anchors: [String: AnchorSet]
    /// The documents that include each document directly.
    private let includers: [String: [String]]

    init(documents: [Document]) {
        self.init(outlines: documents.map(\.outline))
    }

    init(outlines: [DocumentOutline]) {
        paths = Set(outlines.map(\.path))
        pathsByLowercase = Dictionary(outlines.map { ($0.path.lowercased(), $0.path) }, uniquingKeysWith: { a, _ in a })

        // Working out every heading's ids is most of the work: on all cores.
        let perOutline = concurrentMap(outlines) { ($0.linkTargetAnchors, Self.includePaths(of: $0)) }
        var own: [String: Set<String>] = [:]
        var included: [String: [String]] = [:]
        for (outline, (anchors, includes)) in zip(outlines, perOutline) {
            own[outline.path, default: []].formUnion(anchors)
            included[outline.path] = includes
        }
        let lookUp = { @Sendable [paths, pathsByLowercase] (path: String) -> String? in
            paths.contains(path) ? path : pathsByLowercase[path.lowercased()]
        }
        var includers: [String: [String]] = [:]
        for (path, targets) in included {
            for target in Set(targets.compactMap(lookUp)) { includers[target, default: []].append(path) }
        }
        self.includers = includers.mapValues { $0.sorted() }
        let documents = Array(own.keys), ownAnchors = own, includes = included
        let sets = concurrentMap(documents) { path in
            var reachable: Set<String> = [path]
            var pending = [path]
            while let next = pending.popLast() {
                for target in (includes[next] ?? []).compactMap(lookUp) where reachable.insert(target).inserted {
                    pending.append(target)
                }
            }
            return AnchorSet(reachable.reduce(into: Set<String>()) { $0.formUnion(ownAnchors[$1] ?? []) })
        }
        anchors = Dictionary(uniqueKeysWithValues: zip(documents, sets))
    }

    /// The document's path as the set spells it: exactly, else ignoring case.
    func lookUp(_ path: String) -> String? {
        paths.contains(path) ? path : pathsByLowercase[path.lowercased()]
    }

    /// The anchor as `document` spells it: exactly, else ignoring case.
    func anchor(_ anchor: String, in document: String) -> String? {
        anchors[document]?.match(anchor)
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
        let parts = path.split(separator: "/").dropLast()
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
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
