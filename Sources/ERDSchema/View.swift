/// A view or materialized view, with the relations its query reads.
public struct View: Hashable, Sendable {
  public var name: String
  public var materialized: Bool
  public var columns: [Column]
  /// The view's query as SQL text.
  public var definition: String?
  /// The tables and views the query reads, drawn as dependency edges.
  public var dependencies: [QualifiedName]
  /// Indexes on a materialized view.
  public var indexes: [Index]
  public var comment: String?
  public var source: SourceLocation?
  /// The role that owns it, when the source says.
  public var owner: String?
  /// What roles other than the owner were granted on it (row-level security is for tables only).
  public var privileges: [Privilege]

  public init(
    name: String, materialized: Bool = false, columns: [Column] = [], definition: String? = nil,
    dependencies: [QualifiedName] = [], indexes: [Index] = [], comment: String? = nil,
    source: SourceLocation? = nil, owner: String? = nil, privileges: [Privilege] = []
  ) {
    self.name = name
    self.materialized = materialized
    self.columns = columns
    self.definition = definition
    self.dependencies = dependencies
    self.indexes = indexes
    self.comment = comment
    self.source = source
    self.owner = owner
    self.privileges = privileges
  }
}
