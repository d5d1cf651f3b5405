import Foundation

/// What a link written in a document becomes on the generated page.
enum ResolvedLink: Equatable {
    /// A page of this site (relative URL, fragment kept when the target has it).
    case page(String)
    /// An `http(s):` or `mailto:` link, kept as written.
    case external(String)
    /// A relative link to something outside the documentation set.
    case unresolved(String)
    /// A scheme a browser would run or hand to another program (`javascript:`, `data:`, `file:`...).
    case unsafe
}

/// Rewrites the links of one document for the page it is rendered on:
/// `.md` links become links to the generated pages with their anchors.
///
/// Which document and anchor a relative link names is decided by the build's
/// `LinkResolver` (through the catalog), so a page links where the knowledge
/// base says the link leads: `.md`-less and site-absolute paths, anchors
/// matched regardless of case, DocFX's heading ids, anchors of included files.
/// This type only adds what is particular to a page: URL safety, and `#x`
/// written in an included file, which leads into the page it is pasted into
/// when that page has `x`.
struct PageLinkResolver {
    let catalog: DocumentCatalog
    /// The document whose folder relative links start from (an included file's own path).
    let documentPath: String
    /// The generated page the link is written on.
    let pagePath: String
    /// The document the page is for (differs from `documentPath` inside an included file).
    var hostDocument: String?

    func resolve(_ raw: String) -> ResolvedLink {
        let destination = raw.trimmingWhitespaceAndNewlines
        switch URLSafety.classify(destination) {
        case .unsafe: return .unsafe
        case .web, .mail: return .external(destination)
        case .protocolRelative: return .external("https:" + destination)
        case .relative: return resolveRelative(destination)
        }
    }

    private func resolveRelative(_ destination: String) -> ResolvedLink {
        let (pathPart, fragment) = Self.split(destination)
        if pathPart.isEmpty, fragment != nil, let host = hostDocument, host != documentPath {
            // The host page's anchors include those of the files pasted into it.
            let inHost = catalog.resolveLink(destination, in: host)
            if inHost.status == .resolved, inHost.targetPath == host {
                return .page(SitePaths.url(from: pagePath, to: catalog.page(forDocument: host), fragment: inHost.targetAnchor))
            }
        }
        let record = catalog.resolveLink(destination, in: documentPath)
        switch record.status {
        case .resolved, .danglingAnchor:
            guard let target = record.targetPath else { return .unresolved(destination) }
            // A fragment the target does not have would be a dead anchor: link to the page instead.
            let anchor = record.status == .resolved ? record.targetAnchor : nil
            return .page(SitePaths.url(from: pagePath, to: catalog.page(forDocument: target), fragment: anchor))
        case .danglingDocument, .external, .asset:
            return .unresolved(destination)
        }
    }

    /// `a/b.md?view=x#frag` → (`a/b.md`, `frag`); the query means nothing offline.
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        let (path, rawFragment) = LinkResolver.split(destination)
        let fragment = rawFragment.flatMap(LinkResolver.percentDecoded)
        return (path, fragment?.isEmpty == true ? nil : fragment)
    }

    /// Resolves `../x/y.md` against the folder of `base`; nil when it climbs
    /// above the documentation root.
    static func normalize(_ relative: String, relativeTo base: String) -> String? {
        var parts = base.split(separator: "/").map(String.init)
        parts.removeLast()
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}

/// Decides which URLs may appear in an `href`.
enum URLSafety {
    enum Kind: Equatable { case web, mail, protocolRelative, relative, unsafe }

    static func classify(_ url: String) -> Kind {
        // Browsers ignore tabs, newlines and leading control characters and
        // spaces inside a scheme (`java\tscript:`), so decide on the compacted
        // form. Read as UTF-8 bytes: every link of every page comes here, and
        // the bytes of a non-ASCII character are all above 0x7F, kept as the
        // character would be.
        let compact = url.utf8.filter { $0 > 0x20 && $0 != 0x7F }
        func starts(_ prefix: String) -> Bool { compact.starts(with: prefix.utf8) }
        if starts("//") || starts("\\\\") || starts("/\\") || starts("\\/") {
            return starts("//") ? .protocolRelative : .unsafe
        }
        guard let colon = compact.firstIndex(of: UInt8(ascii: ":")) else { return .relative }
        let beforeColon = compact[..<colon]
        // A colon after the first `/`, `?` or `#` belongs to the path, not to a scheme.
        if beforeColon.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            return .relative
        }
        // ASCII lower-casing suffices: no other letter lower-cases into these schemes.
        switch String(decoding: beforeColon.map(\.asciiLowercased), as: UTF8.self) {
        case "http", "https": return .web
        case "mailto": return .mail
        default: return .unsafe
        }
    }
}
