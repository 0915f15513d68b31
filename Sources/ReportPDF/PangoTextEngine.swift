import CCairo
import Foundation
import Report

/// Lays out text with Pango at 72 dpi in one pinned font family (DejaVu Sans from Debian's
/// fonts-dejavu-core). Text DejaVu Sans covers (Latin, Greek, Cyrillic, Arabic, Hebrew and more)
/// goes through a private fontconfig holding only those two files, so the system's fontconfig
/// set-up (about 24 M instructions) is skipped; text it does not cover (Chinese, Japanese, Korean,
/// Indic scripts…) goes through the system's fontconfig, where Pango falls back to any installed
/// font that has the characters (Debian's fonts-noto-core and fonts-noto-cjk).
///
/// Loading fonts is the slow part, so each thread builds its engine once and reuses it.
/// Pango objects must stay on one thread, hence one engine per thread.
public final class PangoTextEngine: TextMeasurer {
    /// The font files used, in order of preference.
    public static let fontFiles = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]
    static let family = "DejaVu Sans"

    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    private var descriptions: [String: OpaquePointer] = [:]
    /// Layouts made while measuring, with their lines, reused to draw and kept for the next
    /// report on this thread (a batch repeats most question texts, answers and reasons); a layout
    /// never changes once made, so reuse draws the same thing. Bounded by `keptLayouts`.
    private var layouts: [LayoutKey: Laid] = [:]
    /// How many layouts may outlive a report: a few reports' worth, a few megabytes.
    static let keptLayouts = 3000

    private struct LayoutKey: Hashable {
        var text: StyledText
        var style: FontStyle
        var width: Double
    }

    /// A layout and the lines it broke into.
    private struct Laid {
        let layout: OpaquePointer
        let lines: [MeasuredLine]
    }

    /// Whether this engine falls back to the system's fonts.
    public let fallsBack: Bool

    /// The engine for the calling thread, created on first use: the pinned one, or with
    /// `fallback` the one that reaches every installed font.
    public static func forCurrentThread(fallback: Bool = false) throws(CairoError) -> PangoTextEngine {
        let key = fallback ? "NutriScreen.PangoTextEngine.fallback" : "NutriScreen.PangoTextEngine"
        if let engine = Thread.current.threadDictionary[key] as? PangoTextEngine { return engine }
        let engine = try PangoTextEngine(fallback: fallback)
        Thread.current.threadDictionary[key] = engine
        return engine
    }

    /// The engine for the calling thread that has every character `document` shows: the pinned
    /// one when DejaVu Sans covers them all, else the one that falls back to the system's fonts.
    public static func forCurrentThread(covering document: ReportDocument) throws(CairoError) -> PangoTextEngine {
        let pinned = try forCurrentThread()
        return pinned.covers(document.texts) ? pinned : try forCurrentThread(fallback: true)
    }

    /// Whether this engine's own fonts have every visible character of `texts` (formatting
    /// characters such as bidi isolates draw nothing and need no glyph). The pinned engine reads
    /// the characters its two fonts have from its fontconfig, which scanned them when they were added.
    public func covers(_ texts: [String]) -> Bool {
        if fallsBack { return true }
        guard let config = pango_fc_font_map_get_config(OpaquePointer(fontMap)), let fonts = FcConfigGetFonts(config, FcSetApplication),
            fonts.pointee.nfont > 0, let patterns = fonts.pointee.fonts
        else { return false }
        var charsets: [OpaquePointer] = []
        for index in 0..<Int(fonts.pointee.nfont) {
            var charset: OpaquePointer?
            if let pattern = patterns[index], FcPatternGetCharSet(pattern, "charset", 0, &charset) == FcResultMatch, let charset {
                charsets.append(charset)
            }
        }
        for text in texts where !text.utf8.allSatisfy({ $0 < 0x80 }) {
            for scalar in text.unicodeScalars where !scalar.isASCII {
                switch scalar.properties.generalCategory {
                case .format, .control, .lineSeparator, .paragraphSeparator, .nonspacingMark, .spaceSeparator: continue
                default: if !charsets.contains(where: { FcCharSetHasChar($0, scalar.value) != 0 }) { return false }
                }
            }
        }
        return true
    }

    /// Made the process's current fontconfig configuration before the first font map exists.
    /// Pango's font map calls `FcInit`, which would otherwise read the system configuration and
    /// every installed font (about 24 M instructions, a twentieth of a report); with a current
    /// configuration in place it returns at once. That one is empty: each engine matches fonts
    /// only in its own configuration.
    private static let systemFontsSkipped: Bool = {
        guard let empty = FcConfigCreate() else { return false }
        defer { FcConfigDestroy(empty) }  // the current configuration holds its own reference
        return FcConfigSetCurrent(empty) != 0
    }()

    init(fallback: Bool = false) throws(CairoError) {
        _ = Self.systemFontsSkipped
        fallsBack = fallback
        for file in Self.fontFiles where !FileManager.default.fileExists(atPath: file) {
            throw CairoError("loading fonts", reason: "\(file) is missing; install the fonts-dejavu-core package")
        }
        let config: OpaquePointer
        if fallback {
            // The system's configuration and fonts (from fontconfig's caches): DejaVu Sans first,
            // then whatever has the characters it lacks.
            guard let system = FcInitLoadConfigAndFonts() else {
                throw CairoError("loading fonts", reason: "fontconfig could not read the system's font configuration")
            }
            config = system
        } else {
            guard let own = FcConfigCreate() else { throw CairoError("loading fonts", reason: "fontconfig could not create a configuration") }
            for file in Self.fontFiles where FcConfigAppFontAddFile(own, file) == 0 {
                FcConfigDestroy(own)
                throw CairoError("loading fonts", reason: "fontconfig could not read \(file)")
            }
            config = own
        }
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            FcConfigDestroy(config)
            throw CairoError("loading fonts", reason: "Pango has no FreeType font map")
        }
        fontMap = map
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        FcConfigDestroy(config)  // the font map holds its own reference
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        context = pango_font_map_create_context(map)
        // Match a PDF surface: no hinting, so measured and drawn line breaks agree.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        // Keep the font's own advances: rounding glyph positions to whole points (a pixel at 72 dpi)
        // spaces letters unevenly and makes cairo write a correction after nearly every glyph.
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        releaseLayouts()
        for description in descriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    private func description(_ style: FontStyle) -> OpaquePointer {
        if let known = descriptions[style.rawValue] { return known }
        let description = pango_font_description_from_string("\(Self.family) \(style.size)")!
        descriptions[style.rawValue] = description
        return description
    }

    /// A layout of `text` at `width`, wrapping between words (and inside over-long words).
    /// Owned by the engine; valid until `endReport()`, and callers must not release it.
    func layout(_ text: StyledText, style: FontStyle, width: Double) -> OpaquePointer {
        laidOut(text, style: style, width: width).layout
    }

    public func lines(of text: StyledText, style: FontStyle, width: Double) -> [MeasuredLine] {
        laidOut(text, style: style, width: width).lines
    }

    /// The kept layout of `text`, or a new one (measured at once, and kept).
    private func laidOut(_ text: StyledText, style: FontStyle, width: Double) -> Laid {
        let key = LayoutKey(text: text, style: style, width: width)
        if let known = layouts[key] { return known }
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, description(style))
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        // Plain text needs no markup parsing (and no escaping); runs with bold go through markup.
        if text.allSatisfy({ !$0.bold }) {
            pango_layout_set_text(layout, text.map(\.text).joined(), -1)
        } else {
            pango_layout_set_markup(layout, Self.markup(text), -1)
        }
        let laid = Laid(layout: layout, lines: Self.lines(of: layout))
        layouts[key] = laid
        return laid
    }

    /// Marks the end of a report: its layouts may be released, and are when more than
    /// `keptLayouts` are held.
    public func endReport() {
        guard layouts.count > Self.keptLayouts else { return }
        releaseLayouts()
    }

    /// How many layouts are held now.
    var keptLayoutCount: Int { layouts.count }

    /// Releases every layout held (the benchmark uses it to measure layout from scratch).
    public func releaseLayouts() {
        for laid in layouts.values { g_object_unref(UnsafeMutableRawPointer(laid.layout)) }
        layouts.removeAll(keepingCapacity: true)
    }

    /// Pango markup for runs: `<b>` for bold.
    static func markup(_ text: StyledText) -> String {
        text.map { $0.bold ? "<b>\(escape($0.text))</b>" : escape($0.text) }.joined()
    }

    /// Escapes text for Pango markup (`&`, `<`, quotes), so any answer is shown as typed.
    static func escape(_ text: String) -> String {
        guard let escaped = g_markup_escape_text(text, -1) else { return "" }
        defer { g_free(escaped) }
        return String(cString: escaped)
    }

    /// Every line of a layout with its text, logical width and height, and baseline.
    static func lines(of layout: OpaquePointer) -> [MeasuredLine] {
        let bytes = pango_layout_get_text(layout).map { UnsafeRawBufferPointer(start: $0, count: strlen($0)) }
        var result: [MeasuredLine] = []
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter) - logical.y) / Double(PANGO_SCALE)
            var text = ""
            if let line = pango_layout_iter_get_line_readonly(iter), let bytes {
                let start = Int(line.pointee.start_index)
                let length = Int(line.pointee.length)
                text = String(decoding: bytes[start..<min(start + length, bytes.count)], as: UTF8.self)
            }
            result.append(
                MeasuredLine(
                    text: text, width: Double(logical.width) / Double(PANGO_SCALE), height: Double(logical.height) / Double(PANGO_SCALE),
                    baseline: baseline))
        } while pango_layout_iter_next_line(iter) != 0
        return result
    }
}
