/// Everything inspected from one source: a set of schemas.
public struct Catalog: Hashable, Sendable {
  /// The version of the JSON form this model reads and writes.
  public static let formatVersion = 1

  /// What the schema was read from (`sqlite`, `postgresql`, `mysql`, `mssql`), when known.
  public var engine: String?
  public var schemas: [Schema]

  public init(engine: String? = nil, schemas: [Schema] = []) {
    self.engine = engine
    self.schemas = schemas
  }

  public func schema(named name: String) -> Schema? { schemas.first { $0.name == name } }

  public func table(_ name: QualifiedName) -> Table? { schema(named: name.schema)?.table(named: name.name) }

  public func view(_ name: QualifiedName) -> View? { schema(named: name.schema)?.view(named: name.name) }

  /// Every table with its qualified name, schema by schema.
  public var allTables: [(name: QualifiedName, table: Table)] {
    schemas.flatMap { schema in
      schema.tables.map { (QualifiedName(schema: schema.name, name: $0.name), $0) }
    }
  }

  /// Every view with its qualified name, schema by schema.
  public var allViews: [(name: QualifiedName, view: View)] {
    schemas.flatMap { schema in
      schema.views.map { (QualifiedName(schema: schema.name, name: $0.name), $0) }
    }
  }
}

/// One namespace of a catalog: a PostgreSQL schema, a MySQL database, SQLite's `main`.
public struct Schema: Hashable, Sendable {
  public var name: String
  public var tables: [Table]
  public var views: [View]
  public var enums: [EnumType]
  public var domains: [Domain]
  public var comment: String?

  public init(
    name: String, tables: [Table] = [], views: [View] = [], enums: [EnumType] = [],
    domains: [Domain] = [], comment: String? = nil
  ) {
    self.name = name
    self.tables = tables
    self.views = views
    self.enums = enums
    self.domains = domains
    self.comment = comment
  }

  public func table(named name: String) -> Table? { tables.first { $0.name == name } }
  public func view(named name: String) -> View? { views.first { $0.name == name } }
}
