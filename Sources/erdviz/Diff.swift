import ArgumentParser
import ERDGraph
import ERDInspect
import ERDViz
import Foundation

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two schemas and draw the change; exit 0 when the same, 1 when they differ.",
    discussion: HelpText.diff)

  @OptionGroup var input: DiffSources

  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE; repeatable.", valueName: "FILE"))
  var outputs: [String] = []

  @Option(name: [.short, .long], help: "Format for stdout instead of the summary: \(HelpText.diffFormats).")
  var format: String?

  @Option(help: ArgumentHelp("Unchanged tables drawn around the changed ones: N hops, or all.", valueName: "N|all"))
  var context = ContextOption(.hops(1))

  @Flag(help: "Report a removed and an added table (or column) with the same columns (or type) as a rename.")
  var renames = false

  @Flag(name: .shortAndLong, help: "Print nothing but errors: only the exit status tells.")
  var quiet = false

  @OptionGroup var drawing: DrawingOptions

  func validate() throws {
    if quiet && (format ?? input.trailing.format) != nil { throw ValidationError("--quiet prints nothing: drop -f") }
    do { _ = try targets(stdoutIsTerminal: false) } catch { throw ValidationError(error.description) }
  }

  func run() throws {
    var differ = false
    try reportingFailures { () throws(RunError) in
      let log = Log.standardError(verbose: input.verbose, quiet: quiet)
      let (old, new) = try input.sides(log: log)
      let outputs = try targets(stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
      let request = DiffRequest(
        old: old, new: new, outputs: outputs, printsSummary: outputs.isEmpty && !quiet,
        compare: .init(renames: renames), diagram: drawing.diagramOptions, context: context.value, log: log)
      differ = !(try DiffRun.run(request)).isEmpty
    }
    if differ { throw ExitCode(1) }
  }

  /// Every -o file (those trailing the last program's arguments too), then stdout with -f; none
  /// at all when the summary goes to stdout.
  private func targets(stdoutIsTerminal: Bool) throws(RunError) -> [OutputTarget] {
    let files = outputs + input.trailing.outputs
    let format = input.trailing.format ?? self.format
    if files.isEmpty && format == nil { return [] }
    return try OutputTarget.resolve(files: files, format: format, stdoutIsTerminal: stdoutIsTerminal)
  }
}

/// `--context N|all`.
struct ContextOption: ExpressibleByArgument {
  var value: ChangeContext

  init(_ value: ChangeContext) { self.value = value }

  init?(argument: String) {
    if argument.lowercased() == "all" {
      value = .all
    } else if let hops = Int(argument), hops >= 0 {
      value = .hops(hops)
    } else {
      return nil
    }
  }

  var defaultValueDescription: String {
    switch value {
    case .all: return "all"
    case .hops(let n): return String(n)
    }
  }
}
