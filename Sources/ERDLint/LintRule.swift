import ERDSchema

/// The checks `erdviz lint` runs, each with a name for `--rules` and a default severity.
public enum LintRule: String, CaseIterable, Hashable, Sendable {
  case fkWithoutIndex = "fk-without-index"
  case noPrimaryKey = "no-primary-key"
  case fkTypeMismatch = "fk-type-mismatch"
  case nullableUnique = "nullable-unique"
  case isolatedTable = "isolated-table"
  case duplicateIndex = "duplicate-index"
  case inferredRelation = "inferred-relation"

  /// Errors are what breaks or silently slows a database; the rest are warnings.
  public var defaultSeverity: Finding.Severity {
    switch self {
    case .fkTypeMismatch: return .error
    default: return .warning
    }
  }

  /// One line for `--help` and the README.
  public var summary: String {
    switch self {
    case .fkWithoutIndex: return "a foreign key without an index on its columns (not MySQL/MariaDB)"
    case .noPrimaryKey: return "a table without a primary key"
    case .fkTypeMismatch: return "a foreign-key column of another type than the column it references"
    case .nullableUnique: return "a nullable column in a multi-column or referenced unique key"
    case .isolatedTable: return "a table with no relation to another, declared or inferred"
    case .duplicateIndex: return "an index with the same keys, uniqueness and condition as another"
    case .inferredRelation: return "a column named like a reference that no foreign key declares"
    }
  }

  /// `fk-without-index,no-primary-key` read into rules; an unknown name is an error that lists them.
  public static func parse(_ list: String) throws(LintRuleError) -> [LintRule] {
    var rules: [LintRule] = []
    for name in list.split(separator: ",").map({ String($0.filter { !$0.isWhitespace }) }) where !name.isEmpty {
      guard let rule = LintRule(rawValue: name) else { throw LintRuleError(name: name) }
      if !rules.contains(rule) { rules.append(rule) }
    }
    guard !rules.isEmpty else { throw LintRuleError(name: list) }
    return rules
  }

  /// `fk-without-index, no-primary-key, …`, for messages.
  public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A `--rules` entry that names no rule.
public struct LintRuleError: Error, Hashable, Sendable, CustomStringConvertible {
  public var name: String
  public init(name: String) { self.name = name }
  public var description: String { "unknown lint rule '\(name)' (rules: \(LintRule.names))" }
}
