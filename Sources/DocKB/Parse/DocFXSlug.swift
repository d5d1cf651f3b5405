/// The heading identifiers DocFX generates: markdig's auto-identifier extension
/// in its GitHub mode, which DocFX enables by default.
///
/// The heading is reduced to the text a reader sees (markup and HTML tags
/// dropped, code and link text kept), then every letter or digit is kept
/// lower-cased, each space becomes `-`, `-` and `_` stay, everything else is
/// dropped. Runs are not collapsed: "A - B" gives `a---b`, as DocFX does.
/// An empty result becomes `section`; repeats within a document get `-1`, `-2`, ...
///
/// One deliberate difference: the text is trimmed first. DocFX keeps the space
/// that follows an anchor written before the text (`## <a name="x"></a> Title`
/// becomes `-title` there), but links and readers use `title`; the explicit
/// anchor covers the exact DocFX form's purpose.
struct HeadingSlugger {
    private var used: Set<String> = []
    /// For each slug, the suffix to try first next time: every smaller one is
    /// taken. Trying them all from 1 again made a document of thousands of
    /// headings with the same text take quadratic time (20,000: 18 s).
    private var nextSuffix: [String: Int] = [:]

    /// The slug for a heading, made unique among the headings seen so far:
    /// the text's slug, or the first of `slug-1`, `slug-2`, ... not taken.
    mutating func uniqueSlug(for content: [Inline]) -> String {
        let base = Self.slug(Self.visibleText(content))
        var suffix = nextSuffix[base, default: 0]
        var candidate = suffix == 0 ? base : base + "-" + String(suffix)
        while !used.insert(candidate).inserted {
            suffix += 1
            candidate = base + "-" + String(suffix)
        }
        nextSuffix[base] = suffix + 1
        return candidate
    }

    /// DocFX's exact identifier for a heading, when it differs from `slug`
    /// (the text starts after an anchor and a space: `-title`). Authors copy
    /// it from published pages, so links resolve to it and pages carry it.
    static func exactID(of content: [Inline], slug: String) -> String? {
        let exact = Self.slug(visibleText(content), trimming: false)
        return exact == slug ? nil : exact
    }

    /// The identifier for one heading text, before de-duplication.
    /// `trimming: false` gives DocFX's exact form (see the type's comment).
    static func slug(_ text: some StringProtocol, trimming: Bool = true) -> String {
        var source = trimming ? text.trimmingWhitespace : Substring(text)
        // Most headings are ASCII: their bytes map one to one (a third of the
        // time of reading headings went to appending scalars one by one).
        if let ascii = source.withUTF8(asciiSlug) { return ascii }
        var out = String.UnicodeScalarView()
        for scalar in source.unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "_" {
                out.append(scalar == " " ? "-" : scalar)
            } else if scalar.isASCII {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    out.append(scalar)
                } else if ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) {
                    out.append(lower)
                }
            } else if isLetterOrDigit(scalar) {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out.isEmpty ? "section" : String(out)
    }

    /// `slug` of ASCII bytes, as the scalar loop gives it; nil for any other text.
    private static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
            default: break
            }
        }
        return out.isEmpty ? "section" : String(decoding: out, as: UTF8.self)
    }

    /// For non-ASCII scalars: .NET's `char.IsLetterOrDigit` works on UTF-16 units, so characters outside
    /// the Basic Multilingual Plane (emoji, rare scripts) never count.
    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value <= 0xFFFF else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// The heading as markdig's tag-stripping renderer writes it: text, code and
    /// link text kept, raw HTML (anchors, comments, `<br>`) dropped.
    static func visibleText(_ content: [Inline]) -> String {
        var text = ""
        content.walk { inline in
            switch inline {
            case .text(let s), .code(let s): text += s
            case .image(_, _, let alt): text += alt
            case .softBreak, .lineBreak: text += "\n"
            case .html, .strong, .emphasis, .strikethrough, .link: break
            }
        }
        return text
    }
}
