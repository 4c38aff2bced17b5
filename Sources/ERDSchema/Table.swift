/// A base table, with everything declared on it.
public struct Table: Hashable, Sendable {
  /// The fields, shared by copies of the table until one of them is changed: a table is
  /// selected, indexed and drawn far more often than it is changed, and at 300,000 tables every
  /// copy of two dozen inline fields cost 150 MB.
  private var storage: Storage

  public var name: String {
    get { storage.fields.name }
    _modify {
      makeUnique()
      yield &storage.fields.name
    }
  }
  public var kind: TableKind {
    get { storage.fields.kind }
    _modify {
      makeUnique()
      yield &storage.fields.kind
    }
  }
  public var columns: [Column] {
    get { storage.fields.columns }
    _modify {
      makeUnique()
      yield &storage.fields.columns
    }
  }
  public var primaryKey: PrimaryKey? {
    get { storage.fields.primaryKey }
    _modify {
      makeUnique()
      yield &storage.fields.primaryKey
    }
  }
  public var foreignKeys: [ForeignKey] {
    get { storage.fields.foreignKeys }
    _modify {
      makeUnique()
      yield &storage.fields.foreignKeys
    }
  }
  public var uniqueConstraints: [UniqueConstraint] {
    get { storage.fields.uniqueConstraints }
    _modify {
      makeUnique()
      yield &storage.fields.uniqueConstraints
    }
  }
  public var indexes: [Index] {
    get { storage.fields.indexes }
    _modify {
      makeUnique()
      yield &storage.fields.indexes
    }
  }
  public var checks: [CheckConstraint] {
    get { storage.fields.checks }
    _modify {
      makeUnique()
      yield &storage.fields.checks
    }
  }
  public var exclusions: [ExclusionConstraint] {
    get { storage.fields.exclusions }
    _modify {
      makeUnique()
      yield &storage.fields.exclusions
    }
  }
  public var triggers: [Trigger] {
    get { storage.fields.triggers }
    _modify {
      makeUnique()
      yield &storage.fields.triggers
    }
  }
  public var comment: String? {
    get { storage.fields.comment }
    _modify {
      makeUnique()
      yield &storage.fields.comment
    }
  }
  /// For a partition: its parent, the partitioned table.
  public var partitionOf: QualifiedName? {
    get { storage.fields.partitionOf }
    _modify {
      makeUnique()
      yield &storage.fields.partitionOf
    }
  }
  /// For a partition: its bound (`FOR VALUES FROM (…) TO (…)`).
  public var partitionBound: String? {
    get { storage.fields.partitionBound }
    _modify {
      makeUnique()
      yield &storage.fields.partitionBound
    }
  }
  /// For a partitioned table: its key (`RANGE (payment_date)`).
  public var partitionKey: String? {
    get { storage.fields.partitionKey }
    _modify {
      makeUnique()
      yield &storage.fields.partitionKey
    }
  }
  /// For a partitioned table whose partitions were folded under it: their names and bounds.
  public var partitions: [Partition] {
    get { storage.fields.partitions }
    _modify {
      makeUnique()
      yield &storage.fields.partitions
    }
  }
  /// Parents by `INHERITS`, in declared order.
  public var inherits: [QualifiedName] {
    get { storage.fields.inherits }
    _modify {
      makeUnique()
      yield &storage.fields.inherits
    }
  }
  /// Storage options that change meaning: SQLite `WITHOUT ROWID` and `STRICT`.
  public var options: TableOptions {
    get { storage.fields.options }
    _modify {
      makeUnique()
      yield &storage.fields.options
    }
  }
  /// Where the provider program declared it (`models.py:12`).
  public var source: SourceLocation? {
    get { storage.fields.source }
    _modify {
      makeUnique()
      yield &storage.fields.source
    }
  }
  /// The role that owns it, when the source says.
  public var owner: String? {
    get { storage.fields.owner }
    _modify {
      makeUnique()
      yield &storage.fields.owner
    }
  }
  /// What roles other than the owner were granted on it, in `Privilege.grouping`'s form.
  public var privileges: [Privilege] {
    get { storage.fields.privileges }
    _modify {
      makeUnique()
      yield &storage.fields.privileges
    }
  }
  /// nil when row-level security is off.
  public var rowLevelSecurity: RowLevelSecurity? {
    get { storage.fields.rowLevelSecurity }
    _modify {
      makeUnique()
      yield &storage.fields.rowLevelSecurity
    }
  }
  /// Row-level security policies, by name.
  public var policies: [Policy] {
    get { storage.fields.policies }
    _modify {
      makeUnique()
      yield &storage.fields.policies
    }
  }

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
    storage = Storage(
      Fields(
        name: name,
        kind: kind,
        columns: columns,
        primaryKey: primaryKey,
        foreignKeys: foreignKeys,
        uniqueConstraints: uniqueConstraints,
        indexes: indexes,
        checks: checks,
        exclusions: exclusions,
        triggers: triggers,
        comment: comment,
        partitionOf: partitionOf,
        partitionBound: partitionBound,
        partitionKey: partitionKey,
        partitions: partitions,
        inherits: inherits,
        options: options,
        source: source,
        owner: owner,
        privileges: privileges,
        rowLevelSecurity: rowLevelSecurity,
        policies: policies))
  }

  public static func == (a: Table, b: Table) -> Bool { a.storage === b.storage || a.storage.fields == b.storage.fields }

  public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
  }

  /// Changed only while one table alone refers to it (`makeUnique`), so sharing it between
  /// threads is as safe as sharing a value.
  private final class Storage: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private struct Fields: Hashable {
    var name: String
    var kind: TableKind
    var columns: [Column]
    var primaryKey: PrimaryKey?
    var foreignKeys: [ForeignKey]
    var uniqueConstraints: [UniqueConstraint]
    var indexes: [Index]
    var checks: [CheckConstraint]
    var exclusions: [ExclusionConstraint]
    var triggers: [Trigger]
    var comment: String?
    var partitionOf: QualifiedName?
    var partitionBound: String?
    var partitionKey: String?
    var partitions: [Partition]
    var inherits: [QualifiedName]
    var options: TableOptions
    var source: SourceLocation?
    var owner: String?
    var privileges: [Privilege]
    var rowLevelSecurity: RowLevelSecurity?
    var policies: [Policy]
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
