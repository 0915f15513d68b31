import Yams

/// One language's file of the message catalogue, read and checked: groups of named messages,
/// each a text (with `{placeholder}`s the program fills in) or a list of words.
///
/// ```yaml
/// interview:
///   firstQuestion: "This is the first question."
///   progress: "question {number} of about {count}"
///   backWords: [b, back]
/// ```
public struct MessageFile: Sendable {
    /// One message: `group.name`, its value, and where it is written.
    public struct Message: Sendable, Equatable {
        public var group: String
        public var name: String
        public var value: Value
        public var location: Location

        /// `group.name`.
        public var key: String { group + "." + name }
    }

    /// A message's value.
    public enum Value: Sendable, Equatable {
        case text(String)
        case list([String])

        /// The placeholders a text holds, in order of first appearance (none for a list).
        public var placeholders: [String] {
            guard case .text(let text) = self else { return [] }
            return (try? Placeholders.parse(text)) ?? []
        }
    }

    /// A place in a file, 1-based.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var description: String { "\(file):\(line):\(column)" }
    }

    public let file: String
    /// The language, from the file name (`es.yaml` is `es`).
    public let language: String
    public private(set) var messages: [Message] = []
    /// Where each group is written.
    public private(set) var groups: [(name: String, location: Location)] = []

    /// Reads `text`, the contents of `file`; problems go to `diagnostics`.
    public init(file: String, text: String, diagnostics: inout [Diagnostic]) {
        self.file = file
        let name = file.split(separator: "/").last.map(String.init) ?? file
        language = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        let top = Location(file: file, line: 1, column: 1)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            diagnostics.append(Diagnostic(top, "not valid YAML: \(error)"))
            return
        }
        guard case .mapping(let groupMapping)? = root else {
            diagnostics.append(Diagnostic(top, "a message file maps group names to their messages"))
            return
        }
        var seenGroups: Set<String> = []
        for (groupKey, groupNode) in groupMapping {
            let groupLocation = location(groupKey)
            guard case .scalar(let groupScalar) = groupKey, Self.isName(groupScalar.string) else {
                diagnostics.append(Diagnostic(groupLocation, "a group name is a word of letters and digits starting with a small letter"))
                continue
            }
            let group = groupScalar.string
            guard seenGroups.insert(group).inserted else {
                diagnostics.append(Diagnostic(groupLocation, "the group '\(group)' is written twice"))
                continue
            }
            groups.append((group, groupLocation))
            guard case .mapping(let entries) = groupNode else {
                diagnostics.append(Diagnostic(location(groupNode), "the group '\(group)' maps message names to texts"))
                continue
            }
            var seen: Set<String> = []
            for (key, value) in entries {
                let keyLocation = location(key)
                guard case .scalar(let keyScalar) = key, Self.isName(keyScalar.string) else {
                    diagnostics.append(Diagnostic(keyLocation, "a message name is a word of letters and digits starting with a small letter"))
                    continue
                }
                let name = keyScalar.string
                guard seen.insert(name).inserted else {
                    diagnostics.append(Diagnostic(keyLocation, "'\(group).\(name)' is written twice"))
                    continue
                }
                switch value {
                case .scalar(let scalar):
                    guard !scalar.string.isEmpty else {
                        diagnostics.append(Diagnostic(location(value), "'\(group).\(name)' is empty"))
                        continue
                    }
                    do {
                        _ = try Placeholders.parse(scalar.string)
                    } catch {
                        diagnostics.append(Diagnostic(location(value), "'\(group).\(name)': \(error.message)"))
                        continue
                    }
                    messages.append(Message(group: group, name: name, value: .text(scalar.string), location: keyLocation))
                case .sequence(let sequence):
                    var words: [String] = []
                    for element in sequence {
                        guard case .scalar(let word) = element, !word.string.isEmpty else {
                            diagnostics.append(Diagnostic(location(element), "each entry of the list '\(group).\(name)' is a word"))
                            continue
                        }
                        words.append(word.string)
                    }
                    if words.isEmpty { diagnostics.append(Diagnostic(location(value), "the list '\(group).\(name)' is empty")) }
                    messages.append(Message(group: group, name: name, value: .list(words), location: keyLocation))
                default:
                    diagnostics.append(Diagnostic(location(value), "'\(group).\(name)' is a text or a list of words, not a mapping"))
                }
            }
        }
    }

    private func location(_ node: Node) -> Location {
        Location(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// Group, message and placeholder names: a small letter, then letters and digits.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}

/// A problem in a message file, printed as `file:line:col: error: message` (the form compilers
/// and editors read).
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: MessageFile.Location
    public var message: String

    public init(_ location: MessageFile.Location, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}
