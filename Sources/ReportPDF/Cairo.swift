import CCairo
import Foundation

/// A cairo or Pango failure, with cairo's own words for it.
public struct CairoError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var reason: String

    init(_ operation: String, status: cairo_status_t) {
        self.operation = operation
        self.reason = String(cString: cairo_status_to_string(status))
    }

    init(_ operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "\(operation) failed: \(reason)" }
}

/// A PDF surface that writes into memory, so a failure never leaves a partial file.
/// Cairo errors are sticky, so the status is checked after creation, each page and finishing.
final class PDFSurface {
    let pointer: OpaquePointer
    /// What cairo has written so far. cairo writes in tens of thousands of small pieces, so they go
    /// into one growing buffer reached through a plain pointer (no `Data` bookkeeping, no
    /// exclusivity checks per piece).
    private let sink: UnsafeMutablePointer<Sink>

    struct Sink {
        var bytes: UnsafeMutableRawPointer?
        var count = 0
        var capacity = 0

        /// Appends `length` bytes; false if memory runs out.
        mutating func append(_ data: UnsafeRawPointer, _ length: Int) -> Bool {
            if count + length > capacity {
                let grown = max(capacity * 2, count + length, 1 << 16)
                guard let moved = realloc(bytes, grown) else { return false }
                bytes = moved
                capacity = grown
            }
            (bytes! + count).copyMemory(from: data, byteCount: length)
            count += length
            return true
        }
    }

    init(width: Double, height: Double) throws(CairoError) {
        sink = UnsafeMutablePointer<Sink>.allocate(capacity: 1)
        sink.initialize(to: Sink())
        pointer = cairo_pdf_surface_create_for_stream(
            { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                let appended = closure.assumingMemoryBound(to: Sink.self).pointee.append(data, Int(length))
                return appended ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_NO_MEMORY
            }, sink, width, height)
        try check("creating the PDF surface")
    }

    func check(_ operation: String) throws(CairoError) {
        let status = cairo_surface_status(pointer)
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(operation, status: status) }
    }

    func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String) {
        cairo_pdf_surface_set_metadata(pointer, key, value)
    }

    /// Adds a bookmark that opens a named destination; returns its id for children.
    func addOutline(parent: Int32, title: String, destination: String, open: Bool) -> Int32 {
        cairo_pdf_surface_add_outline(
            pointer, parent, title, "dest='\(CairoTag.escape(destination))'", open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0))
    }

    /// Writes the trailer and returns the finished PDF.
    func finish() throws(CairoError) -> Data {
        cairo_surface_finish(pointer)
        try check("finishing the PDF")
        guard let bytes = sink.pointee.bytes else { return Data() }
        return Data(bytes: bytes, count: sink.pointee.count)
    }

    deinit {
        cairo_surface_destroy(pointer)
        free(sink.pointee.bytes)
        sink.deinitialize(count: 1)
        sink.deallocate()
    }
}

/// A drawing context on a surface; destroyed with the object.
final class DrawingContext {
    let pointer: OpaquePointer
    private let surface: PDFSurface

    init(_ surface: PDFSurface) throws(CairoError) {
        self.surface = surface
        pointer = cairo_create(surface.pointer)
        let status = cairo_status(pointer)
        if status != CAIRO_STATUS_SUCCESS { throw CairoError("creating a drawing context", status: status) }
    }

    func check(_ operation: String) throws(CairoError) {
        let status = cairo_status(pointer)
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(operation, status: status) }
    }

    func gray(_ level: Double) { cairo_set_source_rgb(pointer, level, level, level) }

    func rectangle(x: Double, y: Double, width: Double, height: Double, stroke: Double, fill: Double?) {
        cairo_rectangle(pointer, x, y, width, height)
        if let fill {
            gray(fill)
            if stroke > 0 { cairo_fill_preserve(pointer) } else { cairo_fill(pointer) }
        }
        if stroke > 0 {
            gray(0)
            cairo_set_line_width(pointer, stroke)
            cairo_stroke(pointer)
        }
    }

    func line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, gray level: Double) {
        gray(level)
        cairo_set_line_width(pointer, width)
        cairo_move_to(pointer, x1, y1)
        cairo_line_to(pointer, x2, y2)
        cairo_stroke(pointer)
    }

    func beginTag(_ name: String, _ attributes: String = "") { cairo_tag_begin(pointer, name, attributes) }
    func endTag(_ name: String) { cairo_tag_end(pointer, name) }

    func showPage() throws(CairoError) {
        cairo_show_page(pointer)
        try check("finishing a page")
    }

    deinit { cairo_destroy(pointer) }
}

/// Attribute quoting for cairo tags: values are single-quoted with backslash escapes.
enum CairoTag {
    static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") }) else { return value }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    /// Numbers for tag attributes, to two decimals and always with '.' (Swift's own formatting
    /// ignores the C locale, which cairo 1.16 would otherwise misread).
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        return hundredths == hundredths.rounded(.towardZero) && abs(hundredths) < 1e15 && hundredths.truncatingRemainder(dividingBy: 100) == 0
            ? String(Int64(hundredths / 100)) : String(hundredths / 100)
    }
}
