import CZlib
import Foundation

/// A screening's texts as the history keeps them (`screeningContent`, migration v3): the text's
/// length in UTF-8 bytes (4 bytes, little-endian), then the text compressed by zlib (RFC 1950,
/// Debian's libz). A JSON assessment of ~70 KB keeps in about a tenth of that.
enum Deflate {
    /// The longest text inflated (64 MiB): a longer length is damage, never a reason to allocate.
    static let limit = 64 << 20

    /// Why stored bytes could not be inflated.
    struct Damaged: Error, Equatable {
        let detail: String
    }

    /// `text`, compressed.
    static func compress(_ text: String) -> Data {
        let input = Array(text.utf8)
        var size = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(size) + 4)
        let length = UInt32(input.count)
        for shift in 0..<4 { output[shift] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(shift))) }
        let status = output.withUnsafeMutableBufferPointer { buffer in
            compress2(buffer.baseAddress! + 4, &size, input, uLong(input.count), Z_DEFAULT_COMPRESSION)
        }
        // compress2 fails only without memory or with a buffer below compressBound: neither here.
        precondition(status == Z_OK, "zlib compress2 failed (\(status))")
        return Data(output[0..<(Int(size) + 4)])
    }

    /// The text `data` holds; throws `Damaged` for bytes that are not a whole compressed text.
    static func text(_ data: Data) throws(Damaged) -> String {
        let bytes = [UInt8](data)
        guard bytes.count > 4 else { throw Damaged(detail: "\(bytes.count) bytes, too few for a compressed text") }
        let length = (0..<4).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        guard length <= limit else { throw Damaged(detail: "a compressed text claims \(length) bytes") }
        var output = [UInt8](repeating: 0, count: max(length, 1))
        var size = uLong(length)
        let status = bytes.withUnsafeBufferPointer { input in
            uncompress(&output, &size, input.baseAddress! + 4, uLong(bytes.count - 4))
        }
        guard status == Z_OK, Int(size) == length else { throw Damaged(detail: "a compressed text does not inflate (zlib \(status))") }
        guard let text = String(validating: output[0..<length], as: UTF8.self) else {
            throw Damaged(detail: "a compressed text is not UTF-8")
        }
        return text
    }
}
