/// Everything inspected from one source: a set of schemas.
public struct Catalog: Hashable, Sendable {
  /// The version of the JSON form this model reads and writes.
  public static let formatVersion = 1

  /// What the schema was read from (`sqlite`, `postgresql`, `mysql`, `mssql`), when known.
  public var engine: String?
  public var schemas: [Schema]
  /// Roles that inherit the privileges of roles the catalog's grants, owners and policies name.
  public var roles: [Role]

  public init(engine: String? = nil, schemas: [Schema] = [], roles: [Role] = []) {
    self.engine = engine
    self.schemas = schemas
    self.roles = roles
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
  /// The role that owns it, when the source says.
  public var owner: String?
  /// `USAGE` and `CREATE` granted to roles other than the owner.
  public var privileges: [Privilege]
  /// What objects created in it later are granted (`ALTER DEFAULT PRIVILEGES IN SCHEMA`).
  public var defaultPrivileges: [DefaultPrivilege]
  /// Functions and procedures, by signature.
  public var routines: [Routine]

  public init(
    name: String, tables: [Table] = [], views: [View] = [], enums: [EnumType] = [],
    domains: [Domain] = [], comment: String? = nil, owner: String? = nil, privileges: [Privilege] = [],
    defaultPrivileges: [DefaultPrivilege] = [], routines: [Routine] = []
  ) {
    self.name = name
    self.tables = tables
    self.views = views
    self.enums = enums
    self.domains = domains
    self.comment = comment
    self.owner = owner
    self.privileges = privileges
    self.defaultPrivileges = defaultPrivileges
    self.routines = routines
  }

  public func table(named name: String) -> Table? { tables.first { $0.name == name } }
  public func view(named name: String) -> View? { views.first { $0.name == name } }
}

extension Catalog {
  /// The schemas whose names go without saying: SQLite's `main`, PostgreSQL's `public`, SQL
  /// Server's `dbo`. For a catalog of unknown engine, any of the three.
  public var defaultSchemaNames: Set<String> {
    switch engine {
    case "sqlite": return ["main"]
    case "postgresql": return ["public"]
    case "mssql": return ["dbo"]
    case nil: return ["main", "public", "dbo"]
    default: return []
    }
  }
}

extension Catalog {
  /// The catalog with only the named tables and views. Nothing else changes: foreign keys and
  /// view dependencies keep pointing where they did, drawn or not.
  public func keeping(_ names: Set<QualifiedName>) -> Catalog {
    var copy = self
    for s in copy.schemas.indices {
      let schema = copy.schemas[s].name
      let dropped = { (name: String) in !names.contains(QualifiedName(schema: schema, name: name)) }
      // Only a list that loses something is rewritten: 300,000 tables kept are not copied.
      if copy.schemas[s].tables.contains(where: { dropped($0.name) }) {
        copy.schemas[s].tables.removeAll { dropped($0.name) }
      }
      if copy.schemas[s].views.contains(where: { dropped($0.name) }) {
        copy.schemas[s].views.removeAll { dropped($0.name) }
      }
    }
    return copy
  }

  /// Every enumerated type with its qualified name, schema by schema.
  public var allEnums: [(name: QualifiedName, type: EnumType)] {
    schemas.flatMap { schema in schema.enums.map { (QualifiedName(schema: schema.name, name: $0.name), $0) } }
  }

  /// Every domain with its qualified name, schema by schema.
  public var allDomains: [(name: QualifiedName, domain: Domain)] {
    schemas.flatMap { schema in schema.domains.map { (QualifiedName(schema: schema.name, name: $0.name), $0) } }
  }
}
