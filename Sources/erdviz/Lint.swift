import ArgumentParser
import ERDLint
import ERDRender
import ERDSchema
import ERDViz

struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Review a schema: foreign keys without an index, tables without a primary key, and more.",
    discussion: HelpText.lint)

  @OptionGroup var input: SourceOptions

  @Option(help: ArgumentHelp("Only these rules, comma-separated (default: all).", valueName: "RULES"))
  var rules: String?

  @Option(help: "Exit 1 when a finding is at or above this severity: warning or error.")
  var failOn: Finding.Severity = .error

  @Option(name: [.short, .long], help: "Output: text, json or markdown.")
  var format: FindingsReport.Format = .text

  @OptionGroup(title: "DDL input") var ddl: DDLOptions

  func validate() throws {
    try input.validate(with: ddl)
    if let rules { do { _ = try LintRule.parse(rules) } catch { throw ValidationError(error.description) } }
  }

  func run() throws {
    var failed = false
    try reportingFailures { () throws(RunError) in
      let chosen = (try? rules.map(LintRule.parse)) ?? LintRule.allCases
      let lint = try Linting.run(
        try input.resolve(with: ddl), inspect: input.inspectOptions(with: ddl), rules: chosen, log: input.log)
      do throws(OutputError) { try StandardStreams.writeOutput(lint.report(as: format)) } catch { throw .output(error) }
      failed = lint.fails(at: failOn)
    }
    if failed { throw ExitCode(ExitStatus.stale.rawValue) }
  }
}

extension Finding.Severity: ExpressibleByArgument {}
extension FindingsReport.Format: ExpressibleByArgument {}
