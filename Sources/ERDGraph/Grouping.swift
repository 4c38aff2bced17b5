import ERDSchema

/// What entities are clustered by.
public enum GroupBy: String, Hashable, Sendable, CaseIterable {
  /// One cluster per schema.
  case schema
  /// One cluster per Django app (or other provider package), from the provider's `-- atlas:pos`
  /// positions: the package holding the model's `models.py` or `models/`.
  case app
  /// One cluster per table-name prefix (`billing_invoice` → `billing`), merged so that no
  /// cluster holds one table alone.
  case prefix
  /// No clusters.
  case none
}

/// The groups of a selection and the group of each entity in it.
struct Grouping {
  /// A table or view to place: its name, where the provider says it is defined, and the names it
  /// references (foreign keys, inheritance, what a view reads).
  struct Member {
    var name: QualifiedName
    var source: String?
    var references: [QualifiedName]
  }

  private(set) var groupOf: [QualifiedName: String] = [:]
  private(set) var groups: [Group] = []
  /// What the members are grouped by, once chosen.
  let by: GroupBy
  var isBySchema: Bool { by == .schema }

  /// The grouping `by` asks for; nil picks one: by schema when the members span several, by app
  /// when the source gave positions, else `otherwise` (a split drawing groups by prefix).
  init(_ members: [Member], by: GroupBy?, schemaOrder: [String], otherwise: GroupBy = .none) {
    self.by = by ?? Self.automatic(members, otherwise: otherwise)
    switch self.by {
    case .none: return
    case .schema: assign(members.map { ($0.name, $0.name.schema) }, order: schemaOrder)
    case .app: assign(Self.apps(members), order: nil)
    case .prefix: assign(Self.prefixes(members), order: nil)
    }
  }

  static func automatic(_ members: [Member], otherwise: GroupBy) -> GroupBy {
    if Set(members.map(\.name.schema)).count > 1 { return .schema }
    return members.contains { $0.source != nil } ? .app : otherwise
  }

  /// Keeps the groups that hold a member, in `order` (else by label), each with a key of
  /// identifier characters (`KeyAllocator`) and its palette slot.
  private mutating func assign(_ pairs: [(QualifiedName, String)], order: [String]?) {
    let used = Set(pairs.map(\.1))
    let labels = order.map { $0.filter(used.contains) } ?? used.sorted()
    var allocator = KeyAllocator()
    var keys: [String: String] = [:]
    for (slot, label) in labels.enumerated() {
      let key = allocator.key(for: QualifiedName(schema: "", name: label), qualified: false)
      keys[label] = key
      groups.append(Group(key: key, label: label, slot: slot))
    }
    for (name, label) in pairs { groupOf[name] = keys[label] }
  }
}

extension Grouping {
  /// The app of a provider position: the folder holding `models.py` or `models/`, else the
  /// folder of the file (`django/contrib/auth/models.py` → `auth`, `shop/models/order.py` → `shop`).
  static func app(ofFile file: String) -> String? {
    let parts = file.split(separator: "/").map(String.init)
    guard !parts.isEmpty else { return nil }
    if let models = parts.lastIndex(where: { $0 == "models.py" || $0 == "models" }), models > 0,
      parts[models] == "models.py" || models < parts.count - 1
    {
      return parts[models - 1]
    }
    if parts.count > 1 { return parts[parts.count - 2] }
    let stem = parts[0].split(separator: ".").first.map(String.init) ?? parts[0]
    return stem.isEmpty ? nil : stem
  }

  /// Apps from positions; a member without one (a many-to-many through table) joins the member
  /// its name extends (`auth_user_groups` → `auth_user`), else the app its foreign keys point at.
  static func apps(_ members: [Member]) -> [(QualifiedName, String)] {
    var app: [QualifiedName: String] = [:]
    for m in members { if let file = m.source, let a = Self.app(ofFile: file) { app[m.name] = a } }
    let placed = app.keys.sorted { $0.name.count > $1.name.count || ($0.name.count == $1.name.count && $0 < $1) }
    for m in members where app[m.name] == nil {
      let owner = placed.first { $0.schema == m.name.schema && m.name.name.hasPrefix($0.name + "_") }
      if let owner, let a = app[owner] {
        app[m.name] = a
      } else if let a = mostCommon(m.references.compactMap { app[$0] }) {
        app[m.name] = a
      }
    }
    return members.compactMap { m in app[m.name].map { (m.name, $0) } }
  }

  /// The most frequent value; of those tied, the first in alphabetical order.
  static func mostCommon(_ values: [String]) -> String? {
    var counts: [String: Int] = [:]
    for v in values { counts[v, default: 0] += 1 }
    return values.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) || ((counts[$0] ?? 0) == (counts[$1] ?? 0) && $0 > $1) }
  }
}
