/// One link of a document as the `links` table records it: where it is, what
/// it says, and what it resolved to in the document set.
public struct LinkRecord: Hashable, Codable, Sendable {
    public enum Status: String, Hashable, Codable, Sendable, CaseIterable {
        /// Another site, another docset, or a path outside the source folder.
        case external
        /// The target document is in the set, and the anchor (if any) exists there.
        case resolved
        /// A Markdown document (or an extension-less page path) that is not in the set.
        case danglingDocument = "dangling-document"
        /// The document exists but has no such anchor.
        case danglingAnchor = "dangling-anchor"
        /// A relative link to a file that is not Markdown (image, download):
        /// stored as written, not checked.
        case asset
    }

    public var line: Int
    public var text: String
    public var destination: String
    /// Path of the target document relative to the source folder, when it is in the set.
    public var targetPath: String?
    /// The anchor as the target document spells it (links may differ in case).
    public var targetAnchor: String?
    public var status: Status

    public init(line: Int, text: String, destination: String, targetPath: String?,
                targetAnchor: String?, status: Status) {
        self.line = line
        self.text = text
        self.destination = destination
        self.targetPath = targetPath
        self.targetAnchor = targetAnchor
        self.status = status
    }
}
