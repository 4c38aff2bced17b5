import ERDGraph
import ERDSchema

/// Runs the lint rules on a catalog. Pure: the same catalog and rules give the same findings,
/// sorted by table, then rule, then columns.
///
/// Index rules look at the catalog as inspected, partitions apart (each partition needs its own
/// index); the others look at it with partitions folded under their parent, so a partitioned
/// table is judged once, with the keys and references its partitions carry.
public enum Linter {
  public static func lint(_ catalog: Catalog, rules: [LintRule] = LintRule.allCases) -> [Finding] {
    let folded = catalog.foldingPartitions()
    var findings: [Finding] = []
    for rule in rules {
      switch rule {
      case .fkWithoutIndex: findings += unindexedForeignKeys(catalog)
      case .duplicateIndex: findings += duplicateIndexes(catalog)
      case .noPrimaryKey: findings += tablesWithoutPrimaryKey(folded)
      case .fkTypeMismatch: findings += mismatchedForeignKeys(folded)
      case .nullableUnique: findings += nullableUniqueKeys(folded)
      case .isolatedTable: findings += isolatedTables(folded)
      case .inferredRelation: findings += inferredRelations(folded)
      }
    }
    let order = Dictionary(uniqueKeysWithValues: LintRule.allCases.enumerated().map { ($1.rawValue, $0) })
    return findings.sorted {
      ($0.table, order[$0.rule] ?? 0, $0.columns.joined(separator: ","), $0.message)
        < ($1.table, order[$1.rule] ?? 0, $1.columns.joined(separator: ","), $1.message)
    }
  }

  /// The engines that index a foreign key's columns themselves when the DDL does not.
  static let enginesIndexingForeignKeys: Set<String> = ["mysql", "mariadb"]

  static func finding(_ rule: LintRule, _ table: QualifiedName, _ columns: [String] = [], _ message: String) -> Finding
  {
    Finding(rule: rule.rawValue, severity: rule.defaultSeverity, table: table, columns: columns, message: message)
  }

  /// A name as messages show it: qualified only when the catalog has several schemas.
  static func shown(_ name: QualifiedName, _ catalog: Catalog) -> String {
    catalog.schemas.count > 1 ? name.description : name.name
  }

  static func constraintName(_ name: String?) -> String { name.map { "foreign key \($0)" } ?? "the foreign key" }
}
