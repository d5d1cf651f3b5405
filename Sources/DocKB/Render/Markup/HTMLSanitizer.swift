import CLibXML2
import Foundation

/// Turns raw HTML found in a document into safe markup.
///
/// The fragment is parsed with libxml2's HTML parser (which copes with any
/// input) and re-built through `MarkupElement`, keeping only an allow-list of
/// harmless elements and attributes. Active content (`script`, `style`,
/// `iframe`, forms, plug-ins, SVG/MathML) is dropped with everything inside
/// it; other unknown elements are unwrapped so their text stays readable.
/// Links go through the page's link resolver, so `javascript:` and other
/// non-web URLs never become an `href`.
struct HTMLSanitizer {
    /// Resolves an `href` written in the document for the current page.
    var resolveLink: (String) -> ResolvedLink

    /// Elements kept as they are (attributes filtered).
    static let keptElements: Set<String> = [
        "a", "abbr", "b", "br", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "q", "s",
        "samp", "small", "strong", "sub", "sup", "u", "var", "span",
        "p", "div", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "hr",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    ]

    /// Elements dropped together with their content: they run code, load
    /// resources, or hold text that is not meant to be read (`style`, `title`).
    static let droppedElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
        "template", "textarea", "select", "option", "button", "input", "form", "title", "head",
        "meta", "link", "base", "svg", "math", "xmp", "plaintext", "noembed", "noframes", "audio",
        "video", "source", "track", "canvas", "picture", "portal", "dialog",
    ]

    /// Raw headings would compete with the document's own outline (one h1 per
    /// page): they become paragraphs.
    static let renamedElements: [String: String] = [
        "h1": "p", "h2": "p", "h3": "p", "h4": "p", "h5": "p", "h6": "p", "strike": "s", "tt": "code",
    ]

    /// Appends the sanitized content of `fragment` to `parent`.
    func append(fragment: String, to parent: MarkupElement) {
        withParsedFragment(fragment) { first in
            copyChildren(startingAt: first, into: parent)
        }
    }

    /// The sanitized element an opening tag on its own (`<sup>`, `<a href=...>`)
    /// stands for, created under `parent`; `.dropped` for active content and
    /// `.unwrapped` for elements that are not kept.
    func open(tag: String, under parent: MarkupElement) -> OpenedTag {
        var result = OpenedTag.unwrapped
        withParsedFragment(tag) { first in
            var node = first
            while let current = node, current.pointee.type != XML_ELEMENT_NODE { node = current.pointee.next }
            guard let element = node else { return }
            let name = Self.elementName(element)
            if Self.droppedElements.contains(name) { result = .dropped; return }
            guard let kept = keptName(name) else { return }
            let created = parent.element(kept)
            copyAttributes(of: element, named: name, to: created)
            result = .element(created)
        }
        return result
    }

    enum OpenedTag {
        case element(MarkupElement)
        case dropped
        case unwrapped
    }

    // MARK: - Walking the parsed fragment

    private func withParsedFragment(_ fragment: String, _ body: (xmlNodePtr?) -> Void) {
        let bytes = Array(MarkupText.removingControlCharacters(fragment).utf8)
        guard !bytes.isEmpty else { return }
        let options = Int32(HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "fragment.html", "UTF-8", options)
            }
        }
        guard let doc else { return }
        defer { xmlFreeDoc(doc) }
        body(doc.pointee.children)
    }

    private func copyChildren(startingAt first: xmlNodePtr?, into parent: MarkupElement) {
        var node = first
        while let current = node {
            copy(current, into: parent)
            node = current.pointee.next
        }
    }

    private func copy(_ node: xmlNodePtr, into parent: MarkupElement) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { parent.text(String(cString: content)) }
        case XML_COMMENT_NODE:
            if let content = node.pointee.content { parent.comment(String(cString: content)) }
        case XML_ELEMENT_NODE:
            let name = Self.elementName(node)
            if Self.droppedElements.contains(name) { return }
            if name == "img" { appendImagePlaceholder(for: node, to: parent); return }
            guard let kept = keptName(name) else {
                copyChildren(startingAt: node.pointee.children, into: parent)
                return
            }
            let element = parent.element(kept)
            copyAttributes(of: node, named: name, to: element)
            copyChildren(startingAt: node.pointee.children, into: element)
        default:
            // Processing instructions, entity declarations, DTD nodes: nothing a reader sees.
            break
        }
    }

    private func keptName(_ name: String) -> String? {
        if let renamed = Self.renamedElements[name] { return renamed }
        return Self.keptElements.contains(name) ? name : nil
    }

    /// Images are never loaded (the site makes no request it does not own and
    /// the documentation sets ship no image files): their alt text stands in.
    private func appendImagePlaceholder(for node: xmlNodePtr, to parent: MarkupElement) {
        let alt = Self.attribute(node, "alt")?.collapsingWhitespace ?? ""
        parent.element("span", ["class": "image-placeholder"], text: alt.isEmpty ? "[image]" : "[image: \(alt)]")
    }

    // MARK: - Attributes

    private func copyAttributes(of node: xmlNodePtr, named name: String, to element: MarkupElement) {
        if let title = Self.attribute(node, "title"), !title.isEmpty { element.setAttribute("title", title) }
        switch name {
        case "a":
            if let anchor = Self.attribute(node, "id") ?? Self.attribute(node, "name") {
                element.setID(anchor.trimmingCharacters(in: .whitespaces))
            }
            if let href = Self.attribute(node, "href") {
                switch resolveLink(href) {
                case .page(let url), .external(let url): element.setAttribute("href", url)
                case .unresolved, .unsafe: element.setAttribute("class", "unresolved-link")
                }
            }
        case "td", "th":
            for key in ["colspan", "rowspan"] {
                if let value = Self.attribute(node, key), Self.isSmallNumber(value) { element.setAttribute(key, value) }
            }
            if name == "th", let scope = Self.attribute(node, "scope")?.lowercased(),
               ["row", "col", "rowgroup", "colgroup"].contains(scope) {
                element.setAttribute("scope", scope)
            }
        case "ol":
            if let start = Self.attribute(node, "start"), Self.isSmallNumber(start) { element.setAttribute("start", start) }
        default:
            break
        }
    }

    private static func isSmallNumber(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 4 && value.allSatisfy(\.isASCII) && value.allSatisfy(\.isNumber)
    }

    static func elementName(_ node: xmlNodePtr) -> String {
        String(cString: node.pointee.name).lowercased()
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { dockb_xml_free(value) }
        return String(cString: value)
    }
}
