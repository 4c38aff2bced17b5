import ERDSchema

/// How to turn a catalog into a diagram: what to draw and how much of it to show.
///
/// Everything here only changes the look; none of it changes the catalog.
public struct DiagramOptions: Hashable, Sendable {
  /// Which tables and views are drawn; a foreign key to one left out ends in a stub.
  public var filter: NameFilter
  /// Tables and views (glob patterns, as the filter's) to draw with their neighbourhood only.
  public var focus: [String]
  /// Tables and views to focus on by exact name, as the per-table pages do.
  public var focusNames: [QualifiedName] = []
  /// How many relationship hops from a focused table are drawn.
  public var depth: Int
  public var detail: ColumnDetail
  /// nil: each format's default (left to right for Graphviz, top to bottom for Mermaid).
  public var direction: Direction?
  /// Draw views (and their dependency edges).
  public var includeViews: Bool
  /// Draw partitions folded under their partitioned table (the default) or as tables of their own.
  public var foldPartitions: Bool
  public var title: String?
  /// Draw the references column names suggest (`RelationInference`), dashed and marked inferred.
  public var inferRelations: Bool
  /// Relations declared beside the schema, drawn dashed and marked declared; the pipeline checks
  /// them with `DeclaredRelation.problems(_:in:)` before drawing, and the builder leaves out any
  /// that does not resolve.
  public var relations: [DeclaredRelation]
  /// Colour every table by what this role may do with it (`AccessLevel`); nil: by kind.
  public var asRole: String?

  public init(
    filter: NameFilter = NameFilter(), focus: [String] = [], depth: Int = 1, detail: ColumnDetail = .all,
    direction: Direction? = nil, includeViews: Bool = true, foldPartitions: Bool = true, title: String? = nil,
    inferRelations: Bool = false, relations: [DeclaredRelation] = [], asRole: String? = nil
  ) {
    self.filter = filter
    self.focus = focus
    self.depth = depth
    self.detail = detail
    self.direction = direction
    self.includeViews = includeViews
    self.foldPartitions = foldPartitions
    self.title = title
    self.inferRelations = inferRelations
    self.relations = relations
    self.asRole = asRole
  }
}
