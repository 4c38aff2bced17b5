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
  /// What entities are clustered by; nil picks: by schema when the drawing spans several, by
  /// app when the source gives provider positions (`-- atlas:pos`), else none.
  public var groupBy: GroupBy? = nil
  /// Which lines about indexes, checks, triggers and partitions go under each table.
  public var details: DetailLines = .keys
  /// Whether the edges from views to what they read are drawn.
  public var viewEdges: ViewEdges = .auto
  /// Split a folder output into a page per group and an overview (`--split group`).
  public var split: SplitBy? = nil
  /// Draw only these tables and views (a page of a split drawing); nil: all the filter admits.
  public var only: Set<QualifiedName>? = nil
  /// Also draw, as stubs, the tables that reference drawn ones without being drawn themselves,
  /// with their foreign keys (a split page shows what points into it from other pages).
  public var referrerStubs = false
  /// Let `SizeRules` lower the column level of a big drawing (the user did not choose one).
  public var adaptsToSize = false
  /// Choose a big drawing's direction and rows for Graphviz (`LayoutShape`); off when no output
  /// is a picture (JSON and DBML only), where it would be computed for nothing.
  public var shapesLayout = true
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

/// The lines under each table at the `all` column level.
public enum DetailLines: String, Hashable, Sendable, CaseIterable {
  /// None.
  case none
  /// What the columns and their badges do not say: multi-column unique keys, unique indexes,
  /// checks, exclusions and partitions; not plain indexes (Django adds one per foreign key and a
  /// `_like` one per text key) or triggers.
  case keys
  /// Every index, check, exclusion, trigger and partition.
  case all
}

/// Whether to draw view-dependency edges.
public enum ViewEdges: String, Hashable, Sendable, CaseIterable {
  /// Drawn when fewer than `ViewEdges.autoLimit` views are drawn: past that they swamp the
  /// picture; the HTML page and Markdown list what each view reads either way.
  case auto
  case on
  case off

  public static let autoLimit = 10
}

/// What a split drawing makes a page of.
public enum SplitBy: String, Hashable, Sendable, CaseIterable {
  /// One page per group (`groupBy`), a group of more than `SplitPages.pageLimit` tables in parts.
  case group
}
