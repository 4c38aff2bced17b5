extension SchemaChange {
  /// Which objects of one kind a change list touches, for a renderer to mark them (and draw their
  /// neighbours as context).
  public struct ObjectSets: Hashable, Sendable {
    /// Named as in the new catalog.
    public var added: Set<QualifiedName> = []
    /// Named as in the old catalog.
    public var removed: Set<QualifiedName> = []
    /// Present in both (named as in the new catalog) with something inside changed, or renamed.
    public var changed: Set<QualifiedName> = []
    /// A renamed object's new name → its old name (in the old catalog's spelling).
    public var renamedFrom: [QualifiedName: String] = [:]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
  }

  /// The tables (or views, enums, domains) this change adds, removes or changes.
  public func objects(_ kind: ObjectKind = .table) -> ObjectSets {
    var sets = ObjectSets()
    for change in changes where change.object.kind == kind {
      let name = change.object.name
      switch (change.element, change.action) {
      case (.object, .added): sets.added.insert(name)
      case (.object, .removed): sets.removed.insert(name)
      case (.object, .renamed(let from)):
        sets.changed.insert(name)
        sets.renamedFrom[name] = from
      default: sets.changed.insert(name)
      }
    }
    return sets
  }

  /// The changes grouped by the object they are in, each group in list order.
  public var byObject: [ObjectName: [Change]] { Dictionary(grouping: changes, by: \.object) }
}
