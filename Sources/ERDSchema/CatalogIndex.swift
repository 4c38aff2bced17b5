/// A catalog's schemas, tables and views by name, for passes that look one up per table: the
/// catalog's own `table(_:)` searches, which at thousands of tables makes such a pass quadratic.
///
/// A snapshot: it does not follow later changes to the catalog. It holds the catalog it was made
/// from (shared, not copied) and the position of each object in it. Where two objects share a
/// name (which no engine allows, but a hand-written JSON catalog may hold), the first wins, as in
/// the catalog's own lookups.
public struct CatalogIndex: Sendable {
  private struct Position: Sendable {
    var schema: Int
    var item: Int
  }

  private let catalog: Catalog
  private var schemas: [String: Int] = [:]
  private var tables: [QualifiedName: Position] = [:]
  private var views: [QualifiedName: Position] = [:]

  public init(_ catalog: Catalog) {
    self.catalog = catalog
    tables.reserveCapacity(catalog.schemas.reduce(0) { $0 + $1.tables.count })
    // Reversed, so that the first of two same-named objects is the one left.
    for (s, schema) in catalog.schemas.enumerated() where schemas[schema.name] == nil {
      schemas[schema.name] = s
      for (i, table) in schema.tables.enumerated().reversed() {
        tables[QualifiedName(schema: schema.name, name: table.name)] = Position(schema: s, item: i)
      }
      for (i, view) in schema.views.enumerated().reversed() {
        views[QualifiedName(schema: schema.name, name: view.name)] = Position(schema: s, item: i)
      }
    }
  }

  public func schema(named name: String) -> Schema? { schemas[name].map { catalog.schemas[$0] } }

  public func table(_ name: QualifiedName) -> Table? {
    tables[name].map { catalog.schemas[$0.schema].tables[$0.item] }
  }

  public func view(_ name: QualifiedName) -> View? {
    views[name].map { catalog.schemas[$0.schema].views[$0.item] }
  }
}
