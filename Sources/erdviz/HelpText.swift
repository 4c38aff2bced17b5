import ERDLint
import ERDViz

/// The longer help texts, kept apart so the commands read at a glance.
enum HelpText {
  static let formats = "svg, png, pdf, dot, mermaid (mmd), json, html, markdown (md), dbml"

  static let inspect = """
    SOURCE is a PostgreSQL connection (postgres://user@host:port/db, postgresql://…, or a libpq \
    keyword string such as "host=/var/run/postgresql dbname=app"; PG* variables, ~/.pgpass and \
    service= work as in psql), a MySQL or MariaDB server (mysql://user@host:port/db or \
    mariadb://…, with ?socket=, ?ssl-mode= and ?option-file=; ~/.my.cnf's [client] is read), \
    an SQLite database file (told by its header, not its name), a \
    sqlite: URL, an SQL DDL file (PostgreSQL, MySQL/MariaDB, SQLite or SQL Server; --dialect, \
    else sniffed), an erdviz JSON catalog, or - for stdin. With no SOURCE, erdviz reads stdin \
    when it is piped, else $DATABASE_URL. Databases are only ever read: PostgreSQL in one \
    read-only transaction, MySQL in one read-only consistent-snapshot transaction, SQLite files \
    opened read-only.

    With --exec, the program after -- prints the DDL; erdviz runs it without a shell. A trailing \
    -o FILE or -f FORMAT after the program's arguments is erdviz's; end the program's arguments \
    with -- to keep a final -o its own. DDL errors report file:line:column (exit 65); a program \
    that fails exits 69 with its status and the end of its stderr.

    Each -o names a file whose extension picks the format: .svg .png .pdf .dot .gv .mmd .json
    .html (a self-contained interactive page) .md (Markdown with a Mermaid diagram) .dbml.
    Without -o the diagram goes to stdout as Mermaid, or as the format given with -f.

    Examples:
      erdviz inspect postgres://localhost/dev -o erd.svg
      erdviz inspect "host=db.internal dbname=app user=reader" --schema billing -o billing.svg
      erdviz inspect mysql://reader@localhost/app -o erd.svg
      erdviz inspect shop.db -o erd.svg -o erd.mmd
      erdviz inspect shop.db -o erd.html
      erdviz inspect sqlite:shop.db -f json > schema.json
      erdviz inspect shop.db --include 'order*' --columns keys -o orders.svg
      cat schema.json | erdviz inspect - -o erd.svg
      pg_dump --schema-only shop | erdviz inspect - -o erd.svg
      erdviz inspect --exec -- python manage.py atlas-provider-django --dialect postgresql -o erd.svg

    Exit codes: \(ExitStatus.summary).
    """

  static let generate = """
    Reads FILE (default erdviz.yml in the current folder), runs in its folder, and writes every \
    output of every diagram in it: each distinct source is inspected once, and every output is \
    rendered before any is written, all or none. With --check nothing is written: each output is \
    compared with the file on disk, and erdviz exits 1 listing the stale or missing ones and, \
    when a committed .json or .html output holds the previous catalog, what changed in the \
    schema (+ table newcomer, ~ column order.status: type …). Use it in CI.

    A config file lists diagrams, each with a source (source: a URL, a file, or -; or exec: a \
    program and its arguments as a list), the options erdviz inspect takes (schemas, include, \
    exclude, focus, depth, columns, direction, title, views, partitions, dialect, strict) and \
    outputs. An unknown key or a wrong type is an error at its file:line:column (exit 78), and \
    nothing is written. erdviz init writes a commented starter.

    Exit codes: \(ExitStatus.summary).
    """

  /// `  fk-without-index (warning)` and its summary under it, rule by rule.
  static var rules: String {
    LintRule.allCases.map { "  \($0.rawValue) (\($0.defaultSeverity.rawValue))\n      \($0.summary)" }
      .joined(separator: "\n")
  }

  static let lint = """
    SOURCE is read as 'erdviz inspect' reads it. Each finding is one line on stdout (or a JSON \
    or Markdown report with --format): the table, its columns, the severity, what is wrong and \
    the rule's name. Rules (default severity):

    \(rules)

    Examples:
      erdviz lint postgres://localhost/dev
      erdviz lint structure.sql --fail-on warning
      erdviz lint shop.db --rules fk-without-index,no-primary-key --format json

    Exit codes: 0 no finding at or above --fail-on (default error); 1 a finding at or above it; \
    64 usage error; 65 invalid input; 66 input missing; 69 database or program unavailable; \
    70 internal error; 73 cannot write.
    """
}
