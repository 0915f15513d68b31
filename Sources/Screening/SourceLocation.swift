import Localization

/// A place in a source file: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form editors and compilers use.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in a file, with where it is and what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// In English.
    public var message: String
    /// The message as words the person's language has, for those said in it; nil for those said
    /// in English only (a questionnaire's or an answers file's content problems).
    public var words: Words?

    /// What a file could not give, said in the person's language.
    public enum Words: Hashable, Sendable {
        /// The file (`answers`: the answers file) could not be read.
        case cannotRead(answers: Bool, reason: InputFile.Reason)
        /// The file is larger than the largest accepted.
        case tooLarge(size: Int, limit: Int)

        func text(_ messages: Messages) -> String {
            let words = messages.files
            switch self {
            case .cannotRead(let answers, let reason):
                return words.cannotRead(what: answers ? words.theAnswersFile : words.theFile, reason: reason.text(messages))
            case .tooLarge(let size, let limit): return words.tooLarge(size: size, limit: limit)
            }
        }
    }

    /// Control characters quoted from the file are escaped, so a message is always one line.
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = Printable.escaped(message)
    }

    /// A message said in the person's language (`message` is its English).
    public init(_ location: SourceLocation, _ words: Words) {
        self.init(location, words.text(.english))
        self.words = words
    }

    /// `file:line:col: message`.
    public var description: String { "\(Printable.escaped(location.description)): \(message)" }

    /// `file:line:col: message`, the message in the language of `messages` where it has one.
    public func description(_ messages: Messages) -> String {
        "\(Printable.escaped(location.description)): \(words.map { Printable.escaped($0.text(messages)) } ?? message)"
    }
}

/// Every problem found while reading a file; thrown when there is at least one.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// True when the file itself could not be read (missing, a folder, a pipe): exit 66, not 65.
    public var unreadable = false

    public init(_ diagnostics: [Diagnostic], unreadable: Bool = false) {
        self.unreadable = unreadable
        self.diagnostics = diagnostics.sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
