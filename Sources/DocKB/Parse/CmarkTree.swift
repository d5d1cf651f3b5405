import CCmarkGFM
import Foundation

/// The only place that talks to cmark-gfm: parses bytes into a C node tree and
/// converts that tree into the Swift `Block`/`Inline` model with source lines.
///
/// Each C handle has exactly one owner (`ParserHandle`, `NodeTree`), freed
/// when that owner goes out of scope.
enum CmarkTree {
    /// What the conversion produced: top-level blocks, plus notes (line, message)
    /// the caller turns into diagnostics.
    struct Output {
        var blocks: [Block]
        var notes: [(line: Int, message: String)]
    }

    /// Parses `bytes` (UTF-8 Markdown; invalid sequences and NULs are replaced by cmark)
    /// and converts the result. `slugger` assigns heading identifiers in document order.
    static func convert(_ bytes: [UInt8], slugger: inout HeadingSlugger) -> Output {
        let tree = parse(bytes)
        var converter = NodeConverter(slugger: slugger, source: bytes)
        let blocks = converter.blocks(childrenOf: tree.root, depth: 0)
        slugger = converter.slugger
        return Output(blocks: blocks, notes: converter.notes)
    }

    // MARK: - Parsing

    private static let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE  // DocFX reads a single `~` as subscript, not strikethrough

    /// The GFM extensions DocFX documents rely on.
    private static let extensionNames = ["table", "strikethrough", "autolink"]

    /// Registers the core extensions; Swift runs this initializer exactly once, thread-safely.
    private static let coreExtensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm 0.29 toggles a process-wide table of special inline characters
    /// at the start and end of every parse (and of every table row), so two
    /// parses running at once could make each other miss extension syntax.
    /// Parsing is therefore serialized; converting the finished trees runs in parallel.
    private static let parseLock = NSLock()

    private static func parse(_ bytes: [UInt8]) -> NodeTree {
        _ = coreExtensionsRegistered  // the first use runs the one-time registration
        parseLock.lock()
        defer { parseLock.unlock() }
        let parser = ParserHandle(options: options)
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser.raw, ext) }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser.raw, base, chars.count) }
            }
        }
        return NodeTree(root: cmark_parser_finish(parser.raw))
    }

    /// Owns a `cmark_parser`.
    private struct ParserHandle: ~Copyable {
        let raw: OpaquePointer
        init(options: Int32) { raw = cmark_parser_new(options) }
        deinit { cmark_parser_free(raw) }
    }

    /// Owns the document node returned by `cmark_parser_finish` (and so the whole tree).
    private struct NodeTree: ~Copyable {
        let root: OpaquePointer
        deinit { cmark_node_free(root) }
    }
}

/// Walks a cmark node tree and builds the Swift model.
///
/// Recursion is bounded: containers nested deeper than `maxDepth` are flattened
/// by an iterative walk, so a pathological file (thousands of nested quotes or
/// lists) cannot exhaust the stack here or in later stages that recurse over
/// the model.
private struct NodeConverter {
    static let maxDepth = 64

    var slugger: HeadingSlugger
    var notes: [(line: Int, message: String)] = []
    private var reportedDeepBlocks = false
    private var reportedDeepInlines = false

    private let tableType = dockb_node_type_table()
    private let tableRowType = dockb_node_type_table_row()
    private let tableCellType = dockb_node_type_table_cell()
    private var raggedRows: RaggedRows

    init(slugger: HeadingSlugger, source: [UInt8]) {
        self.slugger = slugger
        raggedRows = RaggedRows(source: source)
    }

    // MARK: Blocks

