import CLibXML2
import Foundation

/// A document built as a libxml2 tree: an HTML page or an SVG picture.
///
/// The tree is the only way the renderer produces markup. Text is added as
/// text nodes and attribute values as properties, and libxml2 escapes both
/// when it serializes, so nothing a source document says can become markup.
/// The one way to add markup from outside is `MarkupElement.appendSanitized`,
/// which re-builds an allow-listed subset through this same API.
///
/// One `MarkupTree` owns its `xmlDoc` and frees it in `deinit`; elements are
/// plain handles valid while the tree is alive (they keep it alive).
final class MarkupTree {
    enum Flavor { case html, svg }

    let flavor: Flavor
    private let doc: xmlDocPtr
    private var claimedIDs: Set<String> = []

    private init(flavor: Flavor, doc: xmlDocPtr) {
        self.flavor = flavor
        self.doc = doc
    }

    deinit { xmlFreeDoc(doc) }

    /// An HTML5 page: `<!DOCTYPE html>` and an `<html lang>` root.
    static func htmlPage(language: String = "en") -> (tree: MarkupTree, root: MarkupElement) {
        xmlInitParser()
        let doc = htmlNewDocNoDtD(nil, nil)!
        // Names interned once per page, as libxml2's parser does: fewer
        // allocations, and the serializer knows a name by its pointer.
        if doc.pointee.dict == nil { doc.pointee.dict = xmlDictCreate() }
        xmlCreateIntSubset(doc, "html", nil, nil)
        let tree = MarkupTree(flavor: .html, doc: doc)
        let root = tree.makeRoot("html")
        root.setAttribute("lang", language)
        return (tree, root)
    }

    /// A standalone SVG file (XML, with the SVG namespace on its root).
    static func svgPicture() -> (tree: MarkupTree, root: MarkupElement) {
        xmlInitParser()
        let doc = xmlNewDoc("1.0")!
        let tree = MarkupTree(flavor: .svg, doc: doc)
        let root = tree.makeRoot("svg")
        root.setAttribute("xmlns", "http://www.w3.org/2000/svg")
        return (tree, root)
    }

    /// A page read back from its bytes with libxml2's HTML parser, so the
    /// tests can serialize real pages both ways; nil when nothing parses.
    static func parsingPage(_ html: Data) -> MarkupTree? {
        xmlInitParser()
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let doc = html.withUnsafeBytes { bytes in
            bytes.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), "page.html", "UTF-8", options) }
        }
        return doc.map { MarkupTree(flavor: .html, doc: $0) }
    }

    private func makeRoot(_ name: String) -> MarkupElement {
        let node = xmlNewDocNode(doc, nil, name, nil)!
        xmlDocSetRootElement(doc, node)
        return MarkupElement(tree: self, node: node)
    }

    /// Reserves `id` for one element; false when it is already used on this
    /// page, so ids stay unique (duplicates are HTML errors and break anchors).
    func claim(id: String) -> Bool {
        guard !id.isEmpty else { return false }
        return claimedIDs.insert(id).inserted
    }

    func isClaimed(id: String) -> Bool { claimedIDs.contains(id) }

    /// The serialized file: UTF-8, indented between block elements only
    /// (libxml2 never re-flows text or `<pre>`), identical for identical trees.
    func serialized() -> Data {
        switch flavor {
        case .html:
            // The same bytes as libxml2's serializer, with less work per node (see `HTMLSerializer`).
            if let data = HTMLSerializer.serialize(doc) { return data }
            return serializedByLibxml2()
        case .svg:
            var memory: UnsafeMutablePointer<xmlChar>?
            var size: Int32 = 0
            xmlDocDumpFormatMemoryEnc(doc, &memory, &size, "UTF-8", 1)
            guard let memory else { return Data() }
            defer { dockb_xml_free(memory) }
            return Data(bytes: memory, count: Int(size))
        }
    }

    /// An HTML page as libxml2's own serializer writes it: for trees
    /// `HTMLSerializer` does not know, and as the tests' reference.
    func serializedByLibxml2() -> Data {
        precondition(flavor == .html, "only HTML pages have two serializers")
        let buffer = xmlBufferCreate()!
        defer { xmlBufferFree(buffer) }
        let options = Int32(XML_SAVE_AS_HTML.rawValue | XML_SAVE_FORMAT.rawValue)
        let context = xmlSaveToBuffer(buffer, "UTF-8", options)
        xmlSaveDoc(context, doc)
        xmlSaveClose(context)
        return Data(bytes: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer)))
    }
}

/// A handle on one element of a `MarkupTree`.
struct MarkupElement {
    let tree: MarkupTree
    fileprivate let node: xmlNodePtr

    fileprivate init(tree: MarkupTree, node: xmlNodePtr) {
        self.tree = tree
        self.node = node
    }

    var name: String { String(cString: node.pointee.name) }

