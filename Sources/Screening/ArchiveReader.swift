/// Reads what `ArchiveWriter` wrote. Every read is bounds-checked and fails with
/// `ArchiveReader.Malformed` rather than trapping, so a damaged archive is only ever refused.
public struct ArchiveReader {
    public struct Malformed: Error { public init() {} }

    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isAtEnd: Bool { position == bytes.count }

    public mutating func unsigned() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    public mutating func int() throws(Malformed) -> Int {
        let zigzag = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    public mutating func bool() throws(Malformed) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Malformed() }
        position += 1
        return bytes[position - 1] == 1
    }

    public mutating func double() throws(Malformed) -> Double {
        guard bytes.count - position >= 8 else { throw Malformed() }
        var pattern: UInt64 = 0
        for index in 0..<8 { pattern |= UInt64(bytes[position + index]) << UInt64(8 * index) }
        position += 8
        return Double(bitPattern: pattern)
    }

    /// A text; one holding a control character is malformed (no questionnaire that loads has one,
    /// so the archive was not written from one).
    public mutating func string() throws(Malformed) -> String {
        let length = try count()
        defer { position += length }
        let text = String(decoding: bytes[position..<position + length], as: UTF8.self)
        guard !Printable.hasControl(text) else { throw Malformed() }
        return text
    }

    public mutating func optional<T>(_ read: (inout ArchiveReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    public mutating func array<T>(_ read: (inout ArchiveReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// A list of strings.
    public mutating func strings() throws(Malformed) -> [String] { try array { (r) throws(Malformed) in try r.string() } }

    /// A length or count, no larger than the bytes left (every element takes at least one byte).
    private mutating func count() throws(Malformed) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - position) else { throw Malformed() }
        return Int(value)
    }
}
