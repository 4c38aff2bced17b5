import ArgumentParser
import ERDLint
import ERDViz
import Foundation

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Inspect a schema and write its diagram.", discussion: HelpText.inspect)

  @OptionGroup var input: SourceOptions

  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE; repeatable.", valueName: "FILE"))
  var outputs: [String] = []

  @Option(name: [.short, .long], help: "Format for stdout: \(HelpText.formats).")
  var format: String?

  @Flag(help: "Write nothing: compare the outputs with the files on disk; exit 1 naming the stale ones.")
  var check = false

  @OptionGroup var drawing: DrawingOptions

  @Flag(help: "Show 'erdviz lint' findings per table in the Markdown and HTML outputs.")
  var lint = false

  @OptionGroup(title: "DDL input") var ddl: DDLOptions

  func validate() throws {
    try input.validate(with: ddl)
    let targets: [OutputTarget]
    do { targets = try self.targets(stdoutIsTerminal: false) } catch { throw ValidationError(error.description) }
    if check && targets.contains(where: { if case .standardOutput = $0 { true } else { false } }) {
      throw ValidationError("--check compares files: name them with -o FILE (stdout has nothing to compare with)")
    }
  }

  func run() throws {
    try reportingFailures { () throws(RunError) in
      let request = Request(
        source: try input.resolve(with: ddl), outputs: try targets(stdoutIsTerminal: isatty(STDOUT_FILENO) == 1),
        inspect: input.inspectOptions(with: ddl), diagram: drawing.diagramOptions, delivery: check ? .compare : .write,
        log: input.log, lint: lint ? LintRule.allCases : nil)
      try report(Pipeline.run(request))
    }
  }

  /// Every -o file (those trailing an --exec program's arguments included), then stdout.
  private func targets(stdoutIsTerminal: Bool) throws(RunError) -> [OutputTarget] {
    try OutputTarget.resolve(
      files: outputs + ddl.trailing.outputs, format: ddl.trailing.format ?? format, stdoutIsTerminal: stdoutIsTerminal)
  }
}
