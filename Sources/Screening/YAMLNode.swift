/// A YAML node as the loaders read it, with where it starts in the file (line and column from 1).
/// Built by `YAMLComposer`; aliases are already replaced by the nodes they name.
enum YAMLNode {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    /// Where a node starts.
    struct Mark {
        var line: Int
        var column: Int
    }

    struct Scalar {
        enum Style { case plain, singleQuoted, doubleQuoted, literal, folded }

        var string: String
        var style: Style
        /// Written with an explicit tag such as `!!str`: then even a plain `yes` is text.
        var tagged: Bool
        var mark: Mark

        /// Plain and untagged, so `yes` may be read as true and `12` as a number (YAML 1.1).
        var isPlain: Bool { style == .plain && !tagged }
    }

    /// Key–value pairs in the order written.
    struct Mapping {
        /// A struct rather than a tuple: an array of `(YAMLNode, YAMLNode)` tuples inside
        /// `YAMLNode` makes Swift 6.1 report a circular reference.
        struct Pair {
            var key: YAMLNode
            var value: YAMLNode
        }

        var pairs: [Pair]
        var mark: Mark

        /// The pairs as tuples, for `for (key, value) in mapping.entries`.
        var entries: [(key: YAMLNode, value: YAMLNode)] { pairs.map { ($0.key, $0.value) } }
    }

    /// Entries in the order written.
    struct List {
        var nodes: [YAMLNode]
        var mark: Mark
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }
}