    mutating func blocks(childrenOf node: OpaquePointer, depth: Int) -> [Block] {
        var out: [Block] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            appendBlock(current, depth: depth, to: &out)
            child = cmark_node_next(current)
        }
        return out
    }

    private mutating func appendBlock(_ node: OpaquePointer, depth: Int, to out: inout [Block]) {
        let (line, endLine) = blockLines(of: node)
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            let content = inlines(childrenOf: node, depth: 0, line: line)
            out.append(contentsOf: DocFXBlocks.paragraph(content, line: line, endLine: endLine))
        case CMARK_NODE_HEADING:
            let content = inlines(childrenOf: node, depth: 0, line: line)
            let heading = DocFXBlocks.heading(level: Int(cmark_node_get_heading_level(node)),
                                              content: content, slugger: &slugger)
            out.append(Block(.heading(heading), line: line, endLine: endLine))
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(node))
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            out.append(Block(.code(language: language, text: trimmingFinalNewlines(literal(node))),
                             line: line, endLine: endLine))
        case CMARK_NODE_HTML_BLOCK:
            out.append(Block(.html(trimmingFinalNewlines(literal(node))), line: line, endLine: endLine))
        case CMARK_NODE_THEMATIC_BREAK:
            out.append(Block(.thematicBreak, line: line, endLine: endLine))
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
            guard depth < Self.maxDepth else {
                noteDeepBlocks(at: line)
                flattenLeafBlocks(of: node, depth: depth, to: &out)
                return
            }
            if type == CMARK_NODE_BLOCK_QUOTE {
                let inner = blocks(childrenOf: node, depth: depth + 1)
                out.append(Block(DocFXBlocks.quote(inner), line: line, endLine: endLine))
            } else if type == CMARK_NODE_LIST {
                out.append(Block(.list(list(node, depth: depth)), line: line, endLine: endLine))
            } else {
                // An item outside a list does not occur in cmark trees; keep its content.
                out.append(contentsOf: blocks(childrenOf: node, depth: depth + 1))
            }
        default:
            if type == tableType {
                out.append(Block(.table(table(node)), line: line, endLine: endLine))
            } else if cmark_node_first_child(node) != nil {
                // Unknown container (custom block, footnote definition): keep its content.
                guard depth < Self.maxDepth else {
                    noteDeepBlocks(at: line)
                    flattenLeafBlocks(of: node, depth: depth, to: &out)
                    return
                }
                out.append(contentsOf: blocks(childrenOf: node, depth: depth + 1))
            }
        }
    }

    private mutating func list(_ node: OpaquePointer, depth: Int) -> ListBlock {
        var items: [ListItem] = []
        var child = cmark_node_first_child(node)
        while let item = child {
            let (line, _) = lines(of: item)
            items.append(ListItem(line: line, blocks: blocks(childrenOf: item, depth: depth + 2)))
            child = cmark_node_next(item)
        }
        return ListBlock(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)), items: items)
    }

    private mutating func table(_ node: OpaquePointer) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            alignments.reserveCapacity(columns)
            for index in 0..<columns {
                switch raw[index] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        let headerLine = blockLines(of: node).start
        var header = TableRow(line: headerLine, cells: [])
        var rows: [TableRow] = []
        var child = cmark_node_first_child(node)
        while let rowNode = child {
            child = cmark_node_next(rowNode)
            guard cmark_node_get_type(rowNode) == tableRowType else { continue }
            // The header row has the same node type as body rows; only this flag
            // (type string "table_header") tells them apart.
            let isHeader = cmark_gfm_extensions_get_table_row_is_header(rowNode) != 0
            let rowLine = isHeader ? headerLine : lines(of: rowNode).start
            var cells: [[Inline]] = []
            cells.reserveCapacity(columns)
            var cellNode = cmark_node_first_child(rowNode)
            while let cell = cellNode {
                if cmark_node_get_type(cell) == tableCellType { cells.append(inlines(childrenOf: cell, depth: 0, line: rowLine)) }
                cellNode = cmark_node_next(cell)
            }
            if isHeader {
                header = TableRow(line: rowLine, cells: cells)
            } else {
                rows.append(TableRow(line: rowLine, cells: cells))
                raggedRows.check(line: rowLine, columns: columns)
            }
        }
        notes.append(contentsOf: raggedRows.takeNotes(columns: columns))
        return Table(header: header, rows: rows, alignments: alignments)
    }

    /// Appends the leaf blocks below `root` in document order without recursing,
    /// dropping the containers (quotes, lists, items) deeper than the limit.
    private mutating func flattenLeafBlocks(of root: OpaquePointer, depth: Int, to out: inout [Block]) {
        var node = cmark_node_first_child(root)
        while let current = node {
            let type = cmark_node_get_type(current)
            let isLeaf = type != CMARK_NODE_BLOCK_QUOTE && type != CMARK_NODE_LIST && type != CMARK_NODE_ITEM
                && type != CMARK_NODE_CUSTOM_BLOCK && type != CMARK_NODE_FOOTNOTE_DEFINITION
            if isLeaf {
                appendBlock(current, depth: depth, to: &out)
            } else if let first = cmark_node_first_child(current) {
                node = first
                continue
            }
            node = nextSkippingChildren(current, within: root)
        }
    }

    private mutating func noteDeepBlocks(at line: Int) {
        guard !reportedDeepBlocks else { return }
        reportedDeepBlocks = true
        notes.append((line, "quotes and lists nested deeper than \(Self.maxDepth) levels were flattened"))
    }

    // MARK: Inlines

    /// `line` is the line of the block the inlines belong to, for notes: cmark-gfm
    /// 0.29 gives inlines of a paragraph that a table split positions relative
    /// to the wrong line, or none.
    mutating func inlines(childrenOf node: OpaquePointer, depth: Int, line: Int) -> [Inline] {
        var builder = InlineBuilder()
        var child = cmark_node_first_child(node)
        while let current = child {
            appendInline(current, depth: depth, line: line, to: &builder)
            child = cmark_node_next(current)
        }
        return builder.finish()
    }

    private mutating func appendInline(_ node: OpaquePointer, depth: Int, line: Int, to out: inout InlineBuilder) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT: out.appendText(literal(node))
        case CMARK_NODE_CODE: out.append(.code(literal(node)))
        case CMARK_NODE_HTML_INLINE: out.append(.html(literal(node)))
        case CMARK_NODE_SOFTBREAK: out.append(.softBreak)
        case CMARK_NODE_LINEBREAK: out.append(.lineBreak)
        case CMARK_NODE_IMAGE:
            // Alt text is the plain text of the children; nothing inside an image nests further.
            var alt = InlineBuilder()
            appendLeafInlines(of: node, to: &alt)
            out.append(.image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                              alt: alt.finish().plainText))
        default:
            guard depth < Self.maxDepth else {
                noteDeepInlines(at: line)
                appendLeafInlines(of: node, to: &out)
                return
            }
            let children = inlines(childrenOf: node, depth: depth + 1, line: line)
            switch type {
            case CMARK_NODE_EMPH: out.append(.emphasis(children))
            case CMARK_NODE_STRONG: out.append(.strong(children))
            case CMARK_NODE_LINK:
                out.append(.link(destination: string(cmark_node_get_url(node)),
                                 title: string(cmark_node_get_title(node)), content: children))
            default:
                if string(cmark_node_get_type_string(node)) == "strikethrough" {
                    out.append(.strikethrough(children))
                } else {
                    // Unknown inline extension node: keep what it contains.
                    for inline in children { out.append(inline) }
                }
            }
        }
    }

    private mutating func noteDeepInlines(at line: Int) {
        guard !reportedDeepInlines else { return }
        reportedDeepInlines = true
        notes.append((line, "inline markup nested deeper than \(Self.maxDepth) levels was flattened"))
    }

    /// Text, code, HTML and breaks below `root`, in order, without recursion:
    /// used for image alt text and for inline markup nested beyond the limit.
    private func appendLeafInlines(of root: OpaquePointer, to out: inout InlineBuilder) {
        var node = cmark_node_first_child(root)
        while let current = node {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT: out.appendText(literal(current))
            case CMARK_NODE_CODE: out.append(.code(literal(current)))
            case CMARK_NODE_HTML_INLINE: out.append(.html(literal(current)))
            case CMARK_NODE_SOFTBREAK: out.append(.softBreak)
            case CMARK_NODE_LINEBREAK: out.append(.lineBreak)
            default:
                if let first = cmark_node_first_child(current) {
                    node = first
                    continue
                }
            }
            node = nextSkippingChildren(current, within: root)
        }
    }

    // MARK: Helpers

    /// The next node in document order after `node` and its subtree, staying below `root`.
    private func nextSkippingChildren(_ node: OpaquePointer, within root: OpaquePointer) -> OpaquePointer? {
        var current = node
        while current != root {
            if let next = cmark_node_next(current) { return next }
            guard let parent = cmark_node_parent(current) else { return nil }
            current = parent
        }
        return nil
    }

    /// The lines of a block, corrected where cmark-gfm 0.29 gets them wrong:
    /// when a table interrupts a paragraph ("text\n| a |\n|---|"), the table
    /// extension gives the table (and its header row) the paragraph's first
    /// line and leaves the paragraph it splits off without a position (line 0).
    /// Table rows are one line each, so the header is the line two above the
    /// first body row, or the line above the delimiter row where a table
    /// without body rows ends; the paragraph takes the lines before it.
    private func blockLines(of node: OpaquePointer) -> (start: Int, end: Int) {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_PARAGRAPH, cmark_node_get_start_line(node) == 0,
           let table = cmark_node_next(node), cmark_node_get_type(table) == tableType {
            let start = lines(of: table).start
            return (start, max(start, splitTableHeaderLine(table) - 1))
        }
        if type == tableType, let previous = cmark_node_previous(node),
           cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH, cmark_node_get_start_line(previous) == 0 {
            return (splitTableHeaderLine(node), lines(of: node).end)
        }
        return lines(of: node)
    }

    /// The header row's line of a table that split a paragraph (see `blockLines`).
    private func splitTableHeaderLine(_ table: OpaquePointer) -> Int {
        let (start, end) = lines(of: table)
        var row = cmark_node_first_child(table)
        while let current = row {
            if cmark_node_get_type(current) == tableRowType, cmark_gfm_extensions_get_table_row_is_header(current) == 0 {
                return max(start, lines(of: current).start - 2)
            }
            row = cmark_node_next(current)
        }
        return max(start, end - 1)
    }

    private func lines(of node: OpaquePointer) -> (start: Int, end: Int) {
        let start = Int(cmark_node_get_start_line(node))
        return (start, max(start, Int(cmark_node_get_end_line(node))))
    }

    private func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private func trimmingFinalNewlines(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isNewline { end = text.index(before: end) }
        return String(text[..<end])
    }
}

/// Collects inlines, merging adjacent text runs (cmark splits text at every
/// special character) in amortized linear time.
struct InlineBuilder {
    private var items: [Inline] = []
    private var pendingText = ""

    mutating func appendText(_ text: String) { pendingText += text }

    mutating func append(_ inline: Inline) {
        if case .text(let text) = inline { pendingText += text; return }
        flush()
        items.append(inline)
    }

    mutating func finish() -> [Inline] {
        flush()
        return items
    }

    private mutating func flush() {
        guard !pendingText.isEmpty else { return }
        items.append(.text(pendingText))
        pendingText = ""
    }
}
