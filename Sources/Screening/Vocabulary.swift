/// The key names of a schema version. Version 2 chose one word per concept; version 1's names
/// are still read, so older files keep loading while they are updated.
struct Vocabulary {
    var nutrients = "nutrients"
    var thresholds = "thresholds"
    var references = "references"
    var instrumentTotal = "total"
    var instrumentResults = "results"
    var instrumentResult = "result"
    /// Version 1 cites free text (`source: …`) instead of declared reference keys, and has no rule kinds.
    var citesKeys = true

    static let current = Vocabulary()
    static let version1 = Vocabulary(
        nutrients: "scores", thresholds: "bands", references: "sources", instrumentTotal: "score", instrumentResults: "bands",
        instrumentResult: "band", citesKeys: false)

    static func forSchema(_ version: Int) -> Vocabulary { version >= 2 ? .current : .version1 }
}
