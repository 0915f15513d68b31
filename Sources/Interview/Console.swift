#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the interview reads lines and writes text; tests script it.
public protocol Console: AnyObject {
    /// The next line typed, without its newline; nil at end of input.
    func readLine() -> String?
    func write(_ text: String)
    /// The terminal's size in columns and rows, for what is paged (the review); nil when
    /// output is not a terminal, and then nothing is paged.
    var window: (columns: Int, rows: Int)? { get }
}

extension Console {
    func line(_ text: String = "") { write(text + "\n") }
    public var window: (columns: Int, rows: Int)? { nil }
}

/// The process's standard input and output. On a terminal, text is wrapped between words to
/// the window's width (asked again on every write, so resizing works); piped output is left as is.
public final class StandardConsole: Console {
    private var wrapper: LineWrapper?

    public init() {
        if isatty(STDOUT_FILENO) == 1 { wrapper = LineWrapper(width: 0) }
    }

    public func readLine() -> String? {
        let line = Swift.readLine(strippingNewline: true)
        // The person's Enter ended the line on screen.
        if line != nil { wrapper?.lineEnded() }
        return line
    }

    /// The terminal's width in columns, or 0 when it cannot be told.
    private static func terminalWidth() -> Int { terminalSize()?.columns ?? 0 }

    /// The terminal's columns and rows, asked now (the window may have been resized).
    private static func terminalSize() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    public var window: (columns: Int, rows: Int)? { wrapper == nil ? nil : Self.terminalSize() }

    /// Unbuffered, so a prompt is on screen before the read.
    public func write(_ text: String) {
        var text = text
        if wrapper != nil {
            wrapper?.width = Self.terminalWidth()
            text = wrapper?.wrap(text) ?? text
        }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue } else { return } }
            bytes = bytes.dropFirst(n)
        }
    }
}
