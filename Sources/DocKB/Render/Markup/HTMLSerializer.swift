import CLibXML2
import Foundation

/// Writes an HTML tree byte for byte as libxml2's HTML serializer does
/// (`xmlSaveDoc` with `XML_SAVE_AS_HTML | XML_SAVE_FORMAT`, libxml2 2.9):
/// the same line breaks between block elements, the same escaping of text
/// and attribute values, the same quoting.
///
/// Why not libxml2's own: it looks each element up in its tag table by
/// comparing the name case-insensitively with one entry after another, at
/// the start tag and again at the end tag, and allocates every escaped text
/// and attribute value: 7% of a corpus build's CPU time went there (perf,
/// 2026-12). Here the tag table is still libxml2's (`htmlTagLookup`,
/// `htmlIsBooleanAttr`), asked once per name and page (the common element
/// names once per process), and everything goes into one buffer.
///
/// A tree holding a node this writer does not know (entity references,
/// processing instructions, CDATA, namespaced elements or attributes, a
/// DOCTYPE with identifiers: the renderer makes none of them) gives nil, and
/// the caller serializes with libxml2. The tests compare both serializers on
/// trees made to hit each rule and on every page of a build.
struct HTMLSerializer {
    private var out: ByteBuffer
    private var elementTraits = NamePointerCache<ElementTraits>(slots: 256)
    private var attributeKinds = NamePointerCache<AttributeKind>(slots: 64)
    /// An attribute value's escaped bytes, reused from one attribute to the next.
    private var scratch = ByteBuffer(capacity: 256)

    /// The serialized document, or nil when it holds a node this writer does not know.
    static func serialize(_ doc: xmlDocPtr) -> Data? {
        // As libxml2's serializer does first: a page's head declares its encoding.
        htmlSetMetaEncoding(doc, "UTF-8")
        var serializer = HTMLSerializer(out: ByteBuffer(capacity: 1 << 16))
        guard serializer.write(doc) else {
            serializer.out.free()
            serializer.scratch.free()
            return nil
        }
        serializer.scratch.free()
        return serializer.out.data()
    }

    /// What the serializer needs of libxml2's description of an element.
    private struct ElementTraits {
        var known = false, empty = false, saveEndTag = false, isInline = false
        /// `p`, `pre`, `param`: libxml2 tests the first letter only.
        var startsWithP = false
        var isHTMLOrBody = false
        var holdsRawText = false
        var isAnchor = false
    }

    private enum AttributeKind { case text, boolean, uri, uriOnAnchor }

    /// Mirrors `htmlNodeDumpFormatOutput` with formatting on, walking the
    /// tree without recursion as it does (a page may nest deeply).
    private mutating func write(_ doc: xmlDocPtr) -> Bool {
        if let dtd = doc.pointee.intSubset {
            guard dtd.pointee.ExternalID == nil, dtd.pointee.SystemID == nil else { return false }
            append("<!DOCTYPE ")
            appendCString(dtd.pointee.name)
            append(">\n")
        }
        let document = UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self)
        guard var current = doc.pointee.children else {
            append("\n")
            return true
        }
        var parent = document
        while true {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                guard current.pointee.ns == nil, current.pointee.nsDef == nil else { return false }
                let traits = traits(of: current.pointee.name)
                append("<")
                appendCString(current.pointee.name)
                guard writeAttributes(of: current, traits: traits) else { return false }
                if traits.empty {
                    append(">")
                } else if current.pointee.children == nil {
                    if traits.saveEndTag, !traits.isHTMLOrBody {
                        append(">")
                    } else {
                        append("></")
                        appendCString(current.pointee.name)
                        append(">")
                    }
                } else {
                    append(">")
                    if traits.known, !traits.isInline, !traits.startsWithP,
                       !Self.isTextLike(current.pointee.children), current.pointee.children != current.pointee.last {
                        append("\n")
                    }
                    parent = current
                    current = current.pointee.children
                    continue
                }
                if traits.known, !traits.isInline, let next = current.pointee.next, !Self.isTextLike(next),
                   Self.allowsBreaks(in: parent) {
                    append("\n")
                }
            case XML_TEXT_NODE:
                if let content = current.pointee.content {
                    if parent != document, traits(of: parent.pointee.name).holdsRawText {
                        appendCString(content)
                    } else {
                        appendEscaped(content, inAttribute: false)
                    }
                }
            case XML_COMMENT_NODE:
                if let content = current.pointee.content {
                    append("<!--")
                    appendCString(content)
                    append("-->")
                }
            case XML_DTD_NODE:
                break  // written above, from the document's internal subset
            default:
                return false
            }

