#ifndef ERDVIZ_CLIBPQ_SHIM_H
#define ERDVIZ_CLIBPQ_SHIM_H
#include <libpq-fe.h>

/// A notice processor that drops notices: catalog reads raise none worth printing, and libpq's
/// default would write them to stderr, which belongs to erdviz's own diagnostics.
static void erd_pq_ignore_notice(void *arg, const char *message) {
  (void)arg;
  (void)message;
}

static inline void erd_pq_silence_notices(PGconn *conn) {
  PQsetNoticeProcessor(conn, erd_pq_ignore_notice, 0);
}

/// `PG_DIAG_SQLSTATE`, a character-literal macro Swift does not import.
static inline int erd_pq_diag_sqlstate(void) { return PG_DIAG_SQLSTATE; }

#endif
