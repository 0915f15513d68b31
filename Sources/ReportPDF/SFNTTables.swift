/// The tables of an sfnt (TrueType/OpenType) font by tag, and the font rebuilt from them with a
/// fresh table directory, table checksums and `head.checkSumAdjustment`.
struct SFNTTables {
    private(set) var version: UInt32
    private var tables: [String: [UInt8]]

    init?(_ font: [UInt8]) {
        guard font.count >= 12 else { return nil }
        version = font.uint32(at: 0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else { return nil }  // 1.0 or 'true'
        let count = Int(font.uint16(at: 4))
        guard font.count >= 12 + 16 * count else { return nil }
        tables = [:]
        for entry in 0..<count {
            let record = 12 + 16 * entry
            let tag = String(decoding: font[record..<record + 4], as: UTF8.self)
            let (offset, length) = (Int(font.uint32(at: record + 8)), Int(font.uint32(at: record + 12)))
            guard offset <= font.count, length <= font.count - offset, tables[tag] == nil else { return nil }
            tables[tag] = Array(font[offset..<offset + length])
        }
    }

    subscript(tag: String) -> [UInt8]? {
        get { tables[tag] }
        set { tables[tag] = newValue }
    }

    /// The font, tables in tag order on four-byte boundaries.
    func font() -> [UInt8] {
        let tags = tables.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var power = 1
        var log2 = 0
        while power * 2 <= tags.count {
            power *= 2
            log2 += 1
        }
        var output: [UInt8] = []
        output.appendUInt32(version)
        output.appendUInt16(UInt16(tags.count))
        output.appendUInt16(UInt16(power * 16))  // searchRange
        output.appendUInt16(UInt16(log2))  // entrySelector
        output.appendUInt16(UInt16(tags.count * 16 - power * 16))  // rangeShift
        var offset = 12 + 16 * tags.count
        var headOffset: Int?
        var bodies: [UInt8] = []
        for tag in tags {
            var table = tables[tag] ?? []
            if tag == "head" {
                table.setUInt32(at: 8, 0)  // checkSumAdjustment is summed as zero
                headOffset = offset
            }
            output += Array(tag.utf8)
            output.appendUInt32(Self.checksum(table))
            output.appendUInt32(UInt32(offset))
            output.appendUInt32(UInt32(table.count))
            let padding = (4 - table.count % 4) % 4
            bodies += table + [UInt8](repeating: 0, count: padding)
            offset += table.count + padding
        }
        output += bodies
        if let headOffset {
            output.setUInt32(at: headOffset + 8, 0xB1B0_AFBA &- Self.checksum(output))
        }
        return output
    }

    /// The sum of the data as big-endian 32-bit words, zero-padded.
    static func checksum(_ data: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < data.count {
            var word: UInt32 = 0
            for byte in 0..<4 { word = word << 8 | UInt32(index + byte < data.count ? data[index + byte] : 0) }
            sum = sum &+ word
            index += 4
        }
        return sum
    }
}

/// Big-endian integers in font data.
extension [UInt8] {
    func uint16(at index: Int) -> UInt16 { UInt16(self[index]) << 8 | UInt16(self[index + 1]) }
    func uint32(at index: Int) -> UInt32 { UInt32(uint16(at: index)) << 16 | UInt32(uint16(at: index + 2)) }

    mutating func setUInt16(at index: Int, _ value: UInt16) {
        self[index] = UInt8(value >> 8)
        self[index + 1] = UInt8(truncatingIfNeeded: value)
    }

    mutating func setUInt32(at index: Int, _ value: UInt32) {
        setUInt16(at: index, UInt16(value >> 16))
        setUInt16(at: index + 2, UInt16(truncatingIfNeeded: value))
    }

    mutating func appendUInt16(_ value: UInt16) { append(contentsOf: [UInt8(value >> 8), UInt8(truncatingIfNeeded: value)]) }

    mutating func appendUInt32(_ value: UInt32) {
        appendUInt16(UInt16(value >> 16))
        appendUInt16(UInt16(truncatingIfNeeded: value))
    }
}
