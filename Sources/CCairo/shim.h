// Cairo (PDF surface, tags, metadata, outlines), Pango for text layout, and fontconfig to pin
// the fonts. Include paths and most libraries come from pkg-config `pangocairo`.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
// FreeType, for the tests that read embedded fonts back (pango already loads it).
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
