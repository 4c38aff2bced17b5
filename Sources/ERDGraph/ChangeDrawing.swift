import ERDSchema

/// How much of the unchanged schema a change drawing shows around what changed.
public enum ChangeContext: Hashable, Sendable {
  /// The changed tables and views and their neighbours up to this many hops away (0: none).
  case hops(Int)
  /// Every table and view.
  case all
}

extension Drawing {
  /// The drawing of a schema change: the new catalog's tables and views plus those the change
  /// removed (and, in the tables that lost them, the removed columns and foreign keys), narrowed
  /// to what changed and its `context` (or to the neighbourhood of `options.focus`, when given),
  /// every entity, column and foreign key marked.
  ///
  /// The catalogs are the two the change was computed from; the drawing's catalog is the new one
  /// with the removed tables and views put back.
  public init(
    change: SchemaChange, from old: Catalog, to new: Catalog, options: DiagramOptions = DiagramOptions(),
    context: ChangeContext = .hops(1), otherLevels: Bool = false
  ) {
    let folded = { (c: Catalog) in options.foldPartitions ? c.foldingPartitions() : c }
    let catalogs = ChangeCatalog(change, old: folded(old), new: folded(new))
    let marks = ChangeMarks(change, names: catalogs.names)
    var options = options
    options.foldPartitions = false
    // The user's --focus draws that neighbourhood instead of the changed tables'.
    let focused = !options.focus.isEmpty
    if !focused { options.focusNames = marks.focus }
    if case .hops(let depth) = context, !focused { options.depth = depth }
    if context == .all, !focused { options.focusNames = [] }
    let empty = !focused && marks.focus.isEmpty && context != .all
    let draw = { (level: ColumnDetail) -> Diagram in
      var options = options
      options.detail = level
      return marks.apply(to: Self.diagram(catalogs.drawn, options, empty: empty))
    }
    self.init(
      catalog: catalogs.shown, diagram: draw(options.detail),
      otherLevels: otherLevels ? ColumnDetail.allCases.filter { $0 != options.detail }.map(draw) : [])
    self.change = change
  }

  /// The diagram, or an empty one when nothing is to be drawn (no focus would draw everything).
  private static func diagram(_ catalog: Catalog, _ options: DiagramOptions, empty: Bool) -> Diagram {
    var diagram =
      empty
      ? Diagram(direction: options.direction, detail: options.detail, title: options.title)
      : DiagramBuilder.draw(catalog, options: options)
    diagram.heading = options.title.flatMap { $0.isEmpty ? nil : $0 } ?? "Schema change"
    return diagram
  }
}

/// What a change drawing marks, by the names the drawing uses.
struct ChangeMarks {
  private var entities: [QualifiedName: EntityChange] = [:]
  private var columns: [QualifiedName: [String: ColumnChange]] = [:]
  private var edges: [EdgeKey: ChangeMark] = [:]
  private let list: ChangeList
  /// The tables and views that changed (were added, removed or changed), in name order.
  private(set) var focus: [QualifiedName]

  /// A foreign key as both catalogs would draw it: its table, columns and target.
  struct EdgeKey: Hashable {
    var from: QualifiedName
    var columns: [String]
    var to: QualifiedName
  }

  init(_ change: SchemaChange, names: OldNames) {
    list = ChangeList(summary: change.summary.description, lines: change.lines)
    focus = []
    for item in change.changes where [.table, .view].contains(item.object.kind) {
      let removedObject = item.element == .object && item.action == .removed
      let name = removedObject ? names(item.object.name) : item.object.name
      mark(item, as: name, line: change.line(item), detail: change.phrase(item).detail, names: names)
    }
    focus = entities.keys.sorted()
  }

  private mutating func mark(
    _ item: SchemaChange.Change, as name: QualifiedName, line: String, detail: String?, names: OldNames
  ) {
    let mark = Self.mark(item.action)
    var entity = entities[name] ?? EntityChange(mark: .changed)
    if item.element == .object, mark != .changed { entity.mark = mark }
    entity.lines.append(line)
    entities[name] = entity
    switch item.element {
    case .column(let column):
      var marked = columns[name]?[column.name] ?? ColumnChange(mark: mark)
      if let detail { marked.details.append(detail) }
      columns[name, default: [:]][column.name] = marked
    case .foreignKey(let key):
      let target = item.action == .removed ? names(key.referencedTable) : key.referencedTable
      edges[EdgeKey(from: name, columns: key.columns, to: target)] = mark
    default: break
    }
  }

  private static func mark(_ action: SchemaChange.Action) -> ChangeMark {
    switch action {
    case .added: return .added
    case .removed: return .removed
    case .renamed, .changed: return .changed
    }
  }

  /// The diagram with every entity, column and foreign key marked; what did not change is context.
  func apply(to diagram: Diagram) -> Diagram {
    var diagram = diagram
    diagram.changes = list
    for i in diagram.entities.indices {
      let name = diagram.entities[i].name
      diagram.entities[i].change = entities[name] ?? EntityChange(mark: .context)
      for j in diagram.entities[i].columns.indices {
        diagram.entities[i].columns[j].change = columns[name]?[diagram.entities[i].columns[j].name]
      }
    }
    for i in diagram.edges.indices where diagram.edges[i].kind == .foreignKey {
      let edge = diagram.edges[i]
      let ends = [edge.from, edge.to].compactMap { entities[$0]?.mark }.filter { $0 == .added || $0 == .removed }
      diagram.edges[i].change = edges[EdgeKey(from: edge.from, columns: edge.fromColumns, to: edge.to)] ?? ends.first
    }
    return diagram
  }
}
