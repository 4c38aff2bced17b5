#ifndef ERDVIZ_CGRAPHVIZ_TEXT_SIZES_H
#define ERDVIZ_CGRAPHVIZ_TEXT_SIZES_H
/* ---- Measuring each distinct text once -------------------------------------------------
 * Graphviz asks its text-layout plugin (pango) for the size of every text span, and an ERD
 * repeats most of its spans: INTEGER, PK, FK, "… 7 more columns", the same column names in
 * many tables. At 500 tables 5,200 spans hold 1,400 distinct texts, and pango's shaping is a
 * tenth of the layout's time. This layer sits in front of pango as a text-layout plugin of
 * higher quality: it asks pango once per distinct span (font name, size, flags, PostScript
 * alias, text: everything pango reads) and answers repeats from a table. The sizes are
 * pango's own, so the drawing is byte for byte the one `dot` makes.
 *
 * Cairo's renderers (PNG, PDF) draw each span with the pango layout made for it, so the table
 * is used only while it is switched on, for renders that draw no pango layout (SVG, DOT);
 * otherwise every call goes straight to pango. Callers hold Graphviz's lock. */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>

/* `boolean` in Graphviz 2.x, `bool` later: whatever the engine returns. */
typedef __typeof__(((gvtextlayout_engine_t *)0)->textlayout((textspan_t *)0, (char **)0)) erd_layout_result_t;

typedef struct erd_text_size {
  struct erd_text_size *next;
  uint64_t hash;
  char *font_name;
  void *alias;
  double font_size;
  unsigned flags;
  pointf size;
  double yoffset_layout, yoffset_centerline;
  erd_layout_result_t measured;
  char text[];
} erd_text_size_t;

#define ERD_TEXT_BUCKETS 8192u /* a power of two */
#define ERD_TEXT_MAX_ENTRIES 500000u

/* The layer's state. Swift's importer emits a header's static functions, not its file-scope
 * statics, so the state lives in a function. */
typedef struct {
  gvtextlayout_engine_t *pango;
  erd_text_size_t *buckets[ERD_TEXT_BUCKETS];
  size_t entries;
  int on;
} erd_text_state_t;

static inline erd_text_state_t *erd_text_state(void) {
  static erd_text_state_t state;
  return &state;
}

/* Whether the next layouts may answer from the table: only for renders that draw no pango
 * layout (SVG, DOT). */
static inline void erd_text_sizes_enable(int on) { erd_text_state()->on = on; }

/* Whether the layer is in place (it found pango's engine). */
static inline int erd_text_sizes_installed(void) { return erd_text_state()->pango != NULL; }

