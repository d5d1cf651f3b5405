import Foundation

// Compact Codable forms for the types an incremental build decodes by the
// thousand from the knowledge base's document cache (outlines: sections with
// their heading inlines, and links). Arrays instead of keyed objects: the
// synthesized forms (`{"text":{"_0":"..."}}`) made decoding the corpus's
// cached outlines a sixth of an incremental build. Facts keep their keyed
// form but their sources (one per fact) are arrays too. Only the cache uses these
// forms; the knowledge base's public columns do not hold them.

extension Inline {
    private enum Tag: String, Codable {
        case text = "t", code = "c", strong = "s", emphasis = "e", strikethrough = "x"
        case link = "l", image = "i", html = "h", softBreak = "b", lineBreak = "n"
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(Tag.self) {
        case .text: self = .text(try container.decode(String.self))
        case .code: self = .code(try container.decode(String.self))
        case .strong: self = .strong(try container.decode([Inline].self))
        case .emphasis: self = .emphasis(try container.decode([Inline].self))
        case .strikethrough: self = .strikethrough(try container.decode([Inline].self))
        case .link:
            self = .link(destination: try container.decode(String.self), title: try container.decode(String.self),
                         content: try container.decode([Inline].self))
        case .image:
            self = .image(source: try container.decode(String.self), title: try container.decode(String.self),
                          alt: try container.decode(String.self))
        case .html: self = .html(try container.decode(String.self))
        case .softBreak: self = .softBreak
        case .lineBreak: self = .lineBreak
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .text(let text): try container.encode(Tag.text); try container.encode(text)
        case .code(let code): try container.encode(Tag.code); try container.encode(code)
        case .strong(let content): try container.encode(Tag.strong); try container.encode(content)
        case .emphasis(let content): try container.encode(Tag.emphasis); try container.encode(content)
        case .strikethrough(let content): try container.encode(Tag.strikethrough); try container.encode(content)
        case .link(let destination, let title, let content):
            try container.encode(Tag.link)
            try container.encode(destination); try container.encode(title); try container.encode(content)
        case .image(let source, let title, let alt):
            try container.encode(Tag.image)
            try container.encode(source); try container.encode(title); try container.encode(alt)
        case .html(let raw): try container.encode(Tag.html); try container.encode(raw)
        case .softBreak: try container.encode(Tag.softBreak)
        case .lineBreak: try container.encode(Tag.lineBreak)
        }
    }
}

extension Section {
    /// `[index, parent or null, level, heading, content, explicitAnchors, slug, line, first block, end block]`
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let index = try c.decode(Int.self)
        let parent = try c.decodeNil() ? nil : try c.decode(Int.self)
        let level = try c.decode(Int.self), heading = try c.decode(String.self), content = try c.decode([Inline].self)
        let explicitAnchors = try c.decode([String].self), slug = try c.decode(String.self), line = try c.decode(Int.self)
        let lower = try c.decode(Int.self), upper = try c.decode(Int.self)
        guard lower <= upper else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "block range \(lower)..<\(upper)")
        }
        self.init(index: index, parent: parent, level: level, heading: heading, content: content,
                  explicitAnchors: explicitAnchors, slug: slug, line: line, blockRange: lower..<upper)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(index)
        if let parent { try c.encode(parent) } else { try c.encodeNil() }
        try c.encode(level); try c.encode(heading); try c.encode(content)
        try c.encode(explicitAnchors); try c.encode(slug); try c.encode(line)
        try c.encode(blockRange.lowerBound); try c.encode(blockRange.upperBound)
    }
}

extension DocumentOutline.Link {
    /// `[destination, text, line]`
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        self.init(destination: try c.decode(String.self), text: try c.decode(String.self), line: try c.decode(Int.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(destination); try c.encode(text); try c.encode(line)
    }
}

extension FactSource {
    /// `[path, line, anchor, section]`: every cached fact has one.
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        self.init(path: try c.decode(String.self), line: try c.decode(Int.self), anchor: try c.decode(String.self),
                  section: try c.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(path); try c.encode(line); try c.encode(anchor); try c.encode(section)
    }
}
