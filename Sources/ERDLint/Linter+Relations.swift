import ERDGraph
import ERDSchema

extension Linter {
  /// A table nothing references, that references nothing and inherits or is inherited by
  /// nothing, even by the names of its columns: often a leftover. A relation only inference
  /// finds counts (`inferred-relation` reports it), so a schema without foreign keys does not
  /// flag every table twice.
  static func isolatedTables(_ catalog: Catalog) -> [Finding] {
    var related: Set<QualifiedName> = []
    for (name, table) in catalog.allTables {
      for fk in table.foreignKeys where fk.referencedTable != name {
        related.formUnion([name, fk.referencedTable])
      }
      for parent in table.inherits { related.formUnion([name, parent]) }
    }
    for relation in RelationInference.infer(catalog).relations where relation.referencedTable != relation.table {
      related.formUnion([relation.table, relation.referencedTable])
    }
    return catalog.allTables.filter { !related.contains($0.name) }.map { name, _ in
      finding(.isolatedTable, name, [], "table has no relation to another table, declared or inferred")
    }
  }

  /// The relations `--infer-relations` would draw: each could be a declared foreign key.
  static func inferredRelations(_ catalog: Catalog) -> [Finding] {
    RelationInference.infer(catalog).relations.map { relation in
      finding(
        .inferredRelation, relation.table, [relation.column],
        "looks like a reference to \(shown(relation.referencedTable, catalog)).\(relation.referencedColumn) "
          + "(\(relation.rule)): "
          + "declare a foreign key")
    }
  }
}
