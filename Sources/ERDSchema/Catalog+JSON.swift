// The documented JSON form of the model (`-o schema.json`, and accepted back as a SOURCE).
// Keys are written in a fixed order; nil, false and empty lists are left out, except `nullable`,
// `onDelete` and `onUpdate`, which are always written because their defaults are not obvious.

extension Catalog {
  /// The JSON form, `{"version": 1, "engine": …, "schemas": […]}`.
  public var json: JSONValue { json(tablesMadeWhenWritten: false) }

  /// The JSON form; with `tablesMadeWhenWritten`, each schema's tables are `.items`, made one by
  /// one as `JSONWriter.write(_:to:)` writes them, so that a large catalog is never a whole tree.
  public func json(tablesMadeWhenWritten lazy: Bool) -> JSONValue {
    var o = JSONObjectBuilder()
    o.set("version", .int(Catalog.formatVersion))
    o.set("engine", engine)
    o.set("schemas", .array(schemas.map { $0.json(tablesMadeWhenWritten: lazy) }))
    o.set("roles", roles.map(\.json))
    return o.value
  }

  /// Reads the JSON form back; unknown keys are ignored so later versions can add to it.
  public init(json: JSONValue) throws(CatalogDecodingError) {
    let r = JSONReader(json, path: "$")
    let version = try r.int("version") ?? Catalog.formatVersion
    guard version <= Catalog.formatVersion else {
      throw CatalogDecodingError(
        path: "$.version",
        message: "version \(version) is newer than this erdviz reads (\(Catalog.formatVersion))")
    }
    self.init(
      engine: try r.string("engine"), schemas: try r.list("schemas", Schema.init(json:)),
      roles: try r.list("roles", Role.init(json:)))
  }

  /// Parses JSON text and reads it as a catalog.
  public init(jsonText bytes: [UInt8]) throws(CatalogDecodingError) {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw CatalogDecodingError(path: "", message: "invalid JSON at \(error)")
    }
    try self.init(json: value)
  }
}

/// A JSON document that is not a catalog, with the JSON path of the offending value.
public struct CatalogDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String
  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension Schema {
  func json(tablesMadeWhenWritten lazy: Bool) -> JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("comment", comment)
    if lazy && !tables.isEmpty {
      o.set("tables", .items(JSONItems(tables) { $0.json }))
    } else {
      o.set("tables", tables.concurrentMap { $0.json })
    }
    o.set("views", views.map(\.json))
    o.set("enums", enums.map(\.json))
    o.set("domains", domains.map(\.json))
    o.set("owner", owner)
    o.set("privileges", privileges.map(\.json))
    o.set("defaultPrivileges", defaultPrivileges.map(\.json))
    o.set("routines", routines.map(\.json))
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(
      name: try r.required("name"),
      tables: try r.list("tables", Table.init(json:)),
      views: try r.list("views", View.init(json:)),
      enums: try r.list("enums", EnumType.init(json:)),
      domains: try r.list("domains", Domain.init(json:)),
      comment: try r.string("comment"),
      owner: try r.string("owner"),
      privileges: try r.list("privileges", Privilege.init(json:)),
      defaultPrivileges: try r.list("defaultPrivileges", DefaultPrivilege.init(json:)),
      routines: try r.list("routines", Routine.init(json:)))
  }
}

