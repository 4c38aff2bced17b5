/// One thing a schema review found (`erdviz lint`): the rule, how serious it is, and where.
///
/// A value of the model layer, like the catalog it describes, so that any stage can carry it:
/// the pipeline hands findings to the Markdown and HTML renderers to show per table.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
  /// How serious a finding is; `--fail-on` compares against it.
  public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
  }

  /// The rule's name, `fk-without-index`.
  public var rule: String
  public var severity: Severity
  public var table: QualifiedName
  /// The columns concerned, empty when the finding is about the table as a whole.
  public var columns: [String]
  public var message: String

  public init(rule: String, severity: Severity, table: QualifiedName, columns: [String] = [], message: String) {
    self.rule = rule
    self.severity = severity
    self.table = table
    self.columns = columns
    self.message = message
  }

  /// `billing.invoice(customer_id): warning: <message> [fk-without-index]`.
  public var description: String {
    let place = columns.isEmpty ? table.description : "\(table)(\(columns.joined(separator: ", ")))"
    return "\(place): \(severity.rawValue): \(message) [\(rule)]"
  }
}
