import Foundation

/// The machines an installation method involves and the ports between them,
/// drawn as an SVG file (no script: it is shown through `<img>`).
///
/// Layout: the machine with the most connections (the client, in practice)
/// is a tall box on the left; every other machine gets a row on the right
/// with one horizontal arrow per direction, labelled with its ports. Pairs
/// that do not involve that machine get their own rows below.
struct MethodDiagram {
    struct Connection: Hashable {
        var from: String
        var to: String
        var labels: [String]
    }

    let title: String
    let connections: [Connection]

    /// Connections from the ports that name both ends; ports are grouped per
    /// (from, to) pair, in the order the knowledge base lists them.
    init(title: String, ports: [PortFact]) {
        self.title = title
        var order: [String] = []
        var grouped: [String: Connection] = [:]
        for port in ports {
            guard let from = port.source.flatMap(Self.machineName), let to = port.destination.flatMap(Self.machineName),
                  from != to else { continue }
            let key = from + "\u{0}" + to
            var label = port.label
            if let condition = port.condition, !condition.isEmpty { label += " (if \(condition))" }
            if grouped[key] == nil {
                order.append(key)
                grouped[key] = Connection(from: from, to: to, labels: [])
            }
            if !grouped[key]!.labels.contains(label) { grouped[key]!.labels.append(label) }
        }
        connections = order.map { grouped[$0]! }
    }

    var isEmpty: Bool { connections.isEmpty }

