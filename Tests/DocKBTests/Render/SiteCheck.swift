import Foundation
@testable import DocKB

/// Reads a generated site back with libxml2 (through Render's inspector) and
/// reports what the acceptance criteria forbid: parse errors, dead links and
/// anchors, and anything that would load from another host.
struct SiteCheck {
    let root: URL
    private(set) var pages: [String: MarkupInspection] = [:]
    private(set) var diagrams: [String: MarkupInspection] = [:]
    private(set) var otherFiles: [String] = []

    init(root: URL) throws {
        self.root = root
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        let rootPath = root.standardizedFileURL.path
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(rootPath.count + 1))
            if relative.hasPrefix("kb.sqlite") { continue }
            let data = try Data(contentsOf: url)
            switch url.pathExtension {
            case "html": pages[relative] = MarkupInspector.inspectHTML(data, name: relative)
            case "svg": diagrams[relative] = MarkupInspector.inspectXML(data, name: relative)
            default: otherFiles.append(relative)
            }
        }
    }

    var parseErrors: [String] {
        (pages.merging(diagrams) { a, _ in a }).sorted { $0.key < $1.key }.flatMap { page, inspection in
            inspection.errors.map { "\(page): \($0)" }
        }
    }

    /// Every `href`/`src`/`action` that points inside the site must name an
    /// existing file, and its fragment an id on that page.
    var brokenLinks: [String] { brokenLinks(onPages: Set(pages.keys)) }

    /// `brokenLinks` of the pages a reader can reach from `entry` by following
    /// the site's links. A build killed half-way may leave new pages in place
    /// that no page links to yet, whose own links may name pages it had not
    /// written: a reader never meets those.
    func brokenLinks(reachableFrom entry: String) -> [String] {
        brokenLinks(onPages: pagesReachable(from: entry))
    }

    /// The pages reached from `entry` (included) through `href`s between pages.
    func pagesReachable(from entry: String) -> Set<String> {
        guard pages[entry] != nil else { return [] }
        var reached: Set<String> = [entry], queue = [entry]
        while let page = queue.popLast() {
            for element in pages[page]!.elements {
                guard let value = element.attribute("href"), let target = Self.target(of: value, on: page),
                      pages[target] != nil, reached.insert(target).inserted else { continue }
                queue.append(target)
            }
        }
        return reached
    }

    /// The site file a link inside the site points to, without its fragment
    /// and query; nil for other hosts, other schemes, and paths above the root.
    private static func target(of value: String, on page: String) -> String? {
        let lower = value.lowercased()
        guard !lower.contains(":") || lower.hasPrefix("#") else { return nil }
        var path = value
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        return path.isEmpty ? page : PageLinkResolver.normalize(path.removingPercentEncoding ?? path, relativeTo: page)
    }

    private func brokenLinks(onPages checked: Set<String>) -> [String] {
        var broken: [String] = []
        for (page, inspection) in pages.sorted(by: { $0.key < $1.key }) where checked.contains(page) {
            for element in inspection.elements {
                for attribute in ["href", "src", "action"] {
                    guard let value = element.attribute(attribute) else { continue }
                    if let problem = check(value, on: page, ownIDs: inspection.ids) {
                        broken.append("\(page):\(element.line): <\(element.name) \(attribute)=\"\(value)\"> \(problem)")
                    }
                }
            }
        }
        return broken
    }

    private func check(_ value: String, on page: String, ownIDs: Set<String>) -> String? {
        let lower = value.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") { return nil }
        if lower.contains(":") && !lower.hasPrefix("#") && (lower.firstIndex(of: ":")! < (lower.firstIndex(of: "/") ?? lower.endIndex)) {
            return "uses a non-web scheme"
        }
        var path = value
        var fragment: String?
        if let hash = value.firstIndex(of: "#") {
            fragment = String(value[value.index(after: hash)...]).removingPercentEncoding
            path = String(value[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        let target: String
        if path.isEmpty {
            target = page
        } else {
            guard let resolved = PageLinkResolver.normalize(path.removingPercentEncoding ?? path, relativeTo: page) else {
                return "climbs above the site root"
            }
            target = resolved
        }
        guard pages[target] != nil || diagrams[target] != nil || otherFiles.contains(target) else {
            return "points to a missing file \(target)"
        }
        if let fragment, !fragment.isEmpty {
            let ids = target == page ? ownIDs : (pages[target]?.ids ?? [])
            if !ids.contains(fragment) { return "points to a missing anchor #\(fragment) in \(target)" }
        }
        return nil
    }

    /// Elements that would make the browser fetch something from another host.
    var remoteLoads: [String] {
        var found: [String] = []
        for (page, inspection) in pages.merging(diagrams, uniquingKeysWith: { a, _ in a }) {
            for element in inspection.elements {
                for (name, value) in element.attributes {
                    let loads = ["src", "srcset", "data", "poster", "background", "codebase", "xlink:href"].contains(name)
                        || (name == "href" && ["link", "base", "image", "use", "script"].contains(element.name))
                        || (name == "style" && value.lowercased().contains("url("))
                        || (name == "content" && value.lowercased().contains("url="))
                    if loads && Self.isRemote(value, attribute: name) {
                        found.append("\(page): <\(element.name) \(name)=\"\(value)\">")
                    }
                }
            }
        }
        return found.sorted()
    }

    static func isRemote(_ value: String, attribute: String) -> Bool {
        let lower = value.lowercased().trimmingCharacters(in: .whitespaces)
        if attribute == "style" || attribute == "content" { return lower.contains("//") }
        return lower.hasPrefix("//") || lower.contains("://") || lower.hasPrefix("data:")
    }

    func text(of file: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(file)), as: UTF8.self)
    }
}
