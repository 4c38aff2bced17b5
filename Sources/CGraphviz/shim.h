#ifndef ERDVIZ_CGRAPHVIZ_SHIM_H
#define ERDVIZ_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include "text_sizes.h"

/// gvRenderData's length is `unsigned int *` in Graphviz 2.42 and `size_t *` later;
/// this wrapper gives Swift one signature whichever header is installed.
static inline int erd_gv_render_data(GVC_t *gvc, Agraph_t *g, const char *format,
                                     char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
  return gvRenderData(gvc, g, format, result, length);
#else
  unsigned int n = 0;
  int rc = gvRenderData(gvc, g, format, result, &n);
  *length = n;
  return rc;
#endif
}

/* ---- Reading DOT with allocations in address order -------------------------------------
 * cgraph orders subgraphs (clusters) by ID, and the ID of a named object is the address of
 * its interned name. With malloc, those addresses depend on what the process freed before
 * (earlier layouts, Swift's hash-seeded tables), so clusters came out in another order from
 * run to run. This reader gives cgraph a bump allocator over one reserved address range:
 * every allocation lies above the one before, so IDs follow the order of the DOT text. */
#include <sys/mman.h>
#include <string.h>

#define ERD_ARENA_RESERVE ((size_t)1 << 36)

typedef struct { char *base; size_t used; } erd_arena_t;

static void *erd_arena_open(Agdisc_t *disc) {
  (void)disc;
  void *base = mmap(NULL, ERD_ARENA_RESERVE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) return NULL;
  erd_arena_t *arena = (erd_arena_t *)base;
  arena->base = (char *)base;
  arena->used = (sizeof(erd_arena_t) + 15) & ~(size_t)15;
  return arena;
}

static void *erd_arena_alloc(void *state, size_t request) {
  erd_arena_t *arena = (erd_arena_t *)state;
  size_t size = (request + 15) & ~(size_t)15;
  if (arena->used + size > ERD_ARENA_RESERVE) return NULL;
  void *p = arena->base + arena->used;
  arena->used += size;
  return p; /* fresh anonymous pages are zero, as cgraph expects */
}

static void *erd_arena_resize(void *state, void *ptr, size_t old, size_t request) {
  void *p = erd_arena_alloc(state, request);
  if (p && ptr) memcpy(p, ptr, old < request ? old : request);
  return p;
}

static void erd_arena_free(void *state, void *ptr) { (void)state; (void)ptr; }

static void erd_arena_close(void *state) { munmap(state, ERD_ARENA_RESERVE); }

static Agmemdisc_t erd_arena_disc = {erd_arena_open, erd_arena_alloc, erd_arena_resize, erd_arena_free, erd_arena_close};

typedef struct { const char *text; size_t length; size_t at; } erd_reader_t;

/* One line at a time, as Graphviz's own memory reader does. */
static int erd_reader_read(void *chan, char *buf, int bufsize) {
  erd_reader_t *r = (erd_reader_t *)chan;
  int n = 0;
  while (n < bufsize - 1 && r->at < r->length) {
    char c = r->text[r->at++];
    buf[n++] = c;
    if (c == '\n') break;
  }
  buf[n] = 0;
  return n;
}

/* agmemread, with the allocator above. The graph keeps pointers to the disciplines, so they are
 * static; callers hold Graphviz's lock. */
static inline Agraph_t *erd_read_dot(const char *text) {
  erd_reader_t reader = {text, strlen(text), 0};
  static Agiodisc_t erd_reader_io;
  erd_reader_io.afread = erd_reader_read;
  erd_reader_io.putstr = AgIoDisc.putstr;
  erd_reader_io.flush = AgIoDisc.flush;
  static Agdisc_t disc;
  disc.mem = &erd_arena_disc;
  disc.id = &AgIdDisc;
  disc.io = &erd_reader_io;
  return agconcat(NULL, &reader, &disc);
}


#endif
