import Foundation

/// The search index as a script that assigns one global
/// (`window.DOCKB_SEARCH_INDEX`), so search works from `file://` where
/// `fetch()` and workers are not allowed. Entries are grouped by kind:
/// every entity (names and aliases), every document, every section (heading
/// and text).
///
/// Section text is indexed as its distinct words, lower-cased, in order of
/// first use: every word stays searchable while the corpus's index shrinks by
/// about half; a short lead of the text is kept separately to show in results.
enum SiteSearchIndex {
    /// An entity or a document.
    struct Entry {
        var group: Int
        var title: String
        /// Aliases and short descriptions: matched like the title, shown under it.
        var extra: String
        var url: String
        /// Shown under the result.
        var snippet: String
    }

    static let documentsGroup = "Documents"
    static let sectionsGroup = "Document sections"

    /// Characters of a section's text shown under a result.
    static let snippetLength = 100

    /// Words too common to help a search; leaving them out keeps the index small.
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "if", "in", "is", "it",
        "its", "of", "on", "or", "that", "the", "then", "this", "to", "use", "was", "when", "which", "with", "you", "your",
    ]

    static func groups(for model: SiteModel) -> [String] {
        SiteEntityKind.allCases.map(\.pluralTitle) + [documentsGroup, sectionsGroup]
    }

    /// The entities and documents, in the order the index lists them.
    static func entries(for model: SiteModel) -> [Entry] {
        var entries: [Entry] = []
        let kb = model.snapshot
        let aliases = model.groups.aliases
        let descriptions = entityDescriptions(kb)
        for (group, kind) in SiteEntityKind.allCases.enumerated() {
            for entity in model.entities[kind] ?? [] {
                let extra = ((aliases[entity.key] ?? []) + [descriptions[kind]?[entity.key] ?? ""])
                    .filter { !$0.isEmpty }.joined(separator: " · ")
                entries.append(Entry(group: group, title: entity.name, extra: extra, url: entity.page, snippet: ""))
            }
        }
        let documentGroup = SiteEntityKind.allCases.count
        for document in model.catalog.outlines {
            let description = document.frontMatter.description?.collapsingWhitespace ?? ""
            entries.append(Entry(group: documentGroup, title: document.title, extra: document.path,
                                 url: SitePaths.page(forDocument: document.path), snippet: description))
        }
        return entries
    }

    /// Every document's section rows, in knowledge-base order, with the index
    /// of the document's entry. A section's row depends only on its document's
    /// bytes, so the rows of documents `cache` has seen are reused; the others
    /// are the bulk of the work, done on all cores.
    static func sectionRows(for model: SiteModel, firstDocumentEntry: Int, cache: SearchRowCache)
        -> [(document: Int, sha256: String, rows: [ArraySlice<UInt8>], reused: Bool)] {
        var entryOfDocument: [String: Int] = [:]
        for (offset, document) in model.catalog.outlines.enumerated() {
            entryOfDocument[document.path] = firstDocumentEntry + offset
        }
        // Sections come grouped by document, in knowledge-base order; only
        // the documents the cache lacks had their text loaded (see `SiteFacts.load`).
        var loaded: [String: ArraySlice<SectionText>] = [:]
        let all = model.snapshot.sections
        var start = 0
        while start < all.count {
            var end = start + 1
            while end < all.count, all[end].documentPath == all[start].documentPath { end += 1 }
            loaded[all[start].documentPath] = all[start..<end]
            start = end
        }
        let documents = model.snapshot.documentPaths, entries = entryOfDocument, sections = loaded
        let rows = ParallelPages.map(documents.count) { position -> (document: Int, sha256: String, rows: [ArraySlice<UInt8>], reused: Bool)? in
            let path = documents[position]
            guard let entry = entries[path], let outline = model.catalog.outline(at: path) else { return nil }
            if let cached = cache.rows(of: outline.sha256) { return (entry, outline.sha256, cached, true) }
            guard let own = sections[path] else { return nil }
            let rows = own.map { row(for: $0, anchor: model.catalog.anchor($0.anchor, in: path) ?? "")[...] }
            return (entry, outline.sha256, rows, false)
        }
        return rows.compactMap { $0 }
    }

    /// A section's row after the document index: heading, anchor, distinct
    /// words (matched, never shown) and a short lead of the text.
    private static func row(for section: SectionText, anchor: String) -> [UInt8] {
        var out = ScriptBytes()
        out.string(section.heading); out.raw(", "); out.string(anchor); out.raw(", ")
        out.string(distinctWords(section.body)); out.raw(", ")
        out.string(sectionLead(section.body))
        return [UInt8](out.bytes)
    }

    /// The distinct words of `text`, lower-cased, without surrounding
    /// punctuation and stop words, in order of first use. Works on UTF-8
    /// bytes and keeps the words seen as ranges of those bytes: the corpus's
    /// sections hold two million words, and a `String` and a `Set` insert per
    /// word made this a tenth of a whole build.
    static func distinctWords(_ text: String) -> String {
        let lower = lowercasedUTF8(text)
        var output: [UInt8] = []
        output.reserveCapacity(lower.count)
        // Read once: a static's every access checks that it is initialized.
        let leading = leadingPunctuation, trailing = trailingPunctuation, stopWords = packedStopWords
        lower.withUnsafeBufferPointer { bytes in
            var seen = WordSet(bytes: bytes)
            var index = 0
            while index < bytes.count {
                while index < bytes.count, isWordSeparator(bytes[index]) { index += 1 }
                var start = index
                while index < bytes.count, !isWordSeparator(bytes[index]) { index += 1 }
                var end = index
                while start < end, leading.contains(bytes[start]) { start += 1 }
                while start < end, trailing.contains(bytes[end - 1]) { end -= 1 }
                let word = start..<end
                guard !word.isEmpty, !isStopWord(UnsafeBufferPointer(rebasing: bytes[word]), in: stopWords),
                      seen.insert(word) else { continue }
                if !output.isEmpty { output.append(0x20) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[word]))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The UTF-8 bytes of `text.lowercased()`, which maps scalar by scalar:
    /// ASCII scalars (most of the corpus) are lower-cased here byte by byte,
    /// the others by their Unicode lower-case mapping, as `lowercased()`
    /// does. A section with one curly quote no longer sends all of its text
    /// through a `String` per scalar.
    static func lowercasedUTF8(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            if Text.isASCII(utf8) {
                return [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, count in
                    for index in utf8.indices { buffer[index] = utf8[index].asciiLowercased }
                    count = utf8.count
                }
            }
            var lower: [UInt8] = []
            lower.reserveCapacity(utf8.count)
            var decoder = UTF8()
            var iterator = utf8.makeIterator()
            while case .scalarValue(let scalar) = decoder.decode(&iterator) {
                if scalar.isASCII {
                    lower.append(UInt8(scalar.value).asciiLowercased)
                } else {
                    lower.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            }
            return lower
        }
    }

    private static func isWordSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static let leadingPunctuation = ASCIIByteSet(",;:()[]\"'")
    private static let trailingPunctuation = ASCIIByteSet(",.;:()[]\"'!?")

    /// Stop words are at most 7 bytes, so each fits in one integer with its length.
    private static let packedStopWords = Set(stopWords.map { Array($0.utf8).withUnsafeBufferPointer(packed) })

    private static func isStopWord(_ word: UnsafeBufferPointer<UInt8>, in stopWords: Set<UInt64>) -> Bool {
        word.count <= 7 && stopWords.contains(packed(word))
    }

    private static func packed(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        word.reduce(0) { $0 << 8 | UInt64($1) } | UInt64(word.count) << 56
    }

    /// The words seen so far, as ranges of one byte buffer, in an
    /// open-addressing table (FNV-1a hashes, linear probing, equal bytes
    /// compared on a hash match).
    private struct WordSet {
        let bytes: UnsafeBufferPointer<UInt8>
        private var slots: [Range<Int>?]
        private var count = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            slots = Array(repeating: nil, count: 64)
        }

        /// Adds `word`; false when an equal word is already in.
        mutating func insert(_ word: Range<Int>) -> Bool {
            if (count + 1) * 2 > slots.count { grow() }
            var slot = hash(word) & (slots.count - 1)
            while let occupant = slots[slot] {
                if equal(occupant, word) { return false }
                slot = (slot + 1) & (slots.count - 1)
            }
            slots[slot] = word
            count += 1
            return true
        }

        private func hash(_ word: Range<Int>) -> Int {
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in word { value = (value ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: value)
        }

        private func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count) == 0
        }

        private mutating func grow() {
            let old = slots
            slots = Array(repeating: nil, count: old.count * 2)
            for case let word? in old {
                var slot = hash(word) & (slots.count - 1)
                while slots[slot] != nil { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = word
            }
        }
    }

    /// `lead` of the first `snippetLength * 4` characters of `body`, white
    /// space collapsed. Text that is ASCII there (most of it) is read as
    /// bytes and only until the lead is known: making the window a `String`,
    /// collapsing it and counting its characters was 1.4% of a corpus build.
    static func sectionLead(_ body: String) -> String {
        var body = body
        let window = snippetLength * 4
        let bytes: [UInt8]? = body.withUTF8 { utf8 in
            // Bytes are characters when the window and the byte after it
            // (which could join its last character) are ASCII, and there is
            // no carriage return (`\r\n` is one character).
            let head = UnsafeBufferPointer(rebasing: utf8[..<min(utf8.count, window + 1)])
            guard Text.isASCII(head), !head.contains(0x0D) else { return nil }
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(snippetLength + 1)
            var pendingSpace = false
            // What is appended is always a prefix of the whole window collapsed:
            // a space goes out only before the word that follows it.
            for byte in head.prefix(window) {
                if collapsed.count > snippetLength { break }
                if byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) {
                    pendingSpace = !collapsed.isEmpty
                    continue
                }
                if pendingSpace { collapsed.append(UInt8(ascii: " ")) }
                pendingSpace = false
                collapsed.append(byte)
            }
            guard collapsed.count > snippetLength else { return collapsed }
            let cut = collapsed[..<snippetLength]
            return Array(cut[..<(cut.lastIndex(of: UInt8(ascii: " ")) ?? cut.endIndex)]) + Array(" …".utf8)
        }
        if let bytes { return String(decoding: bytes, as: UTF8.self) }
        return lead(String(body.prefix(window)).collapsingWhitespace)
    }

    static func lead(_ text: String) -> String {
        guard text.count > snippetLength else { return text }
        let cut = text.prefix(snippetLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }

    /// A short text per entity that helps a word search find it (a role's
    /// description, a port's purpose).
    private static func entityDescriptions(_ kb: SiteFacts) -> [SiteEntityKind: [String: String]] {
        var out: [SiteEntityKind: [String: String]] = [:]
        func add(_ kind: SiteEntityKind, _ name: String, _ text: String?) {
            guard let text, !text.isEmpty, out[kind]?[SiteModel.key(name)] == nil else { return }
            out[kind, default: [:]][SiteModel.key(name)] = String(text.collapsingWhitespace.prefix(160))
        }
        for f in kb.components { add(.component, f.name, [f.minVersion.map { "version \($0)" }, f.file].compactMap { $0 }.joined(separator: " ")) }
        for f in kb.siteSystemRoles { add(.siteSystemRole, f.name, f.necessity) }
        for f in kb.ports { add(.port, f.label, f.purpose) }
        for f in kb.installMethods { add(.installMethod, f.name, f.heading) }
        return out
    }

    /// The script text: `groups`, `entries` (`[group, title, extra, url,
    /// snippet]`) and `sections` (`[document entry, heading, anchor, words, snippet]`),
    /// and where each document's rows lie in it, for the next render to reuse.
    /// Built as bytes: the corpus's index is over 10 MB.
    static func script(for model: SiteModel, reusing cache: SearchRowCache = SearchRowCache())
        -> (script: Data, cache: SearchRowCache, documentsReused: Int) {
        let entries = entries(for: model)
        let sections = sectionRows(for: model, firstDocumentEntry: entries.count - model.catalog.outlines.count,
                                   cache: cache)
        var out = ScriptBytes()
        // Room for every row at once: growing a 10 MB array step by step copies it again and again.
        out.reserve(sections.reduce(entries.count * 256) { total, document in
            document.rows.reduce(total) { $0 + $1.count + 16 }
        })
        out.raw("// Generated by dockb: the search index, loaded as a script so search works from file://.\n")
        out.raw("window.DOCKB_SEARCH_INDEX = {\n\"groups\": [")
        for (index, group) in groups(for: model).enumerated() {
            if index > 0 { out.raw(", ") }
            out.string(group)
        }
        out.raw("],\n\"entries\": [\n")
        for (index, e) in entries.enumerated() {
            if index > 0 { out.raw(",\n") }
            out.raw("[\(e.group), ")
            out.string(e.title); out.raw(", "); out.string(e.extra); out.raw(", ")
            out.string(e.url); out.raw(", "); out.string(e.snippet); out.raw("]")
        }
        out.raw("\n],\n\"sections\": [\n")
        var first = true
        var next = SearchRowCache()
        for document in sections {
            var ranges: [Range<Int>] = []
            for row in document.rows {
                if !first { out.raw(",\n") }
                first = false
                out.raw("[\(document.document), ")
                ranges.append(out.bytes.count..<(out.bytes.count + row.count))
                out.append(row)
                out.raw("]")
            }
            next.record(document.sha256, rows: ranges)
        }
        out.raw("\n]};\n")
        return (out.bytes, next, sections.filter(\.reused).count)
    }

    /// A JSON string literal that is also safe JavaScript (U+2028/2029 escaped).
    static func json(_ text: String) -> String {
        var out = ScriptBytes()
        out.string(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Script text as UTF-8 bytes, with JSON string literals escaped byte by
    /// byte. Held as `Data`, which the site writer takes as it is: the
    /// corpus's index is 10 MB, and converting an array copied it once more.
    struct ScriptBytes {
        private(set) var bytes = Data()

        mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

        // Appends go through buffer pointers: `Data.append(contentsOf:)` with
        // a generic sequence casts and copies byte by byte.
        mutating func raw(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append($0) }
        }

        mutating func append(_ serialized: ArraySlice<UInt8>) { serialized.withUnsafeBufferPointer { bytes.append($0) } }

        /// A JSON string literal: runs of plain bytes are copied whole, the
        /// few that need it escaped.
        mutating func string(_ text: String) {
            var text = text
            bytes.append(UInt8(ascii: "\""))
            text.withUTF8 { utf8 in
                var plain = 0
                var index = 0
                func escape(_ replacement: String, skipping extra: Int = 0) {
                    bytes.append(UnsafeBufferPointer(rebasing: utf8[plain..<index]))
                    raw(replacement)
                    index += extra
                    plain = index + 1
                }
                while index < utf8.count {
                    let byte = utf8[index]
                    switch byte {
                    case UInt8(ascii: "\""): escape("\\\"")
                    case UInt8(ascii: "\\"): escape("\\\\")
                    case 0x0A: escape("\\n")
                    case 0x0D: escape("\\r")
                    case 0x09: escape("\\t")
                    case UInt8(ascii: "<"): escape("\\u003c")
                    case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                        // U+2028 and U+2029 end a line in JavaScript before ES2019.
                        escape(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 2)
                    case 0..<0x20:
                        let hex = Array("0123456789abcdef".utf8)
                        escape("\\u00" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self))
                    default: break
                    }
                    index += 1
                }
                bytes.append(UnsafeBufferPointer(rebasing: utf8[plain..<utf8.count]))
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
