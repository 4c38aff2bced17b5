import ERDSchema

/// What a renderer draws: entities, the edges between them and the groups they sit in.
///
/// Everything that only changes the look (which columns show, which tables are left out, the
/// layout direction) lives here, never in the schema model.
public struct Diagram: Hashable, Sendable {
  /// The tables and views drawn in full.
  public var entities: [Entity]
  /// Tables that a drawn foreign key points at but that are not drawn themselves (a filter or a
  /// focus left them out, or the source does not define them): name only, no columns.
  public var stubs: [Entity]
  /// Foreign keys, inheritance and view dependencies between drawn entities, then the foreign
  /// keys that end at a stub, then the relations the schema does not declare (declared beside
  /// it, then inferred).
  public var edges: [Edge]
  public var groups: [Group]
  /// Enumerated types, drawn as small legends beside the tables that use them.
  public var enums: [EnumNode]
  /// The layout direction the user asked for; nil leaves each format its own default.
  public var direction: Direction?
  public var detail: ColumnDetail
  /// The title the user gave, drawn above the diagram.
  public var title: String?
  /// The heading of pages and documents: the title, else one derived from the schema.
  public var heading: String
  /// The role each entity's `access` is for (`--as-role`); nil when none was asked.
  public var asRole: String?
  /// In the drawing of a schema change (`erdviz diff`): its summary and lines; nil otherwise.
  public var changes: ChangeList?
  /// What `SizeRules` did to draw a big schema, for stderr.
  public var notes: [String] = []
  /// Whether the drawing is big enough that Graphviz's work should be bounded.
  public var boundsLayout = false
  /// For a big drawing, the direction and rows chosen for its graph's shape; nil otherwise.
  public var shape: LayoutShape?

  public init(
    entities: [Entity] = [], stubs: [Entity] = [], edges: [Edge] = [], groups: [Group] = [],
    enums: [EnumNode] = [], direction: Direction? = nil, detail: ColumnDetail = .all, title: String? = nil,
    heading: String? = nil
  ) {
    self.entities = entities
    self.stubs = stubs
    self.edges = edges
    self.groups = groups
    self.enums = enums
    self.direction = direction
    self.detail = detail
    self.title = title
    self.heading = heading ?? title ?? "Schema diagram"
  }

  /// The drawn entity of that name; nil for a stub or a name not in the diagram.
  public func entity(_ name: QualifiedName) -> Entity? { entities.first { $0.name == name } }

  /// The stub of that name, when a foreign key ends at a table that is not drawn.
  public func stub(_ name: QualifiedName) -> Entity? { stubs.first { $0.name == name } }

  /// Whether the drawn entities span several schemas, so names need their schema to be unambiguous.
  public var spansSchemas: Bool { Set(entities.map(\.name.schema)).count > 1 }
}

/// A table or view as drawn: its columns already chosen by the detail level.
public struct Entity: Hashable, Sendable {
  /// The qualified name in the schema.
  public var name: QualifiedName
  /// A unique identifier of ASCII letters, digits and `_`, stable for the same schema.
  public var key: String
  /// The name shown: qualified only when the diagram spans several schemas.
  public var label: String
  public var kind: EntityKind
  public var columns: [EntityColumn]
  /// How many columns the detail level left out.
  public var hiddenColumnCount: Int
  public var comment: String?
  /// One line per index, check, exclusion, trigger, multi-column unique or partition set, shown
  /// under the columns at the `all` detail level.
  public var details: [String]
  /// The group (cluster) this entity is drawn in, by `Group.key`.
  public var group: String?
  /// Row-level security is on: drawn as a lock badge.
  public var rowLevelSecurity: Bool = false
  /// What `Diagram.asRole` may do with it; nil unless a role was asked for.
  public var access: AccessLevel?
  /// In the drawing of a schema change: how this entity changed (or that it is context).
  public var change: EntityChange?

  public init(
    name: QualifiedName, key: String, label: String, kind: EntityKind, columns: [EntityColumn] = [],
    hiddenColumnCount: Int = 0, comment: String? = nil, details: [String] = [], group: String? = nil
  ) {
    self.name = name
    self.key = key
    self.label = label
    self.kind = kind
    self.columns = columns
    self.hiddenColumnCount = hiddenColumnCount
    self.comment = comment
    self.details = details
    self.group = group
  }

  public func column(named name: String) -> EntityColumn? { columns.first { $0.name == name } }
}

public enum EntityKind: String, Hashable, Sendable, CaseIterable {
  case table, partitioned, foreign, virtual, view, materializedView

  public var isView: Bool { self == .view || self == .materializedView }
}

