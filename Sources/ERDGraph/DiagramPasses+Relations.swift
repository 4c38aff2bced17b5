import ERDSchema

/// A reference no foreign key declares: a declared relation that resolved, or an inferred one.
struct UndeclaredReference {
  var kind: Edge.Kind
  var table: QualifiedName
  var columns: [String]
  var parent: QualifiedName
  var parentColumns: [String]
  var note: String?
}

private struct CoveredColumn: Hashable {
  var table: QualifiedName
  var column: String
}

extension DiagramPasses {
  /// The declared relations that resolve, then, when asked, the inferred ones that no declared
  /// relation already covers (inference itself skips columns under a declared foreign key).
  static func undeclaredReferences(_ catalog: Catalog, options: DiagramOptions) -> [UndeclaredReference] {
    var references: [UndeclaredReference] = options.relations.compactMap { relation in
      guard case .success(let r) = relation.resolve(in: catalog) else { return nil }
      return UndeclaredReference(
        kind: .declared, table: r.table, columns: r.columns, parent: r.parentTable, parentColumns: r.parentColumns,
        note: r.label)
    }
    guard options.inferRelations else { return references }
    let covered = Set(references.flatMap { r in r.columns.map { CoveredColumn(table: r.table, column: $0) } })
    for relation in RelationInference.infer(catalog).relations
    where !covered.contains(CoveredColumn(table: relation.table, column: relation.column)) {
      references.append(
        UndeclaredReference(
          kind: .inferred, table: relation.table, columns: [relation.column], parent: relation.referencedTable,
          parentColumns: [relation.referencedColumn], note: relation.rule.description))
    }
    return references
  }

  /// Edges for the undeclared references between drawn entities, after every other edge so that
  /// asking for them renumbers none.
  func undeclaredEdges() -> [Edge] {
    references.filter { selection.drawn.contains($0.table) && selection.drawn.contains($0.parent) }.map(edge(for:))
  }

  /// The same cardinality rule as a foreign key's; a view's columns are never unique.
  private func edge(for reference: UndeclaredReference) -> Edge {
    let child = index.table(reference.table)
    let fk = ForeignKey(
      columns: reference.columns, referencedTable: reference.parent, referencedColumns: reference.parentColumns)
    var ends = (child: Cardinality.zeroOrMany, parent: Cardinality.zeroOrOne)
    if let child {
      ends = DiagramBuilder.cardinality(of: fk, in: child)
    } else if let view = index.view(reference.table),
      reference.columns.allSatisfy({ name in view.columns.first { $0.name == name }?.nullable == false })
    {
      ends.parent = .exactlyOne
    }
    return Edge(
      kind: reference.kind, from: reference.table, fromColumns: reference.columns, to: reference.parent,
      toColumns: reference.parentColumns, fromCardinality: ends.child, toCardinality: ends.parent,
      identifying: Set(reference.columns).isSubset(of: Set(child?.primaryKey?.columns ?? [])), note: reference.note)
  }
}
