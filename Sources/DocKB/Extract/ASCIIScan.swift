/// Byte scans behind `Pattern`'s word check and `Text.contains`. They run on
/// every sentence of every document, several times each, so they look at
/// eight bytes per step (SWAR: SIMD within a 64-bit register) rather than one.
extension Text {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x0101_0101_0101_0101

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highBits != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether ASCII `bytes` contain `word` (lower-case), ignoring the case of A to Z.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, lowercaseASCII word: [UInt8]) -> Bool {
        guard let first = word.first else { return true }
        guard bytes.count >= word.count, let base = bytes.baseAddress else { return false }
        let last = bytes.count - word.count
        var start = 0
        while let candidate = nextCandidate(for: first, in: base, from: start, through: last) {
            var offset = 1
            while offset < word.count, base[candidate + offset].asciiLowercased == word[offset] { offset += 1 }
            if offset == word.count { return true }
            start = candidate + 1
        }
        return false
    }

    /// The first index in `from...through` whose byte, lower-cased, is `first`.
    /// Eight bytes at a time: when `first` is a letter, setting bit 0x20
    /// lower-cases its capital, and XOR with `first` repeated turns a hit into
    /// a zero byte. The zero-byte test may also flag a byte just above a zero
    /// byte (through the borrow), never one below: the lowest flag is a hit.
    private static func nextCandidate(for first: UInt8, in base: UnsafePointer<UInt8>, from start: Int, through last: Int) -> Int? {
        let isLetter = (0x61...0x7A).contains(first)
        let fold: UInt64 = isLetter ? 0x2020_2020_2020_2020 : 0
        let pattern = UInt64(first) &* lowBits
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= last + 1 {
            let chunk = (raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) | fold) ^ pattern
            let hits = (chunk &- lowBits) & ~chunk & highBits
            if hits != 0 { return index + hits.trailingZeroBitCount / 8 }
            index += 8
        }
        while index <= last {
            if base[index].asciiLowercased == first { return index }
            index += 1
        }
        return nil
    }
}

/// A set of ASCII bytes as a 128-bit mask, tested without hashing: for the
/// byte loops of the search index and the HTML serializer.
struct ASCIIByteSet: Sendable {
    private var low: UInt64 = 0, high: UInt64 = 0

    init(_ characters: String) {
        for byte in characters.utf8 where byte < 0x80 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
    }
}
