import ERDInspect
import ERDSchema
import Foundation

/// The model as DDL statements build it up, one statement at a time, shared by every dialect
/// reader that does not go through a real database.
struct CatalogBuilder {
  let engine: String
  /// Whether names match regardless of case when looked up (MySQL, SQL Server) or exactly
  /// (PostgreSQL, whose parser already folded unquoted names).
  let caseInsensitive: Bool

  private(set) var schemas: Set<String> = []
  var schemaComments: [String: String] = [:]
  var tables: [QualifiedName: Table] = [:]
  var views: [QualifiedName: View] = [:]
  var enums: [QualifiedName: EnumType] = [:]
  var domains: [QualifiedName: Domain] = [:]
  /// Owners, grants, routines and memberships (CatalogBuilder+Access.swift).
  var access = AccessState()
  /// Lower-cased names of tables and views, for case-insensitive lookups (kept only then).
  private var folded: [QualifiedName: QualifiedName] = [:]

  init(engine: String, caseInsensitive: Bool) {
    self.engine = engine
    self.caseInsensitive = caseInsensitive
  }

  mutating func addSchema(_ name: String) { schemas.insert(name) }

  /// Adds a table; a second table of the same name replaces the first, as a re-run script would.
  mutating func addTable(_ table: Table, in schema: String) {
    let name = QualifiedName(schema: schema, name: table.name)
    schemas.insert(schema)
    tables[name] = table
    if caseInsensitive { folded[name.folded] = name }
  }

  mutating func addView(_ view: View, in schema: String) {
    let name = QualifiedName(schema: schema, name: view.name)
    schemas.insert(schema)
    views[name] = view
    if caseInsensitive { folded[name.folded] = name }
  }

  /// The name of the table or view `name` refers to, spelled as it was declared.
  func resolve(_ name: QualifiedName) -> QualifiedName? {
    if tables[name] != nil || views[name] != nil { return name }
    return caseInsensitive ? folded[name.folded] : nil
  }

  /// Changes the table `name` in place; false when there is no such table.
  @discardableResult
  mutating func updateTable(_ name: QualifiedName, _ body: (inout Table) -> Void) -> Bool {
    guard let resolved = resolve(name), tables[resolved] != nil else { return false }
    body(&tables[resolved, default: Table(name: resolved.name)])
    return true
  }

  /// Removes a table or view (DROP), so a script that drops and recreates ends up right.
  mutating func drop(_ name: QualifiedName) {
    guard let resolved = resolve(name) else { return }
    tables[resolved] = nil
    views[resolved] = nil
    folded[resolved.folded] = nil
  }

  /// The catalog: keys complete foreign keys and primary-key columns made NOT NULL, each
  /// reference spelled as its table is, domain columns given their base type.
  ///
  /// Each table is moved out of the builder as it is finished (a stub with its name and key
  /// stays for the lookups of the tables after it), so that no table is ever held twice: at
  /// 300,000 tables each copy of the model is hundreds of megabytes.
  mutating func build() -> Catalog {
    var bySchema: [String: Schema] = [:]
    for name in schemas {
      bySchema[name] = withAccess(Schema(name: name, comment: schemaComments[name]))
    }
    for name in Array(tables.keys) {
      let stub = Table(name: name.name, primaryKey: tables[name]?.primaryKey)
      guard var table = tables.updateValue(stub, forKey: name) else { continue }
      finish(&table, in: name.schema)
      bySchema[name.schema, default: Schema(name: name.schema)].tables.append(table)
    }
    for (name, view) in views {
      var view = view
      view.privileges = Self.withoutOwner(view.privileges, view.owner)
      bySchema[name.schema, default: Schema(name: name.schema)].views.append(view)
    }
    for (name, type) in enums { bySchema[name.schema, default: Schema(name: name.schema)].enums.append(type) }
    for (name, domain) in domains { bySchema[name.schema, default: Schema(name: name.schema)].domains.append(domain) }
    tables = [:]
    var catalog = Catalog(engine: engine, schemas: Array(bySchema.values), roles: roles)
    bySchema = [:]
    catalog.normalize()
    return catalog
  }

