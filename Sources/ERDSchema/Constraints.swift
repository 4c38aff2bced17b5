/// The columns that identify a row.
public struct PrimaryKey: Hashable, Sendable {
  public var name: String?
  public var columns: [String]

  public init(name: String? = nil, columns: [String]) {
    self.name = name
    self.columns = columns
  }
}

/// A foreign key: one constraint, however many columns it spans.
public struct ForeignKey: Hashable, Sendable {
  public var name: String?
  public var columns: [String]
  public var referencedTable: QualifiedName
  /// Empty when the DDL left them out (they are then the referenced table's primary key).
  public var referencedColumns: [String]
  public var onDelete: ReferentialAction
  public var onUpdate: ReferentialAction
  public var deferrable: Bool
  public var initiallyDeferred: Bool
  /// `MATCH FULL`/`MATCH PARTIAL`; nil for the default, `MATCH SIMPLE`.
  public var match: String?
  public var comment: String?

  public init(
    name: String? = nil, columns: [String], referencedTable: QualifiedName,
    referencedColumns: [String], onDelete: ReferentialAction = .noAction,
    onUpdate: ReferentialAction = .noAction, deferrable: Bool = false,
    initiallyDeferred: Bool = false, match: String? = nil, comment: String? = nil
  ) {
    self.name = name
    self.columns = columns
    self.referencedTable = referencedTable
    self.referencedColumns = referencedColumns
    self.onDelete = onDelete
    self.onUpdate = onUpdate
    self.deferrable = deferrable
    self.initiallyDeferred = initiallyDeferred
    self.match = match
    self.comment = comment
  }
}

/// What happens to referencing rows when the referenced row changes.
public enum ReferentialAction: String, Hashable, Sendable, CaseIterable {
  case noAction = "NO ACTION"
  case restrict = "RESTRICT"
  case cascade = "CASCADE"
  case setNull = "SET NULL"
  case setDefault = "SET DEFAULT"

  /// Reads the SQL spelling in any case and spacing (`set null`, `SET  NULL`, `no_action`).
  public init?(sql: String) {
    let words = sql.uppercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\t" })
    self.init(rawValue: words.joined(separator: " "))
  }
}

/// A `UNIQUE` constraint (unique indexes that are not constraints live in `Table.indexes`).
public struct UniqueConstraint: Hashable, Sendable {
  public var name: String?
  public var columns: [String]
  public var nullsNotDistinct: Bool
  public var deferrable: Bool
  public var comment: String?

  public init(
    name: String? = nil, columns: [String], nullsNotDistinct: Bool = false,
    deferrable: Bool = false, comment: String? = nil
  ) {
    self.name = name
    self.columns = columns
    self.nullsNotDistinct = nullsNotDistinct
    self.deferrable = deferrable
    self.comment = comment
  }
}

/// A `CHECK` constraint, its expression kept as SQL text.
public struct CheckConstraint: Hashable, Sendable {
  public var name: String?
  public var expression: String
  public var comment: String?

  public init(name: String? = nil, expression: String, comment: String? = nil) {
    self.name = name
    self.expression = expression
    self.comment = comment
  }
}

/// A PostgreSQL `EXCLUDE` constraint, kept as its definition text.
public struct ExclusionConstraint: Hashable, Sendable {
  public var name: String?
  public var definition: String
  public var comment: String?

  public init(name: String? = nil, definition: String, comment: String? = nil) {
    self.name = name
    self.definition = definition
    self.comment = comment
  }
}
