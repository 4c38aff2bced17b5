import ERDInspect
import ERDSchema

/// View definitions and the relations they read, and triggers.
extension MySQLCatalogReader {
  func readViews(_ schemas: String, into relations: inout [QualifiedName: Relation]) throws(InspectError) {
    let known = Set(relations.keys)
    for row in try query(SQL.views(schemas), as: Rows.ViewDefinition.self, what: "reading views") {
      guard relations[row.view]?.isView == true else { continue }
      relations[row.view]?.view.definition = row.definition
      relations[row.view]?.view.dependencies = row.definition.map { Self.dependencies(of: $0, among: known) } ?? []
    }
  }

  /// The relations a view reads. Neither server lists them (MySQL 8's VIEW_TABLE_USAGE aside),
  /// but both store a view's query with every table as `` `schema`.`name` ``, and a column as
  /// `` `alias`.`column` `` or `` `schema`.`table`.`column` ``: a two-part name that is not part
  /// of a longer one and names a known table or view is a relation the view reads.
  static func dependencies(of definition: String, among known: Set<QualifiedName>) -> [QualifiedName] {
    var options = SQLLexer.Options()
    options.backtickIdentifiers = true
    options.backslashEscapes = true
    let tokens = SQLLexer(definition, options: options).tokens().filter { $0.kind != .comment }
    var found: Set<QualifiedName> = []
    for i in tokens.indices.dropLast(2) {
      guard tokens[i].kind == .quotedIdentifier, tokens[i + 1].isSymbol("."), tokens[i + 2].kind == .quotedIdentifier,
        i == 0 || !tokens[i - 1].isSymbol("."), i + 3 == tokens.count || !tokens[i + 3].isSymbol(".")
      else { continue }
      let name = QualifiedName(schema: tokens[i].text, name: tokens[i + 2].text)
      if known.contains(name) { found.insert(name) }
    }
    return found.sorted()
  }

  func readTriggers(_ schemas: String, into relations: inout [QualifiedName: Relation]) throws(InspectError) {
    let rows = try query(SQL.triggers(schemas), as: Rows.Trigger.self, what: "reading triggers")
    for row in rows.sorted(by: { ($0.table, $0.order, $0.name) < ($1.table, $1.order, $1.name) }) {
      guard relations[row.table]?.isView == false else { continue }
      let definition =
        "CREATE TRIGGER \(MySQLValues.quoted(row.name)) \(row.timing) \(row.event) ON "
        + "\(MySQLValues.quoted(row.table.name)) FOR EACH ROW \(row.statement)"
      relations[row.table]?.table.triggers.append(
        Trigger(name: row.name, timing: row.timing, events: [row.event], definition: definition))
    }
  }
}