            // On to the next sibling, closing the elements this one ends.
            while true {
                if let next = current.pointee.next {
                    current = next
                    break
                }
                current = parent
                if current == document {
                    append("\n")
                    return true
                }
                guard let grandparent = current.pointee.parent else { return false }
                parent = grandparent
                let traits = traits(of: current.pointee.name)
                if traits.known, !traits.isInline, !traits.startsWithP,
                   !Self.isTextLike(current.pointee.last), current.pointee.children != current.pointee.last {
                    append("\n")
                }
                append("</")
                appendCString(current.pointee.name)
                append(">")
                if traits.known, !traits.isInline, let next = current.pointee.next, !Self.isTextLike(next),
                   Self.allowsBreaks(in: parent) {
                    append("\n")
                }
            }
        }
    }

    /// Text and entity references keep line breaks away from them.
    private static func isTextLike(_ node: xmlNodePtr?) -> Bool {
        guard let node else { return false }
        return node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_ENTITY_REF_NODE
    }

    /// libxml2 adds no break between the children of an element whose name
    /// starts with "p", nor of a nameless parent (the document).
    private static func allowsBreaks(in parent: xmlNodePtr) -> Bool {
        guard let name = parent.pointee.name else { return false }
        return name[0] != UInt8(ascii: "p")
    }

    private mutating func writeAttributes(of element: xmlNodePtr, traits: ElementTraits) -> Bool {
        var attribute = element.pointee.properties
        while let current = attribute {
            guard current.pointee.ns == nil, let name = current.pointee.name else { return false }
            append(" ")
            appendCString(name)
            let kind = attributeKind(of: name)
            if let first = current.pointee.children, kind != .boolean {
                // The value is its text children, escaped one after the other.
                scratch.removeAll()
                var child: xmlNodePtr? = first
                while let text = child {
                    guard text.pointee.type == XML_TEXT_NODE else { return false }
                    if let content = text.pointee.content { Self.escape(content, inAttribute: true, into: &scratch) }
                    child = text.pointee.next
                }
                let value = scratch.bytes
                append("=")
                if kind == .uri || (kind == .uriOnAnchor && traits.isAnchor) {
                    // Escaping leaves no double quote in a URI, so it is always quoted with them.
                    append("\"")
                    let start = value.firstIndex(where: { !Self.isBlank($0) }) ?? value.endIndex
                    Self.appendURIEscaped(UnsafeBufferPointer(rebasing: value[start...]), to: &out)
                    append("\"")
                } else {
                    appendQuoted(value)
                }
            }
            attribute = current.pointee.next
        }
        return true
    }

    // MARK: libxml2's tables, asked once per name and page

    private mutating func traits(of name: UnsafePointer<xmlChar>) -> ElementTraits {
        elementTraits.value(for: name) { Self.commonTraits[NameKey($0)] ?? Self.lookUpTraits(of: $0) }
    }

    /// The elements the site's pages are made of, looked up once per process
    /// rather than once per page.
    private static let commonTraits: [NameKey: ElementTraits] = {
        let names = """
            html head body title meta link script style div span p a ul ol li table thead tbody tfoot tr th td
            caption colgroup col code pre kbd samp var strong em b i u s small sub sup mark abbr cite q del ins
            h1 h2 h3 h4 h5 h6 br hr img wbr nav main header footer section article aside details summary
            figure figcaption blockquote dl dt dd form label input button select option textarea time svg
            """
        var table: [NameKey: ElementTraits] = [:]
        for name in names.split(whereSeparator: \.isWhitespace) {
            String(name).withCString { pointer in
                pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { name in
                    table[NameKey(name)] = lookUpTraits(of: name)
                }
            }
        }
        return table
    }()

    private static func lookUpTraits(of name: UnsafePointer<xmlChar>) -> ElementTraits {
        var traits = ElementTraits()
        if let info = htmlTagLookup(name) {
            traits.known = true
            traits.empty = info.pointee.empty != 0
            traits.saveEndTag = info.pointee.saveEndTag != 0
            traits.isInline = info.pointee.isinline != 0
        }
        let lowercased = String(cString: name).lowercased()
        traits.startsWithP = name[0] == UInt8(ascii: "p")
        // libxml2 compares the table's name, found ignoring case.
        traits.isHTMLOrBody = traits.known && (lowercased == "html" || lowercased == "body")
        traits.holdsRawText = lowercased == "script" || lowercased == "style"
        traits.isAnchor = lowercased == "a"
        return traits
    }

    /// Boolean attributes are written without their value; `href`,
    /// `action` and `src`, and `name` on an anchor, are written as URIs.
    private mutating func attributeKind(of name: UnsafePointer<xmlChar>) -> AttributeKind {
        attributeKinds.value(for: name) { name in
            if htmlIsBooleanAttr(name) != 0 { return .boolean }
            switch String(cString: name).lowercased() {
            case "href", "action", "src": return .uri
            case "name": return .uriOnAnchor
            default: return .text
            }
        }
    }

    // MARK: Escaping, as libxml2's xmlEncodeEntitiesInternal (HTML document) and xmlURIEscapeStr

    private mutating func appendEscaped(_ text: UnsafePointer<xmlChar>, inAttribute: Bool) {
        Self.escape(text, inAttribute: inAttribute, into: &out)
    }

    /// `<`, `>` and `&` as entities; other C0 controls but tab, line feed and
    /// carriage return dropped (the tree never holds them); everything else
    /// as it is. In attribute values, libxml2 leaves `<!-- ... -->` and
    /// `&{ ... }` (HTML 4's script macros) as they are.
    private static func escape(_ text: UnsafePointer<xmlChar>, inAttribute: Bool, into output: inout ByteBuffer) {
        let bytes = UnsafeBufferPointer(start: text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
        var plain = 0, index = 0
        func flush() { output.append(UnsafeBufferPointer(rebasing: bytes[plain..<index])) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20, byte != UInt8(ascii: "<"), byte != UInt8(ascii: ">"), byte != UInt8(ascii: "&") {
                index += 1
                continue
            }
            if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            flush()
            switch byte {
            case UInt8(ascii: "<"):
                if inAttribute, let end = rawCommentEnd(in: bytes, at: index) {
                    plain = index
                    index = end
                    continue
                }
                output.append("&lt;")
            case UInt8(ascii: ">"):
                output.append("&gt;")
            case UInt8(ascii: "&"):
                if inAttribute, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                   let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                    plain = index
                    index = close + 1
                    continue
                }
                output.append("&amp;")
            default:
                break  // a control character libxml2 leaves out
            }
            index += 1
            plain = index
        }
        flush()
    }

    /// Where `<!-- ... -->` starting at `index` ends (after its `-->`), if it does.
    private static func rawCommentEnd(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let opening = Array("<!--".utf8), closing = Array("-->".utf8)
        guard bytes.count - index >= opening.count, bytes[index..<(index + opening.count)].elementsEqual(opening) else { return nil }
        var probe = index
        while probe + closing.count <= bytes.count {
            if bytes[probe..<(probe + closing.count)].elementsEqual(closing) { return probe + closing.count }
            probe += 1
        }
        return nil
    }

    /// libxml2's `xmlURIEscapeStr(value, "@/:=?;#%&,+")`: letters, digits,
    /// `-_.!~*'()` and that list stay, every other byte becomes `%XX`.
    private static func appendURIEscaped(_ value: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        let hex: StaticString = "0123456789ABCDEF"
        for byte in value {
            if keptInURI.contains(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hex.utf8Start[Int(byte >> 4)])
                output.append(hex.utf8Start[Int(byte & 0x0F)])
            }
        }
    }

    private static let keptInURI = ASCIIByteSet(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + "-_.!~*'()" + "@/:=?;#%&,+")

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// libxml2's quoting: double quotes, or single ones when the value holds
    /// a double quote but no single one, or double ones with `&quot;` when it holds both.
    private mutating func appendQuoted(_ value: UnsafeBufferPointer<UInt8>) {
        let double = UInt8(ascii: "\""), single = UInt8(ascii: "'")
        guard value.contains(double) else {
            out.append(double); out.append(value); out.append(double)
            return
        }
        guard value.contains(single) else {
            out.append(single); out.append(value); out.append(single)
            return
        }
        out.append(double)
        for byte in value {
            if byte == double { out.append("&quot;") } else { out.append(byte) }
        }
        out.append(double)
    }

    // MARK: Output

    private mutating func append(_ literal: StaticString) {
        out.append(literal)
    }

    private mutating func appendCString(_ text: UnsafePointer<xmlChar>) {
        out.append(UnsafeBufferPointer(start: text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))))
    }
}

