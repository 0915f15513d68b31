/// Writes values into a compact binary archive, read back by `ArchiveReader` in the same order:
/// integers as LEB128 varints (zigzag for signed), doubles as their 8 bit-pattern bytes, strings
/// as a length and UTF-8.
public struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    public mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func int(_ value: Int) { unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))) }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func double(_ value: Double) {
        let pattern = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: pattern >> UInt64(shift))) }
    }

    public mutating func string(_ value: String) {
        unsigned(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    /// A presence flag, then the value if there is one.
    public mutating func optional<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    /// A list of strings.
    public mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// A count, then each element.
    public mutating func array<T>(_ values: [T], _ write: (inout ArchiveWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}
