import Foundation

/// Where each generated file lives, relative to the output directory, and how
/// one page links to another. Every path is `/`-separated and relative, so the
/// site works from `file://` and from any sub-folder of a web server.
enum SitePaths {
    static let index = "index.html"
    static let search = "search.html"
    static let documents = "documents.html"
    static let quality = "quality.html"
    /// The builds the knowledge base records and what each changed.
    static let changes = "changes.html"
    static let stylesheet = "style.css"
    static let script = "site.js"
    static let searchIndex = "search-index.js"
    /// Folder of the rendered source documents, mirroring the source tree.
    static let documentFolder = "docs"

    /// Top-level entries the renderer owns in the output directory: a render
    /// removes what it finds under them that it did not produce (see `SiteWriter`).
    static var ownedEntries: [String] {
        [index, search, documents, quality, changes, stylesheet, script, searchIndex, documentFolder]
            + SiteEntityKind.allCases.flatMap { [$0.folder, $0.referencePage] }
    }

    /// `core/clients/x.md` → `docs/core/clients/x.html`.
    static func page(forDocument path: String) -> String {
        let base = path.lowercased().hasSuffix(".md") ? String(path.dropLast(3)) : path
        let slash = base.lastIndex(of: "/").map { base.index(after: $0) } ?? base.startIndex
        return documentFolder + "/" + base[..<slash] + fileName(base[slash...], ".html", identifying: path)
    }

    /// The longest page file name: file systems allow 255 bytes, and a page
    /// is first written under its name with a dot before it and the process
    /// id after it (see `SiteWriter`).
    static let longestFileName = 200

    /// `name + ext`, or when that is longer than `longestFileName` bytes, the
    /// start of `name` and a digest of `whole`, which tells apart names that
    /// start alike. A source file name of 251 bytes was a valid name whose
    /// page could never be written.
    static func fileName(_ name: Substring, _ ext: String, identifying whole: String) -> String {
        guard name.utf8.count + ext.utf8.count > longestFileName else { return name + ext }
        let digest = "-" + MarkdownParser.sha256(of: Data(whole.utf8)).prefix(16)
        var kept = Substring(name)
        // Whole characters only, so the name stays valid UTF-8.
        while kept.utf8.count + digest.utf8.count + ext.utf8.count > longestFileName { kept = kept.dropLast() }
        return kept + digest + ext
    }

    /// The URL of `target` as written on the page at `from` (both relative to
    /// the output directory), with an optional fragment.
    /// Works on the paths' bytes: pages link thousands of times, and splitting
    /// both paths into component strings each time made this a third of
    /// rendering the entity pages.
    static func url(from: String, to target: String, fragment: String? = nil) -> String {
        let slash = UInt8(ascii: "/")
        let source = Array(from.utf8), destination = Array(target.utf8)
        // The folder of `from` is everything up to its last `/` (none at the root).
        let folderEnd = source.lastIndex(of: slash) ?? -1
        // The folders both paths share: up to the last `/` they agree on.
        var shared = 0, index = 0
        while index <= folderEnd, index < destination.count, source[index] == destination[index] {
            if source[index] == slash { shared = index + 1 }
            index += 1
        }
        let ups = source[shared..<(folderEnd + 1)].filter { $0 == slash }.count
        var url = String(repeating: "../", count: ups) + String(decoding: destination[shared...], as: UTF8.self)
        if let fragment, !fragment.isEmpty {
            url += "#" + fragment
        }
        return url
    }

    /// A file-name-safe, readable slug: lower-case letters and digits joined by `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash, !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "entry" : String(out.prefix(80))
    }
}
