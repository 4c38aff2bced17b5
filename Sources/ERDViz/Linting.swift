import ERDInspect
import ERDLint
import ERDRender
import ERDSchema

/// `erdviz lint`: the findings of the chosen rules on a source read as `inspect` reads it.
public struct Linting: Sendable {
  public var findings: [Finding]
  public var scope: FindingsReport.Scope

  /// Reads the source and runs the rules on its catalog.
  public static func run(
    _ source: Source, inspect: InspectOptions, rules: [LintRule] = LintRule.allCases, log: Log = Log()
  ) throws(RunError) -> Linting {
    let catalog = try Pipeline.load(source, options: inspect, log: log)
    let findings = Linter.lint(catalog, rules: rules)
    let tables = catalog.foldingPartitions().allTables.count
    log.info("lint: \(rules.count) rules on \(tables) tables: \(findings.count) findings")
    return Linting(
      findings: findings,
      scope: FindingsReport.Scope(
        tables: tables, rules: rules.map(\.rawValue), engine: catalog.engine, qualified: catalog.schemas.count > 1))
  }

  /// Whether a finding is at or above the severity `--fail-on` names (the run then exits 1).
  public func fails(at severity: Finding.Severity) -> Bool { findings.contains { $0.severity >= severity } }

  /// The report in the format asked for, for stdout.
  public func report(as format: FindingsReport.Format) -> [UInt8] {
    Array(FindingsReport.render(findings, scope: scope, as: format).utf8)
  }
}
