import ERDSchema

extension SplitPages {
  /// The entities of each group in the diagram's group order (those in none last, as `other`),
  /// a group bigger than `pageLimit` cut into parts along its foreign keys.
  static func parts(of diagram: Diagram) -> [(Group, [QualifiedName])] {
    let members = Dictionary(grouping: diagram.entities, by: { $0.group ?? "" })
    var groups = diagram.groups.map { ($0, members[$0.key] ?? []) }
    if let rest = members[""] { groups.append((Group(key: "other", label: "other", slot: diagram.groups.count), rest)) }
    var out: [(Group, [QualifiedName])] = []
    for (group, entities) in groups where !entities.isEmpty {
      let names = connectedOrder(entities.map(\.name), edges: diagram.edges)
      let count = (names.count + pageLimit - 1) / pageLimit
      let size = (names.count + count - 1) / count
      for part in 0..<count {
        var labelled = group
        if count > 1 { labelled.label = "\(group.label) \(part + 1) of \(count)" }
        out.append((labelled, Array(names[(part * size)..<min(names.count, (part + 1) * size)])))
      }
    }
    return out
  }

  /// The names in breadth-first order over the edges between them, from each unvisited name in
  /// turn, so that a part cut from the list keeps related tables together.
  static func connectedOrder(_ names: [QualifiedName], edges: [Edge]) -> [QualifiedName] {
    guard names.count > pageLimit else { return names }
    let present = Set(names)
    var adjacent: [QualifiedName: [QualifiedName]] = [:]
    for e in edges where present.contains(e.from) && present.contains(e.to) && e.from != e.to {
      adjacent[e.from, default: []].append(e.to)
      adjacent[e.to, default: []].append(e.from)
    }
    var seen: Set<QualifiedName> = []
    var order: [QualifiedName] = []
    for start in names where seen.insert(start).inserted {
      var queue = [start]
      var head = 0
      while head < queue.count {
        let name = queue[head]
        head += 1
        order.append(name)
        for next in (adjacent[name] ?? []).sorted() where seen.insert(next).inserted { queue.append(next) }
      }
    }
    return order
  }

  /// The diagram of one page: its tables in full, clustered as their group, and stubs for the
  /// tables of other pages at either end of their foreign keys.
  static func page(
    _ names: [QualifiedName], _ group: Group, _ catalog: Catalog, _ options: DiagramOptions
  ) -> Diagram {
    var page = options
    page.only = Set(names)
    page.referrerStubs = true
    page.groupBy = GroupBy.none
    page.split = nil
    page.focus = []
    var diagram = DiagramBuilder.draw(catalog, options: page)
    diagram.groups = [group]
    for i in diagram.entities.indices { diagram.entities[i].group = group.key }
    return diagram
  }

  /// Foreign keys between tables of different pages, counted per pair of pages.
  static func links(_ edges: [Edge], pageOf: [QualifiedName: String]) -> [Link] {
    var counts: [String: [String: Int]] = [:]
    for e in edges where e.kind == .foreignKey || e.kind.isUndeclaredReference {
      guard let from = pageOf[e.from], let to = pageOf[e.to], from != to else { continue }
      counts[from, default: [:]][to, default: 0] += 1
    }
    return counts.keys.sorted().flatMap { from in
      (counts[from] ?? [:]).keys.sorted().map { Link(from: from, to: $0, count: counts[from]?[$0] ?? 0) }
    }
  }
}
