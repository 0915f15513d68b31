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
