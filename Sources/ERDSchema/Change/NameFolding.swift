/// How two catalogs' identifiers are matched: as stored, or regardless of case.
public enum NameFolding: String, Hashable, Sendable, CaseIterable {
  /// PostgreSQL: its parser already folded unquoted names to lower case, so what is stored is
  /// what the user meant, and `"Order"` and `order` are two tables.
  case exact
  /// SQLite, MySQL/MariaDB and SQL Server: identifiers match regardless of case.
  case caseInsensitive

  /// The folding the catalogs' engines imply.
  ///
  /// - SQLite matches identifiers case-insensitively.
  /// - MySQL and MariaDB: columns are always case-insensitive; table names are too under
  ///   `lower_case_table_names` = 1 or 2 (the default on Windows and macOS, and common elsewhere),
  ///   which we assume because a diff that reports `Order` → `order` churn helps nobody.
  /// - SQL Server: the default collation is case-insensitive.
  /// - PostgreSQL compares stored names exactly.
  /// - Two different engines (a live database against another dialect's DDL), or one unknown
  ///   engine against a known one, fold case-insensitively: the spellings come from different
  ///   conventions. Two unknown engines compare exactly, as nothing says otherwise.
  public static func forEngines(_ old: String?, _ new: String?) -> NameFolding {
    let a = old?.lowercased()
    let b = new?.lowercased()
    guard a == b else { return .caseInsensitive }
    switch a {
    case "postgresql", nil: return .exact
    default: return .caseInsensitive
    }
  }

  /// The key two names share when they are the same name under this folding.
  public func fold(_ name: String) -> String {
    switch self {
    case .exact: return name
    case .caseInsensitive: return name.lowercased()
    }
  }
}
