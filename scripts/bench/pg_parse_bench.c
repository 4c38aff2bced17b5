/* The floor for erdviz's PostgreSQL DDL path: libpg_query parsing the same text, timed in one
 * process. Prints the best of N runs of pg_query_parse (JSON) and pg_query_parse_protobuf.
 *   pg-parse-bench FILE [RUNS]                                                              */
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]); return 64; }
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 66; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc(n + 1);
  if (!text || fread(text, 1, n, f) != (size_t)n) { fprintf(stderr, "cannot read %s\n", argv[1]); return 66; }
  text[n] = 0;
  fclose(f);

  /* RUNS 0: one pg_query_parse and nothing else, the raw floor a whole process is timed against. */
  if (runs == 0) {
    PgQueryParseResult r = pg_query_parse(text);
    if (r.error) { fprintf(stderr, "parse error: %s\n", r.error->message); return 65; }
    pg_query_free_parse_result(r);
    return 0;
  }

  double best_json = 1e9, best_pb = 1e9;
  size_t json_bytes = 0, pb_bytes = 0;
  for (int i = 0; i < runs; i++) {
    double t0 = now();
    PgQueryParseResult r = pg_query_parse(text);
    double t1 = now();
    if (r.error) { fprintf(stderr, "parse error: %s\n", r.error->message); return 65; }
    for (const char *p = r.parse_tree; *p; p++) json_bytes = (size_t)(p - r.parse_tree) + 1;
    pg_query_free_parse_result(r);
    if (t1 - t0 < best_json) best_json = t1 - t0;

    t0 = now();
    PgQueryProtobufParseResult p = pg_query_parse_protobuf(text);
    t1 = now();
    pb_bytes = p.parse_tree.len;
    pg_query_free_protobuf_parse_result(p);
    if (t1 - t0 < best_pb) best_pb = t1 - t0;
  }
  printf("pg_query_parse %.6f %zu\npg_query_parse_protobuf %.6f %zu\n", best_json, json_bytes, best_pb, pb_bytes);
  return 0;
}
