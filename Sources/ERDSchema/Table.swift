/// A base table, with everything declared on it.
public struct Table: Hashable, Sendable {
  public var name: String
  public var kind: TableKind
  public var columns: [Column]
  public var primaryKey: PrimaryKey?
  public var foreignKeys: [ForeignKey]
  public var uniqueConstraints: [UniqueConstraint]
  public var indexes: [Index]
  public var checks: [CheckConstraint]
  public var exclusions: [ExclusionConstraint]
  public var triggers: [Trigger]
  public var comment: String?
  /// For a partition: its parent, the partitioned table.
  public var partitionOf: QualifiedName?
  /// For a partition: its bound (`FOR VALUES FROM (…) TO (…)`).
  public var partitionBound: String?
  /// For a partitioned table: its key (`RANGE (payment_date)`).
  public var partitionKey: String?
  /// For a partitioned table whose partitions were folded under it: their names and bounds.
  public var partitions: [Partition]
  /// Parents by `INHERITS`, in declared order.
  public var inherits: [QualifiedName]
  /// Storage options that change meaning: SQLite `WITHOUT ROWID` and `STRICT`.
  public var options: TableOptions
  /// Where the provider program declared it (`models.py:12`).
  public var source: SourceLocation?
  /// The role that owns it, when the source says.
  public var owner: String?
  /// What roles other than the owner were granted on it, in `Privilege.grouping`'s form.
  public var privileges: [Privilege]
  /// nil when row-level security is off.
  public var rowLevelSecurity: RowLevelSecurity?
  /// Row-level security policies, by name.
  public var policies: [Policy]

  public init(
    name: String, kind: TableKind = .table, columns: [Column] = [], primaryKey: PrimaryKey? = nil,
    foreignKeys: [ForeignKey] = [], uniqueConstraints: [UniqueConstraint] = [],
    indexes: [Index] = [], checks: [CheckConstraint] = [], exclusions: [ExclusionConstraint] = [],
    triggers: [Trigger] = [], comment: String? = nil, partitionOf: QualifiedName? = nil,
    partitionBound: String? = nil, partitionKey: String? = nil, partitions: [Partition] = [],
    inherits: [QualifiedName] = [], options: TableOptions = [], source: SourceLocation? = nil,
    owner: String? = nil, privileges: [Privilege] = [], rowLevelSecurity: RowLevelSecurity? = nil,
    policies: [Policy] = []
  ) {
    self.name = name
    self.kind = kind
    self.columns = columns
    self.primaryKey = primaryKey
    self.foreignKeys = foreignKeys
    self.uniqueConstraints = uniqueConstraints
    self.indexes = indexes
    self.checks = checks
    self.exclusions = exclusions
    self.triggers = triggers
    self.comment = comment
    self.partitionOf = partitionOf
    self.partitionBound = partitionBound
    self.partitionKey = partitionKey
    self.partitions = partitions
    self.inherits = inherits
    self.options = options
    self.source = source
    self.owner = owner
    self.privileges = privileges
    self.rowLevelSecurity = rowLevelSecurity
    self.policies = policies
  }

  public func column(named name: String) -> Column? { columns.first { $0.name == name } }

  /// Whether a primary key, a unique constraint or a full unique index covers exactly `columns`.
  ///
  /// Partial and expression indexes do not count: they do not make the columns unique.
  public func isUnique(_ columns: [String]) -> Bool {
    let wanted = Set(columns)
    guard !wanted.isEmpty else { return false }
    if let pk = primaryKey, Set(pk.columns) == wanted { return true }
    if uniqueConstraints.contains(where: { Set($0.columns) == wanted }) { return true }
    return indexes.contains { index in
      guard index.unique, index.predicate == nil, let names = index.plainColumns else { return false }
      return Set(names) == wanted
    }
  }
}

/// What sort of table this is.
public enum TableKind: String, Hashable, Sendable, CaseIterable {
  case table
  /// A PostgreSQL partitioned table (`PARTITION BY`).
  case partitioned
  /// A foreign table (`CREATE FOREIGN TABLE`) or an SQLite virtual table.
  case foreign
  case virtual
}

/// A partition folded under its parent.
public struct Partition: Hashable, Sendable {
  public var name: String
  public var bound: String?

  public init(name: String, bound: String? = nil) {
    self.name = name
    self.bound = bound
  }
}

/// Table storage options that change what the table means.
public struct TableOptions: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let withoutRowID = TableOptions(rawValue: 1 << 0)
  public static let strict = TableOptions(rawValue: 1 << 1)
  public static let unlogged = TableOptions(rawValue: 1 << 2)
}
