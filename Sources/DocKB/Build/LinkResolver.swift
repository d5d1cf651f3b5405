import Foundation

/// Resolves the links of documents against the set of documents being built.
///
/// - A link with a scheme (`https:`, `mailto:`, `xref:`) or starting with `//`
///   is external.
/// - A relative link is resolved against the linking document's folder;
///   `#anchor` alone points into the document itself. A path without an
///   extension is looked up as `path.md` then `path/index.md`, as DocFX
///   publishes pages without `.md`. A path that climbs above the source folder
///   leaves the set: external.
/// - A site-absolute link (`/sccm/core/x`) is resolved from the source folder
///   when it starts with one of `siteBasePaths` (by default the source
///   folder's own name, the URL prefix DocFX publishes a docset under);
///   other site-absolute links belong to other docsets: external.
/// - Paths and anchors match exactly, else ignoring letter case: DocFX builds
///   on case-insensitive file systems and readers reach the pages through
///   case-insensitive URLs, so `#bkmk_Provision` is meant to reach
///   `BKMK_Provision`. The record keeps the target's own spelling, so a
///   rendered link can use the one that works in every browser.
/// - A relative link to a non-Markdown file (image, download) is an asset and
///   is not checked.
/// - `#anchor` alone in an included file is read where DocFX pastes the file:
///   when the file itself lacks the anchor, a page including it that has it
///   is the target.
///
/// Dangling documents and anchors come with a warning at the link's line.
public struct LinkResolver: Sendable {
    private let index: DocumentIndex
    /// Normalized: lower case, one leading and one trailing `/` (`/sccm/`).
    public let siteBasePaths: [String]

    public init(documents: [Document], siteBasePaths: [String] = []) {
        self.init(outlines: documents.map(\.outline), siteBasePaths: siteBasePaths)
    }

    /// `precomputingAnchors`: see `DocumentIndex.init(outlines:precomputing:)`;
    /// false when only a few documents' links will be resolved.
    public init(outlines: [DocumentOutline], siteBasePaths: [String] = [], precomputingAnchors: Bool = true) {
        self.init(index: DocumentIndex(outlines: outlines, precomputing: precomputingAnchors), siteBasePaths: siteBasePaths)
    }

    init(index: DocumentIndex, siteBasePaths: [String]) {
        self.index = index
        var bases: [String] = []
        for base in siteBasePaths {
            let trimmed = base.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let normalized = trimmed.isEmpty ? "/" : "/" + trimmed.lowercased() + "/"
            if !bases.contains(normalized) { bases.append(normalized) }
        }
        self.siteBasePaths = bases
    }

    /// Every link of `document` in reading order, and a warning for each dangling one.
    public func links(of document: Document) -> (links: [LinkRecord], warnings: [Diagnostic]) {
        links(of: document.outline)
    }

    public func links(of outline: DocumentOutline) -> (links: [LinkRecord], warnings: [Diagnostic]) {
        let records = outline.links.map { resolve($0.destination, text: $0.text, line: $0.line, in: outline.path) }
        return (records, Self.warnings(for: records, in: outline.path))
    }

    /// A warning at each dangling link of the document at `path`.
    public static func warnings(for records: [LinkRecord], in path: String) -> [Diagnostic] {
        records.compactMap { record in
            warning(for: record).map { Diagnostic(at: SourceLocation(path: path, line: record.line), $0) }
        }
    }

