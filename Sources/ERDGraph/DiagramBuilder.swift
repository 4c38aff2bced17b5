import ERDSchema

/// Turns a catalog into a diagram. Pure: the same catalog and options give the same diagram.
///
/// The catalog comes in canonical order (every inspector returns it `normalized()`), and each pass
/// keeps that order: choose what is drawn, then its entities, enums, stubs, edges and groups.
public enum DiagramBuilder {
  /// The diagram of a catalog, partitions folded first when the options ask for it.
  public static func build(_ catalog: Catalog, options: DiagramOptions = DiagramOptions()) -> Diagram {
    draw(options.foldPartitions ? catalog.foldingPartitions() : catalog, options: options)
  }

  /// The diagram of a catalog already shaped for drawing (partitions folded or not).
  static func draw(_ catalog: Catalog, options asked: DiagramOptions) -> Diagram {
    let selection = Selection(catalog, options: asked)
    let count = selection.tables.count + selection.views.count
    var options = asked
    if asked.adaptsToSize { options.detail = SizeRules.detail(for: count, asked: asked.detail) }
    var passes = DiagramPasses(catalog: catalog, options: options, selection: selection)
    var entities = passes.tableEntities() + passes.viewEntities()
    var enums = passes.enumNodes()
    let stubs = passes.stubEntities()
    let edges =
      passes.foreignKeyEdges() + passes.inheritanceEdges() + passes.viewEdges() + passes.stubEdges()
      + passes.undeclaredEdges() + passes.referrerEdges()
    let groups = passes.groups(&entities, &enums)
    passes.markAccess(&entities)
    var diagram = Diagram(
      entities: entities, stubs: stubs, edges: edges, groups: groups, enums: enums, direction: options.direction,
      detail: options.detail, title: options.title, heading: passes.heading())
    diagram.boundsLayout = count > SizeRules.boundedLayoutAbove
    if diagram.boundsLayout && options.shapesLayout { diagram.shape = LayoutShape(diagram, asked: options.direction) }
    diagram.notes = SizeRules.notes(
      count: count, asked: asked.detail, drawn: options.detail, split: asked.split != nil, shape: diagram.shape,
      direction: options.direction)
    diagram.asRole = options.asRole
    return diagram
  }

  /// The cardinality rule, the same for every renderer:
  /// parent end exactly one when every FK column is NOT NULL, else zero-or-one;
  /// child end zero-or-one when a PK or UNIQUE constraint covers exactly the FK columns, else zero-or-many.
  public static func cardinality(of fk: ForeignKey, in child: Table) -> (child: Cardinality, parent: Cardinality) {
    let allNotNull = fk.columns.allSatisfy { child.column(named: $0)?.nullable == false }
    return (child.isUnique(fk.columns) ? .zeroOrOne : .zeroOrMany, allNotNull ? .exactlyOne : .zeroOrOne)
  }
}

/// What a diagram draws in full: the tables and views its filter admits, narrowed to the
/// neighbourhood of the focused ones when there are any.
struct Selection {
  var tables: [(name: QualifiedName, table: Table)]
  /// Empty when views are left out.
  var views: [(name: QualifiedName, view: View)]
  var drawn: Set<QualifiedName>
  /// Tables not drawn whose foreign keys point at drawn ones, when the options ask for them.
  var referrers: [(name: QualifiedName, table: Table)] = []
  /// The schemas of the selected tables and views (views counted even when left out).
  var schemas: Set<String>
  /// Whether labels carry their schema: the selected tables and views span several schemas.
  var qualifiesLabels: Bool { schemas.count > 1 }

  init(_ catalog: Catalog, options: DiagramOptions) {
    var tables = catalog.allTables.filter { options.filter.admits($0.name) }
    var views = catalog.allViews.filter { options.filter.admits($0.name) }
    let admitted = tables
    if let only = options.only {
      tables = tables.filter { only.contains($0.name) }
      views = views.filter { only.contains($0.name) }
    }
    if !options.focus.isEmpty || !options.focusNames.isEmpty {
      let reached = Neighbourhood(tables: tables, views: views)
        .around(options.focus, names: options.focusNames, depth: options.depth)
      tables = tables.filter { reached.contains($0.name) }
      views = views.filter { reached.contains($0.name) }
    }
    self.tables = tables
    self.views = options.includeViews ? views : []
    drawn = Set(tables.map(\.name) + self.views.map(\.name))
    schemas = Set(tables.map(\.name.schema) + views.map(\.name.schema))
    let drawn = drawn
    referrers =
      !options.referrerStubs
      ? []
      : admitted.filter {
        !drawn.contains($0.name) && $0.table.foreignKeys.contains { drawn.contains($0.referencedTable) }
      }
  }
}

/// The tables and views within some hops of others, over foreign keys, inheritance and view
/// dependencies in both directions.
struct Neighbourhood {
  private var adjacent: [QualifiedName: Set<QualifiedName>] = [:]
  private let names: [QualifiedName]

  init(tables: [(name: QualifiedName, table: Table)], views: [(name: QualifiedName, view: View)]) {
    names = tables.map(\.name) + views.map(\.name)
    let present = Set(names)
    func link(_ a: QualifiedName, _ b: QualifiedName) {
      guard present.contains(a), present.contains(b) else { return }
      adjacent[a, default: []].insert(b)
      adjacent[b, default: []].insert(a)
    }
    for (name, table) in tables {
      for fk in table.foreignKeys { link(name, fk.referencedTable) }
      for parent in table.inherits { link(name, parent) }
    }
    for (name, view) in views { for dependency in view.dependencies { link(name, dependency) } }
  }

  /// The names matching any pattern or named exactly, and everything up to `depth` hops from them.
  func around(_ patterns: [String], names exact: [QualifiedName], depth: Int) -> Set<QualifiedName> {
    let wanted = Set(exact)
    var reached = Set(
      names.filter { name in wanted.contains(name) || patterns.contains { NameFilter.matches($0, name) } })
    var frontier = reached
    for _ in 0..<max(0, depth) where !frontier.isEmpty {
      frontier = Set(frontier.flatMap { adjacent[$0] ?? [] }).subtracting(reached)
      reached.formUnion(frontier)
    }
    return reached
  }
}
