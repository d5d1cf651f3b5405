@testable import DocKB

/// What must hold for any parsed document and its facts, whatever the input
/// bytes were. Each check returns the violations it found, as text naming the
/// line or index concerned; an empty list means the document is sound.
enum ModelInvariants {
    /// Lines as CommonMark counts them (ended by `\n`, `\r\n` or a lone `\r`;
    /// a last line without an ending counts too).
    static func lineCount(of bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                count += 1
            } else if byte == UInt8(ascii: "\r") {
                count += 1
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            }
            index += 1
        }
        if let last = bytes.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\r") { count += 1 }
        return count
    }

    static func violations(of document: Document, facts: ExtractedFacts, input: [UInt8]) -> [String] {
        let lines = lineCount(of: input)
        var problems: [String] = []
        func check(_ line: Int, _ what: @autoclosure () -> String) {
            if line < 1 || line > lines { problems.append("\(what()) has line \(line), outside 1...\(lines)") }
        }

        // Blocks, depth first; nested blocks must sit within their container's lines.
        var tableCount = 0
        func walk(_ blocks: [Block], within range: ClosedRange<Int>?, path: String) {
            for (index, block) in blocks.enumerated() {
                let name = "\(path)[\(index)] \(caseName(block.kind))"
                check(block.line, name)
                check(block.endLine, name + " (end)")
                if block.endLine < block.line { problems.append("\(name) ends on line \(block.endLine) before it starts (\(block.line))") }
                if let range, !range.contains(block.line) {
                    problems.append("\(name) on line \(block.line) lies outside its container's lines \(range)")
                }
                let own = block.line...max(block.line, block.endLine)
                switch block.kind {
                case .list(let list):
                    for (itemIndex, item) in list.items.enumerated() {
                        check(item.line, "\(name) item \(itemIndex)")
                        if !own.contains(item.line) { problems.append("\(name) item \(itemIndex) on line \(item.line) lies outside \(own)") }
                        walk(item.blocks, within: own, path: "\(name).item\(itemIndex)")
                    }
                case .quote(let inner): walk(inner, within: own, path: name)
                case .alert(let alert): walk(alert.blocks, within: own, path: name)
                case .table(let table):
                    tableCount += 1
                    for (rowIndex, row) in ([table.header] + table.rows).enumerated() {
                        check(row.line, "\(name) row \(rowIndex)")
                        if !own.contains(row.line) { problems.append("\(name) row \(rowIndex) on line \(row.line) lies outside \(own)") }
                    }
                    if table.alignments.count != table.header.cells.count {
                        problems.append("\(name) has \(table.alignments.count) alignments for \(table.header.cells.count) header cells")
                    }
                default: break
                }
            }
        }
        walk(document.blocks, within: nil, path: "block")

        for (index, section) in document.sections.enumerated() {
            let name = "section \(index) (\(section.heading.prefix(40)))"
            if section.index != index { problems.append("\(name) has index \(section.index)") }
            check(section.line, name)
            if let parent = section.parent {
                if parent >= index { problems.append("\(name) has parent \(parent), not an earlier section") }
                else if document.sections[parent].level >= section.level { problems.append("\(name) has a parent of level \(document.sections[parent].level) >= \(section.level)") }
            }
            let range = section.blockRange
            guard range.lowerBound >= 1, range.upperBound <= document.blocks.count else {
                problems.append("\(name) has block range \(range) outside 1...\(document.blocks.count)")
                continue
            }
            let heading = document.blocks[range.lowerBound - 1]
            if case .heading = heading.kind, heading.line == section.line {} else {
                problems.append("\(name): the block before its range is not its heading on line \(section.line)")
            }
            if index + 1 < document.sections.count, document.sections[index + 1].blockRange.lowerBound != range.upperBound + 1 {
                problems.append("\(name) ends at block \(range.upperBound), but the next section starts at \(document.sections[index + 1].blockRange.lowerBound - 1)")
            }
        }

        for diagnostic in document.diagnostics + facts.diagnostics {
            check(diagnostic.location.line, "diagnostic '\(diagnostic.message.prefix(60))'")
            if diagnostic.location.path != document.path { problems.append("diagnostic names \(diagnostic.location.path), not \(document.path)") }
        }

        for (kind, source) in factSources(facts) {
            check(source.line, "\(kind) fact")
            if source.path != document.path { problems.append("\(kind) fact names \(source.path), not \(document.path)") }
        }
        for table in facts.tables { check(table.line, "table classification \(table.ordinal)") }
        if facts.tables.count != tableCount {
            problems.append("\(facts.tables.count) table classifications for \(tableCount) tables in the document")
        }
        if facts.tables.map(\.ordinal) != Array(facts.tables.indices) { problems.append("table ordinals are not 0..<\(facts.tables.count)") }
        return problems
    }

    private static func factSources(_ facts: ExtractedFacts) -> [(String, FactSource)] {
        facts.components.map { ("component", $0.source) } + facts.siteSystemRoles.map { ("site system role", $0.source) }
            + facts.securityRoles.map { ("security role", $0.source) } + facts.permissions.map { ("permission", $0.source) }
            + facts.ports.map { ("port", $0.source) } + facts.installMethods.map { ("install method", $0.source) }
            + facts.requirements.map { ("requirement", $0.source) } + facts.aliases.map { ("alias", $0.source) }
    }

    private static func caseName(_ kind: Block.Kind) -> String {
        switch kind {
        case .heading: "heading"
        case .paragraph: "paragraph"
        case .list: "list"
        case .table: "table"
        case .alert: "alert"
        case .quote: "quote"
        case .code: "code"
        case .html: "html"
        case .include: "include"
        case .thematicBreak: "thematic break"
        }
    }
}
