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
  static func draw(_ catalog: Catalog, options: DiagramOptions) -> Diagram {
    let selection = Selection(catalog, options: options)
    var passes = DiagramPasses(catalog: catalog, options: options, selection: selection)
    var entities = passes.tableEntities() + passes.viewEntities()
    var enums = passes.enumNodes()
    let stubs = passes.stubEntities()
    let edges =
      passes.foreignKeyEdges() + passes.inheritanceEdges() + passes.viewEdges() + passes.stubEdges()
      + passes.undeclaredEdges()
    let groups = passes.groups(&entities, &enums)
    return Diagram(
      entities: entities, stubs: stubs, edges: edges, groups: groups, enums: enums, direction: options.direction,
      detail: options.detail, title: options.title, heading: passes.heading())
  }

  /// The cardinality rule, the same for every renderer:
  /// parent end exactly one when every FK column is NOT NULL, else zero-or-one;
  /// child end zero-or-one when a PK or UNIQUE constraint covers exactly the FK columns, else zero-or-many.
  public static func cardinality(of fk: ForeignKey, in child: Table) -> (child: Cardinality, parent: Cardinality) {
    let allNotNull = fk.columns.allSatisfy { child.column(named: $0)?.nullable == false }
    return (child.isUnique(fk.columns) ? .zeroOrOne : .zeroOrMany, allNotNull ? .exactlyOne : .zeroOrOne)
  }
}

/// What a diagram draws in full: the tables and views its filter admits.
struct Selection {
  var tables: [(name: QualifiedName, table: Table)]
  /// Empty when views are left out.
  var views: [(name: QualifiedName, view: View)]
  var drawn: Set<QualifiedName>
  /// The schemas of the admitted tables and views (views counted even when left out).
  var schemas: Set<String>
  /// Whether labels carry their schema: the admitted tables and views span several schemas.
  var qualifiesLabels: Bool { schemas.count > 1 }
  /// Whether entities are clustered by schema: for now, exactly when labels are qualified.
  var groupsBySchema: Bool { schemas.count > 1 }

  init(_ catalog: Catalog, options: DiagramOptions) {
    let filter = options.filter
    tables = catalog.allTables.filter { filter.admits($0.name) }
    let admittedViews = catalog.allViews.filter { filter.admits($0.name) }
    views = options.includeViews ? admittedViews : []
    drawn = Set(tables.map(\.name) + views.map(\.name))
    schemas = Set(tables.map(\.name.schema) + admittedViews.map(\.name.schema))
  }
}