    /// The machine phrase as a box label: articles dropped, "client" and
    /// "client computer" unified, first letter capitalized.
    static func machineName(_ phrase: String) -> String? {
        var words = phrase.collapsingWhitespace.split(separator: " ").map(String.init)
        while let first = words.first, ["a", "an", "the", "any", "each"].contains(first.lowercased()) { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        var name = words.joined(separator: " ").lowercased()
        if name == "client" || name == "clients" || name == "client computers" { name = "client computer" }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The text alternative: every connection in words.
    var altText: String {
        guard !isEmpty else { return "No port data with both ends named." }
        let parts = connections.map { "\($0.from) to \($0.to): \($0.labels.joined(separator: ", "))" }
        return "Diagram of \(title): " + parts.joined(separator: "; ") + "."
    }

    // MARK: - Drawing

    private static let boxWidth = 190.0
    private static let gap = 300.0
    private static let margin = 16.0
    private static let lineHeight = 15.0

    /// The machine drawn as the tall box on the left.
    var hub: String? {
        var counts: [String: Int] = [:]
        for c in connections { counts[c.from, default: 0] += 1; counts[c.to, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    private struct Row {
        var left: String
        var right: String
        var arrows: [(toRight: Bool, labels: [String])]
        var height: Double
    }

    private func rows() -> [Row] {
        let hub = self.hub
        var rows: [Row] = []
        var index: [String: Int] = [:]
        // Hub rows first, then the other pairs, each in first-seen order.
        let ordered = connections.filter { $0.from == hub || $0.to == hub } + connections.filter { $0.from != hub && $0.to != hub }
        for connection in ordered {
            let involvesHub = connection.from == hub || connection.to == hub
            let left = involvesHub ? hub! : min(connection.from, connection.to)
            let right = left == connection.from ? connection.to : connection.from
            let key = left + "\u{0}" + right
            let wrapped = connection.labels.flatMap { Self.wrap($0, width: 38) }
            if let i = index[key] {
                rows[i].arrows.append((connection.from == left, wrapped))
            } else {
                index[key] = rows.count
                rows.append(Row(left: left, right: right, arrows: [(connection.from == left, wrapped)], height: 0))
            }
        }
        for i in rows.indices {
            let labelLines = rows[i].arrows.reduce(0) { $0 + $1.labels.count }
            rows[i].height = max(70, Double(labelLines) * Self.lineHeight + Double(rows[i].arrows.count) * 26 + 14)
        }
        return rows
    }

    /// The SVG document.
    func svg() -> Data {
        let rows = self.rows()
        let hub = self.hub
        let width = Self.margin * 2 + Self.boxWidth * 2 + Self.gap
        let height = Self.margin * 2 + rows.reduce(0) { $0 + $1.height + 12 } + 24
        let (tree, svg) = MarkupTree.svgPicture()
        svg.setAttribute("viewBox", "0 0 \(Self.format(width)) \(Self.format(height))")
        svg.setAttribute("width", Self.format(width))
        svg.setAttribute("height", Self.format(height))
        svg.setAttribute("role", "img")
        svg.setAttribute("aria-labelledby", "title desc")
        svg.element("title", ["id": "title"], text: title)
        svg.element("desc", ["id": "desc"], text: altText)
        svg.element("style", text: Self.style)
        let defs = svg.element("defs")
        let marker = defs.element("marker", ["id": "arrow", "viewBox": "0 0 10 10", "refX": "9", "refY": "5",
                                              "markerWidth": "8", "markerHeight": "8", "orient": "auto-start-reverse"])
        marker.element("path", ["d": "M0,0 L10,5 L0,10 z", "class": "head"])

        let leftX = Self.margin, rightX = Self.margin + Self.boxWidth + Self.gap
        var y = Self.margin + 24
        svg.element("text", ["x": Self.format(leftX), "y": Self.format(Self.margin + 10), "class": "caption"],
                    text: "Machines and ports: \(title)")
        var hubTop: Double?, hubBottom = y
        for row in rows {
            let boxY = y + (row.height - 56) / 2
            if row.left == hub {
                hubTop = hubTop ?? y
                hubBottom = y + row.height
            } else {
                Self.box(row.left, x: leftX, y: boxY, height: 56, in: svg)
            }
            Self.box(row.right, x: rightX, y: boxY, height: 56, in: svg)
            var arrowY = y + 14
            for arrow in row.arrows {
                for line in arrow.labels {
                    arrowY += Self.lineHeight
                    svg.element("text", ["x": Self.format(leftX + Self.boxWidth + Self.gap / 2), "y": Self.format(arrowY),
                                         "class": "label", "text-anchor": "middle"], text: line)
                }
                arrowY += 9
                let (x1, x2) = arrow.toRight ? (leftX + Self.boxWidth + 4, rightX - 4) : (rightX - 4, leftX + Self.boxWidth + 4)
                svg.element("line", ["x1": Self.format(x1), "y1": Self.format(arrowY), "x2": Self.format(x2),
                                     "y2": Self.format(arrowY), "class": "wire", "marker-end": "url(#arrow)"])
                arrowY += 6
            }
            y += row.height + 12
        }
        if let hub, let top = hubTop {
            Self.box(hub, x: leftX, y: top, height: hubBottom - top, in: svg, emphasized: true)
        }
        return tree.serialized()
    }

    private static func box(_ name: String, x: Double, y: Double, height: Double, in svg: MarkupElement, emphasized: Bool = false) {
        let group = svg.element("g", ["class": emphasized ? "machine hub" : "machine"])
        group.element("rect", ["x": format(x), "y": format(y), "width": format(boxWidth), "height": format(height),
                               "rx": "8"])
        let lines = wrap(name, width: 22)
        let top = y + height / 2 - Double(lines.count - 1) * 8 + 5
        for (i, line) in lines.enumerated() {
            group.element("text", ["x": format(x + boxWidth / 2), "y": format(top + Double(i) * 16),
                                   "text-anchor": "middle"], text: line)
        }
    }

    /// Greedy word wrap to lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Colours follow the page's light or dark scheme.
    private static let style = """
        text { font: 14px system-ui, -apple-system, "Segoe UI", sans-serif; fill: #1b1f24; }
        .caption { font-weight: 600; }
        .label { font-size: 13px; fill: #0b5394; }
        .machine rect { fill: #eef4fb; stroke: #3a6ea5; stroke-width: 1.5; }
        .hub rect { fill: #fff6e0; stroke: #a66b00; }
        .wire { stroke: #3a6ea5; stroke-width: 2; }
        .head { fill: #3a6ea5; }
        @media (prefers-color-scheme: dark) {
          text { fill: #e6e9ee; }
          .label { fill: #9cc7ff; }
          .machine rect { fill: #1c2a3a; stroke: #7aa7d8; }
          .hub rect { fill: #3a2e12; stroke: #e0b050; }
          .wire { stroke: #7aa7d8; }
          .head { fill: #7aa7d8; }
        }
        """
}