/// One column row of an entity.
public struct EntityColumn: Hashable, Sendable {
  public var name: String
  /// The type as shown: the declared SQL type, with the base type of a domain after it.
  public var type: String
  public var nullable: Bool
  public var keys: KeyRoles
  /// How the column gets its value, briefly: `identity`, `serial`, `generated`, `= now()`.
  public var annotation: String?
  public var comment: String?
  /// In the drawing of a schema change: how this column changed, with its old values.
  public var change: ColumnChange?

  public init(
    name: String, type: String, nullable: Bool, keys: KeyRoles = [], annotation: String? = nil,
    comment: String? = nil
  ) {
    self.name = name
    self.type = type
    self.nullable = nullable
    self.keys = keys
    self.annotation = annotation
    self.comment = comment
  }
}

/// The key roles a column plays, shown as markers (PK, FK, UK).
public struct KeyRoles: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let primary = KeyRoles(rawValue: 1 << 0)
  public static let foreign = KeyRoles(rawValue: 1 << 1)
  public static let unique = KeyRoles(rawValue: 1 << 2)
}

/// A line between two entities: a foreign key (child to parent) or a view reading a relation.
public struct Edge: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case foreignKey
    case viewDependency
    /// A table that `INHERITS` another: from the child to the parent.
    case inheritance
    /// A reference the schema does not declare, read from a column's name (`--infer-relations`);
    /// `note` says which rule made it.
    case inferred
    /// A reference the user declares beside the schema (`relations:` in `erdviz.yml`); `note`
    /// holds its label.
    case declared

    /// Whether the edge is a reference no foreign key declares: drawn dashed, marked as such.
    public var isUndeclaredReference: Bool { self == .inferred || self == .declared }
  }

  public var kind: Kind
  /// The referencing side: the child table, or the view.
  public var from: QualifiedName
  public var fromColumns: [String]
  /// The referenced side: the parent table, or what the view reads.
  public var to: QualifiedName
  public var toColumns: [String]
  /// How many child rows one parent row has: zero-or-one or zero-or-many.
  public var fromCardinality: Cardinality
  /// How many parent rows one child row has: exactly one or zero-or-one.
  public var toCardinality: Cardinality
  /// Whether the foreign key is part of the child's primary key.
  public var identifying: Bool
  public var name: String?
  /// What the foreign key does when its parent row goes or changes its key.
  public var onDelete: ReferentialAction
  public var onUpdate: ReferentialAction
  /// For an inferred edge the rule that made it; for a declared one its label.
  public var note: String?
  /// In the drawing of a schema change: whether this foreign key was added, removed or changed.
  public var change: ChangeMark?

  public init(
    kind: Kind, from: QualifiedName, fromColumns: [String], to: QualifiedName, toColumns: [String],
    fromCardinality: Cardinality, toCardinality: Cardinality, identifying: Bool = false, name: String? = nil,
    onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction, note: String? = nil
  ) {
    self.kind = kind
    self.from = from
    self.fromColumns = fromColumns
    self.to = to
    self.toColumns = toColumns
    self.fromCardinality = fromCardinality
    self.toCardinality = toCardinality
    self.identifying = identifying
    self.name = name
    self.onDelete = onDelete
    self.onUpdate = onUpdate
    self.note = note
  }
}

/// How many rows one end of a relationship allows.
public enum Cardinality: String, Hashable, Sendable, CaseIterable {
  case exactlyOne
  case zeroOrOne
  case zeroOrMany
  case oneOrMany
}

/// An enumerated type and its labels, drawn as a legend.
public struct EnumNode: Hashable, Sendable {
  public var name: QualifiedName
  public var key: String
  public var label: String
  public var values: [String]
  public var group: String?

  public init(name: QualifiedName, key: String, label: String, values: [String], group: String? = nil) {
    self.name = name
    self.key = key
    self.label = label
    self.values = values
    self.group = group
  }
}

/// A cluster of entities: a schema, an app, a name prefix.
public struct Group: Hashable, Sendable {
  public var key: String
  public var label: String
  /// The group's place in the diagram's groups, which picks its colour from a renderer's
  /// palette; a page of a split drawing keeps the slot its group has in the whole.
  public var slot: Int

  public init(key: String, label: String, slot: Int = 0) {
    self.key = key
    self.label = label
    self.slot = slot
  }
}

/// Which way the diagram flows, from children to parents.
public enum Direction: String, Hashable, Sendable, CaseIterable {
  case leftToRight = "LR"
  case rightToLeft = "RL"
  case topToBottom = "TB"
  case bottomToTop = "BT"
}

/// How much of each entity's column list to draw.
public enum ColumnDetail: String, Hashable, Sendable, CaseIterable {
  /// Every column.
  case all
  /// Primary-key, foreign-key and referenced columns only.
  case keys
  /// The entity's name only.
  case none
}
