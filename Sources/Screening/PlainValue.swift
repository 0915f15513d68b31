/// An answer as it appears in a JSON or YAML file, before it is checked against its item.
public enum PlainValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else {
            self = .list(try container.decode([String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let b): try container.encode(b)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { try container.encode(Int64(n)) } else { try container.encode(n) }
        case .string(let s): try container.encode(s)
        case .list(let l): try container.encode(l)
        }
    }

    public var description: String {
        switch self {
        case .bool(let b): String(b)
        case .number(let n): NumberText.plain(n)
        case .string(let s): Printable.quoted(s)
        case .list(let l): Printable.escaped("[" + l.joined(separator: ", ").prefix(60) + "]")
        }
    }

    var kindDescription: String {
        switch self {
        case .bool(let b): "\(b) (a yes/no value)"
        case .number: "the number \(description)"
        case .string(let s): "the text \(Printable.quoted(s))"
        case .list: "a list"
        }
    }
}
