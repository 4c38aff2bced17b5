extension Catalog {
  /// Folds every partition under its top-most partitioned ancestor, as a diagram wants them.
  ///
  /// Partitions leave `tables` and are listed in the parent's `partitions`; foreign keys declared
  /// only on partitions are lifted to the parent once (pagila declares the same three on each of
  /// `payment`'s partitions), and foreign keys pointing at a partition point at its parent.
  public func foldingPartitions() -> Catalog {
    var parentOf: [QualifiedName: QualifiedName] = [:]
    for schema in schemas {
      for table in schema.tables {
        if let parent = table.partitionOf { parentOf[QualifiedName(schema: schema.name, name: table.name)] = parent }
      }
    }
    guard !parentOf.isEmpty else { return self }

    func root(of name: QualifiedName) -> QualifiedName {
      var current = name
      var seen: Set<QualifiedName> = [name]
      while let parent = parentOf[current], seen.insert(parent).inserted, table(parent) != nil {
        current = parent
      }
      return current
    }

    var folded: [QualifiedName: [Table]] = [:]
    for (name, table) in allTables where parentOf[name] != nil {
      let top = root(of: name)
      if top != name { folded[top, default: []].append(table) }
    }

    var copy = self
    for s in copy.schemas.indices {
      let schemaName = copy.schemas[s].name
      copy.schemas[s].tables = copy.schemas[s].tables.compactMap { table in
        let name = QualifiedName(schema: schemaName, name: table.name)
        if root(of: name) != name { return nil }
        var table = table
        for child in folded[name] ?? [] { table.absorb(partition: child) }
        table.foreignKeys = table.foreignKeys.map { fk in
          var fk = fk
          fk.referencedTable = root(of: fk.referencedTable)
          return fk
        }
        return table
      }
    }
    return copy.normalized()
  }
}

extension Table {
  fileprivate mutating func absorb(partition child: Table) {
    partitions.append(Partition(name: child.name, bound: child.partitionBound))
    for fk in child.foreignKeys where !foreignKeys.contains(where: { $0.sameReference(as: fk) }) {
      var lifted = fk
      lifted.name = nil  // each partition names its own copy; the lifted edge is none of them
      foreignKeys.append(lifted)
    }
  }
}

extension ForeignKey {
  /// Whether both keys link the same columns to the same columns of the same table.
  public func sameReference(as other: ForeignKey) -> Bool {
    columns == other.columns && referencedTable == other.referencedTable
      && referencedColumns == other.referencedColumns
  }
}
