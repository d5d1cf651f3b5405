/// Text from documents and file names, made harmless for a terminal: a
/// table cell holding `ESC [2J` cleared the screen when an answer quoted it,
/// and `ESC ] 0; ... BEL` retitled the window. Control characters (C0 and
/// C1, DEL) are written out as `\u{1B}`; tab and line feed stay where a
/// line may hold them.
extension String {
    public func terminalSafe(keepingLineFeeds: Bool = true) -> String {
        guard unicodeScalars.contains(where: { Self.isControl($0, keepingLineFeeds: keepingLineFeeds) }) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if Self.isControl(scalar, keepingLineFeeds: keepingLineFeeds) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar, keepingLineFeeds: Bool) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A: return !keepingLineFeeds
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
