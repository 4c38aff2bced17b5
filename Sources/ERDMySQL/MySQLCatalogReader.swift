import ERDInspect
import ERDSchema

/// The catalog queries, one small function each; every one returns rows for all selected
/// databases at once, so the number of round trips does not grow with the number of tables.
struct MySQLCatalogReader {
  typealias SQL = MySQLCatalogSQL
  typealias Rows = MySQLCatalogRows

  /// The number of catalog queries `read` runs (stated in the README too).
  static let queries = 10

  let connection: MySQLConnection
  let log: Log
  let server: SQL.Server

  /// A table or view being assembled.
  struct Relation {
    var isView: Bool
    var table: Table
    var view: View
    /// The table's default collation: a column's own is kept only when it differs.
    var collation: String?
  }

  /// Reads the databases asked for; with none, the URL's database; with neither, every one the
  /// user can see but the server's own.
  func read(schemas wanted: [String], database: String?) throws(InspectError) -> Catalog {
    let session = try connection.query(SQL.session(server), what: "reading the session").rows.first
    log.info("mysql: database \"\(session?["current_database"] ?? "")\", read only = \(session?["read_only"] ?? "?")")
    let names = try readSchemas(wanted: wanted.isEmpty ? database.map { [$0] } ?? [] : wanted)
    // `IN (NULL)` matches nothing, and keeps the number of queries the same when there is nothing to read.
    let quoted = names.isEmpty ? ["NULL"] : names.map(connection.quote)
    let schemas = quoted.count == 1 && !names.isEmpty ? "= \(quoted[0])" : "IN (\(quoted.joined(separator: ", ")))"
    var relations = try readRelations(schemas)
    try readColumns(schemas, into: &relations)
    try readIndexes(schemas, into: &relations)
    try readForeignKeys(schemas, into: &relations)
    try readChecks(schemas, into: &relations)
    try readViews(schemas, into: &relations)
    try readTriggers(schemas, into: &relations)

    var bySchema: [String: Schema] = [:]
    for name in names { bySchema[name] = Schema(name: name) }
    for (name, relation) in relations {
      if relation.isView {
        bySchema[name.schema]?.views.append(relation.view)
      } else {
        bySchema[name.schema]?.tables.append(relation.table)
      }
    }
    return Catalog(engine: "mysql", schemas: Array(bySchema.values)).normalized()
  }

  func query<Row: MySQLDecodable>(_ sql: String, as type: Row.Type, what: String) throws(InspectError) -> [Row] {
    try connection.query(sql, what: what).decode(type)
  }

  /// The databases to read; one asked for but not there (or not visible to the user) is a warning.
  private func readSchemas(wanted: [String]) throws(InspectError) -> [String] {
    let filter = wanted.isEmpty ? nil : "IN (\(wanted.map(connection.quote).joined(separator: ", ")))"
    let rows = try connection.query(SQL.schemas(wanted: filter), what: "reading databases").rows
    let found = rows.compactMap { $0["schema_name"] }
    for name in wanted where !found.contains(name) {
      log.warning("mysql: database \(name) does not exist or the user may not see it")
    }
    return found
  }

  private func readRelations(_ schemas: String) throws(InspectError) -> [QualifiedName: Relation] {
    var out: [QualifiedName: Relation] = [:]
    for row in try query(SQL.tables(schemas), as: Rows.Relation.self, what: "reading tables and views") {
      // Sequences (MariaDB) and temporary tables are not part of a schema diagram.
      guard ["BASE TABLE", "SYSTEM VERSIONED", "VIEW"].contains(row.type) else { continue }
      let isView = row.type == "VIEW"
      out[row.qualifiedName] = Relation(
        isView: isView, table: Table(name: row.name, comment: row.comment), view: View(name: row.name),
        collation: row.collation)
    }
    return out
  }

  private func readColumns(_ schemas: String, into relations: inout [QualifiedName: Relation]) throws(InspectError) {
    for row in try query(SQL.columns(schemas), as: Rows.Column.self, what: "reading columns") {
      guard let relation = relations[row.table] else { continue }
      let column = MySQLValues.column(row, server: server, tableCollation: relation.collation)
      if relation.isView {
        relations[row.table]?.view.columns.append(column)
      } else {
        relations[row.table]?.table.columns.append(column)
      }
    }
  }
}
