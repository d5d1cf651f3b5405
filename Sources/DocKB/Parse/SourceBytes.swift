/// The raw bytes of a source file, checked before parsing: a UTF-8 byte order
/// mark is removed, and invalid UTF-8 and NUL bytes are reported by line
/// (cmark replaces both with U+FFFD, so parsing goes on).
struct SourceBytes {
    var bytes: [UInt8]
    var notes: [(line: Int, message: String)] = []

    init(_ raw: [UInt8]) {
        bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let scan = Self.scan(bytes)
        if let offset = scan.firstInvalidUTF8 {
            notes.append((line(at: offset), "invalid UTF-8 (first bad byte at offset \(offset)); "
                + "bad bytes were replaced with U+FFFD"))
        }
        if let offset = scan.firstNUL {
            let count = scan.nulCount == 1 ? "a NUL byte" : "\(scan.nulCount) NUL bytes"
            notes.append((line(at: offset), "\(count), first here; the file may not be Markdown "
                + "(NULs were replaced with U+FFFD)"))
        }
    }

    /// The 1-based line of a byte offset; lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark.
    func line(at offset: Int) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
            } else if byte == UInt8(ascii: "\r") {
                let followedByNewline = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
                if !followedByNewline { line += 1 }
            }
            index += 1
        }
        return line
    }

    private struct Scan {
        var firstInvalidUTF8: Int?
        var firstNUL: Int?
        var nulCount = 0
    }

    /// One pass over the bytes: the first offset that is not well-formed UTF-8
    /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) and the NULs.
    private static func scan(_ bytes: [UInt8]) -> Scan {
        var scan = Scan()
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    if lead == 0 {
                        scan.nulCount += 1
                        if scan.firstNUL == nil { scan.firstNUL = index }
                    }
                    index += 1
                    continue
                }
                let length = sequenceLength(buffer, at: index)
                if length == 0 {
                    if scan.firstInvalidUTF8 == nil { scan.firstInvalidUTF8 = index }
                    index += 1
                } else {
                    index += length
                }
            }
        }
        return scan
    }

    /// Length of the well-formed multi-byte sequence starting at `index`, or 0.
    private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = buffer[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= buffer.count else { return 0 }
        let second = buffer[index + 1]
        guard second >= low, second <= high else { return 0 }
        for offset in 2..<max(2, length) where buffer[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