    public func resolve(_ destination: String, text: String, line: Int, in documentPath: String) -> LinkRecord {
        func record(_ status: LinkRecord.Status, _ path: String? = nil, _ anchor: String? = nil) -> LinkRecord {
            LinkRecord(line: line, text: text, destination: destination, targetPath: path,
                       targetAnchor: anchor, status: status)
        }
        let written = BlockText.trimmed(destination)
        guard !written.isEmpty else { return record(.danglingDocument) }
        if written.hasPrefix("//") || Self.hasScheme(written) { return record(.external) }

        let (rawPath, rawAnchor) = Self.split(written)
        let anchor = rawAnchor.map { Self.percentDecoded($0) ?? $0 }.flatMap { $0.isEmpty ? nil : $0 }
        let path = Self.percentDecoded(rawPath) ?? rawPath

        let target: String
        if path.isEmpty {
            target = documentPath
        } else if path.hasPrefix("/") {
            let lowercased = path.lowercased()
            guard let base = siteBasePaths.first(where: { lowercased.hasPrefix($0) }),
                  let inSet = Self.normalize(String(path.dropFirst(base.count)))
            else { return record(.external) }
            target = inSet
        } else {
            guard let inSet = Self.normalize(DocumentIndex.folder(of: documentPath) + path) else {
                return record(.external)
            }
            target = inSet
        }

        let candidates: [String]
        let lastComponent = target.utf8.lastIndex(of: UInt8(ascii: "/")).map { target[target.utf8.index(after: $0)...] } ?? target[...]
        if target.isEmpty || path.hasSuffix("/") {
            candidates = [target.isEmpty ? "index.md" : target + "/index.md"]
        } else if lastComponent.lowercased().hasSuffix(".md") {
            candidates = [target]
        } else if lastComponent.utf8.contains(UInt8(ascii: ".")) {
            return record(.asset)
        } else {
            candidates = [target + ".md", target + "/index.md"]
        }
        guard let found = candidates.lazy.compactMap(index.lookUp).first else {
            return record(.danglingDocument, nil, anchor)
        }
        guard let anchor else { return record(.resolved, found) }
        if let spelled = index.anchor(anchor, in: found) { return record(.resolved, found, spelled) }
        if path.isEmpty {
            for page in index.pagesIncluding(found) {
                if let spelled = index.anchor(anchor, in: page) { return record(.resolved, page, spelled) }
            }
        }
        return record(.danglingAnchor, found, anchor)
    }

    static func warning(for link: LinkRecord) -> String? {
        switch link.status {
        case .danglingDocument where BlockText.trimmed(link.destination).isEmpty:
            return "link \"\(link.text)\" has an empty target"
        case .danglingDocument:
            return "dangling link: \(link.destination) is not a document of the source folder"
        case .danglingAnchor:
            return "dangling anchor: \(link.targetPath ?? "") has no anchor #\(link.targetAnchor ?? "") (link \(link.destination))"
        case .resolved, .external, .asset:
            return nil
        }
    }

    /// `scheme:` as in RFC 3986: a letter, then letters, digits, `+`, `-`, `.`.
    /// Read as UTF-8 bytes: every link of the corpus passes through here, some twice.
    static func hasScheme(_ destination: String) -> Bool {
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, isASCIILetter(first) else { return false }
        return scheme.allSatisfy { byte in
            isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// `text` with `%XX` escapes decoded, nil when an escape is malformed (as
    /// `removingPercentEncoding`). Most links have no escape at all, and the
    /// Foundation call costs a trip through UTF-16 even then.
    static func percentDecoded(_ text: String) -> String? {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
    }

    /// Path and fragment of a destination, query string dropped. Searched as
    /// UTF-8 bytes (`#` and `?` are ASCII, so the indices fall on characters).
    static func split(_ destination: String) -> (path: String, anchor: String?) {
        let bytes = destination.utf8
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let pathEnd = hash ?? bytes.endIndex
        let query = bytes[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) ?? pathEnd
        return (String(destination[..<query]), hash.map { String(destination[bytes.index(after: $0)...]) })
    }

    /// Removes `.` and `..` components; nil when the path climbs above the root.
    static func normalize(_ path: String) -> String? {
        if isNormalized(path) { return path }
        var parts: [Substring] = []
        for bytes in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let part = Substring(bytes)
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// True when `normalize` would return `path` unchanged: no empty, `.` or
    /// `..` component and no `/` at either end (most links are written so).
    private static func isNormalized(_ path: String) -> Bool {
        var componentStart = true
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if componentStart { return false }
                componentStart = true
            } else {
                // A component starting with `.` may be `.` or `..`: let the full path decide.
                if componentStart && byte == UInt8(ascii: ".") { return false }
                componentStart = false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "/")
    }
}
