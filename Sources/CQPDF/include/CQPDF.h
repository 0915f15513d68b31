// libqpdf's C API, loaded on first use rather than linked: loading libqpdf and the ten libraries
// it brings (gnutls among them) costs every start of the program about 4 ms, and only a report
// needs it. Call qpdf through `nutriscreen_qpdf()`, never the qpdf_* functions themselves (they
// are not linked).
#ifndef NUTRISCREEN_CQPDF_H
#define NUTRISCREEN_CQPDF_H

#include <qpdf/qpdf-c.h>

/// The qpdf functions the report uses, with the types of their declarations in qpdf-c.h.
typedef struct {
    __typeof__(qpdf_init) *qpdf_init;
    __typeof__(qpdf_cleanup) *qpdf_cleanup;
    __typeof__(qpdf_silence_errors) *qpdf_silence_errors;
    __typeof__(qpdf_set_suppress_warnings) *qpdf_set_suppress_warnings;
    __typeof__(qpdf_read_memory) *qpdf_read_memory;
    __typeof__(qpdf_init_write_memory) *qpdf_init_write_memory;
    __typeof__(qpdf_set_object_stream_mode) *qpdf_set_object_stream_mode;
    __typeof__(qpdf_set_compress_streams) *qpdf_set_compress_streams;
    __typeof__(qpdf_set_deterministic_ID) *qpdf_set_deterministic_ID;
    __typeof__(qpdf_write) *qpdf_write;
    __typeof__(qpdf_get_buffer_length) *qpdf_get_buffer_length;
    __typeof__(qpdf_get_buffer) *qpdf_get_buffer;
} NutriScreenQPDF;

/// libqpdf, loaded once (thread-safe; waits for a load in progress); NULL if it is not installed.
const NutriScreenQPDF *nutriscreen_qpdf(void);

/// Starts loading libqpdf on a thread of its own, so the loading overlaps the work before the
/// first `nutriscreen_qpdf()`. Does nothing after the first call.
void nutriscreen_qpdf_preload(void);

#endif
