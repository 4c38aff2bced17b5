/// The difference between two catalogs, as a sorted list of changes: what `erdviz generate --check`
/// summarises and `erdviz diff` draws.
///
/// It is a pure function of the two catalogs and the options: the same inputs give the same value
/// in the same order, whatever order the catalogs list things in and whatever the hash seed.
public struct SchemaChange: Hashable, Sendable {
  /// Every change, in the stable order `Change.precedes(_:)` defines.
  public private(set) var changes: [Change]
  /// The name folding that was used (given in the options, or implied by the engines).
  public let folding: NameFolding
  /// Whether either catalog has more than one schema, so that names shown to people need one.
  public let showsSchemas: Bool

  /// Compares `old` with `new`; names are matched as `options.folding` (or the engines) say.
  public init(from old: Catalog, to new: Catalog, options: Options = Options()) {
    let folding = options.folding ?? NameFolding.forEngines(old.engine, new.engine)
    var comparison = CatalogComparison(old: old, new: new, folding: folding, options: options)
    self.folding = folding
    self.showsSchemas = old.schemas.count > 1 || new.schemas.count > 1
    self.changes = comparison.changes().sorted { $0.precedes($1) }
  }

  /// Whether the two catalogs are the same as far as this model can tell.
  public var isEmpty: Bool { changes.isEmpty }

  /// What to compare and how.
  public struct Options: Hashable, Sendable {
    /// Guess renames: a removed and an added table with the same columns (names and types), or a
    /// removed and an added column of one table with the same type, are one renamed thing. A guess
    /// is made only when it is unambiguous (exactly one candidate on each side); otherwise, and
    /// when this is false, they stay a removal and an addition.
    public var renames: Bool
    /// How names match; nil: as the catalogs' engines imply (`NameFolding.forEngines`).
    public var folding: NameFolding?
    /// When each catalog has exactly one schema, compare those two whatever their names: MySQL DDL
    /// names no database while the live one is `app`, SQLite's is `main` and PostgreSQL's `public`.
    public var pairSingleSchemas: Bool

    public init(renames: Bool = false, folding: NameFolding? = nil, pairSingleSchemas: Bool = true) {
      self.renames = renames
      self.folding = folding
      self.pairSingleSchemas = pairSingleSchemas
    }
  }
}

extension SchemaChange {
  /// One difference: an object (or a part of it) added, removed, renamed, or one attribute changed.
  public struct Change: Hashable, Sendable {
    /// The table, view, enum or domain the change is in, named as in the new catalog (as in the old
    /// one when it was removed).
    public var object: ObjectName
    /// Which part of the object: the object itself, or a column, key, index, … of a table.
    public var element: Element
    public var action: Action

    public init(object: ObjectName, element: Element = .object, action: Action) {
      self.object = object
      self.element = element
      self.action = action
    }
  }

  /// A top-level object of a schema, with what sort of object it is.
  public struct ObjectName: Hashable, Sendable, CustomStringConvertible {
    public var kind: ObjectKind
    public var name: QualifiedName

    public init(_ kind: ObjectKind, _ name: QualifiedName) {
      self.kind = kind
      self.name = name
    }

    public var description: String { "\(kind.rawValue) \(name)" }
  }

  /// The sorts of top-level objects compared. Later kinds (policies, roles) are added here.
  public enum ObjectKind: String, Hashable, Sendable, CaseIterable {
    case table
    case view
    case enumType = "enum"
    case domain
  }

  /// The part of an object a change is about. Constraints carry their value as it is in the
  /// catalog the change was read from (the new one, the old one for a removal), since they have
  /// no name that both catalogs are sure to share; a column carries its value likewise.
  public enum Element: Hashable, Sendable {
    /// The table, view, enum or domain itself.
    case object
    case column(Column)
    case primaryKey(PrimaryKey)
    case foreignKey(ForeignKey)
    case unique(UniqueConstraint)
    case index(Index)
    case check(CheckConstraint)
    case exclusion(ExclusionConstraint)
    /// Privileges granted to one role (on the whole object or some columns): what was granted
    /// or revoked, never both in one change.
    case privilege(Privilege)
    /// A row-level security policy of a table, matched by name.
    case policy(Policy)
  }

  /// What happened to the element.
  public enum Action: Hashable, Sendable {
    case added
    case removed
    /// Guessed only when `Options.renames` asks; the element now carries the new name.
    case renamed(from: String)
    /// One attribute differs; an element with several changed attributes has one change each.
    case changed(Attribute, old: Value, new: Value)
  }

  /// An attribute whose change is reported with its old and new value.
  public enum Attribute: String, Hashable, Sendable, CaseIterable {
    case kind
    case type
    case baseType
    case nullable
    case `default`
    case identity
    case generated
    case columns
    case values
    case definition
    case materialized
    case checks
    case onDelete
    case onUpdate
    case deferrable
    case comment
    case owner
    case rowLevelSecurity
    case command
    case permissive
    case roles
    case using
    case withCheck
  }

  /// An attribute's value: absent, text as the source wrote it, a flag, or a list.
  public enum Value: Hashable, Sendable {
    case none
    case text(String)
    case flag(Bool)
    case list([String])

    init(_ text: String?) { self = text.map(Value.text) ?? .none }
  }
}
