import Foundation

/// Renders inline content (text, code, emphasis, links, raw inline HTML) into
/// an element.
///
/// cmark-gfm hands inline HTML over tag by tag (`<sup>`, text, `</sup>`), so
/// raw tags are tracked on a stack: an allowed opening tag becomes an element
/// that receives the following inlines until its closing tag; active content
/// (`<script>` ... `</script>`) swallows everything up to its closing tag; an
/// unknown tag is unwrapped. Whatever is left open closes with the run.
struct InlineRenderer {
    let links: PageLinkResolver
    let log: RenderLog
    let line: Int

    private var sanitizer: HTMLSanitizer { HTMLSanitizer(resolveLink: links.resolve) }

    private enum Open {
        case element(name: String, MarkupElement)
        case unwrapped(name: String)
        case dropped(name: String)

        var name: String {
            switch self {
            case .element(let n, _), .unwrapped(let n), .dropped(let n): return n
            }
        }
    }

    /// Renders `inlines` into `parent`. `skipAnchors` drops `<a name>` tags
    /// (a heading already carries its anchors as ids).
    func render(_ inlines: [Inline], into parent: MarkupElement, skipAnchors: Bool = false) {
        var stack: [Open] = []
        func target() -> MarkupElement? {
            for open in stack.reversed() {
                switch open {
                case .element(_, let element): return element
                case .dropped: return nil
                case .unwrapped: continue
                }
            }
            return parent
        }
        for inline in inlines {
            if case .html(let raw) = inline {
                handleRawHTML(raw, stack: &stack, target: target(), skipAnchors: skipAnchors)
                continue
            }
            guard let into = target() else { continue }
            renderStructured(inline, into: into)
        }
    }

    private func renderStructured(_ inline: Inline, into parent: MarkupElement) {
        switch inline {
        case .text(let text): parent.text(text)
        case .code(let code): parent.element("code", text: code)
        case .strong(let content): render(content, into: parent.element("strong"))
        case .emphasis(let content): render(content, into: parent.element("em"))
        case .strikethrough(let content): render(content, into: parent.element("del"))
        case .link(let destination, let title, let content):
            renderLink(destination: destination, title: title, content: content, into: parent)
        case .image(_, _, let alt):
            // Never loaded: the site requests nothing it does not generate.
            let text = alt.collapsingWhitespace
            parent.element("span", ["class": "image-placeholder"], text: text.isEmpty ? "[image]" : "[image: \(text)]")
        case .softBreak: parent.text("\n")
        case .lineBreak: parent.element("br")
        case .html: break
        }
    }

    private func renderLink(destination: String, title: String, content: [Inline], into parent: MarkupElement) {
        let resolved = links.resolve(destination)
        let element: MarkupElement
        switch resolved {
        case .page(let url):
            element = parent.element("a", ["href": url])
        case .external(let url):
            element = parent.element("a", ["href": url, "class": "external", "rel": "noopener noreferrer"])
        case .unresolved(let written):
            element = parent.element("span", ["class": "unresolved-link", "title": "Not in this documentation set: " + written])
            log.warn(links.documentPath, line, "link target is not in the documentation set: \(written)")
        case .unsafe:
            element = parent.element("span", ["class": "unresolved-link", "title": "Link removed: unsafe URL scheme"])
            log.warn(links.documentPath, line, "link with an unsafe URL scheme rendered as text")
        }
        // A link's own title; a text stand-in already explains why it is not a link.
        if !title.isEmpty && element.name == "a" { element.setAttribute("title", title) }
        render(content, into: element)
    }

    // MARK: - Raw inline HTML

    private func handleRawHTML(_ raw: String, stack: inout [Open], target: MarkupElement?, skipAnchors: Bool) {
        let trimmed = raw.trimmingWhitespaceAndNewlines
        if let closing = RawTag.closingName(trimmed) {
            if let index = stack.lastIndex(where: { $0.name == closing }) { stack.removeSubrange(index...) }
            return
        }
        guard let target else {
            // Inside dropped content only a nested opener of the same kind matters.
            if let name = RawTag.openingName(trimmed), name == stack.last?.name { stack.append(.dropped(name: name)) }
            return
        }
        if InlineHTML.isComment(trimmed) { target.comment(trimmed); return }
        if InlineHTML.isLineBreak(trimmed) { target.element("br"); return }
        if let anchor = InlineHTML.anchorName(trimmed), RawTag.openingName(trimmed) == "a",
           !trimmed.lowercased().contains("href") {
            if !skipAnchors, !target.tree.isClaimed(id: anchor) { target.element("span").setID(anchor) }
            if !trimmed.lowercased().hasSuffix("</a>") { stack.append(.unwrapped(name: "a")) }
            return
        }
        if let name = RawTag.openingName(trimmed), RawTag.isLoneOpener(trimmed) {
            switch sanitizer.open(tag: trimmed, under: target) {
            case .element(let element): stack.append(.element(name: name, element))
            case .dropped: stack.append(.dropped(name: name))
            case .unwrapped: stack.append(.unwrapped(name: name))
            }
            return
        }
        sanitizer.append(fragment: trimmed, to: target)
    }
}

/// Just enough tag recognition to pair cmark's separate opening and closing tags.
enum RawTag {
    static let voidElements: Set<String> = ["br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "source", "embed", "param", "track"]

    /// `</sup>` → `sup`.
    static func closingName(_ raw: String) -> String? {
        guard raw.hasPrefix("</"), raw.hasSuffix(">") else { return nil }
        let name = raw.dropFirst(2).dropLast().trimmingCharacters(in: .whitespaces).lowercased()
        return isTagName(name) ? name : nil
    }

    /// `<sup>` / `<a href="x">` → `sup` / `a`.
    static func openingName(_ raw: String) -> String? {
        guard raw.hasPrefix("<"), !raw.hasPrefix("</"), !raw.hasPrefix("<!") else { return nil }
        let name = raw.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        return isTagName(name) ? name : nil
    }

    /// A single start tag that expects content and a later closing tag.
    static func isLoneOpener(_ raw: String) -> Bool {
        guard let name = openingName(raw), !voidElements.contains(name), raw.hasSuffix(">"), !raw.hasSuffix("/>") else {
            return false
        }
        // Exactly one tag: no other `<` after the first character.
        return !raw.dropFirst().contains("<")
    }

    private static func isTagName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
