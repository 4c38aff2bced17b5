import ERDSchema

/// The catalogs a change drawing is made from.
///
/// `shown` is the new catalog with the tables and views the change removed put back from the old
/// one: what the page's details and the Markdown describe. `drawn` is that with the columns and
/// foreign keys the change removed put back into the tables that lost them, so that the diagram
/// can draw them struck through.
struct ChangeCatalog {
  var shown: Catalog
  var drawn: Catalog
  let names: OldNames

  init(_ change: SchemaChange, old: Catalog, new: Catalog) {
    names = OldNames(old: old, new: new, folding: change.folding)
    shown = new
    drawn = new
    for name in change.objects(.table).removed.sorted() {
      if let table = old.table(name) { insert(names.translated(table), into: names(name).schema, \.tables) }
    }
    for name in change.objects(.view).removed.sorted() {
      if var view = old.view(name) {
        view.dependencies = view.dependencies.map(names.callAsFunction)
        insert(view, into: names(name).schema, \.views)
      }
    }
    drawn = shown
    for change in change.changes where change.action == .removed && change.object.kind == .table {
      restore(change.element, in: change.object.name)
    }
    shown = shown.normalized()
    drawn = drawn.normalized()
  }

  private mutating func insert<T>(_ item: T, into schema: String, _ path: WritableKeyPath<Schema, [T]>) {
    if let i = shown.schemas.firstIndex(where: { $0.name == schema }) {
      shown.schemas[i][keyPath: path].append(item)
    } else {
      var added = Schema(name: schema)
      added[keyPath: path].append(item)
      shown.schemas.append(added)
    }
  }

  /// Puts a removed column (after the others) or foreign key back into the table that lost it.
  private mutating func restore(_ element: SchemaChange.Element, in table: QualifiedName) {
    guard let s = drawn.schemas.firstIndex(where: { $0.name == table.schema }),
      let t = drawn.schemas[s].tables.firstIndex(where: { $0.name == table.name })
    else { return }
    switch element {
    case .column(var column):
      column.ordinal = (drawn.schemas[s].tables[t].columns.map(\.ordinal).max() ?? 0) + 1
      drawn.schemas[s].tables[t].columns.append(column)
    case .foreignKey(var key):
      key.referencedTable = names(key.referencedTable)
      drawn.schemas[s].tables[t].foreignKeys.append(key)
    default: break
    }
  }
}

/// Names from the old catalog in the new catalog's terms: when each catalog has one schema they
/// are the same schema whatever their names (as `SchemaChange` pairs them); otherwise an old
/// schema is the new one of the same folded name, or itself.
struct OldNames {
  private var schemas: [String: String] = [:]

  init(old: Catalog, new: Catalog, folding: NameFolding) {
    if old.schemas.count == 1, new.schemas.count == 1 {
      schemas[old.schemas[0].name] = new.schemas[0].name
      return
    }
    var byFolded: [String: String] = [:]
    for schema in new.schemas { byFolded[folding.fold(schema.name)] = schema.name }
    for schema in old.schemas { schemas[schema.name] = byFolded[folding.fold(schema.name)] }
  }

  func callAsFunction(_ name: QualifiedName) -> QualifiedName {
    QualifiedName(schema: schemas[name.schema] ?? name.schema, name: name.name)
  }

  /// An old table whose references (foreign keys, parents) name the new catalog's schemas.
  func translated(_ table: Table) -> Table {
    var table = table
    for i in table.foreignKeys.indices {
      table.foreignKeys[i].referencedTable = self(table.foreignKeys[i].referencedTable)
    }
    table.inherits = table.inherits.map(callAsFunction)
    table.partitionOf = table.partitionOf.map(callAsFunction)
    return table
  }
}
