import ERDViz

extension HelpText {
  static let diffFormats = "svg, png, pdf, dot, mermaid (mmd), json, html, markdown (md)"

  static let diff = """
    OLD and NEW are any two sources 'erdviz inspect' reads: database URLs (postgres://, \
    mysql://, …), SQLite files, SQL DDL files, erdviz JSON catalogs, or - for stdin (one side \
    only). A file may be a pipe: <(git show main:schema.sql) is read once. --dialect sets both \
    sides' DDL dialect, --old-dialect and --new-dialect one side's.

    --old-exec and --new-exec take a side's DDL from a provider program, run without a shell. The \
    program follows --; with both, OLD's program comes first and a lone ';' (\\; in a shell) ends \
    it. As with 'inspect --exec', a trailing -o FILE or -f FORMAT after the last program's \
    arguments is erdviz's; end them with -- to keep a final -o the program's own.

    Without -o or -f, the summary and one line per change go to stdout. Each -o names a file \
    whose extension picks the format: .svg .png .pdf .dot (the changed tables, added green, \
    removed red and struck through, changed amber with the old value in the tooltip, unchanged \
    neighbours grey), .mmd (Mermaid with a class per table), .md (a pull-request comment: the \
    summary, a table of changes and the Mermaid diagram), .html (the interactive page with a \
    changes panel), .json (the change list). --context N draws the unchanged tables up to N \
    relationship hops from a changed one (default 1; 0 for none), --context all every table. \
    --include and --exclude choose the tables and views compared and drawn; --focus TABLE \
    draws TABLE's neighbourhood (--depth) instead of the changed tables', still marked.

    Examples:
      erdviz diff <(git show main:schema.sql) schema.sql -o change.md
      erdviz diff old.json new.json
      erdviz diff postgres://localhost/app \\
        --new-exec -- python manage.py atlas-provider-django --dialect postgresql
      erdviz diff --old-exec --new-exec -- git show main:schema.sql \\; cat schema.sql
      erdviz diff old.db new.db -o change.svg -o change.html --context 2

    Exit codes: \(ExitStatus.diffSummary).
    """
}
