import ArgumentParser
import ERDRender
import ERDViz
import Foundation

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Inspect a schema and write its diagram.",
    discussion: """
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
      """)

  @OptionGroup var input: SourceOptions

  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE; repeatable.", valueName: "FILE"))
  var outputs: [String] = []

  @Option(name: [.short, .long], help: "Format for stdout: svg, png, pdf, dot, mermaid (mmd), json, html, markdown (md), dbml.")
  var format: String?

  @OptionGroup var drawing: DrawingOptions

  @OptionGroup(title: "DDL input") var ddl: DDLOptions

  func validate() throws {
    if input.source != nil && ddl.exec { throw ValidationError("give either SOURCE or --exec, not both") }
    if let format = formatName, OutputFormat(name: format) == nil {
      throw ValidationError("unknown format '\(format)' (use svg, png, pdf, dot, mermaid, json, html, markdown, dbml)")
    }
    for path in allOutputs where path != "-" && OutputFormat(fileName: path) == nil {
      throw ValidationError("cannot tell the format of '\(path)' from its extension (use .svg .png .pdf .dot .gv .mmd .json .html .md .dbml)")
    }
  }

  func run() throws {
    let targets = try self.targets()
    try reportingFailures {
      let request = Request(
        source: try ddl.source ?? input.resolve(), outputs: targets, inspect: ddl.apply(to: input.inspectOptions),
        diagram: drawing.diagramOptions, foldPartitions: !input.schema.showPartitions)
      try Pipeline.run(request)
    }
  }

  /// Every -o file, those trailing an --exec program's arguments included.
  private var allOutputs: [String] { outputs + ddl.trailing.outputs }

  private var formatName: String? { ddl.trailing.format ?? format }

  /// Every -o file, then stdout when no file was named or -f asked for it.
  private func targets() throws -> [OutputTarget] {
    var seen: Set<String> = []
    var targets: [OutputTarget] = []
    let outputs = allOutputs
    let format = formatName
    let stdoutFormat = format.flatMap(OutputFormat.init(name:)) ?? .mermaid
    for path in outputs where seen.insert(path).inserted {
      if path == "-" {
        targets.append(.standardOutput(stdoutFormat))
      } else if let format = OutputFormat(fileName: path) {
        targets.append(.file(path, format))
      }
    }
    if outputs.isEmpty || (format != nil && !outputs.contains("-")) {
      targets.append(.standardOutput(stdoutFormat))
    }
    if !stdoutFormat.isText, isatty(STDOUT_FILENO) == 1,
      targets.contains(where: { if case .standardOutput = $0 { true } else { false } })
    {
      throw ValidationError("refusing to write \(stdoutFormat.rawValue) to a terminal; use -o FILE or redirect stdout")
    }
    return targets
  }
}

/// Runs the body; a failure is printed as one line on stderr and exits with its documented status.
func reportingFailures(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch {
    FileHandle.standardError.write(Data("erdviz: \(error)\n".utf8))
    throw ExitCode(ExitStatus(for: error).rawValue)
  }
}
