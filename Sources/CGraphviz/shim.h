#ifndef ERDVIZ_CGRAPHVIZ_SHIM_H
#define ERDVIZ_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

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

#endif
