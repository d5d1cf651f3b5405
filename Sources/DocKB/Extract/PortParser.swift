/// Reads port numbers from port-table cells ("80 (See note 1, ...)", "80 or
/// 8530", "--", "DYNAMIC", "49152-65535", "443 Note 2") and from prose ("Outbound: TCP Port
/// **10123**", "HTTPS (by default, TCP 443)", "inbound custom port TCP 135",
/// "UDP and TCP port 135"),
/// and the two machines a description names ("between the site server and
/// the client computer", "from the client computer to a management point").
enum PortParser {
    /// The ports of one table cell; empty for `--`, `n/a` or an empty cell.
    static func ports(inCell text: String) -> [String] {
        var t = text
        if let paren = t.firstIndex(of: "(") { t = String(t[..<paren]) }
        t = t.collapsingWhitespace
        if t.isEmpty || t.allSatisfy({ $0 == "-" || $0 == "–" || $0 == "—" }) { return [] }
        let lowered = t.lowercased()
        if ["n/a", "na", "none", "not applicable"].contains(lowered) { return [] }
        var result: [String] = []
        for m in cellToken.matches(in: t) {
            // "443 <sup>Note 2</sup>": a footnote's number is not a port.
            let before = t[..<m.range.lowerBound].lowercased().split(separator: " ").last
            if let before, before == "note" || before == "notes" || before == "footnote" { continue }
            let token = m.groups[0].replacingOccurrences(of: " ", with: "")
            if !token.isEmpty && !result.contains(token) { result.append(token.uppercased() == "DYNAMIC" ? "DYNAMIC" : token) }
        }
        return result
    }

    /// What a port cell says after its numbers, as a sentence: "80 or 8530
    /// (See note 2, Windows Server Update Services)" gives "Port 80 or 8530:
    /// See note 2, Windows Server Update Services." The note names what
    /// the port is for, or that another may be used; nil when the cell has
    /// no parenthesis or nothing in it.
    static func note(inCell text: String) -> String? {
        guard let open = text.firstIndex(of: "(") else { return nil }
        var inside = text[text.index(after: open)...]
        if let close = inside.lastIndex(of: ")") { inside = inside[..<close] }
        let note = String(inside).collapsingWhitespace
        let numbers = String(text[..<open]).collapsingWhitespace
        guard !note.isEmpty, !numbers.isEmpty else { return nil }
        return "Port \(numbers): \(note)" + (note.last.map { ".!?".contains($0) } == true ? "" : ".")
    }

    struct ProsePort: Equatable {
        var transport: String
        var port: String
        var direction: String?
        /// The application protocol named just before ("HTTPS" in "HTTPS (by default, TCP 443)").
        var application: String?
        /// The sentence stating the port, when the text's other sentences say nothing of it
        /// (a web port named in passing); nil when the whole text describes it.
        var sentence: String? = nil
    }

    /// Ports stated in running text.
    static func ports(inProse text: String) -> [ProsePort] {
        // Every phrasing below but one names a transport: one look for it spares
        // the patterns their own, as most units of prose name none.
        guard transportNamed.mayMatch(text) else { return webPorts(inProse: text) }
        var found: [ProsePort] = []
        var direction: String?
        if let m = directionPattern.firstMatch(in: text) {
            let words = m[0].lowercased()
            direction = words.contains("inbound") && words.contains("outbound") ? "inbound and outbound"
                : words.contains("inbound") ? "inbound" : "outbound"
        }
        // "UDP and TCP port 135": one port per transport; the "TCP port 135"
        // inside it is not counted again below.
        var pairs: [Range<String.Index>] = []
        for m in twoTransportsThenNumber.matches(in: text) {
            pairs.append(m.range)
            let application = applicationBefore(m.range.lowerBound, in: text)
            let port = m.groups[2].replacingOccurrences(of: " ", with: "")
            let written = [m.groups[0].uppercased(), m.groups[1].uppercased()]
            for transport in written[0] == written[1] ? [written[0]] : written {
                found.append(ProsePort(transport: transport, port: port, direction: direction, application: application))
            }
        }
        for m in transportThenNumber.matches(in: text) where !pairs.contains(where: { $0.overlaps(m.range) }) {
            let application = applicationBefore(m.range.lowerBound, in: text)
            found.append(ProsePort(transport: m.groups[0].uppercased(), port: m.groups[1].replacingOccurrences(of: " ", with: ""),
                                   direction: direction, application: application))
        }
        for m in numberThenTransport.matches(in: text) where !found.contains(where: { $0.port == m.groups[0] }) {
            found.append(ProsePort(transport: m.groups[1].uppercased(), port: m.groups[0], direction: direction, application: nil))
        }
        for port in webPorts(inProse: text) where !found.contains(where: { $0.port == port.port }) { found.append(port) }
        return found
    }

