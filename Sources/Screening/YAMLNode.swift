/// A YAML node as the loaders read it, with where it starts in the file (line and column from 1).
/// Built by `YAMLComposer`; aliases are already replaced by the nodes they name.
public enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    /// Where a node starts.
    public struct Mark: Sendable {
        public var line: Int
        public var column: Int
    }

    public struct Scalar: Sendable {
        public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

        public var string: String
        public var style: Style
        /// Written with an explicit tag such as `!!str`: then even a plain `yes` is text.
        public var tagged: Bool
        public var mark: Mark
        /// The explicit tag as YAML resolves it (`!!str` is `tag:yaml.org,2002:str`); nil when none.
        public var tag: String? = nil

        /// Plain and untagged, so `yes` may be read as true and `12` as a number (YAML 1.1).
        public var isPlain: Bool { style == .plain && !tagged }

        /// YAML's null: `~` or `null` written plainly, or anything tagged `!!null`; never quoted text.
        public var isNull: Bool { tag == Self.nullTag || (isPlain && ["~", "null", "Null", "NULL"].contains(string)) }

        /// Tagged `!!str`: text, whatever it spells (`!!str false` is not a yes/no answer).
        public var isExplicitText: Bool { tag == Self.stringTag }

        static let nullTag = "tag:yaml.org,2002:null"
        static let stringTag = "tag:yaml.org,2002:str"
    }

    /// Key–value pairs in the order written.
    public struct Mapping: Sendable {
        /// A struct rather than a tuple: an array of `(YAMLNode, YAMLNode)` tuples inside
        /// `YAMLNode` makes Swift 6.1 report a circular reference.
        public struct Pair: Sendable {
            public var key: YAMLNode
            public var value: YAMLNode
        }

        public var pairs: [Pair]
        public var mark: Mark

        /// The pairs as tuples, for `for (key, value) in mapping.entries`.
        public var entries: [(key: YAMLNode, value: YAMLNode)] { pairs.map { ($0.key, $0.value) } }
    }

    /// Entries in the order written.
    public struct List: Sendable {
        public var nodes: [YAMLNode]
        public var mark: Mark
    }

    public var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }
}
