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
    public var message: String

    /// Control characters quoted from the file are escaped, so a message is always one line.
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = Printable.escaped(message)
    }

    /// `file:line:col: message`.
    public var description: String { "\(Printable.escaped(location.description)): \(message)" }
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
