/// Extracts typed facts from one parsed document, driven by its structure.
///
/// INTERFACE PLACEHOLDER while the extractor is being written on its own branch.
public struct FactExtractor: Sendable {
    public init() {}

    public func extract(_ document: Document) -> ExtractedFacts {
        ExtractedFacts()
    }
}
