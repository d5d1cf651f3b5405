import Foundation

// The binary form of the knowledge base's document cache (`OutlineCoding`,
// `FactsCoding`): LEB128 varints (zigzag for numbers that may be negative),
// strings as a byte count and their UTF-8, flags and optionals as a 0/1 byte,
// arrays as a count then their elements. Each value starts with a format tag.

/// Why bytes are not a value of the form: the build then starts over.
enum BinaryFormError: Error, Equatable {
    /// Not this form at all (another tag, or another encoding).
    case unknownForm
    case truncated
    case invalid(String)
}

/// Appends varints, strings and flags (see `OutlineCoding`).
struct ByteWriter {
    private(set) var bytes: [UInt8]

    init(formatTag: [UInt8]) { bytes = formatTag }

    mutating func tag(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    /// Zigzag: small negative numbers stay short.
    mutating func signed(_ value: Int) { unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    private mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

/// Reads what `ByteWriter` wrote; throws on anything short or malformed.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    private(set) var position: Int

    /// A reader past `formatTag`, which `buffer` must start with.
    init(_ buffer: UnsafeRawBufferPointer, formatTag: [UInt8]) throws {
        guard buffer.count >= formatTag.count, formatTag.indices.allSatisfy({ buffer[$0] == formatTag[$0] }) else {
            throw BinaryFormError.unknownForm
        }
        self.buffer = buffer
        position = formatTag.count
    }

    /// Fails when bytes are left: a value is read whole or not at all.
    func expectEnd(_ what: String) throws {
        guard position == buffer.count else { throw BinaryFormError.invalid("bytes after the \(what)") }
    }

    mutating func tag() throws -> UInt8 {
        guard position < buffer.count else { throw BinaryFormError.truncated }
        defer { position += 1 }
        return buffer[position]
    }

    mutating func bool() throws -> Bool {
        switch try tag() {
        case 0: return false
        case 1: return true
        default: throw BinaryFormError.invalid("flag")
        }
    }

    /// A count of elements or bytes: never more than the bytes left, so a
    /// damaged value cannot make a reader allocate or loop without bound.
    mutating func count() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(buffer.count - position) else { throw BinaryFormError.truncated }
        return Int(value)
    }

    mutating func signed() throws -> Int {
        let raw = try unsigned()
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    mutating func string() throws -> String {
        let length = try count()
        let start = position
        position += length
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        var values: [String] = []
        for _ in 0..<(try count()) { values.append(try string()) }
        return values
    }

    private mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try tag()
            guard shift < 64 else { throw BinaryFormError.invalid("varint") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}

extension ByteWriter {
    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }
}

extension ByteReader {
    mutating func optional() throws -> String? {
        try bool() ? try string() : nil
    }
}
