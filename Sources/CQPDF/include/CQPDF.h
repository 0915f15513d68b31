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
    // For finishing the tags (see nutriscreen_qpdf_finish_tags).
    __typeof__(qpdf_get_root) *qpdf_get_root;
    __typeof__(qpdf_get_num_pages) *qpdf_get_num_pages;
    __typeof__(qpdf_get_page_n) *qpdf_get_page_n;
    __typeof__(qpdf_oh_parse) *qpdf_oh_parse;
    __typeof__(qpdf_oh_get_key) *qpdf_oh_get_key;
    __typeof__(qpdf_oh_has_key) *qpdf_oh_has_key;
    __typeof__(qpdf_oh_replace_key) *qpdf_oh_replace_key;
    __typeof__(qpdf_oh_is_array) *qpdf_oh_is_array;
    __typeof__(qpdf_oh_is_dictionary) *qpdf_oh_is_dictionary;
    __typeof__(qpdf_oh_is_integer) *qpdf_oh_is_integer;
    __typeof__(qpdf_oh_is_string) *qpdf_oh_is_string;
    __typeof__(qpdf_oh_is_name_and_equals) *qpdf_oh_is_name_and_equals;
    __typeof__(qpdf_oh_get_array_n_items) *qpdf_oh_get_array_n_items;
    __typeof__(qpdf_oh_get_array_item) *qpdf_oh_get_array_item;
    __typeof__(qpdf_oh_set_array_item) *qpdf_oh_set_array_item;
    __typeof__(qpdf_oh_erase_item) *qpdf_oh_erase_item;
    __typeof__(qpdf_oh_get_object_id) *qpdf_oh_get_object_id;
    __typeof__(qpdf_oh_get_int_value_as_int) *qpdf_oh_get_int_value_as_int;
    __typeof__(qpdf_oh_get_utf8_value) *qpdf_oh_get_utf8_value;
    __typeof__(qpdf_oh_new_unicode_string) *qpdf_oh_new_unicode_string;
    __typeof__(qpdf_oh_new_null) *qpdf_oh_new_null;
    __typeof__(qpdf_oh_get_stream_data) *qpdf_oh_get_stream_data;
    __typeof__(qpdf_oh_replace_stream_data) *qpdf_oh_replace_stream_data;
    __typeof__(qpdf_oh_is_stream) *qpdf_oh_is_stream;
    __typeof__(qpdf_oh_release_all) *qpdf_oh_release_all;
} NutriScreenQPDF;

/// libqpdf, loaded once (thread-safe; waits for a load in progress); NULL if it is not installed.
const NutriScreenQPDF *nutriscreen_qpdf(void);

/// Starts loading libqpdf on a thread of its own, so the loading overlaps the work before the
/// first `nutriscreen_qpdf()`. Does nothing after the first call.
void nutriscreen_qpdf_preload(void);

/// Finishes cairo's tagged PDF for PDF/UA (ISO 14289-1), in the document `qpdf` has read:
/// - sets the catalog's `/Lang` to `lang` and asks viewers to show the title;
/// - turns the structure elements of type `Private` (cairo 1.16 refuses `Artifact` as a tag) into
///   artifacts: their marked content becomes `/Artifact BMC … EMC` and they leave the structure
///   tree and its parent tree;
/// - gives every header cell (`TH`) `/Scope /Column`;
/// - gives the `Figure` and `Link` elements, in document order, the alternative texts given, and
///   each link annotation the same text as `/Contents`.
/// Returns 0 on success, -1 if libqpdf is missing or the document has no structure tree.
int nutriscreen_qpdf_finish_tags(qpdf_data qpdf, const char *lang, const char *const *figure_alts, int figure_count,
                                 const char *const *link_alts, int link_count);

#endif
