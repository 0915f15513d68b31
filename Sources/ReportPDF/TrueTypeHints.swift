/// Removes the hinting from a TrueType font: the `cvt `, `fpgm` and `prep` tables, the instructions
/// of every glyph, and the limits in `maxp` that only the hinting interpreter reads. Outlines,
/// metrics and character maps are kept byte for byte.
///
/// Hints snap outlines to the pixel grid of small screen sizes. On paper and in PDF viewers, which
/// scale and anti-alias, they change nothing visible, yet in the DejaVu subsets cairo embeds they
/// are more than half of every font. Browsers' PDF writers drop them for the same reason (HarfBuzz's
/// subsetter `HB_SUBSET_FLAGS_NO_HINTING`, which this mirrors).
///
/// Reference: Apple TrueType Reference Manual and OpenType 1.9 (`glyf`, `loca`, `head`, `maxp`).
enum TrueTypeHints {
    /// Tables that exist only for the hinting interpreter, or hold per-size results of it.
    static let hintingTables: Set<String> = ["cvt ", "fpgm", "prep", "hdmx", "LTSH", "VDMX"]

    /// `font` without hints, or nil if it is not a TrueType font laid out as the OpenType
    /// specification says (the caller then keeps the font as it was).
    static func stripped(_ font: [UInt8]) -> [UInt8]? {
        guard var tables = SFNTTables(font), let head = tables["head"], head.count >= 54, let loca = tables["loca"],
            let glyf = tables["glyf"], let maxp = tables["maxp"], maxp.count >= 32, maxp.uint32(at: 0) == 0x0001_0000
        else { return nil }
        let longOffsets = head.uint16(at: 50) == 1
        let glyphCount = Int(maxp.uint16(at: 4))
        guard loca.count >= (glyphCount + 1) * (longOffsets ? 4 : 2) else { return nil }
        let offsets = (0...glyphCount).map { longOffsets ? Int(loca.uint32(at: 4 * $0)) : 2 * Int(loca.uint16(at: 2 * $0)) }

        var newGlyf: [UInt8] = []
        var newOffsets: [Int] = [0]
        for glyph in 0..<glyphCount {
            let (start, end) = (offsets[glyph], offsets[glyph + 1])
            guard start <= end, end <= glyf.count else { return nil }
            if start < end {
                guard let outline = withoutInstructions(glyf[start..<end]) else { return nil }
                newGlyf += outline
                if newGlyf.count % 2 == 1 { newGlyf.append(0) }
            }
            newOffsets.append(newGlyf.count)
        }
        guard longOffsets || newGlyf.count <= 0x1FFFE else { return nil }

        var newLoca: [UInt8] = []
        for offset in newOffsets {
            if longOffsets { newLoca.appendUInt32(UInt32(offset)) } else { newLoca.appendUInt16(UInt16(offset / 2)) }
        }
        var newMaxp = maxp
        // maxZones = 1; maxTwilightPoints, maxStorage, maxFunctionDefs, maxInstructionDefs,
        // maxStackElements, maxSizeOfInstructions = 0 (maxComponent* after them are kept).
        newMaxp.setUInt16(at: 14, 1)
        for field in stride(from: 16, through: 26, by: 2) { newMaxp.setUInt16(at: field, 0) }

        tables["glyf"] = newGlyf
        tables["loca"] = newLoca
        tables["maxp"] = newMaxp
        for tag in hintingTables { tables[tag] = nil }
        return tables.font()
    }

    /// One glyph's data with its instructions cut out (simple and composite glyphs alike).
    static func withoutInstructions(_ glyph: ArraySlice<UInt8>) -> [UInt8]? {
        let data = Array(glyph)
        guard data.count >= 10 else { return nil }
        let contours = Int(Int16(bitPattern: data.uint16(at: 0)))
        if contours >= 0 {
            let lengthField = 10 + 2 * contours
            guard data.count >= lengthField + 2 else { return nil }
            let instructions = Int(data.uint16(at: lengthField))
            guard data.count >= lengthField + 2 + instructions else { return nil }
            return Array(data[..<lengthField]) + [0, 0] + Array(data[(lengthField + 2 + instructions)...])
        }
        // A composite: a run of component records, then instructions if any component says so.
        var output = data
        var position = 10
        var hasInstructions = false
        while true {
            guard position + 4 <= data.count else { return nil }
            let flags = data.uint16(at: position)
            if flags & 0x0100 != 0 {
                hasInstructions = true
                output.setUInt16(at: position, flags & ~0x0100)
            }
            var length = 4 + (flags & 0x0001 != 0 ? 4 : 2)  // flags, glyph index, two arguments
            if flags & 0x0008 != 0 {
                length += 2  // one scale
            } else if flags & 0x0040 != 0 {
                length += 4  // x and y scales
            } else if flags & 0x0080 != 0 {
                length += 8  // a two-by-two matrix
            }
            position += length
            guard position <= data.count else { return nil }
            if flags & 0x0020 == 0 { break }  // no more components
        }
        if hasInstructions {
            guard position + 2 <= data.count, position + 2 + Int(data.uint16(at: position)) <= data.count else { return nil }
        }
        return Array(output[..<position])
    }
}
