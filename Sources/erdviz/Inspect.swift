import ArgumentParser
import ERDGraph
import ERDInspect
import ERDRender
import ERDViz
import Foundation

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Inspect a schema and write its diagram.",
    discussion: """
      SOURCE is an SQLite database file (told by its header, not its name), a sqlite: URL, an erdviz
      JSON catalog, or - for stdin. With no SOURCE, erdviz reads stdin when it is piped, else
      $DATABASE_URL.

      Each -o names a file whose extension picks the format: .svg .png .pdf .dot .gv .mmd .json.
      Without -o the diagram goes to stdout as Mermaid, or as the format given with -f.

      Examples:
        erdviz inspect shop.db -o erd.svg -o erd.mmd
        erdviz inspect sqlite:shop.db -f json > schema.json
        erdviz inspect shop.db --include 'order*' --columns keys -o orders.svg
        cat schema.json | erdviz inspect - -o erd.svg

      Exit codes: \(ExitStatus.summary).
      """)

  @Argument(help: "The schema to read (see below).")
  var source: String?

  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE; repeatable.", valueName: "FILE"))
  var outputs: [String] = []

  @Option(name: [.short, .long], help: "Format for stdout: svg, png, pdf, dot, mermaid (mmd), json.")
  var format: String?

  @Option(help: "Columns to draw: all, keys (key columns only) or none (names only).")
  var columns: ColumnDetail = .all

  @Option(help: ArgumentHelp("Only tables and views matching GLOB (schema.name or name); repeatable.", valueName: "GLOB"))
  var include: [String] = []

  @Option(help: ArgumentHelp("Leave out tables and views matching GLOB; repeatable.", valueName: "GLOB"))
  var exclude: [String] = []

  @Option(help: "Layout direction: LR, RL, TB, BT (default LR for Graphviz, TB for Mermaid).")
  var direction: Direction?

  @Flag(help: "Leave views out of the diagram.")
  var noViews = false

  @Option(help: "A title drawn above the diagram.")
  var title: String?

  @Flag(name: .shortAndLong, help: "Report progress and decisions on stderr.")
  var verbose = false

  func validate() throws {
    if let format, OutputFormat(name: format) == nil {
      throw ValidationError("unknown format '\(format)' (use svg, png, pdf, dot, mermaid, json)")
    }
    for path in outputs where path != "-" && OutputFormat(fileName: path) == nil {
      throw ValidationError("cannot tell the format of '\(path)' from its extension (use .svg .png .pdf .dot .gv .mmd .json)")
    }
  }

  func run() throws {
    let log = Log(verbose: verbose) { line in FileHandle.standardError.write(Data("erdviz: \(line)\n".utf8)) }
    do {
      let source = try Source.resolve(
        self.source, stdinIsTerminal: isatty(STDIN_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
      let request = Request(
        source: source, outputs: try targets(), inspect: InspectOptions(log: log),
        diagram: DiagramOptions(
          filter: NameFilter(include: include, exclude: exclude), detail: columns, direction: direction,
          includeViews: !noViews, title: title))
      try Pipeline.run(request)
    } catch let error as ValidationError {
      throw error
    } catch {
      FileHandle.standardError.write(Data("erdviz: \(error)\n".utf8))
      throw ExitCode(ExitStatus(for: error).rawValue)
    }
  }

  /// Every -o file, then stdout when no file was named or -f asked for it.
  private func targets() throws -> [OutputTarget] {
    var seen: Set<String> = []
    var targets: [OutputTarget] = []
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
    if targets.contains(where: { if case .standardOutput(let f) = $0 { !f.isText } else { false } }),
      isatty(STDOUT_FILENO) == 1
    {
      throw ValidationError("refusing to write \(stdoutFormat.rawValue) to a terminal; use -o FILE or redirect stdout")
    }
    return targets
  }
}

extension ColumnDetail: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