static uint64_t erd_text_hash(const textspan_t *span) {
  uint64_t h = 14695981039346656037ull; /* FNV-1a */
  for (const char *s = span->font->name; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  for (const char *s = span->str; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  uint64_t size_bits;
  memcpy(&size_bits, &span->font->size, sizeof size_bits);
  return h ^ (size_bits * 31u) ^ ((uint64_t)span->font->flags << 57);
}

static int erd_text_matches(const erd_text_size_t *entry, uint64_t hash, const textspan_t *span) {
  const textfont_t *font = span->font;
  return entry->hash == hash && entry->font_size == font->size && entry->flags == font->flags &&
         entry->alias == (void *)font->postscript_alias && strcmp(entry->font_name, font->name) == 0 &&
         strcmp(entry->text, span->str) == 0;
}

static void erd_text_answer(textspan_t *span, const erd_text_size_t *entry) {
  span->size = entry->size;
  span->yoffset_layout = entry->yoffset_layout;
  span->yoffset_centerline = entry->yoffset_centerline;
  span->layout = NULL;
  span->free_layout = NULL;
}

static void erd_text_remember(const textspan_t *span, uint64_t hash, erd_layout_result_t measured) {
  erd_text_state_t *state = erd_text_state();
  if (state->entries >= ERD_TEXT_MAX_ENTRIES) return;
  size_t length = strlen(span->str);
  erd_text_size_t *entry = malloc(sizeof *entry + length + 1);
  char *font_name = strdup(span->font->name);
  if (!entry || !font_name) { free(entry); free(font_name); return; }
  *entry = (erd_text_size_t){.hash = hash, .font_name = font_name, .alias = span->font->postscript_alias,
                             .font_size = span->font->size, .flags = span->font->flags, .size = span->size,
                             .yoffset_layout = span->yoffset_layout,
                             .yoffset_centerline = span->yoffset_centerline, .measured = measured};
  memcpy(entry->text, span->str, length + 1);
  erd_text_size_t **bucket = &state->buckets[hash & (ERD_TEXT_BUCKETS - 1)];
  entry->next = *bucket;
  *bucket = entry;
  state->entries++;
}

static erd_layout_result_t erd_text_layout(textspan_t *span, char **fontpath) {
  /* fontpath asks for the font file's name (`-v`): pango's own answer, uncached. */
  erd_text_state_t *state = erd_text_state();
  if (!state->on || fontpath || !span->font || !span->font->name || !span->str)
    return state->pango->textlayout(span, fontpath);
  uint64_t hash = erd_text_hash(span);
  for (const erd_text_size_t *e = state->buckets[hash & (ERD_TEXT_BUCKETS - 1)]; e; e = e->next)
    if (erd_text_matches(e, hash, span)) { erd_text_answer(span, e); return e->measured; }
  erd_layout_result_t measured = state->pango->textlayout(span, fontpath);
  if (span->layout && span->free_layout) span->free_layout(span->layout); /* never drawn */
  span->layout = NULL;
  span->free_layout = NULL;
  erd_text_remember(span, hash, measured);
  return measured;
}

/* The layer as a built-in plugin library: one text-layout engine, of quality 100 (pango's is 10). */
static const lt_symlist_t *erd_builtins(void) {
  static gvtextlayout_engine_t engine = {erd_text_layout};
  static gvplugin_installed_t types[] = {{0, "textlayout", 100, &engine, NULL}, {0, NULL, 0, NULL, NULL}};
  static gvplugin_api_t apis[] = {{API_textlayout, types}, {(api_t)0, NULL}};
  static gvplugin_library_t library = {"erdviz", apis};
  static const lt_symlist_t builtins[] = {{"gvplugin_erdviz_LTX_library", &library}, {NULL, NULL}};
  return builtins;
}

/* Where a symbol was loaded from. glibc declares dladdr only under _GNU_SOURCE, which a
 * module's header cannot switch on, so it is declared here; Dl_info's layout is glibc's ABI. */
#ifdef __APPLE__
typedef Dl_info erd_dl_info_t;
#define erd_dladdr dladdr
#else
typedef struct { const char *dli_fname; void *dli_fbase; const char *dli_sname; void *dli_saddr; } erd_dl_info_t;
extern int erd_dladdr(const void *address, erd_dl_info_t *info) __asm__("dladdr");
#endif

/* Graphviz's plugin folder, found as Graphviz finds it: $GVBINDIR, else `graphviz/` beside
 * libgvc. */
static int erd_plugin_folder(char *folder, size_t size) {
  const char *from_env = getenv("GVBINDIR");
  if (from_env && *from_env) return snprintf(folder, size, "%s", from_env) < (int)size;
  erd_dl_info_t info;
  if (!erd_dladdr((void *)gvContext, &info) || !info.dli_fname) return 0;
  const char *slash = strrchr(info.dli_fname, '/');
  if (!slash) return 0;
  return snprintf(folder, size, "%.*s/graphviz", (int)(slash - info.dli_fname), info.dli_fname) < (int)size;
}

/* Pango's text-layout engine, from the plugin library Graphviz itself would load. */
static gvtextlayout_engine_t *erd_find_pango(void) {
  char folder[4096], path[4200];
  if (!erd_plugin_folder(folder, sizeof folder)) return NULL;
  snprintf(path, sizeof path, "%s/libgvplugin_pango.so.%d", folder, GVPLUGIN_VERSION);
  void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  gvplugin_library_t *library = handle ? dlsym(handle, "gvplugin_pango_LTX_library") : NULL;
  for (gvplugin_api_t *api = library ? library->apis : NULL; api && api->types; api++)
    if (api->api == API_textlayout && api->types[0].type && api->types[0].engine)
      return (gvtextlayout_engine_t *)api->types[0].engine;
  return NULL;
}

/* The process's Graphviz context: with the measuring layer in front of pango when pango is
 * there, else Graphviz's own choice. */
static inline GVC_t *erd_gv_context(void) {
  erd_text_state()->pango = erd_find_pango();
  return erd_text_state()->pango ? gvContextPlugins(erd_builtins(), 1) : gvContext();
}

#endif