/// Values by name pointer, in a small direct-mapped table: a page's names
/// are interned in its dictionary (see `MarkupTree.htmlPage`), so one pointer
/// is one name, and a name is worked out once per page however often it is used.
private struct NamePointerCache<Value> {
    private var slots: [(name: UnsafePointer<xmlChar>?, value: Value?)]

    /// `slots`: a power of two.
    init(slots: Int) {
        self.slots = Array(repeating: (nil, nil), count: slots)
    }

    mutating func value(for name: UnsafePointer<xmlChar>, orMake make: (UnsafePointer<xmlChar>) -> Value) -> Value {
        let slot = (Int(bitPattern: name) >> 3) & (slots.count - 1)
        if slots[slot].name == name, let value = slots[slot].value { return value }
        let value = make(name)
        slots[slot] = (name, value)
        return value
    }
}

/// An element name as a dictionary key: names of up to 8
/// bytes (nearly all) packed into an integer, longer ones as strings.
private enum NameKey: Hashable {
    case packed(UInt64)
    case long(String)

    init(_ name: UnsafePointer<xmlChar>) {
        var packed: UInt64 = 0
        for index in 0..<9 {
            let byte = name[index]
            if byte == 0 {
                self = .packed(packed)
                return
            }
            if index == 8 { break }
            packed |= UInt64(byte) << (8 * UInt64(index))
        }
        self = .long(String(cString: name))
    }
}

/// Bytes in one `malloc`ed block, grown by doubling. Owned by one
/// serializer, which frees it (or has `data()` free it).
private struct ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func removeAll() { count = 0 }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        capacity = max(capacity * 2, count + extra)
        base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// The bytes as `Data` of their exact size; the buffer is freed. Handing
    /// the block itself over kept up to half of it unused per page, and a
    /// build holds its new pages until they are written: 20 MB more at peak.
    func data() -> Data {
        defer { free() }
        return Data(bytes: base, count: count)
    }

    func free() { Foundation.free(base) }
}
