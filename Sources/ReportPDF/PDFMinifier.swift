/// Drops the whitespace a PDF object does not need (ISO 32000-1 §7.2): runs of white-space become
/// one space where two regular tokens would otherwise merge (`0 R`, `/Pg 12`), and nothing beside
/// a delimiter (`<</S/TD/K[3 4]>>`). Comments go too; strings are copied as they are.
///
/// cairo lays every dictionary out one key per line with three spaces of indent; packed into an
/// object stream that is a third of the bytes before compression.
enum PDFMinifier {
    /// `object` without unneeded white-space, or nil if a string in it is not terminated, in which
    /// case the caller keeps the original.
    static func minified(_ object: ArraySlice<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(object.count)
        var index = object.startIndex
        var pendingSpace = false
        while index < object.endIndex {
            let byte = object[index]
            if PDFScanner.isWhitespace(byte) || byte == UInt8(ascii: "%") {
                // A comment runs to the end of its line and counts as white-space.
                if byte == UInt8(ascii: "%") { index = object[index...].firstIndex { $0 == 10 || $0 == 13 } ?? object.endIndex }
                pendingSpace = true
                index += 1
                continue
            }
            if pendingSpace, let last = output.last, needsSpace(between: last, and: byte) { output.append(UInt8(ascii: " ")) }
            pendingSpace = false
            switch byte {
            case UInt8(ascii: "("):
                guard let end = literalStringEnd(object, from: index) else { return nil }
                output += object[index..<end]
                index = end
            case UInt8(ascii: "<"):
                if index + 1 < object.endIndex, object[index + 1] == UInt8(ascii: "<") {
                    output += object[index...index + 1]  // a dictionary opens
                    index += 2
                } else {
                    guard let close = object[index...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                    output += object[index...close]  // a hex string
                    index = close + 1
                }
            default:
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Whether white-space between these two bytes separates tokens: between two regular
    /// characters, and (for readers that look for `>>` or `<<` as a pair) between two angle brackets.
    private static func needsSpace(between previous: UInt8, and next: UInt8) -> Bool {
        if PDFScanner.isRegular(previous) && PDFScanner.isRegular(next) { return true }
        return previous == next && (previous == UInt8(ascii: "<") || previous == UInt8(ascii: ">"))
    }

    /// The index just after the `)` that closes the literal string opening at `start`, counting
    /// balanced parentheses and skipping backslash escapes.
    private static func literalStringEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return nil
    }
}
