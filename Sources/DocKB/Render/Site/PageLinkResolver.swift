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
struct PageLinkResolver {
    let catalog: DocumentCatalog
    /// The document whose folder relative links start from (an included file's own path).
    let documentPath: String
    /// The generated page the link is written on.
    let pagePath: String

    func resolve(_ raw: String) -> ResolvedLink {
        let destination = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch URLSafety.classify(destination) {
        case .unsafe: return .unsafe
        case .web, .mail: return .external(destination)
        case .protocolRelative: return .external("https:" + destination)
        case .relative: return resolveRelative(destination)
        }
    }

    /// Relative paths start from the linking document's folder; site-absolute
    /// ones (`/sccm/core/x`) from the source folder when they start with one
    /// of the catalog's site base paths. Extension-less paths name `x.md` or
    /// `x/index.md`, as DocFX publishes pages without `.md`.
    private func resolveRelative(_ destination: String) -> ResolvedLink {
        let (pathPart, fragment) = Self.split(destination)
        if pathPart.isEmpty {
            return link(toDocument: documentPath, fragment: fragment, written: destination)
        }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        let target: String?
        if decoded.hasPrefix("/") {
            target = catalog.siteBasePaths.first { decoded.lowercased().hasPrefix($0) }
                .flatMap { Self.normalize(String(decoded.dropFirst($0.count)), relativeTo: "root.md") }
        } else {
            target = Self.normalize(decoded, relativeTo: documentPath)
        }
        guard let target else { return .unresolved(destination) }
        let candidates = decoded.hasSuffix("/") ? [target + "/index.md"] : [target, target + ".md", target + "/index.md"]
        if let found = candidates.lazy.compactMap(catalog.documentPath(matching:)).first {
            return link(toDocument: found, fragment: fragment, written: destination)
        }
        return .unresolved(destination)
    }

    private func link(toDocument path: String, fragment: String?, written: String) -> ResolvedLink {
        let page = catalog.page(forDocument: path)
        // A fragment the target does not have would be a dead anchor: link to the page instead.
        let anchor = fragment.flatMap { catalog.anchor($0, in: path) }
        return .page(SitePaths.url(from: pagePath, to: page, fragment: anchor))
    }

    /// `a/b.md?view=x#frag` → (`a/b.md`, `frag`); the query means nothing offline.
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...]).removingPercentEncoding
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return (String(rest), fragment?.isEmpty == true ? nil : fragment)
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
        // spaces inside a scheme (`java\tscript:`), so decide on the compacted form.
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }.map(Character.init))
        if compact.hasPrefix("//") || compact.hasPrefix("\\\\") || compact.hasPrefix("/\\") || compact.hasPrefix("\\/") {
            return compact.hasPrefix("//") ? .protocolRelative : .unsafe
        }
        guard let colon = compact.firstIndex(of: ":") else { return .relative }
        let beforeColon = compact[..<colon]
        // A colon after the first `/`, `?` or `#` belongs to the path, not to a scheme.
        if beforeColon.contains(where: { "/?#".contains($0) }) { return .relative }
        switch beforeColon.lowercased() {
        case "http", "https": return .web
        case "mailto": return .mail
        default: return .unsafe
        }
    }
}
