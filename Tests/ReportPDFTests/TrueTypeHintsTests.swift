import CCairo
import Foundation
import Testing

@testable import ReportPDF

@Suite struct TrueTypeHintsTests {
    /// One glyph as FreeType reads it in font units, hinting off: its outline and advance.
    struct Outline: Equatable {
        var points: [Int]
        var tags: [UInt8]
        var contourEnds: [Int16]
        var advance: Int
    }

    /// Every glyph of `font` through FreeType, or nil if FreeType refuses the font.
    static func outlines(_ font: [UInt8]) -> [Outline]? {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { return nil }
        defer { FT_Done_FreeType(library) }
        return font.withUnsafeBufferPointer { bytes -> [Outline]? in
            var face: FT_Face?
            guard FT_New_Memory_Face(library, bytes.baseAddress, FT_Long(bytes.count), 0, &face) == 0, let face else { return nil }
            defer { FT_Done_Face(face) }
            var result: [Outline] = []
            for glyph in 0..<Int(face.pointee.num_glyphs) {
                guard FT_Load_Glyph(face, FT_UInt(glyph), Int32(FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING)) == 0 else { return nil }
                let slot = face.pointee.glyph.pointee
                let outline = slot.outline
                let count = Int(outline.n_points)
                result.append(
                    Outline(
                        points: (0..<count).flatMap { [Int(outline.points[$0].x), Int(outline.points[$0].y)] },
                        tags: (0..<count).map { UInt8(bitPattern: outline.tags[$0]) },
                        contourEnds: (0..<Int(outline.n_contours)).map { Int16(outline.contours[$0]) },
                        advance: Int(slot.advance.x)))
            }
            return result
        }
    }

    static func dejaVu(_ index: Int) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: PangoTextEngine.fontFiles[index])))
    }

    @Test(arguments: [0, 1]) func strippingKeepsEveryOutlineAndAdvance(font index: Int) throws {
        let original = try Self.dejaVu(index)
        let stripped = try #require(TrueTypeHints.stripped(original))
        let (glyfBefore, glyfAfter) = (SFNTTables(original)?["glyf"]?.count ?? 0, SFNTTables(stripped)?["glyf"]?.count ?? 0)
        #expect(glyfAfter * 100 < glyfBefore * 95, "glyf \(glyfBefore) → \(glyfAfter) bytes")
        let before = try #require(Self.outlines(original))
        let after = try #require(Self.outlines(stripped))
        #expect(before.count > 5000 && before.count == after.count)
        let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(changed.isEmpty, "glyphs whose outline or advance changed: \(changed.prefix(10))")
    }

    @Test func noInstructionsOrHintingTablesRemain() throws {
        let stripped = try #require(TrueTypeHints.stripped(try Self.dejaVu(0)))
        let tables = try #require(SFNTTables(stripped))
        for tag in ["cvt ", "fpgm", "prep", "hdmx", "LTSH", "VDMX"] { #expect(tables[tag] == nil, "\(tag)") }
        for tag in ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"] { #expect(tables[tag] != nil, "\(tag)") }
        let maxp = try #require(tables["maxp"])
        #expect(maxp.uint16(at: 26) == 0, "maxSizeOfInstructions")
        // Every glyph: a simple one has an instruction length of zero, a composite no instruction flag.
        let head = try #require(tables["head"])
        let loca = try #require(tables["loca"])
        let glyf = try #require(tables["glyf"])
        let long = head.uint16(at: 50) == 1
        var composites = 0
        for glyph in 0..<Int(maxp.uint16(at: 4)) {
            let start = long ? Int(loca.uint32(at: 4 * glyph)) : 2 * Int(loca.uint16(at: 2 * glyph))
            let end = long ? Int(loca.uint32(at: 4 * glyph + 4)) : 2 * Int(loca.uint16(at: 2 * glyph + 2))
            guard start < end else { continue }
            let contours = Int(Int16(bitPattern: glyf.uint16(at: start)))
            if contours >= 0 {
                #expect(glyf.uint16(at: start + 10 + 2 * contours) == 0, "glyph \(glyph)")
            } else {
                composites += 1
                #expect(glyf.uint16(at: start + 10) & 0x0100 == 0, "glyph \(glyph)")
            }
        }
        #expect(composites > 100)
    }

    @Test func theChecksumsAreRight() throws {
        let stripped = try #require(TrueTypeHints.stripped(try Self.dejaVu(1)))
        // The whole font sums to 0xB1B0AFBA (OpenType, `head`), and each table to its directory entry.
        #expect(SFNTTables.checksum(stripped) == 0xB1B0_AFBA)
        let count = Int(stripped.uint16(at: 4))
        for entry in 0..<count where String(decoding: stripped[12 + 16 * entry..<16 + 16 * entry], as: UTF8.self) != "head" {
            let record = 12 + 16 * entry
            let (offset, length) = (Int(stripped.uint32(at: record + 8)), Int(stripped.uint32(at: record + 12)))
            #expect(SFNTTables.checksum(Array(stripped[offset..<offset + length])) == stripped.uint32(at: record + 4))
        }
    }

    @Test func anythingElseIsRefused() throws {
        let font = try Self.dejaVu(0)
        #expect(TrueTypeHints.stripped([]) == nil)
        #expect(TrueTypeHints.stripped(Array("OTTO is a CFF font".utf8)) == nil)
        #expect(TrueTypeHints.stripped(Array(font.prefix(4000))) == nil)  // tables cut off
        var wrongGlyph = font
        let tables = try #require(SFNTTables(font))
        #expect(tables["glyf"] != nil)
        // A loca that points past the end of glyf.
        let locaRecord = (0..<Int(font.uint16(at: 4))).map { 12 + 16 * $0 }.first {
            String(decoding: font[$0..<$0 + 4], as: UTF8.self) == "loca"
        }
        let locaOffset = Int(font.uint32(at: try #require(locaRecord) + 8))
        wrongGlyph.setUInt32(at: locaOffset + 4, 0xFFFF_FFF0)
        #expect(TrueTypeHints.stripped(wrongGlyph) == nil)
    }
}
