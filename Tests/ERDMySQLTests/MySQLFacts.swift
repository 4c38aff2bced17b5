import ERDSchema
import Foundation

/// A catalog as one line per fact, so that a difference between the live and the DDL catalogs
/// reads as a line that is in one list and not the other. Where the server legitimately
/// rewrites what the DDL said, the line normalises both sides, and says why.
enum MySQLFacts {
  static func facts(_ catalog: Catalog) -> [String] {
    var lines: [String] = []
    for (name, table) in catalog.allTables {
      lines.append("\(name) table")
      for column in table.columns {
        lines.append(
          "\(name) column \(column.ordinal) \(column.name) \(type(column.type))\(column.nullable ? "" : " NOT NULL")")
      }
      if let pk = table.primaryKey {
        lines.append("\(name) primary key \(pk.name ?? "?") (\(pk.columns.joined(separator: ", ")))")
      }
      for fk in table.foreignKeys {
        lines.append(
          "\(name) foreign key \(fk.name ?? "?") (\(fk.columns.joined(separator: ", "))) -> \(fk.referencedTable) "
            + "(\(fk.referencedColumns.joined(separator: ", "))) \(action(fk.onDelete))/\(action(fk.onUpdate))")
      }
      for unique in table.uniqueConstraints {
        lines.append("\(name) unique \(unique.name ?? "?") (\(unique.columns.joined(separator: ", ")))")
      }
      for index in table.indexes where !madeByInnoDB(index, in: table) {
        let keys = index.keys.map { key in
          switch key {
          case .column(let c): return c
          case .expression(let e): return "(\(e))"
          }
        }
        lines.append(
          "\(name) index \(index.name) (\(keys.joined(separator: ", ")))\(index.unique ? " unique" : "") \(index.method ?? "")"
        )
      }
      for trigger in table.triggers {
        lines.append("\(name) trigger \(trigger.name) \(trigger.timing ?? "") \(trigger.events.joined(separator: " "))")
      }
    }
    for (name, view) in catalog.allViews {
      lines.append("\(name) view reads \(view.dependencies.map(\.description).joined(separator: ", "))")
      lines.append("\(name) view columns \(view.columns.map(\.name).joined(separator: ", "))")
    }
    return lines.sorted()
  }

  /// InnoDB gives a foreign key an index of its own when no index starts with its columns;
  /// the DDL never declares it, so it is left out of the comparison.
  static func madeByInnoDB(_ index: Index, in table: Table) -> Bool {
    guard let columns = index.plainColumns, !index.unique, index.method == nil else { return false }
    return table.foreignKeys.contains { fk in
      fk.columns == columns && (index.name == fk.name || index.name == fk.columns.first)
    }
  }

  /// InnoDB checks NO ACTION at once, as RESTRICT, and MariaDB reports an unspecified action
  /// as RESTRICT: the two are one here.
  static func action(_ action: ReferentialAction) -> String {
    action == .noAction ? ReferentialAction.restrict.rawValue : action.rawValue
  }

  /// A type as the server spells it, since the server rewrites what the DDL says: `INTEGER` is
  /// `int`, `BOOLEAN` is `tinyint(1)`, `NVARCHAR(10)` is `varchar(10)`, `NUMERIC` is
  /// `decimal(10,0)`; integer display widths (`int(11)`, `year(4)`, which MySQL 8 no longer
  /// shows) are dropped but for `tinyint(1)`, which says "boolean".
  static func type(_ raw: String) -> String {
    var t = raw.lowercased().split(separator: " ").joined(separator: " ").replacingOccurrences(of: ", ", with: ",")
    for (pattern, replacement) in rewrites {
      t = t.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }
    return t
  }

  private static let rewrites: [(String, String)] = [
    (#"^(bool|boolean)$"#, "tinyint(1)"),
    (#"^integer\b"#, "int"),
    (#"^(smallint|mediumint|int|bigint|year)\(\d+\)"#, "$1"),
    (#"^tinyint\((?!1\))\d+\)"#, "tinyint"),
    (#"^(national varchar|nvarchar|character varying|national char varying)\b"#, "varchar"),
    (#"^(national char|nchar)\b"#, "char"),
    (#"^(numeric|dec|fixed)\b"#, "decimal"),
    (#"^decimal$"#, "decimal(10,0)"),
    (#"^decimal\((\d+)\)"#, "decimal($1,0)"),
    (#"^(real|double precision)\b"#, "double"),
  ]
}
