/// One build's entry in the knowledge base's history (`builds` and `changes`
/// tables): what kind of build it was and how the typed facts differ from
/// the build before it.
public struct BuildHistoryEntry: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Nothing to compare with: the first build into an output folder, or
        /// one after a knowledge base whose cached facts this dockb cannot read.
        case first
        /// Every document parsed again (a new document, a removed one, a new
        /// version of dockb, or no usable previous knowledge base).
        case full
        /// Only the changed documents parsed; the rest carried over.
        case incremental
    }

    public var id: Int
    public var kind: Kind
    public var documents: Int
    public var documentsParsed: Int
    /// sha256 over every document's path and content hash.
    public var sourcesSHA256: String
    /// In document and line order.
    public var changes: [FactChange]

    public init(id: Int, kind: Kind, documents: Int, documentsParsed: Int, sourcesSHA256: String, changes: [FactChange]) {
        self.id = id
        self.kind = kind
        self.documents = documents
        self.documentsParsed = documentsParsed
        self.sourcesSHA256 = sourcesSHA256
        self.changes = changes
    }

    public func count(_ kind: FactChange.Kind) -> Int { changes.filter { $0.kind == kind }.count }
}
