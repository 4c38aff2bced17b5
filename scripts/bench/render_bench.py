#!/usr/bin/env python3
"""Rendering benchmark: erdviz end to end (database to SVG, and to its HTML page) against
Graphviz's `dot -Tsvg` on the DOT erdviz itself writes, and against PyPI peers reading the same
database (eralchemy, sqlalchemy-schemadisplay, dbml-atlas). The tools' runs are interleaved, in an
order that rotates each round; medians and their ratios are printed with each tool's peak memory
(`/usr/bin/time -f %M`, the largest of a tool's runs). A peer that fails or passes the cap is
reported as such. Nothing is asserted; machines are noisy, so read the ratios, not the seconds.

    render_bench.py --erdviz ERDVIZ --venv VENV --out DIR [--rounds N] [--cap SECONDS]
                    --input NAME TABLES ERDVIZ_SOURCE DATABASE_URL [--input ...]
    render_bench.py schemadisplay DATABASE_URL OUT.svg      (run by the venv's python)
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import time


def schemadisplay(url, out):
    """sqlalchemy-schemadisplay as its README shows it: reflect the database, draw, write SVG."""
    from sqlalchemy import MetaData, create_engine
    from sqlalchemy_schemadisplay import create_schema_graph

    engine = create_engine(url)
    metadata = MetaData()
    metadata.reflect(bind=engine)
    graph = create_schema_graph(engine=engine, metadata=metadata, show_datatypes=True, show_indexes=True,
                                rankdir="LR", concentrate=False)
    graph.write_svg(out)


class Tool:
    def __init__(self, name, argv, out, shell=False):
        self.name, self.argv, self.out, self.shell = name, argv, out, shell
        self.times, self.peaks = [], []
        self.failure = None  # "> cap" or "failed (…)"


def run_once(tool, cap, memfile):
    """One run under /usr/bin/time; appends its wall time and peak RSS, or sets tool.failure."""
    argv = ["sh", "-c", tool.argv] if tool.shell else tool.argv
    if os.path.exists(tool.out):
        os.remove(tool.out)
    start = time.perf_counter()
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", memfile] + argv, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=cap)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        tool.failure = f"> {cap:.0f} s"
        return
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        last = err.decode(errors="replace").strip().splitlines()
        last = [line for line in last if not line.startswith("Command exited")]
        tool.failure = f"failed ({last[-1][:40] if last else 'exit ' + str(proc.returncode)})"
        return
    if not os.path.exists(tool.out) or os.path.getsize(tool.out) == 0:  # eralchemy exits 0 on some errors
        last = err.decode(errors="replace").strip().splitlines()
        tool.failure = f"no output ({last[-1][:40] if last else 'exit 0'})"
        return
    tool.times.append(elapsed)
    with open(memfile) as f:
        tool.peaks.append(int(f.read().split()[-1]))


SLOW = 15.0  # seconds: a tool whose warm-up takes longer keeps it as a run and gets 2 runs in all


def bench_input(tools, rounds, cap, memfile):
    """A warm-up round, then `rounds` rounds of every tool still working, order rotating."""
    for tool in tools:
        run_once(tool, cap, memfile)
        if tool.times and tool.times[0] <= SLOW:
            tool.times.clear()  # the warm-up is not counted (page cache, Python's bytecode cache)
    for r in range(rounds):
        for i in range(len(tools)):
            tool = tools[(i + r) % len(tools)]
            if tool.failure is None and not (tool.times and tool.times[0] > SLOW and len(tool.times) >= 2):
                run_once(tool, cap, memfile)


def fmt_time(tool):
    if tool.failure:
        return tool.failure
    few = f" (n={len(tool.times)})" if tool.times[0] > SLOW else ""
    return f"{statistics.median(tool.times):.3f} s{few}"


def fmt_ratio(num, den):
    if num.failure and num.failure.startswith(">") and not den.failure:
        return f"> {float(num.failure.split()[1]) / statistics.median(den.times):.0f}x"
    if num.failure or den.failure:
        return "-"
    return f"{statistics.median(num.times) / statistics.median(den.times):.2f}x"


def fmt_mem(tool):
    if not tool.peaks:
        return "-"
    return f"{max(tool.peaks) / 1024:.0f}"


def print_table(title, header, rows):
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    print(title)
    for row in [header] + rows:
        print("  " + "  ".join(str(cell).rjust(w) if i else str(cell).ljust(w)
                               for i, (cell, w) in enumerate(zip(row, widths))))
    print()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--erdviz", required=True)
    parser.add_argument("--venv", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--rounds", type=int, default=0, help="0: 5 up to 500 tables, 3 above")
    parser.add_argument("--cap", type=float, default=120)
    parser.add_argument("--input", nargs=4, action="append", required=True,
                        metavar=("NAME", "TABLES", "ERDVIZ_SOURCE", "DATABASE_URL"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    erdviz, bindir = os.path.abspath(args.erdviz), os.path.join(os.path.abspath(args.venv), "bin")
    memfile = os.path.join(args.out, "peak-rss")
    results = []
    for name, tables, source, url in args.input:
        o = os.path.join(args.out, "".join(c if c.isalnum() else "-" for c in name.split()[0].lower()) + "-" + tables)
        os.makedirs(o, exist_ok=True)
        dot_file = os.path.join(o, "erdviz.dot")
        with open(dot_file, "w") as f:
            subprocess.run([erdviz, "inspect", source, "-f", "dot"], stdout=f, stderr=subprocess.DEVNULL, check=True)
        # SQLAlchemy 2.1 takes postgresql:// to mean psycopg 3; the venv has psycopg2.
        sqla_url = url.replace("postgresql://", "postgresql+psycopg2://", 1)
        atlas = os.path.join(bindir, "dbml-atlas")
        atlas_dbml = os.path.join(o, "atlas.dbml")
        out = {k: os.path.join(o, k) for k in ["erdviz.svg", "dot.svg", "eralchemy.svg", "schemadisplay.svg",
                                               "atlas.svg", "erdviz-all.svg", "erdviz.html", "atlas.html"]}

        def atlas_cmd(output):
            # dbml-atlas reads DBML: its own `introspect` writes that from the database, then it draws.
            return f"'{atlas}' introspect '{url}' > '{atlas_dbml}' && '{atlas}' '{atlas_dbml}' -o '{output}'"

        tools = {
            "erdviz": Tool("erdviz", [erdviz, "inspect", source, "-o", out["erdviz.svg"]], out["erdviz.svg"]),
            "dot": Tool("dot", ["dot", "-Tsvg", dot_file, "-o", out["dot.svg"]], out["dot.svg"]),
            "eralchemy": Tool("eralchemy", [os.path.join(bindir, "eralchemy"), "-i", sqla_url,
                                            "-o", out["eralchemy.svg"]], out["eralchemy.svg"]),
            "schemadisplay": Tool("schemadisplay", [os.path.join(bindir, "python"), os.path.abspath(__file__),
                                                    "schemadisplay", sqla_url, out["schemadisplay.svg"]],
                                  out["schemadisplay.svg"]),
            "atlas": Tool("atlas", atlas_cmd(out["atlas.svg"]), out["atlas.svg"], shell=True),
            # Over 600 tables erdviz draws table names only; the peers draw every column.
            "erdviz-all": Tool("erdviz-all", [erdviz, "inspect", source, "--columns", "all",
                                              "-o", out["erdviz-all.svg"]], out["erdviz-all.svg"]),
            "erdviz-html": Tool("erdviz-html", [erdviz, "inspect", source, "-o", out["erdviz.html"]],
                                out["erdviz.html"]),
            "atlas-html": Tool("atlas-html", atlas_cmd(out["atlas.html"]), out["atlas.html"], shell=True),
        }
        rounds = args.rounds or (5 if int(tables) <= 500 else 3)
        print(f"bench-render: {name} ({tables} tables), {rounds} rounds…", file=sys.stderr, flush=True)
        bench_input(list(tools.values()), rounds, args.cap, memfile)
        results.append((name, tables, rounds, tools))

    svg_rows, html_rows, mem_rows, all_rows = [], [], [], []
    for name, tables, rounds, t in results:
        e = t["erdviz"]
        svg_rows.append([name, tables, rounds, fmt_time(e), fmt_time(t["dot"]), fmt_ratio(e, t["dot"]),
                         fmt_time(t["eralchemy"]), fmt_ratio(t["eralchemy"], e),
                         fmt_time(t["schemadisplay"]), fmt_ratio(t["schemadisplay"], e),
                         fmt_time(t["atlas"]), fmt_ratio(t["atlas"], e)])
        if int(tables) > 600:
            a = t["erdviz-all"]
            all_rows.append([name, tables, fmt_time(a), fmt_ratio(a, e), fmt_ratio(t["eralchemy"], a),
                             fmt_ratio(t["schemadisplay"], a), fmt_mem(a)])
        html_rows.append([name, tables, fmt_time(t["erdviz-html"]), fmt_time(t["atlas-html"]),
                          fmt_ratio(t["atlas-html"], t["erdviz-html"]), fmt_ratio(t["erdviz-html"], e)])
        mem_rows.append([name, tables] + [fmt_mem(t[k]) for k in
                                          ["erdviz", "dot", "eralchemy", "schemadisplay", "atlas", "erdviz-html",
                                           "atlas-html"]])
    print(f"bench-render: medians of interleaved runs (cap {args.cap:.0f} s a run); read the ratios, not the seconds")
    print()
    print_table("SVG, database to file (dot: `dot -Tsvg` on erdviz's own -f dot output, so erdviz/dot is "
                "erdviz's cost over Graphviz's layout and rendering):",
                ["input", "tables", "runs", "erdviz", "dot", "erdviz/dot", "eralchemy", "/erdviz",
                 "schemadisplay", "/erdviz", "dbml-atlas", "/erdviz"], svg_rows)
    if all_rows:
        print_table("Over 600 tables erdviz draws table names only; with --columns all it draws every column, "
                    "as eralchemy and schemadisplay do:",
                    ["input", "tables", "erdviz --columns all", "/erdviz", "eralchemy/it", "schemadisplay/it",
                     "peak MB"], all_rows)
    print_table("HTML page, database to file:",
                ["input", "tables", "erdviz", "dbml-atlas", "atlas/erdviz", "erdviz html/svg"], html_rows)
    print_table("Peak memory (MB, largest of a tool's runs; dbml-atlas: the larger of its two steps):",
                ["input", "tables", "erdviz svg", "dot", "eralchemy", "schemadisplay", "dbml-atlas svg",
                 "erdviz html", "dbml-atlas html"], mem_rows)
    # Which Graphviz binding eralchemy got in the venv.
    binding = subprocess.run([os.path.join(bindir, "python"), "-c", "import pygraphviz"],
                             stderr=subprocess.DEVNULL).returncode == 0
    eralchemy_via = "pygraphviz (libgraphviz in process)" if binding else "the graphviz package (runs `dot`)"
    print("Notes:")
    print(f"- erdviz lays out with libgraphviz in process, eralchemy through {eralchemy_via}, "
          "sqlalchemy-schemadisplay through pydot (runs `dot`; its peak memory includes that child).")
    print("- dbml-atlas has its own packing layout (no Graphviz) and reads DBML: its times are "
          "`dbml-atlas introspect URL > x.dbml` plus `dbml-atlas x.dbml -o FILE`.")
    print("- Every tool reads the same database: the SQLite file, or for pagila its DDL loaded into a throwaway "
          "PostgreSQL cluster (erdviz reads the server, not the .sql file).")
    print("- (n=2): a run took over 15 s, so the warm-up counted and the tool ran twice; a tool past the cap "
          "ran once and has no median or peak memory.")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "schemadisplay":
        schemadisplay(sys.argv[2], sys.argv[3])
    else:
        main()
