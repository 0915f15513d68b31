#include "CQPDF.h"

#include <dlfcn.h>
#include <pthread.h>

static NutriScreenQPDF api;
static const NutriScreenQPDF *loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define RESOLVE(name) \
    if (!(api.name = (__typeof__(name) *)dlsym(library, #name))) return;

static void load(void) {
    // The run-time library of qpdf 11 (Debian's libqpdf29), else the development link.
    void *library = dlopen("libqpdf.so.29", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libqpdf.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    RESOLVE(qpdf_init)
    RESOLVE(qpdf_cleanup)
    RESOLVE(qpdf_silence_errors)
    RESOLVE(qpdf_set_suppress_warnings)
    RESOLVE(qpdf_read_memory)
    RESOLVE(qpdf_init_write_memory)
    RESOLVE(qpdf_set_object_stream_mode)
    RESOLVE(qpdf_set_compress_streams)
    RESOLVE(qpdf_set_deterministic_ID)
    RESOLVE(qpdf_write)
    RESOLVE(qpdf_get_buffer_length)
    RESOLVE(qpdf_get_buffer)
    RESOLVE(qpdf_get_root)
    RESOLVE(qpdf_get_num_pages)
    RESOLVE(qpdf_get_page_n)
    RESOLVE(qpdf_oh_parse)
    RESOLVE(qpdf_oh_get_key)
    RESOLVE(qpdf_oh_has_key)
    RESOLVE(qpdf_oh_replace_key)
    RESOLVE(qpdf_oh_is_array)
    RESOLVE(qpdf_oh_is_dictionary)
    RESOLVE(qpdf_oh_is_integer)
    RESOLVE(qpdf_oh_is_string)
    RESOLVE(qpdf_oh_is_name_and_equals)
    RESOLVE(qpdf_oh_get_array_n_items)
    RESOLVE(qpdf_oh_get_array_item)
    RESOLVE(qpdf_oh_set_array_item)
    RESOLVE(qpdf_oh_erase_item)
    RESOLVE(qpdf_oh_get_object_id)
    RESOLVE(qpdf_oh_get_int_value_as_int)
    RESOLVE(qpdf_oh_get_utf8_value)
    RESOLVE(qpdf_oh_new_unicode_string)
    RESOLVE(qpdf_oh_new_null)
    RESOLVE(qpdf_oh_get_stream_data)
    RESOLVE(qpdf_oh_replace_stream_data)
    RESOLVE(qpdf_oh_is_stream)
    RESOLVE(qpdf_oh_release_all)
    loaded = &api;
}

const NutriScreenQPDF *nutriscreen_qpdf(void) {
    pthread_once(&once, load);
    return loaded;
}

static pthread_once_t preloading = PTHREAD_ONCE_INIT;

static void *load_on_thread(void *unused) {
    (void)unused;
    pthread_once(&once, load);
    return NULL;
}

static void start_preloading(void) {
    // If no thread can be made, the first nutriscreen_qpdf() loads the library itself.
    pthread_t thread;
    if (pthread_create(&thread, NULL, load_on_thread, NULL) == 0) pthread_detach(thread);
}

void nutriscreen_qpdf_preload(void) { pthread_once(&preloading, start_preloading); }

// MARK: Finishing the tags

#include <stdlib.h>
#include <string.h>

typedef struct {
    qpdf_data q;
    const NutriScreenQPDF *api;
    const char *const *figure_alts;
    int figure_count, figures;
    const char *const *link_alts;
    int link_count, links;
    int *removed;  // object ids of the elements that became artifacts
    int removed_count, removed_capacity;
} Finisher;

static int is_removed(const Finisher *f, int id) {
    for (int i = 0; i < f->removed_count; i++)
        if (f->removed[i] == id) return 1;
    return 0;
}

static void note_removed(Finisher *f, int id) {
    if (f->removed_count == f->removed_capacity) {
        int capacity = f->removed_capacity ? f->removed_capacity * 2 : 64;
        int *grown = realloc(f->removed, sizeof(int) * (size_t)capacity);
        if (!grown) return;
        f->removed = grown;
        f->removed_capacity = capacity;
    }
    f->removed[f->removed_count++] = id;
}

static int is_struct_elem(Finisher *f, qpdf_oh oh) {
    return f->api->qpdf_oh_is_dictionary(f->q, oh) && f->api->qpdf_oh_has_key(f->q, oh, "/S");
}

static void finish_element(Finisher *f, qpdf_oh elem);

/// Visits the kids of `elem` in order: artifacts leave, the others are finished.
static void finish_kids(Finisher *f, qpdf_oh elem) {
    const NutriScreenQPDF *a = f->api;
    qpdf_oh kids = a->qpdf_oh_get_key(f->q, elem, "/K");
    if (!a->qpdf_oh_is_array(f->q, kids)) {
        if (is_struct_elem(f, kids)) {
            qpdf_oh type = a->qpdf_oh_get_key(f->q, kids, "/S");
            if (a->qpdf_oh_is_name_and_equals(f->q, type, "/Private")) {
                note_removed(f, a->qpdf_oh_get_object_id(f->q, kids));
                a->qpdf_oh_replace_key(f->q, elem, "/K", a->qpdf_oh_parse(f->q, "[]"));
            } else {
                finish_element(f, kids);
            }
        }
        return;
    }
    for (int i = 0; i < a->qpdf_oh_get_array_n_items(f->q, kids);) {
        qpdf_oh kid = a->qpdf_oh_get_array_item(f->q, kids, i);
        if (is_struct_elem(f, kid)) {
            qpdf_oh type = a->qpdf_oh_get_key(f->q, kid, "/S");
            if (a->qpdf_oh_is_name_and_equals(f->q, type, "/Private")) {
                note_removed(f, a->qpdf_oh_get_object_id(f->q, kid));
                a->qpdf_oh_erase_item(f->q, kids, i);
                continue;
            }
            finish_element(f, kid);
        }
        i++;
    }
}

static void set_alt(Finisher *f, qpdf_oh elem, const char *text) {
    f->api->qpdf_oh_replace_key(f->q, elem, "/Alt", f->api->qpdf_oh_new_unicode_string(f->q, text));
}

/// Finishes one element, then its kids (document order: the order cairo's tags began).
static void finish_element(Finisher *f, qpdf_oh elem) {
    const NutriScreenQPDF *a = f->api;
    qpdf_oh type = a->qpdf_oh_get_key(f->q, elem, "/S");
    if (a->qpdf_oh_is_name_and_equals(f->q, type, "/TH")) {
        a->qpdf_oh_replace_key(f->q, elem, "/A", a->qpdf_oh_parse(f->q, "<< /O /Table /Scope /Column >>"));
    } else if (a->qpdf_oh_is_name_and_equals(f->q, type, "/Figure")) {
        if (f->figures < f->figure_count) set_alt(f, elem, f->figure_alts[f->figures]);
        f->figures++;
    } else if (a->qpdf_oh_is_name_and_equals(f->q, type, "/Link")) {
        const char *text = f->links < f->link_count ? f->link_alts[f->links] : NULL;
        f->links++;
        if (text) {
            set_alt(f, elem, text);
            // The annotation the link holds (an OBJR kid) gets the same words as /Contents.
            qpdf_oh kids = a->qpdf_oh_get_key(f->q, elem, "/K");
            int count = a->qpdf_oh_is_array(f->q, kids) ? a->qpdf_oh_get_array_n_items(f->q, kids) : 0;
            for (int i = 0; i < count; i++) {
                qpdf_oh kid = a->qpdf_oh_get_array_item(f->q, kids, i);
                if (a->qpdf_oh_is_dictionary(f->q, kid) && a->qpdf_oh_has_key(f->q, kid, "/Obj")) {
                    qpdf_oh annotation = a->qpdf_oh_get_key(f->q, kid, "/Obj");
                    a->qpdf_oh_replace_key(f->q, annotation, "/Contents", a->qpdf_oh_new_unicode_string(f->q, text));
                }
            }
        }
    }
    finish_kids(f, elem);
}

/// Removes the artifacts from the parent tree (a number tree: /Nums here, /Kids below).
static void finish_parent_tree(Finisher *f, qpdf_oh node) {
    const NutriScreenQPDF *a = f->api;
    qpdf_oh nums = a->qpdf_oh_get_key(f->q, node, "/Nums");
    int count = a->qpdf_oh_is_array(f->q, nums) ? a->qpdf_oh_get_array_n_items(f->q, nums) : 0;
    for (int i = 1; i < count; i += 2) {
        qpdf_oh value = a->qpdf_oh_get_array_item(f->q, nums, i);
        if (!a->qpdf_oh_is_array(f->q, value)) continue;
        int n = a->qpdf_oh_get_array_n_items(f->q, value);
        for (int j = 0; j < n; j++) {
            qpdf_oh item = a->qpdf_oh_get_array_item(f->q, value, j);
            if (is_removed(f, a->qpdf_oh_get_object_id(f->q, item))) a->qpdf_oh_set_array_item(f->q, value, j, a->qpdf_oh_new_null(f->q));
        }
    }
    qpdf_oh kids = a->qpdf_oh_get_key(f->q, node, "/Kids");
    int kid_count = a->qpdf_oh_is_array(f->q, kids) ? a->qpdf_oh_get_array_n_items(f->q, kids) : 0;
    for (int i = 0; i < kid_count; i++) finish_parent_tree(f, a->qpdf_oh_get_array_item(f->q, kids, i));
}

/// Rewrites `/Private << /MCID n >> BDC` as `/Artifact BMC` in one content stream.
static void mark_artifacts(Finisher *f, qpdf_oh stream) {
    const NutriScreenQPDF *a = f->api;
    if (!a->qpdf_oh_is_stream(f->q, stream)) return;
    unsigned char *data = NULL;
    size_t length = 0;
    QPDF_BOOL filtered = QPDF_FALSE;
    if (a->qpdf_oh_get_stream_data(f->q, stream, qpdf_dl_generalized, &filtered, &data, &length) & QPDF_ERRORS || !filtered || !data) {
        free(data);
        return;
    }
    static const char marker[] = "/Private <<";
    static const char artifact[] = "/Artifact BMC";
    unsigned char *out = malloc(length + 1);
    size_t written = 0, i = 0;
    int changed = 0;
    while (out && i < length) {
        size_t left = length - i;
        if (left >= sizeof marker - 1 && memcmp(data + i, marker, sizeof marker - 1) == 0) {
            // The end of the properties and the BDC operator.
            size_t j = i + sizeof marker - 1;
            while (j + 6 <= length && memcmp(data + j, ">> BDC", 6) != 0) j++;
            if (j + 6 <= length) {
                memcpy(out + written, artifact, sizeof artifact - 1);
                written += sizeof artifact - 1;
                i = j + 6;
                changed = 1;
                continue;
            }
        }
        out[written++] = data[i++];
    }
    if (out && changed) a->qpdf_oh_replace_stream_data(f->q, stream, out, written, a->qpdf_oh_new_null(f->q), a->qpdf_oh_new_null(f->q));
    free(out);
    free(data);
}

int nutriscreen_qpdf_finish_tags(qpdf_data qpdf, const char *lang, const char *const *figure_alts, int figure_count,
                                 const char *const *link_alts, int link_count) {
    const NutriScreenQPDF *a = nutriscreen_qpdf();
    if (!a) return -1;
    qpdf_oh root = a->qpdf_get_root(qpdf);
    qpdf_oh tree = a->qpdf_oh_get_key(qpdf, root, "/StructTreeRoot");
    if (!a->qpdf_oh_is_dictionary(qpdf, tree)) return -1;
    a->qpdf_oh_replace_key(qpdf, root, "/Lang", a->qpdf_oh_new_unicode_string(qpdf, lang));
    a->qpdf_oh_replace_key(qpdf, root, "/ViewerPreferences", a->qpdf_oh_parse(qpdf, "<< /DisplayDocTitle true >>"));
    Finisher f = {.q = qpdf, .api = a, .figure_alts = figure_alts, .figure_count = figure_count, .link_alts = link_alts, .link_count = link_count};
    finish_kids(&f, tree);
    if (f.removed_count > 0) {
        qpdf_oh parents = a->qpdf_oh_get_key(qpdf, tree, "/ParentTree");
        if (a->qpdf_oh_is_dictionary(qpdf, parents)) finish_parent_tree(&f, parents);
        int pages = a->qpdf_get_num_pages(qpdf);
        for (int p = 0; p < pages; p++) {
            qpdf_oh contents = a->qpdf_oh_get_key(qpdf, a->qpdf_get_page_n(qpdf, (size_t)p), "/Contents");
            if (a->qpdf_oh_is_array(qpdf, contents)) {
                int n = a->qpdf_oh_get_array_n_items(qpdf, contents);
                for (int i = 0; i < n; i++) mark_artifacts(&f, a->qpdf_oh_get_array_item(qpdf, contents, i));
            } else {
                mark_artifacts(&f, contents);
            }
        }
    }
    free(f.removed);
    a->qpdf_oh_release_all(qpdf);
    return 0;
}