    /// "port 80 for HTTP and port 443 for HTTPS", "the default values are 80
    /// for HTTP traffic and 443 for HTTPS traffic": a port of a web protocol,
    /// named without its transport, which for HTTP and HTTPS is TCP. The
    /// number follows "port" or is followed by what the protocol carries, so
    /// "version 1810 for HTTPS" is no port.
    private static func webPorts(inProse text: String) -> [ProsePort] {
        guard webPortPattern.mayMatch(text) else { return [] }
        return Text.sentences(text).flatMap { sentence in
            webPortPattern.matches(in: sentence).map { m in
                let (port, application) = m.groups[0].isEmpty ? (m.groups[2], m.groups[3]) : (m.groups[0], m.groups[1])
                return ProsePort(transport: "TCP", port: port, direction: nil, application: application.uppercased(), sentence: sentence)
            }
        }
    }

    /// The application protocol just before a port: "HTTPS (by default, TCP 443)".
    private static func applicationBefore(_ index: String.Index, in text: String) -> String? {
        let before = String(text[..<index])
        return applicationPattern.matches(in: before).last?.groups[0]
    }

    /// (from, to) machines of a description, without articles.
    static func endpoints(_ text: String) -> (from: String?, to: String?) {
        for pattern in [betweenPattern, fromToPattern] {
            // Machines are short noun phrases; a long capture is a sentence, not a machine.
            if let m = pattern.firstMatch(in: text), m.allSatisfy({ $0.split(separator: " ").count <= 5 }) {
                return (clean(m[0]), clean(m[1]))
            }
        }
        return (nil, nil)
    }

    /// Machines named by a heading drawn as an arrow: "Client --> Management
    /// point", "Site server < -- > SQL Server" (both ways).
    static func arrowEndpoints(_ heading: String) -> (from: String, to: String, bothWays: Bool)? {
        guard let m = arrowPattern.firstMatch(in: heading) else { return nil }
        return (clean(m[0]), clean(m[2]), !m[1].isEmpty)
    }

    private static let arrowPattern = Pattern(#"^(.+?)\s*(<?)\s*-{1,2}\s*>\s*(.+)$"#)

    private static func clean(_ s: String) -> String {
        var t = s.collapsingWhitespace
        for article in ["the ", "a ", "an ", "any "] where t.lowercased().hasPrefix(article) {
            t = String(t.dropFirst(article.count))
        }
        return Text.trimmingPeriod(t)
    }

    /// Only its required words are used: a prefilter for prose without "TCP" or "UDP".
    private static let transportNamed = Pattern(#"TCP|UDP"#, requiring: [["tcp", "udp"]])
    private static let cellToken = Pattern(#"(\d+\s*-\s*\d+|\d+|dynamic)"#)
    private static let directionPattern = Pattern(#"\b((?:inbound|outbound)(?: and (?:inbound|outbound))?)\s*:"#,
                                                  requiring: [["inbound", "outbound"]])
    private static let transportThenNumber = Pattern(#"\b(TCP|UDP)(?:/IP)?\s+(?:ports?\s+)?\**(\d+(?:\s*-\s*\d+)?)\**"#,
                                                    requiring: [["tcp", "udp"]])
    private static let twoTransportsThenNumber = Pattern(
        #"\b(TCP|UDP)\s*(?:and|or|/)\s*(TCP|UDP)\s+(?:ports?\s+)?\**(\d+(?:\s*-\s*\d+)?)\**"#, requiring: [["tcp"], ["udp"]])
    /// "port 135 (TCP)", and in a list of protocols "RPC (WMI) - 135 (TCP)".
    private static let numberThenTransport = Pattern(#"(?:\bports?|\s[-–])\s+(\d{2,5})\s*\((TCP|UDP)\)"#, requiring: [["tcp", "udp"]])
    private static let webPortPattern = Pattern(
        #"\bports?\s+(\d{2,5})\s+for\s+(HTTPS?)\b|(?<!version )(?<!release )(?<!build )\b(\d{2,5})\s+for\s+(HTTPS?)\s+(?:traffic|communications?|connections?|requests?)\b"#,
        requiring: [["port"], ["http"]])
    private static let applicationPattern = Pattern(#"\b(HTTPS?|SMB|RPC|SQL|LDAP|DNS|WMI|FTP|SSH|RDP)\s*\([^()]*$"#, caseInsensitive: false)
    private static let betweenPattern = Pattern(
        #"\bbetween (?:the |a |an )?(.+?) and (?:the |a |an )?(.+?)(?=[.,:;]|\s+(?:when|if|for|to|from|that|which|during|and you)\b|$)"#)
    private static let fromToPattern = Pattern(
        #"\bfrom (?:the |a |an |one )?(.+?) to (?:the |a |an |another )?(.+?)(?=[.,:;]|\s+(?:when|if|for|that|which|during|and you)\b|$)"#)
}
