// The floor `nutriscreen-bench` compares the `report` process with: a plain C program that draws
// text with Pango onto a cairo PDF surface the way any first Cairo + Pango program would (Pango's
// default font map, so the system fontconfig set-up; no tags, no outline, no packing).
//
//     nutriscreen-floor OUT.pdf              one page, one line of text
//     nutriscreen-floor OUT.pdf PAGES.txt    one page per form feed-separated part of PAGES.txt,
//                                            each drawn as one Pango layout
//
// Given the report's own text page by page (the bench writes it from the laid-out pages), it
// draws the same text as the report, so the ratio between the two is what the report's tags,
// layout and structure cost on top of the libraries' own floor.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double width = 595.276, height = 841.890, margin = 54;

/// Reads a whole file into a NUL-terminated buffer, or returns NULL.
static char *read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    size_t capacity = 1 << 16, length = 0;
    char *text = malloc(capacity + 1);
    size_t got;
    while (text && (got = fread(text + length, 1, capacity - length, file)) > 0) {
        length += got;
        if (length == capacity) text = realloc(text, (capacity *= 2) + 1);
    }
    fclose(file);
    if (text) text[length] = 0;
    return text;
}

/// Draws `text` (its first `length` bytes) as one layout at the top left of a new page.
static void draw_page(cairo_t *cr, PangoLayout *layout, const char *text, int length) {
    pango_layout_set_text(layout, text, length);
    cairo_move_to(cr, margin, margin);
    pango_cairo_show_layout(cr, layout);
    cairo_show_page(cr);
}

int main(int argc, char **argv) {
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: nutriscreen-floor OUT.pdf [PAGES.txt]\n");
        return 64;
    }
    char *pages = NULL;
    if (argc == 3 && !(pages = read_file(argv[2]))) {
        fprintf(stderr, "nutriscreen-floor: cannot read %s\n", argv[2]);
        return 66;
    }
    cairo_surface_t *surface = cairo_pdf_surface_create(argv[1], width, height);
    cairo_t *cr = cairo_create(surface);
    PangoLayout *layout = pango_cairo_create_layout(cr);
    pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
    PangoFontDescription *font = pango_font_description_from_string("DejaVu Sans 8.5");
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, (int)((width - 2 * margin) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    if (pages) {
        for (char *page = pages; *page;) {
            char *end = strchr(page, '\f');
            int length = end ? (int)(end - page) : (int)strlen(page);
            draw_page(cr, layout, page, length);
            page += length + (end ? 1 : 0);
        }
    } else {
        draw_page(cr, layout, "NutriScreen floor: one page of Cairo and Pango.", -1);
    }
    pango_font_description_free(font);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    free(pages);
    if (status != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "nutriscreen-floor: %s\n", cairo_status_to_string(status));
        return 73;
    }
    return 0;
}