    /// Appends a child element, attributes in the given order.
    @discardableResult
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) -> MarkupElement {
        let child = withXMLString(name) { xmlNewDocNode(node.pointee.doc, nil, $0, nil)! }
        xmlAddChild(node, child)
        let element = MarkupElement(tree: tree, node: child)
        for (key, value) in attributes { element.setAttribute(key, value) }
        return element
    }

    /// Appends a child element and fills it.
    @discardableResult
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:],
                 _ fill: (MarkupElement) -> Void) -> MarkupElement {
        let child = element(name, attributes)
        fill(child)
        return child
    }

    /// Appends a child element holding only `text`.
    @discardableResult
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) -> MarkupElement {
        let child = element(name, attributes)
        child.text(text)
        return child
    }

    /// Appends text; it is escaped when serialized, whatever it contains.
    func text(_ content: String) {
        let clean = MarkupText.removingControlCharacters(content)
        guard !clean.isEmpty else { return }
        xmlAddChild(node, withXMLString(clean) { xmlNewDocText(node.pointee.doc, $0) })
    }

    /// Appends an HTML comment; its text is made unable to end the comment early.
    func comment(_ content: String) {
        let safe = MarkupText.commentBody(content)
        guard !safe.isEmpty else { return }
        xmlAddChild(node, withXMLString(safe) { xmlNewDocComment(node.pointee.doc, $0) })
    }

    /// Sets an attribute; the value is escaped when serialized.
    func setAttribute(_ name: String, _ value: String) {
        withXMLString(name) { name in
            withXMLString(MarkupText.removingControlCharacters(value)) { _ = xmlSetProp(node, name, $0) }
        }
    }

    /// Sets `id` when it is still free on this page; returns whether it was set.
    @discardableResult
    func setID(_ id: String) -> Bool {
        guard tree.claim(id: id) else { return false }
        setAttribute("id", id)
        return true
    }

    /// The first child element called `name`, if any.
    func firstChildElement(named name: String) -> MarkupElement? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == name {
                return MarkupElement(tree: tree, node: current)
            }
            child = current.pointee.next
        }
        return nil
    }

    /// True when the element has no children yet.
    var isEmpty: Bool { node.pointee.children == nil }
}

/// Text clean-up shared by the tree and the sanitizer.
enum MarkupText {
    /// Drops C0 control characters other than tab, line feed and carriage
    /// return: they are not allowed in HTML and NUL would cut C strings short.
    static func removingControlCharacters(_ text: String) -> String {
        // Asked of every text and attribute of every page. The forbidden
        // characters are single bytes in UTF-8, and bytes below 0x80 never
        // occur inside another character, so the bytes tell.
        var contiguous = text
        let hasForbidden = contiguous.withUTF8 { $0.contains(where: isForbidden(byte:)) }
        guard hasForbidden else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    private static func isForbidden(byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == 0x7F
    }

    /// The body of a comment, without `<!--`/`-->`, with every `--` broken up,
    /// angle brackets replaced and no leading or trailing `-`, so it cannot
    /// close the comment early.
    static func commentBody(_ raw: String) -> String {
        // Most comments are plain ASCII text already safe as it is; the
        // replacements' Foundation calls were half a percent of a corpus build.
        isSafeCommentText(raw) ? " " + raw + " " : commentBodyReplacing(raw)
    }

    /// `commentBody` of any text, by replacing what could end the comment.
    static func commentBodyReplacing(_ raw: String) -> String {
        var body = removingControlCharacters(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasPrefix("<!--") { body.removeFirst(4) }
        if body.hasSuffix("-->") { body.removeLast(3) }
        // Markup-like text inside a comment is inert, but keeping it out
        // entirely means no parser quirk can ever turn it into markup.
        body = body.replacingOccurrences(of: "<", with: "‹").replacingOccurrences(of: ">", with: "›")
        while body.contains("--") { body = body.replacingOccurrences(of: "--", with: "- ") }
        while body.hasPrefix("-") { body.removeFirst() }
        while body.hasSuffix("-") { body.removeLast() }
        body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return body.isEmpty ? "" : " " + body + " "
    }
}

extension MarkupText {
    /// ASCII text that `commentBody` would leave as it is: printable or tab,
    /// no angle brackets, no `--`, and no white space or `-` at either end.
    static func isSafeCommentText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            let edgeOK = { (byte: UInt8) in byte != UInt8(ascii: "-") && byte > 0x20 }
            guard edgeOK(first), edgeOK(last) else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                guard (byte >= 0x20 && byte < 0x7F) || byte == 0x09,
                      byte != UInt8(ascii: "<"), byte != UInt8(ascii: ">"),
                      !(byte == UInt8(ascii: "-") && previous == UInt8(ascii: "-")) else { return false }
                previous = byte
            }
            return true
        }
    }
}

/// Passes `text` to libxml2 as a C string. Swift's implicit conversion of a
/// `String` argument to a pointer copies short strings (element and
/// attribute names such as "div" or "href") to the heap on every call;
/// `withCString` copies them to the stack, about 4 times faster.
private func withXMLString<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
    text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}
