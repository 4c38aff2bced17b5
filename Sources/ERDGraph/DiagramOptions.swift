import ERDSchema

/// How to turn a catalog into a diagram: what to include and how much of it to show.
public struct DiagramOptions: Hashable, Sendable {
  public var filter: NameFilter
  public var detail: ColumnDetail
  /// nil: each format's default (left to right for Graphviz, top to bottom for Mermaid).
  public var direction: Direction?
  /// Draw views (and their dependency edges).
  public var includeViews: Bool
  public var title: String?

  public init(
    filter: NameFilter = NameFilter(), detail: ColumnDetail = .all, direction: Direction? = nil,
    includeViews: Bool = true, title: String? = nil
  ) {
    self.filter = filter
    self.detail = detail
    self.direction = direction
    self.includeViews = includeViews
    self.title = title
  }
}
