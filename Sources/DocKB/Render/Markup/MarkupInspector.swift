import CLibXML2
import Foundation

/// Reads generated files back with libxml2, for the tests (which do not import
/// CLibXML2 themselves: libxml2 stays behind Render/). Reports parser errors,
/// every element with its attributes, every id, and the text of scripts.
struct MarkupInspection {
    struct Element {
        var name: String
        var attributes: [(name: String, value: String)]
        var line: Int

        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    var errors: [String] = []
    var elements: [Element] = []
    var ids: Set<String> = []
    /// Text inside `<script>` elements (the site's scripts are all external).
    var inlineScripts: [String] = []
    /// Comments, to check none can end early.
    var comments: [String] = []
}

enum MarkupInspector {
    /// Parses an HTML page with libxml2's HTML parser, collecting its errors.
    static func inspectHTML(_ data: Data, name: String) -> MarkupInspection {
        inspect(data, name: name) { bytes, count in
            htmlReadMemory(bytes, count, name, "UTF-8", Int32(HTML_PARSE_NONET.rawValue))
        }
    }

    /// Parses an XML file (the SVG diagrams) with libxml2's XML parser.
    static func inspectXML(_ data: Data, name: String) -> MarkupInspection {
        inspect(data, name: name) { bytes, count in
            xmlReadMemory(bytes, count, name, "UTF-8", Int32(XML_PARSE_NONET.rawValue))
        }
    }

    private final class ErrorSink {
        var messages: [String] = []
    }

    private static func inspect(_ data: Data, name: String,
                                parse: (UnsafePointer<CChar>, Int32) -> xmlDocPtr?) -> MarkupInspection {
        xmlInitParser()
        var inspection = MarkupInspection()
        let sink = ErrorSink()
        let context = Unmanaged.passRetained(sink).toOpaque()
        // libxml2 reports through a per-thread handler; restore the default afterwards.
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            sink.messages.append("line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let doc: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return parse(base.assumingMemoryBound(to: CChar.self), Int32(raw.count))
        }
        xmlSetStructuredErrorFunc(nil, nil)
        Unmanaged<ErrorSink>.fromOpaque(context).release()
        inspection.errors = sink.messages
        guard let doc else {
            inspection.errors.append("\(name): not parsed at all")
            return inspection
        }
        defer { xmlFreeDoc(doc) }
        walk(doc.pointee.children, into: &inspection)
        return inspection
    }

    private static func walk(_ first: xmlNodePtr?, into inspection: inout MarkupInspection) {
        var node = first
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = String(cString: current.pointee.name).lowercased()
                var attributes: [(String, String)] = []
                var attribute = current.pointee.properties
                while let a = attribute {
                    let key = String(cString: a.pointee.name).lowercased()
                    var value = ""
                    if let text = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                        value = String(cString: text)
                        dockb_xml_free(text)
                    }
                    attributes.append((key, value))
                    if key == "id" { inspection.ids.insert(value) }
                    attribute = a.pointee.next
                }
                inspection.elements.append(.init(name: name, attributes: attributes, line: Int(xmlGetLineNo(current))))
                if name == "script", let text = xmlNodeGetContent(current) {
                    let content = String(cString: text)
                    dockb_xml_free(text)
                    if !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { inspection.inlineScripts.append(content) }
                }
                walk(current.pointee.children, into: &inspection)
            case XML_COMMENT_NODE:
                if let content = current.pointee.content { inspection.comments.append(String(cString: content)) }
            default:
                break
            }
            node = current.pointee.next
        }
    }
}
