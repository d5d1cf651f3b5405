import Foundation

/// Document outlines as bytes, for the knowledge base's `document_cache`.
///
/// An incremental build reads back every unchanged document's outline: the
/// corpus's 2,553 outlines took 0.2 s of CPU to decode as JSON, the largest
/// single cost of rebuilding after a one-document edit. This form is read
/// field by field with no parsing and no key lookups.
///
/// Layout (see BinaryForm.swift): the format tag, then the outline's fields
/// in declaration order; inlines are a tag byte and their fields. A cache
/// from another dockb is never read (see `ToolIdentity`), so the tag only
/// guards against a value that is not an outline at all.
enum OutlineCoding {
    static let formatTag: [UInt8] = Array("dko1".utf8)

    static func encode(_ outline: DocumentOutline) -> Data {
        var writer = ByteWriter(formatTag: formatTag)
        writer.string(outline.path)
        writer.string(outline.sha256)
        writer.string(outline.title)
        writer.count(outline.frontMatter.fields.count)
        // Sorted: the same outline always gives the same bytes.
        for (key, value) in outline.frontMatter.fields.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.string(value)
        }
        writer.count(outline.sections.count)
        for section in outline.sections { encode(section, into: &writer) }
        writer.strings(outline.extraAnchors)
        writer.strings(outline.includes)
        writer.count(outline.links.count)
        for link in outline.links {
            writer.string(link.destination)
            writer.string(link.text)
            writer.signed(link.line)
        }
        writer.bool(outline.hasRawHTMLLinks)
        return Data(writer.bytes)
    }

    static func decode(_ data: Data) throws -> DocumentOutline {
        try data.withUnsafeBytes { buffer in
            var reader = try ByteReader(buffer, formatTag: formatTag)
            let path = try reader.string(), sha256 = try reader.string(), title = try reader.string()
            var fields: [String: String] = [:]
            for _ in 0..<(try reader.count()) { fields[try reader.string()] = try reader.string() }
            var sections: [Section] = []
            for _ in 0..<(try reader.count()) { sections.append(try decodeSection(&reader)) }
            let extraAnchors = try reader.strings(), includes = try reader.strings()
            var links: [DocumentOutline.Link] = []
            for _ in 0..<(try reader.count()) {
                links.append(DocumentOutline.Link(destination: try reader.string(), text: try reader.string(),
                                                  line: try reader.signed()))
            }
            let hasRawHTMLLinks = try reader.bool()
            try reader.expectEnd("outline")
            return DocumentOutline(path: path, sha256: sha256, title: title, frontMatter: FrontMatter(fields: fields),
                                   sections: sections, extraAnchors: extraAnchors, includes: includes, links: links,
                                   hasRawHTMLLinks: hasRawHTMLLinks)
        }
    }

    // MARK: - Sections and inlines

    private static func encode(_ section: Section, into writer: inout ByteWriter) {
        writer.signed(section.index)
        writer.bool(section.parent != nil)
        if let parent = section.parent { writer.signed(parent) }
        writer.signed(section.level)
        writer.string(section.heading)
        encode(section.content, into: &writer)
        writer.strings(section.explicitAnchors)
        writer.string(section.slug)
        writer.signed(section.line)
        writer.signed(section.blockRange.lowerBound)
        writer.signed(section.blockRange.upperBound)
    }

    private static func decodeSection(_ reader: inout ByteReader) throws -> Section {
        let index = try reader.signed()
        let parent = try reader.bool() ? try reader.signed() : nil
        let level = try reader.signed(), heading = try reader.string()
        let content = try decodeInlines(&reader, depth: 0)
        let explicitAnchors = try reader.strings(), slug = try reader.string(), line = try reader.signed()
        let lower = try reader.signed(), upper = try reader.signed()
        guard lower <= upper else { throw BinaryFormError.invalid("block range \(lower)..<\(upper)") }
        return Section(index: index, parent: parent, level: level, heading: heading, content: content,
                       explicitAnchors: explicitAnchors, slug: slug, line: line, blockRange: lower..<upper)
    }

    private enum Tag: UInt8 {
        case text, code, strong, emphasis, strikethrough, link, image, html, softBreak, lineBreak
    }

    private static func encode(_ inlines: [Inline], into writer: inout ByteWriter) {
        writer.count(inlines.count)
        for inline in inlines {
            switch inline {
            case .text(let text): writer.tag(Tag.text.rawValue); writer.string(text)
            case .code(let code): writer.tag(Tag.code.rawValue); writer.string(code)
            case .strong(let content): writer.tag(Tag.strong.rawValue); encode(content, into: &writer)
            case .emphasis(let content): writer.tag(Tag.emphasis.rawValue); encode(content, into: &writer)
            case .strikethrough(let content): writer.tag(Tag.strikethrough.rawValue); encode(content, into: &writer)
            case .link(let destination, let title, let content):
                writer.tag(Tag.link.rawValue)
                writer.string(destination); writer.string(title); encode(content, into: &writer)
            case .image(let source, let title, let alt):
                writer.tag(Tag.image.rawValue)
                writer.string(source); writer.string(title); writer.string(alt)
            case .html(let raw): writer.tag(Tag.html.rawValue); writer.string(raw)
            case .softBreak: writer.tag(Tag.softBreak.rawValue)
            case .lineBreak: writer.tag(Tag.lineBreak.rawValue)
            }
        }
    }

    /// As deep as the JSON form could be read back (Foundation's decoder
    /// stops at 512 levels): a damaged or hostile value fails here, and the
    /// build starts over, instead of exhausting a worker thread's stack.
    static let maximumInlineDepth = 500

    private static func decodeInlines(_ reader: inout ByteReader, depth: Int) throws -> [Inline] {
        guard depth < maximumInlineDepth else { throw BinaryFormError.invalid("inlines nested over \(maximumInlineDepth) deep") }
        var inlines: [Inline] = []
        for _ in 0..<(try reader.count()) {
            guard let tag = Tag(rawValue: try reader.tag()) else { throw BinaryFormError.invalid("unknown inline tag") }
            switch tag {
            case .text: inlines.append(.text(try reader.string()))
            case .code: inlines.append(.code(try reader.string()))
            case .strong: inlines.append(.strong(try decodeInlines(&reader, depth: depth + 1)))
            case .emphasis: inlines.append(.emphasis(try decodeInlines(&reader, depth: depth + 1)))
            case .strikethrough: inlines.append(.strikethrough(try decodeInlines(&reader, depth: depth + 1)))
            case .link:
                inlines.append(.link(destination: try reader.string(), title: try reader.string(),
                                     content: try decodeInlines(&reader, depth: depth + 1)))
            case .image: inlines.append(.image(source: try reader.string(), title: try reader.string(), alt: try reader.string()))
            case .html: inlines.append(.html(try reader.string()))
            case .softBreak: inlines.append(.softBreak)
            case .lineBreak: inlines.append(.lineBreak)
            }
        }
        return inlines
    }
}
