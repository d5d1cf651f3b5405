import Foundation

/// A second opinion on links the build called dangling, formed without the
/// build's code: it reads the Markdown files on disk with a few regular
/// expressions and resolves destinations with its own simple rules.
///
/// It errs on the side of finding a target — any `id` or `name` attribute is
/// an anchor, an anchor written in an included file belongs to every page
/// that includes it, and letter case is ignored — so a link it can place in
/// the source set is a link the build should not have called dangling.
struct DiskLinkCheck {
    let root: URL
    /// Every `.md` file, relative path lower-cased → as spelled on disk.
    private let files: [String: String]
    private var texts: [String: String] = [:]
    /// Files each file includes directly (`[!INCLUDE [..](path)]`).
    private var includes: [String: [String]] = [:]
    /// Files that include each file directly.
    private var includedBy: [String: [String]] = [:]

    init(root: URL) throws {
        self.root = root.standardizedFileURL
        var files: [String: String] = [:]
        let base = self.root.path
        for case let url as URL in FileManager.default.enumerator(at: self.root, includingPropertiesForKeys: nil) ?? FileManager.DirectoryEnumerator()
        where url.pathExtension.lowercased() == "md" {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            files[relative.lowercased()] = relative
        }
        self.files = files
        for path in files.values {
            let text = String(decoding: try Data(contentsOf: self.root.appendingPathComponent(path)), as: UTF8.self)
            texts[path] = text
            let targets = Self.matches(Self.includePattern, in: Self.outsideCode(text)).compactMap { lookUp(join(folder(of: path), $0)) }
            includes[path] = targets
            for target in targets { includedBy[target, default: []].append(path) }
        }
    }

    /// The file a dangling-document link names after all, or nil when the
    /// source set really has no such file.
    func document(for destination: String, in path: String) -> String? {
        let (linkPath, _) = Self.split(destination)
        guard !linkPath.isEmpty else { return nil }
        let decoded = linkPath.removingPercentEncoding ?? linkPath
        var target: String
        if decoded.hasPrefix("/") {
            // `/docset/rest`: the first component names the published docset.
            let parts = decoded.split(separator: "/")
            guard parts.count >= 1 else { return nil }
            target = parts.dropFirst().joined(separator: "/") + (decoded.hasSuffix("/") ? "/" : "")
        } else {
            target = join(folder(of: path), decoded)
        }
        if target.hasSuffix("/") || target.isEmpty { target += "index.md" }
        for candidate in [target, target + ".md", target + "/index.md"] {
            if let found = lookUp(candidate) { return found }
        }
        return nil
    }

    /// The page (the target itself, or a page including the linking file) on
    /// which a dangling anchor exists after all, or nil.
    func anchorPage(for destination: String, in path: String, buildTarget: String?) -> String? {
        let (linkPath, fragment) = Self.split(destination)
        guard let fragment, let anchor = (fragment.removingPercentEncoding ?? fragment).nilIfEmpty else { return nil }
        let pages: [String]
        if linkPath.isEmpty {
            // DocFX pastes an included file into its including pages: a
            // `#anchor` written there can land on any of them.
            pages = [path] + pagesIncluding(path)
        } else if let target = document(for: destination, in: path) ?? buildTarget {
            pages = [target]
        } else {
            return nil
        }
        return pages.first { anchors(of: $0).contains(anchor.lowercased()) }
    }

    /// Lower-cased anchors of a page as published: its own and its includes'.
    func anchors(of page: String) -> Set<String> {
        var seen: Set<String> = [page]
        var pending = [page]
        var found: Set<String> = []
        while let next = pending.popLast() {
            found.formUnion(ownAnchors(of: next))
            for included in includes[next] ?? [] where seen.insert(included).inserted { pending.append(included) }
        }
        return found
    }

    private func pagesIncluding(_ path: String) -> [String] {
        var seen: Set<String> = [path]
        var pending = [path]
        var pages: [String] = []
        while let next = pending.popLast() {
            for page in includedBy[next] ?? [] where seen.insert(page).inserted {
                pages.append(page)
                pending.append(page)
            }
        }
        return pages.sorted()
    }

    /// `id`/`name` attributes of any HTML tag, and heading identifiers in
    /// DocFX's form (GitHub mode: nothing trimmed, repeats numbered) and
    /// trimmed, all lower-cased.
    private func ownAnchors(of path: String) -> Set<String> {
        let text = Self.outsideCode(texts[path] ?? "")
        var anchors = Set(Self.matches(Self.attributePattern, in: text).map { $0.lowercased() })
        var used: [String: Int] = [:]
        for heading in Self.matches(Self.headingPattern, in: text) {
            let visible = Self.visibleText(heading)
            for slug in [Self.slug(visible), Self.slug(visible.trimmingCharacters(in: .whitespaces))] {
                anchors.insert(slug)
            }
            let slug = Self.slug(visible)
            let count = used[slug, default: 0]
            if count > 0 { anchors.insert("\(slug)-\(count)") }
            used[slug] = count + 1
        }
        return anchors
    }

    // MARK: - Text

    private static let includePattern = try! NSRegularExpression(pattern: #"\[!INCLUDE\s*\[[^\]]*\]\(\s*<?([^)>\s]+)>?\s*\)\s*\]"#,
                                                                 options: [.caseInsensitive])
    private static let attributePattern = try! NSRegularExpression(pattern: #"<[A-Za-z][^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']"#)
    private static let headingPattern = try! NSRegularExpression(pattern: #"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$"#,
                                                                 options: [.anchorsMatchLines])

    /// Captured group 1 of every match.
    private static func matches(_ pattern: NSRegularExpression, in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The text with fenced code blocks blanked out (their lines kept empty).
    private static func outsideCode(_ text: String) -> String {
        var fence: String?
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == ">" }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                lines.append("")
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                lines.append("")
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Heading text as a reader sees it: tags, link targets, emphasis and code marks dropped.
    private static func visibleText(_ heading: String) -> String {
        var text = heading
        for (pattern, template) in [(#"<[^>]*>"#, ""), (#"!?\[([^\]]*)\]\([^)]*\)"#, "$1"), (#"[*`]"#, ""),
                                    (#"(^|[^A-Za-z0-9])_+|_+([^A-Za-z0-9]|$)"#, "$1$2")] {
            text = text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return text
    }

    /// Letters and digits lower-cased, a space becomes `-`, `-` and `_` stay.
    private static func slug(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == " " { out.append("-") }
            else if character == "-" || character == "_" { out.append(character) }
            else if character.isLetter || character.isNumber { out += character.lowercased() }
        }
        return out
    }

    // MARK: - Paths

    private static func split(_ destination: String) -> (path: String, fragment: String?) {
        let trimmed = destination.trimmingCharacters(in: .whitespaces)
        let hash = trimmed.firstIndex(of: "#")
        var path = hash.map { String(trimmed[..<$0]) } ?? trimmed
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        return (path, hash.map { String(trimmed[trimmed.index(after: $0)...]) })
    }

    private func folder(of path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// `folder/relative` with `.` and `..` worked out (nil above the root).
    private func join(_ folder: String, _ relative: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(String(part))
        }
        return parts.joined(separator: "/") + (relative.hasSuffix("/") ? "/" : "")
    }

    private func lookUp(_ path: String) -> String? { files[path.lowercased()] }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
