extension SchemaChange.Change {
  /// The stable order of a change list: schema, kind of object, object name, then inside the object
  /// its own changes, columns (by ordinal), primary key, foreign keys, unique constraints, indexes,
  /// checks, exclusions, grants and policies, and for one element a rename, removal, addition, then attribute changes
  /// in `Attribute` order. Names sort case-insensitively first, so `Order` sits beside `order`.
  public func precedes(_ other: Self) -> Bool {
    let (a, b) = (sortKey, other.sortKey)
    if a != b { return a.lexicographicallyPrecedes(b) }
    return String(describing: self) < String(describing: other)
  }

  private enum SortPart: Comparable {
    case number(Int)
    case text(String)
  }

  private static func name(_ text: String) -> [SortPart] { [.text(text.lowercased()), .text(text)] }

  private var sortKey: [SortPart] {
    var key = Self.name(object.name.schema)
    key.append(.number(SchemaChange.ObjectKind.allCases.firstIndex(of: object.kind) ?? 0))
    key += Self.name(object.name.name)
    key += elementKey
    switch action {
    case .renamed: key.append(.number(0))
    case .removed: key.append(.number(1))
    case .added: key.append(.number(2))
    case .changed(let attribute, _, _):
      key += [.number(3), .number(SchemaChange.Attribute.allCases.firstIndex(of: attribute) ?? 0)]
    }
    return key
  }

  private var elementKey: [SortPart] {
    switch element {
    case .object: return [.number(0)]
    case .column(let column): return [.number(1), .number(column.ordinal)] + Self.name(column.name)
    case .primaryKey: return [.number(2)]
    case .foreignKey(let key):
      return [
        .number(3), .text(key.columns.joined(separator: ",")), .text(key.referencedTable.description),
        .text(key.referencedColumns.joined(separator: ",")),
      ]
    case .unique(let unique): return [.number(4), .text(unique.columns.joined(separator: ","))]
    case .index(let index): return [.number(5), .text(index.keysText), .text(index.name)]
    case .check(let check): return [.number(6), .text(check.expression)]
    case .exclusion(let exclusion): return [.number(7), .text(exclusion.definition)]
    case .privilege(let grant):
      return [
        .number(8), .text(grant.role), .text(grant.columns.joined(separator: ",")),
        .text(grant.privileges.joined(separator: ",")),
      ]
    case .policy(let policy): return [.number(9)] + Self.name(policy.name)
    }
  }
}

extension Index {
  /// The keys as SQL would list them: `sku, lower(name)`.
  var keysText: String {
    keys.map { key in
      switch key {
      case .column(let name): return name
      case .expression(let text): return text
      }
    }.joined(separator: ", ")
  }
}