extension Table {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("kind", kind.rawValue)
    o.set("comment", comment)
    o.set("columns", columns.map(\.json))
    if let primaryKey { o.set("primaryKey", primaryKey.json) }
    o.set("foreignKeys", foreignKeys.map(\.json))
    o.set("uniqueConstraints", uniqueConstraints.map(\.json))
    o.set("indexes", indexes.map(\.json))
    o.set("checks", checks.map(\.json))
    o.set("exclusions", exclusions.map(\.json))
    o.set("triggers", triggers.map(\.json))
    if let partitionOf {
      o.set("partitionOf", partitionOf.name)
      if partitionOf.schema != "" { o.set("partitionOfSchema", partitionOf.schema) }
    }
    o.set("partitionBound", partitionBound)
    o.set("partitionKey", partitionKey)
    o.set("partitions", partitions.map(\.json))
    o.set("inherits", inherits.map(\.json))
    o.flag("withoutRowid", options.contains(.withoutRowID))
    o.flag("strict", options.contains(.strict))
    o.flag("unlogged", options.contains(.unlogged))
    if let source { o.set("source", source.json) }
    o.set("owner", owner)
    o.set("privileges", privileges.map(\.json))
    o.set("rowLevelSecurity", rowLevelSecurity?.rawValue)
    o.set("policies", policies.map(\.json))
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    var options: TableOptions = []
    if try r.bool("withoutRowid") ?? false { options.insert(.withoutRowID) }
    if try r.bool("strict") ?? false { options.insert(.strict) }
    if try r.bool("unlogged") ?? false { options.insert(.unlogged) }
    var partitionOf: QualifiedName?
    if let parent = try r.string("partitionOf") {
      partitionOf = QualifiedName(schema: try r.string("partitionOfSchema") ?? "", name: parent)
    }
    self.init(
      name: try r.required("name"),
      kind: try r.enumValue("kind", TableKind.self) ?? .table,
      columns: try r.columns(),
      primaryKey: try r.object("primaryKey", PrimaryKey.init(json:)),
      foreignKeys: try r.list("foreignKeys", ForeignKey.init(json:)),
      uniqueConstraints: try r.list("uniqueConstraints", UniqueConstraint.init(json:)),
      indexes: try r.list("indexes", Index.init(json:)),
      checks: try r.list("checks", CheckConstraint.init(json:)),
      exclusions: try r.list("exclusions", ExclusionConstraint.init(json:)),
      triggers: try r.list("triggers", Trigger.init(json:)),
      comment: try r.string("comment"),
      partitionOf: partitionOf,
      partitionBound: try r.string("partitionBound"),
      partitionKey: try r.string("partitionKey"),
      partitions: try r.list("partitions", Partition.init(json:)),
      inherits: try r.list("inherits", QualifiedName.init(json:)),
      options: options,
      source: try r.object("source", SourceLocation.init(json:)),
      owner: try r.string("owner"),
      privileges: try r.list("privileges", Privilege.init(json:)),
      rowLevelSecurity: try r.enumValue("rowLevelSecurity", RowLevelSecurity.self),
      policies: try r.list("policies", Policy.init(json:)))
  }
}

extension View {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.flag("materialized", materialized)
    o.set("comment", comment)
    o.set("columns", columns.map(\.json))
    o.set("definition", definition)
    o.set("dependsOn", dependencies.map(\.json))
    o.set("indexes", indexes.map(\.json))
    if let source { o.set("source", source.json) }
    o.set("owner", owner)
    o.set("privileges", privileges.map(\.json))
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(
      name: try r.required("name"),
      materialized: try r.bool("materialized") ?? false,
      columns: try r.columns(),
      definition: try r.string("definition"),
      dependencies: try r.list("dependsOn", QualifiedName.init(json:)),
      indexes: try r.list("indexes", Index.init(json:)),
      comment: try r.string("comment"),
      source: try r.object("source", SourceLocation.init(json:)),
      owner: try r.string("owner"),
      privileges: try r.list("privileges", Privilege.init(json:)))
  }
}

extension Column {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("ordinal", ordinal)
    o.set("type", type)
    o.set("nullable", .bool(nullable))
    o.set("default", defaultValue)
    o.set("identity", identity?.rawValue)
    if let generated {
      o.set(
        "generated",
        .object([.init("expression", .string(generated.expression)), .init("stored", .bool(generated.stored))]))
    }
    o.flag("hidden", hidden)
    o.set("collation", collation)
    o.set("baseType", baseType)
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader, position: Int) throws(CatalogDecodingError) {
    var generated: GeneratedColumn?
    if let g = try r.object(
      "generated",
      { (g: JSONReader) throws(CatalogDecodingError) in
        GeneratedColumn(expression: try g.required("expression"), stored: try g.bool("stored") ?? false)
      })
    {
      generated = g
    }
    self.init(
      name: try r.required("name"),
      ordinal: try r.int("ordinal") ?? position,
      type: try r.string("type") ?? "",
      nullable: try r.bool("nullable") ?? true,
      defaultValue: try r.string("default"),
      identity: try r.enumValue("identity", Identity.self),
      generated: generated,
      hidden: try r.bool("hidden") ?? false,
      collation: try r.string("collation"),
      baseType: try r.string("baseType"),
      comment: try r.string("comment"))
  }
}

extension PrimaryKey {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("columns", .array(columns.map(JSONValue.string)))
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(name: try r.string("name"), columns: try r.strings("columns"))
  }
}

