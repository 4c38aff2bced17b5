import ERDGraph
import ERDInspect
import ERDSchema

extension Pipeline {
  /// Fails when a declared relation names a table or column the catalog lacks, listing each one
  /// by its place in the list.
  static func checkRelations(_ request: Request, in catalog: Catalog) throws(RunError) {
    let problems = DeclaredRelation.problems(request.diagram.relations, in: catalog)
    guard let first = problems.first else { return }
    if first.index < request.relationOrigins.count {
      var origin = request.relationOrigins[first.index]
      origin.message = first.description
      throw .config(origin)
    }
    throw .relations(problems)
  }

  /// With `-v`, each inferred and declared edge and why it is drawn; ambiguous names of drawn
  /// tables as warnings (the user has to choose), the other notes of inference with `-v`.
  static func logUndeclared(_ drawing: Drawing, options: DiagramOptions, log: Log) {
    for edge in drawing.diagram.edges where edge.kind.isUndeclaredReference {
      log.info(
        "\(edge.kind.rawValue): \(edge.from)(\(edge.fromColumns.joined(separator: ", "))) → "
          + "\(edge.to)(\(edge.toColumns.joined(separator: ", ")))" + (edge.note.map { ": \($0)" } ?? ""))
    }
    guard options.inferRelations else { return }
    let drawn = Set(drawing.diagram.entities.map(\.name))
    for note in RelationInference.infer(drawing.catalog).notes where drawn.contains(note.table) {
      if case .ambiguous = note.kind { log.warning("inference: \(note)") } else { log.info("inference: \(note)") }
    }
  }
}
