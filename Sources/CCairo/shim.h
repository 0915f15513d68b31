// Cairo (PDF surface, tags, metadata, outlines), Pango for text layout, and fontconfig to pin
// the fonts. Include paths and most libraries come from pkg-config `pangocairo`.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
