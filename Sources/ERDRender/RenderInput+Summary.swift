import ERDGraph
import ERDSchema

extension RenderInput {
  /// The diagram's title, or a plain one derived from the schema for pages that need a heading.
  var displayTitle: String {
    if let title = diagram.title, !title.isEmpty { return title }
    let names = catalog.schemas.filter { !$0.tables.isEmpty || !$0.views.isEmpty }.map(\.name)
    if names.count == 1, let name = names.first, !["main", "public", "dbo", ""].contains(name) {
      return "\(name) schema"
    }
    return "Schema diagram"
  }

  /// `11 tables · 2 views · 11 relationships`.
  var summary: String {
    let views = diagram.entities.filter(\.kind.isView).count
    let tables = diagram.entities.count - views
    let relationships = diagram.edges.filter { $0.kind == .foreignKey }.count
    var parts = [Self.count(tables, "table")]
    if views > 0 { parts.append(Self.count(views, "view")) }
    parts.append(Self.count(relationships, "relationship"))
    return parts.joined(separator: " · ")
  }

  /// The schema definition behind a diagram entity: a table or a view of the catalog.
  func definition(of entity: Entity) -> EntityDefinition? {
    if let table = catalog.table(entity.name) { return .table(table) }
    if let view = catalog.view(entity.name) { return .view(view) }
    return nil
  }

  /// Whether the diagram spans several schemas, so names need their schema to be unambiguous.
  var spansSchemas: Bool { Set(diagram.entities.map(\.name.schema)).count > 1 }

  private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

/// A table or a view, as the catalog defines it.
enum EntityDefinition {
  case table(Table)
  case view(View)

  var columns: [Column] {
    switch self {
    case .table(let t): return t.columns.filter { !$0.hidden }
    case .view(let v): return v.columns
    }
  }

  var comment: String? {
    switch self {
    case .table(let t): return t.comment
    case .view(let v): return v.comment
    }
  }
}
