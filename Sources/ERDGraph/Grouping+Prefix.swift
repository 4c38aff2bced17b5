import ERDSchema

extension Grouping {
  /// The part of a name before its first `_` (`billing_invoice` → `billing`), the whole name
  /// when it has none or starts with one.
  static func prefix(of name: String) -> String {
    guard let underscore = name.firstIndex(of: "_"), underscore > name.startIndex else { return name }
    return String(name[..<underscore])
  }

  /// Groups by name prefix, then merges every group of one table into the group it has the most
  /// references with (in either direction), until none is alone but those with no reference at
  /// all; those go together into `other` when there are several, else stay outside any group.
  static func prefixes(_ members: [Member]) -> [(QualifiedName, String)] {
    var group: [QualifiedName: String] = [:]
    for m in members { group[m.name] = prefix(of: m.name.name) }
    let neighbours = Self.neighbours(members)
    var merged = true
    while merged {
      merged = false
      var sizes: [String: Int] = [:]
      for g in group.values { sizes[g, default: 0] += 1 }
      for m in members where sizes[group[m.name] ?? ""] == 1 {
        guard let own = group[m.name], let target = bestGroup(for: m.name, own: own, neighbours, group, sizes) else {
          continue
        }
        group[m.name] = target
        sizes[own] = 0
        sizes[target, default: 0] += 1
        merged = true
      }
    }
    return alone(members, group)
  }

  /// The names each member references or is referenced by, among the members.
  private static func neighbours(_ members: [Member]) -> [QualifiedName: [QualifiedName]] {
    let present = Set(members.map(\.name))
    var out: [QualifiedName: [QualifiedName]] = [:]
    for m in members {
      for r in m.references where r != m.name && present.contains(r) {
        out[m.name, default: []].append(r)
        out[r, default: []].append(m.name)
      }
    }
    return out
  }

  /// The other group with the most references to `name`; ties go to the larger, then the first.
  private static func bestGroup(
    for name: QualifiedName, own: String, _ neighbours: [QualifiedName: [QualifiedName]],
    _ group: [QualifiedName: String], _ sizes: [String: Int]
  ) -> String? {
    var links: [String: Int] = [:]
    for n in neighbours[name] ?? [] { if let g = group[n], g != own { links[g, default: 0] += 1 } }
    return links.keys.sorted().max { a, b in
      (links[a] ?? 0, sizes[a] ?? 0) < (links[b] ?? 0, sizes[b] ?? 0)
    }
  }

  /// Members still alone: together in `other` when there are several, else in no group.
  private static func alone(_ members: [Member], _ group: [QualifiedName: String]) -> [(QualifiedName, String)] {
    var sizes: [String: Int] = [:]
    for g in group.values { sizes[g, default: 0] += 1 }
    let lonely = Set(members.map(\.name).filter { sizes[group[$0] ?? ""] == 1 })
    return members.compactMap { m -> (QualifiedName, String)? in
      guard let g = group[m.name] else { return nil }
      if !lonely.contains(m.name) { return (m.name, g) }
      return lonely.count > 1 ? (m.name, "other") : nil
    }
  }
}
