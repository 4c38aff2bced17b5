/// The SQL dialects erdviz reads DDL in.
public enum Dialect: String, CaseIterable, Hashable, Sendable {
  case postgresql
  case mysql
  case mariadb
  case sqlite
  case mssql

  /// Reads a `--dialect` value, with the usual other spellings (`postgres`, `pg`, `sqlserver`, `tsql`).
  public init?(name: String) {
    switch name.lowercased() {
    case "postgresql", "postgres", "pg", "psql": self = .postgresql
    case "mysql": self = .mysql
    case "mariadb": self = .mariadb
    case "sqlite", "sqlite3": self = .sqlite
    case "mssql", "sqlserver", "sql-server", "tsql", "t-sql": self = .mssql
    default: return nil
    }
  }

  /// The schema a table belongs to when the DDL names none and selects none.
  public var defaultSchema: String {
    switch self {
    case .postgresql: return "public"
    case .sqlite: return "main"
    case .mssql: return "dbo"
    // MySQL's schema is the database chosen by `USE`; with none, a neutral name.
    case .mysql, .mariadb: return "default"
    }
  }
}
