import CCairo
import Foundation

/// The floor the `report` process is compared with: the smallest useful Cairo + Pango program,
/// one page with one line of text through fontconfig, written to a file.
enum Floor {
    static func run(output: String) -> Int32 {
        let surface = cairo_pdf_surface_create(output, 595.276, 841.89)
        let cr = cairo_create(surface)
        let layout = pango_cairo_create_layout(cr)
        let font = pango_font_description_from_string("DejaVu Sans 10")
        pango_layout_set_font_description(layout, font)
        pango_layout_set_text(layout, "NutriScreen floor: one page of Cairo and Pango.", -1)
        cairo_move_to(cr, 72, 72)
        pango_cairo_show_layout(cr, layout)
        cairo_show_page(cr)
        pango_font_description_free(font)
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        return status == CAIRO_STATUS_SUCCESS ? 0 : 1
    }
}
