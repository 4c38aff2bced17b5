import ERDInspect
import ERDSchema

/// Primary keys, unique keys, indexes, foreign keys and checks.
extension MySQLCatalogReader {
  /// Every index, the primary key's (`PRIMARY`) included: MySQL makes a UNIQUE key and a unique
  /// index the same thing, so each unique index on columns is a unique constraint here, as the
  /// DDL reader makes `UNIQUE KEY` one.
  func readIndexes(_ schemas: String, into relations: inout [QualifiedName: Relation]) throws(InspectError) {
    let parts = try query(SQL.indexes(schemas, server), as: Rows.IndexPart.self, what: "reading indexes")
    let byIndex = Dictionary(grouping: parts) { IndexID(table: $0.table, name: $0.index) }
    for (id, unsorted) in byIndex where relations[id.table]?.isView == false {
      let parts = unsorted.sorted { $0.position < $1.position }
      guard let first = parts.first else { continue }
      let keys: [IndexKey] = parts.map { part in
        part.column.map(IndexKey.column) ?? .expression(part.expression ?? "?")
      }
      let columns = parts.compactMap(\.column)
      if id.name == "PRIMARY" {
        relations[id.table]?.table.primaryKey = PrimaryKey(name: id.name, columns: columns)
      } else if first.unique && columns.count == parts.count {
        relations[id.table]?.table.uniqueConstraints.append(
          UniqueConstraint(name: id.name, columns: columns, comment: first.comment))
      } else {
        let method = first.method == "BTREE" ? nil : first.method
        relations[id.table]?.table.indexes.append(
          Index(name: id.name, keys: keys, unique: first.unique, method: method, comment: first.comment))
      }
    }
  }

  /// Foreign keys: their columns from KEY_COLUMN_USAGE, their rules from REFERENTIAL_CONSTRAINTS,
  /// two queries joined here rather than on the server, where joining two `information_schema`
  /// tables reads each table's definitions twice.
  func readForeignKeys(_ schemas: String, into relations: inout [QualifiedName: Relation]) throws(InspectError) {
    let columns = try query(
      SQL.foreignKeyColumns(schemas), as: Rows.ForeignKeyColumn.self, what: "reading foreign keys")
    let rules = try query(
      SQL.referentialRules(schemas), as: Rows.ReferentialRule.self, what: "reading foreign key rules")
    var ruleOf: [IndexID: Rows.ReferentialRule] = [:]
    for rule in rules { ruleOf[IndexID(table: rule.table, name: rule.constraint)] = rule }
    let byConstraint = Dictionary(grouping: columns) { IndexID(table: $0.table, name: $0.constraint) }
    let unruled = byConstraint.keys.filter { ruleOf[$0] == nil }.count
    if unruled > 0 {
      // MariaDB 10.11 shows REFERENTIAL_CONSTRAINTS only to users with more than SELECT.
      log.warning(
        "mysql: the user may not see the ON DELETE/ON UPDATE rules of \(unruled) foreign keys "
          + "(grant SHOW VIEW on the database); they are shown as NO ACTION")
    }
    for (id, unsorted) in byConstraint where relations[id.table]?.isView == false {
      let parts = unsorted.sorted { $0.position < $1.position }
      guard let first = parts.first else { continue }
      let rule = ruleOf[id]
      relations[id.table]?.table.foreignKeys.append(
        ForeignKey(
          name: id.name, columns: parts.map(\.column), referencedTable: first.referencedTable,
          referencedColumns: parts.map(\.referencedColumn), onDelete: rule?.onDelete ?? .noAction,
          onUpdate: rule?.onUpdate ?? .noAction))
    }
  }

  func readChecks(_ schemas: String, into relations: inout [QualifiedName: Relation]) throws(InspectError) {
    for check in try query(SQL.checks(schemas, server), as: Rows.Check.self, what: "reading check constraints") {
      guard relations[check.table]?.isView == false else { continue }
      // MariaDB's JSON is LONGTEXT with a check of its own, named after the column: it reads
      // back as the JSON it was declared as, the check being the type's, not the user's.
      let isJSON = { (column: Column) in column.name == check.name && column.type == "longtext" }
      if check.clause == "json_valid(\(MySQLValues.quoted(check.name)))",
        let i = relations[check.table]?.table.columns.firstIndex(where: isJSON)
      {
        relations[check.table]?.table.columns[i].type = "json"
        relations[check.table]?.table.columns[i].collation = nil
        continue
      }
      relations[check.table]?.table.checks.append(CheckConstraint(name: check.name, expression: check.clause))
    }
  }

  /// A constraint or an index, named within its table.
  struct IndexID: Hashable {
    var table: QualifiedName
    var name: String
  }
}
