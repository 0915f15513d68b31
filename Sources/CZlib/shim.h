// zlib, for the compressed object and cross-reference streams of the PDF.
#include <zlib.h>
