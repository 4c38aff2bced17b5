/// How the drawing of a schema change marks a table, column or relationship.
public enum ChangeMark: String, Hashable, Sendable, CaseIterable {
  case added
  case removed
  /// Present before and after, with something in it (or about it) changed or renamed.
  case changed
  /// Unchanged, drawn only as the neighbourhood of what changed.
  case context
}

/// How an entity of a change drawing changed: its mark and one line per change inside it.
public struct EntityChange: Hashable, Sendable {
  public var mark: ChangeMark
  /// The change lines of this table or view (`~ column order.total: type … → …`), in list order.
  public var lines: [String]

  public init(mark: ChangeMark, lines: [String] = []) {
    self.mark = mark
    self.lines = lines
  }
}

/// How a column of a change drawing changed, and what it was: `type TEXT → varchar(200)`.
public struct ColumnChange: Hashable, Sendable {
  public var mark: ChangeMark
  /// For a changed or renamed column, one detail per changed attribute, old value first.
  public var details: [String]

  public init(mark: ChangeMark, details: [String] = []) {
    self.mark = mark
    self.details = details
  }
}

/// The change a diagram draws, as text: the summary line and every change line, in list order,
/// the changes outside tables and views (enums, domains) included.
public struct ChangeList: Hashable, Sendable {
  public var summary: String
  public var lines: [String]

  public init(summary: String, lines: [String]) {
    self.summary = summary
    self.lines = lines
  }
}
