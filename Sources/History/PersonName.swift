import Foundation

/// How a person's name is matched: letters folded to lower case and runs of spaces made one, so
/// "ann  Example" finds "Ann Example"; accents and scripts are kept as written.
public enum PersonName {
    /// The key a name is stored and looked up by.
    public static func key(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}
