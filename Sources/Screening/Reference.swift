/// A published work that rules, triggers, advice and instruments cite by key: a guideline,
/// a fact sheet or a paper. The report prints each one cited, numbered, once.
public struct Reference: Sendable, Hashable, Codable {
    /// The key rules cite it by (`nice_ng239`).
    public var id: String
    /// Authors or organisation, title, year, and where it was published.
    public var citation: String
    /// A DOI link or web address, when it has one.
    public var url: String?

    public init(id: String, citation: String, url: String? = nil) {
        self.id = id
        self.citation = citation
        self.url = url
    }
}
