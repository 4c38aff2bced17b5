// The machine-readable form of a change list (`erdviz diff -f json`).
//
//   {"version": 1, "folding": "exact" | "caseInsensitive",
//    "summary": {"text": "+1 table, 1 column changed", "total": 2,
//                "tables": {"added": 1}, "columns": {"changed": 1}, …},
//    "changes": [{"kind": "table.added", "schema": "main", "table": "newcomer"},
//                {"kind": "column.changed", "schema": "main", "table": "customer", "column": "email",
//                 "attribute": "type", "old": "varchar(100)", "new": "varchar(200)"}, …]}
//
// - `summary` lists only categories with a count (keys as `SchemaChange.Category`: tables, views,
//   enums, domains, columns, primaryKeys, foreignKeys, uniqueConstraints, indexes, checks,
//   exclusions, privileges, policies), each with only its non-zero `added`, `removed`, `renamed`, `changed`.
// - `kind` is `<element>.<action>`: element `table`, `view`, `enum`, `domain` (the object itself),
//   `column`, `primaryKey`, `foreignKey`, `unique`, `index`, `check`, `exclusion`, `privilege` (the
//   grants added or revoked, as `{"role", "privileges", "columns"}`), `policy`; action `added`,
//   `removed`, `renamed` (with `from`, the old name), `changed` (with `attribute`, `old`, `new`).
// - The object is named by `schema` and one of `table`, `view`, `enum`, `domain`.
// - A column is named by `column`; an added or removed one also carries `type` and `nullable`.
//   Constraints carry their definition under `primaryKey`, `foreignKey`, `unique`, `index`,
//   `check` or `exclusion`, in the catalog's own JSON form (`Catalog.json`).
// - `old` and `new` are null (none), a string, a boolean (`nullable`, `materialized`) or a list of
//   strings (`columns`, `values`, `checks`); attribute names as `SchemaChange.Attribute`.
// Changes are in the order of `changes`; keys in the order above.

extension SchemaChange {
  /// The version of the JSON form, raised when a key changes meaning.
  public static let formatVersion = 1

  /// The JSON form described above.
  public var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("version", .int(Self.formatVersion))
    o.set("folding", .string(folding.rawValue))
    o.set("summary", summary.json(total: changes.count))
    o.set("changes", .array(changes.map(\.json)))
    return o.value
  }
}

extension SchemaChange.Summary {
  func json(total: Int) -> JSONValue {
    var o = JSONObjectBuilder()
    o.set("text", .string(description))
    o.set("total", .int(total))
    for category in SchemaChange.Category.allCases {
      guard let c = counts[category], !c.isEmpty else { continue }
      var counts = JSONObjectBuilder()
      for (key, n) in [("added", c.added), ("removed", c.removed), ("renamed", c.renamed), ("changed", c.changed)]
      where n > 0 {
        counts.set(key, .int(n))
      }
      o.set(category.rawValue, counts.value)
    }
    return o.value
  }
}

extension SchemaChange.Change {
  /// `table`, `column`, `foreignKey`, …: the first half of `kind`.
  public var elementKind: String {
    switch element {
    case .object: return object.kind.rawValue
    case .column: return "column"
    case .primaryKey: return "primaryKey"
    case .foreignKey: return "foreignKey"
    case .unique: return "unique"
    case .index: return "index"
    case .check: return "check"
    case .exclusion: return "exclusion"
    case .privilege: return "privilege"
    case .policy: return "policy"
    }
  }

  /// `added`, `removed`, `renamed`, `changed`: the second half of `kind`.
  public var actionKind: String {
    switch action {
    case .added: return "added"
    case .removed: return "removed"
    case .renamed: return "renamed"
    case .changed: return "changed"
    }
  }

  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("kind", .string("\(elementKind).\(actionKind)"))
    o.set("schema", .string(object.name.schema))
    o.set(object.kind.rawValue, .string(object.name.name))
    setElement(into: &o)
    switch action {
    case .added, .removed: break
    case .renamed(let from): o.set("from", .string(from))
    case .changed(let attribute, let old, let new):
      o.set("attribute", .string(attribute.rawValue))
      o.set("old", old.json)
      o.set("new", new.json)
    }
    return o.value
  }

  private func setElement(into o: inout JSONObjectBuilder) {
    switch element {
    case .object: break
    case .column(let column):
      o.set("column", .string(column.name))
      if action == .added || action == .removed {
        o.set("type", column.type.isEmpty ? nil : column.type)
        o.set("nullable", .bool(column.nullable))
      }
    case .primaryKey(let key): o.set("primaryKey", key.json)
    case .foreignKey(let key): o.set("foreignKey", key.json)
    case .unique(let unique): o.set("unique", unique.json)
    case .index(let index): o.set("index", index.json)
    case .check(let check): o.set("check", check.json)
    case .exclusion(let exclusion): o.set("exclusion", exclusion.json)
    case .privilege(let grant): o.set("privilege", grant.json)
    case .policy(let policy): o.set("policy", policy.json)
    }
  }
}

extension SchemaChange.Value {
  var json: JSONValue {
    switch self {
    case .none: return .null
    case .text(let text): return .string(text)
    case .flag(let on): return .bool(on)
    case .list(let items): return .array(items.map(JSONValue.string))
    }
  }
}