  private func finish(_ table: inout Table, in schema: String) {
    table.privileges = Self.withoutOwner(table.privileges, table.owner)
    if let pk = table.primaryKey {
      for i in table.columns.indices where pk.columns.contains(table.columns[i].name) {
        table.columns[i].nullable = false
      }
    }
    for i in table.foreignKeys.indices {
      let fk = table.foreignKeys[i]
      guard let target = resolve(fk.referencedTable) else { continue }
      table.foreignKeys[i].referencedTable = target
      if fk.referencedColumns.isEmpty, let pk = tables[target]?.primaryKey, pk.columns.count == fk.columns.count {
        table.foreignKeys[i].referencedColumns = pk.columns
      }
    }
    for i in table.columns.indices where table.columns[i].baseType == nil {
      if let domain = domain(named: table.columns[i].type, from: schema) {
        table.columns[i].baseType = domain.baseType
      }
    }
  }

  /// Grants without the owner's: an owner holds every privilege (grants to a new owner merge
  /// into ownership, as PostgreSQL's `ALTER … OWNER TO` does).
  static func withoutOwner(_ privileges: [Privilege], _ owner: String?) -> [Privilege] {
    guard let owner else { return privileges }
    return privileges.filter { $0.role != owner }
  }

  /// The domain a column type names: `year`, `public.year` or `"my domain"`.
  private func domain(named type: String, from schema: String) -> Domain? {
    guard !domains.isEmpty else { return nil }
    let parts = type.split(separator: ".", maxSplits: 1).map { String($0).unquotedIdentifier }
    let name =
      parts.count == 2 ? QualifiedName(schema: parts[0], name: parts[1]) : QualifiedName(schema: schema, name: parts[0])
    return domains[name] ?? (parts.count == 1 ? domains.first { $0.key.name == parts[0] }?.value : nil)
  }
}

extension QualifiedName {
  /// The lower-cased name, the key of case-insensitive lookups.
  var folded: QualifiedName { QualifiedName(schema: schema.lowercased(), name: name.lowercased()) }
}

extension String {
  /// `"My Name"` → `My Name`; anything else unchanged.
  var unquotedIdentifier: String {
    guard count >= 2, hasPrefix("\""), hasSuffix("\"") else { return self }
    return String(dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
  }
}

extension Table {
  /// Appends a column at the next ordinal.
  mutating func append(column: Column) {
    var column = column
    column.ordinal = (columns.map(\.ordinal).max() ?? 0) + 1
    columns.append(column)
  }

  /// Changes the column `name` in place; false when there is none.
  @discardableResult
  mutating func updateColumn(_ name: String, caseInsensitive: Bool = false, _ body: (inout Column) -> Void) -> Bool {
    let index =
      columns.firstIndex { $0.name == name }
      ?? (caseInsensitive ? columns.firstIndex { $0.name.lowercased() == name.lowercased() } : nil)
    guard let index else { return false }
    body(&columns[index])
    return true
  }

  /// The column's name as declared, matching `name` exactly or, when asked, regardless of case.
  func columnName(_ name: String, caseInsensitive: Bool) -> String {
    if columns.contains(where: { $0.name == name }) || !caseInsensitive { return name }
    return columns.first { $0.name.lowercased() == name.lowercased() }?.name ?? name
  }

  /// Every constraint and index name the table uses.
  var constraintNames: Set<String> {
    var names: Set<String> = []
    if let n = primaryKey?.name { names.insert(n) }
    for fk in foreignKeys { if let n = fk.name { names.insert(n) } }
    for u in uniqueConstraints { if let n = u.name { names.insert(n) } }
    for c in checks { if let n = c.name { names.insert(n) } }
    for e in exclusions { if let n = e.name { names.insert(n) } }
    for i in indexes { names.insert(i.name) }
    return names
  }
}
