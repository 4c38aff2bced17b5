import ERDSchema

/// What every renderer is given: the catalog as drawn and the diagram drawn from it.
///
/// The catalog is the whole inspected catalog, never filtered (partitions folded under their
/// parent when the options say so); renderers that show catalog detail look definitions up in it,
/// and draw only what the diagram holds.
public struct Drawing: Sendable {
  public var catalog: Catalog {
    didSet { index = CatalogIndex(catalog) }
  }
  /// `definition(of:)`'s lookups, which renderers make once per entity.
  private var index: CatalogIndex
  public var diagram: Diagram
  /// The same diagram at the other column-detail levels, for the HTML page's level switch;
  /// empty unless asked for.
  public var otherLevels: [Diagram]
  /// For each drawn entity, in order, the diagram of it and its neighbours one hop away, for
  /// per-table pages; empty unless asked for.
  public var tablePages: [Diagram] = []
  /// The diagram split into pages and an overview (`--split group`); nil unless asked for.
  public var split: SplitPages?
  /// `erdviz lint` findings, shown per table by the Markdown and HTML renderers; nil unless the
  /// run asks for them, so nothing changes by default.
  public var findings: [Finding]?
  /// For the drawing of a schema change (`erdviz diff`): the change; nil for a plain drawing.
  public var change: SchemaChange?

  /// Draws a catalog: folds partitions when asked, then builds the diagram, and with
  /// `otherLevels` the diagram at each other detail level with every other option the same.
  public init(
    _ catalog: Catalog, options: DiagramOptions = DiagramOptions(), otherLevels: Bool = false, tablePages: Bool = false,
    splitPages: Bool = false
  ) {
    let catalog = options.foldPartitions ? catalog.foldingPartitions() : catalog
    self.catalog = catalog
    diagram = DiagramBuilder.draw(catalog, options: options)
    // After the drawing, whose passes hold an index of their own until they end.
    index = CatalogIndex(catalog)
    // Past `SizeRules.otherLevelsUpTo` entities the page holds its one level: each other level
    // would cost a full Graphviz layout (at 500 tables the page took three times one SVG).
    self.otherLevels =
      !otherLevels || diagram.entities.count > SizeRules.otherLevelsUpTo
      ? []
      : ColumnDetail.allCases.filter { $0 != options.detail }.map { level in
        var options = options
        options.detail = level
        return DiagramBuilder.draw(catalog, options: options)
      }
    if tablePages { self.tablePages = Self.pages(of: diagram, catalog: catalog, options: options) }
    if splitPages {
      let split = SplitPages(diagram, catalog: catalog, options: options)
      if let note = split.overviewNote { self.diagram.notes.append(note) }
      self.split = split
    }
  }

  /// Each entity with its one-hop neighbourhood, every other option the same.
  private static func pages(of diagram: Diagram, catalog: Catalog, options: DiagramOptions) -> [Diagram] {
    diagram.entities.map { entity in
      var focused = options
      focused.focus = []
      focused.focusNames = [entity.name]
      focused.depth = 1
      focused.title = nil
      return DiagramBuilder.draw(catalog, options: focused)
    }
  }

  /// A drawing of diagrams built elsewhere (tests, hand-made diagrams).
  public init(catalog: Catalog, diagram: Diagram, otherLevels: [Diagram] = []) {
    self.catalog = catalog
    index = CatalogIndex(catalog)
    self.diagram = diagram
    self.otherLevels = otherLevels
  }

  /// The table or view behind a diagram entity or stub.
  public func definition(of name: QualifiedName) -> EntityDefinition? {
    if let table = index.table(name) { return .table(table) }
    if let view = index.view(name) { return .view(view) }
    return nil
  }
}

/// A table or a view, as the catalog defines it.
public enum EntityDefinition: Sendable {
  case table(Table)
  case view(View)

  public var columns: [Column] {
    switch self {
    case .table(let t): return t.columns.filter { !$0.hidden }
    case .view(let v): return v.columns
    }
  }

  public var comment: String? {
    switch self {
    case .table(let t): return t.comment
    case .view(let v): return v.comment
    }
  }
}
