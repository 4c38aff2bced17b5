#!/usr/bin/env python3
"""End-to-end DDL benchmark: the built erdviz binary as a user runs it, against a process that
does one raw pg_query_parse of the same text, in interleaved runs; and the peak memory of erdviz
reading about 100 MB of PostgreSQL DDL from stdin. Prints medians; asserts nothing.

    ddl-end-to-end.py ERDVIZ PG_PARSE_ONCE DDL_5000 DDL_100MB [RUNS]
"""
import os
import resource
import statistics
import subprocess
import sys
import time

erdviz, parse, small, big = sys.argv[1:5]
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 7


def timed(argv, stdin=None):
    """Wall time and peak RSS (KiB) of one child run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as input_:
        proc = subprocess.run(argv, stdin=input_, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{argv[0]} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[:300]}")
    return elapsed, before


def peak_rss_kib(argv, stdin):
    """Peak RSS of one run, from /usr/bin/time -v (getrusage of children keeps a maximum)."""
    with open(stdin, "rb") as input_:
        proc = subprocess.run(["/usr/bin/time", "-v"] + argv, stdin=input_, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"erdviz failed on the 100 MB input ({proc.returncode}): {proc.stderr[-500:]}")
    for line in proc.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    return None


size = os.path.getsize(small) / 1e6
erdviz_times, parse_times = [], []
timed([erdviz, "inspect", small, "-f", "json"])  # warm the page cache
for _ in range(runs):
    erdviz_times.append(timed([erdviz, "inspect", small, "-f", "json"])[0])
    parse_times.append(timed([parse, small, "0"])[0])
e, p = statistics.median(erdviz_times), statistics.median(parse_times)
print(f"end to end, {size:.2f} MB of PostgreSQL DDL (5,000 tables) to JSON, median of {runs} interleaved runs:")
print(f"  erdviz inspect FILE -f json   {e:.3f} s")
print(f"  raw pg_query_parse (process)  {p:.3f} s")
print(f"  ratio                         {e / p:.2f}x (goal: under 3x, 2x)")

big_size = os.path.getsize(big) / 1e6
start = time.perf_counter()
peak = peak_rss_kib([erdviz, "inspect", "-", "-f", "json"], big)
elapsed = time.perf_counter() - start
print(f"{big_size:.0f} MB of PostgreSQL DDL through stdin to JSON: {elapsed:.1f} s, "
      f"peak memory {peak / 1024:.0f} MB (goal: under 1,024 MB)")