extension ForeignKey {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("columns", .array(columns.map(JSONValue.string)))
    var ref = JSONObjectBuilder()
    ref.set("schema", referencedTable.schema)
    ref.set("table", referencedTable.name)
    ref.set("columns", .array(referencedColumns.map(JSONValue.string)))
    o.set("references", ref.value)
    o.set("onDelete", onDelete.rawValue)
    o.set("onUpdate", onUpdate.rawValue)
    o.flag("deferrable", deferrable)
    o.flag("initiallyDeferred", initiallyDeferred)
    o.set("match", match)
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    guard let ref = try r.object("references", { (x: JSONReader) in x }) else {
      throw r.missing("references")
    }
    self.init(
      name: try r.string("name"),
      columns: try r.strings("columns"),
      referencedTable: QualifiedName(schema: try ref.string("schema") ?? "", name: try ref.required("table")),
      referencedColumns: try ref.strings("columns"),
      onDelete: try r.action("onDelete"),
      onUpdate: try r.action("onUpdate"),
      deferrable: try r.bool("deferrable") ?? false,
      initiallyDeferred: try r.bool("initiallyDeferred") ?? false,
      match: try r.string("match"),
      comment: try r.string("comment"))
  }
}

extension UniqueConstraint {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("columns", .array(columns.map(JSONValue.string)))
    o.flag("nullsNotDistinct", nullsNotDistinct)
    o.flag("deferrable", deferrable)
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(
      name: try r.string("name"), columns: try r.strings("columns"),
      nullsNotDistinct: try r.bool("nullsNotDistinct") ?? false,
      deferrable: try r.bool("deferrable") ?? false, comment: try r.string("comment"))
  }
}

extension Index {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set(
      "keys",
      .array(
        keys.map { key in
          switch key {
          case .column(let c): return .object([.init("column", .string(c))])
          case .expression(let e): return .object([.init("expression", .string(e))])
          }
        }))
    o.flag("unique", unique)
    o.set("predicate", predicate)
    o.set("method", method)
    o.set("definition", definition)
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    let keys = try r.list("keys") { (k: JSONReader) throws(CatalogDecodingError) -> IndexKey in
      if let c = try k.string("column") { return .column(c) }
      return .expression(try k.required("expression"))
    }
    self.init(
      name: try r.required("name"), keys: keys, unique: try r.bool("unique") ?? false,
      predicate: try r.string("predicate"), method: try r.string("method"),
      definition: try r.string("definition"), comment: try r.string("comment"))
  }
}

extension CheckConstraint {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("expression", expression)
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(name: try r.string("name"), expression: try r.required("expression"), comment: try r.string("comment"))
  }
}

extension ExclusionConstraint {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("definition", definition)
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(name: try r.string("name"), definition: try r.required("definition"), comment: try r.string("comment"))
  }
}

extension Trigger {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("timing", timing)
    o.set("events", strings: events)
    o.set("definition", definition)
    o.set("comment", comment)
    if let routine { o.set("routine", routine.json) }
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(
      name: try r.required("name"), timing: try r.string("timing"), events: try r.strings("events"),
      definition: try r.string("definition"), comment: try r.string("comment"),
      routine: try r.object("routine", QualifiedName.init(json:)))
  }
}

extension EnumType {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("values", .array(values.map(JSONValue.string)))
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(name: try r.required("name"), values: try r.strings("values"), comment: try r.string("comment"))
  }
}

extension Domain {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("baseType", baseType)
    o.set("nullable", .bool(nullable))
    o.set("default", defaultValue)
    o.set("checks", checks.map(\.json))
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(
      name: try r.required("name"), baseType: try r.required("baseType"),
      nullable: try r.bool("nullable") ?? true, defaultValue: try r.string("default"),
      checks: try r.list("checks", CheckConstraint.init(json:)), comment: try r.string("comment"))
  }
}

extension Partition {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("bound", bound)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(name: try r.required("name"), bound: try r.string("bound"))
  }
}

extension QualifiedName {
  var json: JSONValue { .object([.init("schema", .string(schema)), .init("name", .string(name))]) }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(schema: try r.string("schema") ?? "", name: try r.required("name"))
  }
}

extension SourceLocation {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("file", file)
    o.set("line", line)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(file: try r.required("file"), line: try r.int("line"))
  }
}
