import Foundation

/// The lossless layer below sections: every table (all rows and cells), list
/// (every item, nested lists under their item), alert, comment and include,
/// wherever it sits — at top level, in a list item, in an alert or a quote.
extension KnowledgeBaseSession {
    func addBlocks(_ blocks: [Block], context: inout DocumentContext, parentItem: Int64?, depth: Int) throws {
        for block in blocks {
            switch block.kind {
            case .heading(let heading):
                try addComments(in: heading.content, line: block.line, context: context)
            case .paragraph(let content):
                try addComments(in: content, line: block.line, context: context)
            case .list(let list):
                try addList(list, line: block.line, context: &context, parentItem: parentItem, depth: depth)
            case .table(let table):
                try addTable(table, line: block.line, context: &context)
            case .alert(let alert):
                try insert("INSERT INTO alerts (id, document_id, section_id, kind, line, text) VALUES (?, ?, ?, ?, ?, ?)",
                           [try context.rowIDs.next(), context.id, context.sectionID(at: block.line), alert.kind.rawValue, block.line,
                            BlockText.plain(alert.blocks)])
                counts.alerts += 1
                try addBlocks(alert.blocks, context: &context, parentItem: parentItem, depth: depth)
            case .quote(let inner):
                try addBlocks(inner, context: &context, parentItem: parentItem, depth: depth)
            case .html(let raw):
                for (comment, offset) in Self.comments(inHTML: raw) {
                    try addComment(comment, line: block.line + offset, context: context)
                }
            case .include(let include):
                try insert("INSERT INTO includes (id, document_id, section_id, line, name, path) VALUES (?, ?, ?, ?, ?, ?)",
                           [try context.rowIDs.next(), context.id, context.sectionID(at: block.line), block.line, include.name, include.path])
                counts.includes += 1
            case .code, .thematicBreak:
                break
            }
        }
    }

    private func addList(_ list: ListBlock, line: Int, context: inout DocumentContext,
                         parentItem: Int64?, depth: Int) throws {
        let listID = try insert("""
            INSERT INTO lists (id, document_id, section_id, parent_item_id, ordered, start, line)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [try context.rowIDs.next(), context.id, context.sectionID(at: line), parentItem, list.ordered, list.start, line])
        counts.lists += 1
        for (position, item) in list.items.enumerated() {
            // The item's own text; its nested lists become rows of their own.
            let own = item.blocks.filter { if case .list = $0.kind { return false } else { return true } }
            let itemID = try insert("""
                INSERT INTO list_items (id, list_id, position, depth, line, text, markdown)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [try context.rowIDs.next(), listID, position, depth, item.line, BlockText.plain(own), BlockText.markdown(own)])
            counts.listItems += 1
            try addBlocks(item.blocks, context: &context, parentItem: itemID, depth: depth + 1)
        }
    }

    private func addTable(_ table: Table, line: Int, context: inout DocumentContext) throws {
        let ordinal = context.tableOrdinal
        context.tableOrdinal += 1
        let classification = context.classification(ordinal: ordinal, line: line)
        let rows = [table.header] + table.rows
        let columns = rows.map(\.cells.count).max() ?? 0
        let tableID = try insert("""
            INSERT INTO doc_tables (id, document_id, section_id, ordinal, line, column_count, shape, kind)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [try context.rowIDs.next(), context.id, context.sectionID(at: line), ordinal, line, columns,
                  classification?.shape ?? table.headerNames.joined(separator: "|"), classification?.kind])
        counts.tables += 1
        if classification?.kind != nil {
            counts.classifiedTables += 1
        } else {
            // A warning is one line to read: a header of thousands of columns is cut short (the shape is stored whole).
            let names = table.headerNames
            let shown = names.count > Self.headerNamesInWarnings
                ? names.prefix(Self.headerNamesInWarnings).joined(separator: "|") + "|… (\(names.count) columns)"
                : names.joined(separator: "|")
            let header = table.hasEmptyHeader ? "an empty header row" : "header " + shown
            context.unclassifiedTables.append(Diagnostic(at: context.document.location(line),
                                                         "table stored but not classified (\(header))"))
        }
        for (index, row) in rows.enumerated() {
            let rowID = try insert("INSERT INTO table_rows (id, table_id, row_index, is_header, line) VALUES (?, ?, ?, ?, ?)",
                                   [try context.rowIDs.next(), tableID, index, index == 0, row.line])
            for (column, cell) in row.cells.enumerated() {
                try insert("INSERT INTO table_cells (rowid, row_id, column_index, text, markdown) VALUES (?, ?, ?, ?, ?)",
                           [try context.rowIDs.next(), rowID, column, BlockText.trimmed(cell.plainText), BlockText.trimmed(cell.markdown)])
                try addComments(in: cell, line: row.line, context: context)
            }
        }
        counts.tableRows += rows.count
    }

    /// How many column names a warning about a table's header quotes.
    static let headerNamesInWarnings = 12

    private func addComments(in inlines: [Inline], line: Int, context: DocumentContext) throws {
        var found: [(String, Int)] = []
        InlineRuns.forEach(inlines, startingAt: line) { inline, line in
            if case .html(let raw) = inline, InlineHTML.isComment(raw) { found.append((raw, line)) }
        }
        for (comment, line) in found { try addComment(comment, line: line, context: context) }
    }

    private func addComment(_ text: String, line: Int, context: DocumentContext) throws {
        try insert("INSERT INTO comments (id, document_id, section_id, line, text) VALUES (?, ?, ?, ?, ?)",
                   [try context.rowIDs.next(), context.id, context.sectionID(at: line), line, text])
        counts.comments += 1
    }

    /// Every `<!-- ... -->` of an HTML block with its line offset in the block
    /// (an unterminated comment runs to the end of the block, as in HTML).
    static func comments(inHTML raw: String) -> [(String, Int)] {
        var found: [(String, Int)] = []
        var searchStart = raw.startIndex
        while let open = raw.range(of: "<!--", range: searchStart..<raw.endIndex) {
            let close = raw.range(of: "-->", range: open.upperBound..<raw.endIndex)
            let end = close?.upperBound ?? raw.endIndex
            let offset = raw[raw.startIndex..<open.lowerBound].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            found.append((String(raw[open.lowerBound..<end]), offset))
            searchStart = end
        }
        return found
    }
}
