import Foundation
import Screening

#if canImport(Glibc)
    import Glibc
#endif

extension TextStyle {
    /// Styling for standard output, following the NO_COLOR convention (no-color.org).
    static func forStandardOutput(environment: [String: String]) -> TextStyle {
        TextStyle(enabled: isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb")
    }
}
