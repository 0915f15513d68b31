import CZlib
import Foundation

/// The bytes of a history's files as a search for a person's traces must see them: the files
/// (the database, its log and index) as they are, then every zlib stream found in them inflated
/// as far as it goes (a screening's texts are kept compressed; a stream split across pages
/// inflates up to its first page's end), so a name inside a compressed text is found too.
public enum HistoryFiles {
    public static func searchable(_ path: String) -> Data {
        var raw = Data()
        for suffix in ["", "-wal", "-shm", "-journal"] { raw += FileManager.default.contents(atPath: path + suffix) ?? Data() }
        let bytes = [UInt8](raw)
        var searchable = raw
        var index = 0
        while index + 1 < bytes.count {
            // A zlib header: deflate with a 32 KB window (0x78), its check bits right.
            if bytes[index] == 0x78, (0x7800 | Int(bytes[index + 1])) % 31 == 0, let text = inflated(bytes, at: index) {
                searchable += Data([0]) + Data(text)
            }
            index += 1
        }
        return searchable
    }

    /// As much as the stream at `start` inflates to (at most `limit` bytes), even cut short; nil
    /// when nothing inflates there.
    static func inflated(_ bytes: [UInt8], at start: Int, limit: Int = 1 << 18) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: limit)
        let produced: Int = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + start)
                stream.avail_in = uInt(input.count - start)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(limit)
                let status = inflate(&stream, Z_NO_FLUSH)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR || status == Z_DATA_ERROR else { return 0 }
                return limit - Int(stream.avail_out)
            }
        }
        return produced > 0 ? Array(output[0..<produced]) : nil
    }
}
