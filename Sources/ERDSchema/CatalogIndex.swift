/// A catalog's schemas, tables and views by name, for passes that look one up per table: the
/// catalog's own `table(_:)` searches, which at thousands of tables makes such a pass quadratic.
///
/// A snapshot: it does not follow later changes to the catalog. Where two objects share a name
/// (which no engine allows, but a hand-written JSON catalog may hold), the first wins, as in the
/// catalog's own lookups.
public struct CatalogIndex: Sendable {
  private var schemas: [String: Schema] = [:]
  private var tables: [QualifiedName: Table] = [:]
  private var views: [QualifiedName: View] = [:]

  public init(_ catalog: Catalog) {
    // Reversed, so that the first of two same-named objects is the one left.
    for schema in catalog.schemas where schemas[schema.name] == nil {
      schemas[schema.name] = schema
      for table in schema.tables.reversed() { tables[QualifiedName(schema: schema.name, name: table.name)] = table }
      for view in schema.views.reversed() { views[QualifiedName(schema: schema.name, name: view.name)] = view }
    }
  }

  public func schema(named name: String) -> Schema? { schemas[name] }
  public func table(_ name: QualifiedName) -> Table? { tables[name] }
  public func view(_ name: QualifiedName) -> View? { views[name] }
}
