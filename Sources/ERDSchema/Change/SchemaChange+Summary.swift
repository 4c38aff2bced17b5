extension SchemaChange {
  /// What a change counts as in a summary, in the order a summary lists them.
  public enum Category: String, Hashable, Sendable, CaseIterable {
    case tables, views, enums, domains, columns, primaryKeys, foreignKeys, uniqueConstraints, indexes, checks,
      exclusions, privileges, policies

    /// How a summary names one and several (`table`, `tables`).
    var words: (one: String, many: String) {
      switch self {
      case .tables: return ("table", "tables")
      case .views: return ("view", "views")
      case .enums: return ("enum", "enums")
      case .domains: return ("domain", "domains")
      case .columns: return ("column", "columns")
      case .primaryKeys: return ("primary key", "primary keys")
      case .foreignKeys: return ("foreign key", "foreign keys")
      case .uniqueConstraints: return ("unique constraint", "unique constraints")
      case .indexes: return ("index", "indexes")
      case .checks: return ("check", "checks")
      case .exclusions: return ("exclusion constraint", "exclusion constraints")
      case .privileges: return ("grant", "grants")
      case .policies: return ("policy", "policies")
      }
    }
  }

  /// How many things of one category were added, removed, renamed and changed. `changed` counts
  /// things, not attributes: a column whose type and nullability changed is one changed column.
  public struct Counts: Hashable, Sendable {
    public var added = 0
    public var removed = 0
    public var renamed = 0
    public var changed = 0

    public init(added: Int = 0, removed: Int = 0, renamed: Int = 0, changed: Int = 0) {
      self.added = added
      self.removed = removed
      self.renamed = renamed
      self.changed = changed
    }

    public var isEmpty: Bool { added == 0 && removed == 0 && renamed == 0 && changed == 0 }
  }

  /// The counts of a change list, by category.
  public struct Summary: Hashable, Sendable, CustomStringConvertible {
    /// Only categories with something to count.
    public var counts: [Category: Counts]

    /// One line, categories in order, e.g. `+2 tables, −1 table, 5 columns changed, +3 foreign keys`;
    /// `no change` when there is none.
    public var description: String {
      var parts: [String] = []
      for category in Category.allCases {
        guard let c = counts[category] else { continue }
        let words = category.words
        func noun(_ n: Int) -> String { n == 1 ? words.one : words.many }
        if c.added > 0 { parts.append("+\(c.added) \(noun(c.added))") }
        if c.removed > 0 { parts.append("\u{2212}\(c.removed) \(noun(c.removed))") }
        if c.renamed > 0 { parts.append("\(c.renamed) \(noun(c.renamed)) renamed") }
        if c.changed > 0 { parts.append("\(c.changed) \(noun(c.changed)) changed") }
      }
      return parts.isEmpty ? "no change" : parts.joined(separator: ", ")
    }
  }

  /// The counts of `changes`.
  public var summary: Summary {
    var counts: [Category: Counts] = [:]
    struct Thing: Hashable {
      var object: ObjectName
      var element: Element
    }
    var changed: Set<Thing> = []
    for change in changes {
      let category = change.category
      switch change.action {
      case .added: counts[category, default: Counts()].added += 1
      case .removed: counts[category, default: Counts()].removed += 1
      case .renamed: counts[category, default: Counts()].renamed += 1
      case .changed:
        // One changed thing per element, however many of its attributes changed.
        if changed.insert(Thing(object: change.object, element: change.element)).inserted {
          counts[category, default: Counts()].changed += 1
        }
      }
    }
    return Summary(counts: counts)
  }
}

extension SchemaChange.Change {
  /// The category a summary counts this change under.
  public var category: SchemaChange.Category {
    switch element {
    case .object:
      switch object.kind {
      case .table: return .tables
      case .view: return .views
      case .enumType: return .enums
      case .domain: return .domains
      }
    case .column: return .columns
    case .primaryKey: return .primaryKeys
    case .foreignKey: return .foreignKeys
    case .unique: return .uniqueConstraints
    case .index: return .indexes
    case .check: return .checks
    case .exclusion: return .exclusions
    case .privilege: return .privileges
    case .policy: return .policies
    }
  }
}
