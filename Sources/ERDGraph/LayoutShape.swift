import ERDSchema

/// How a big drawing is laid out for its shape, when the user left it to erdviz: the direction
/// that gives the narrower drawing (a screen shows it wider), and the tables with no edge laid out
/// in rows instead of one column. Graphviz's own remedies do not serve here: `ratio` only
/// stretches a drawing (it adds space, never removes it), and `pack` crashes Graphviz 2.43
/// on edges between record ports.
public struct LayoutShape: Hashable, Sendable {
  /// The direction chosen for the graph's shape.
  public var direction: Direction
  /// Tables and views with no edge, in rows to be chained (invisible edges), each within a group.
  public var rows: [[QualifiedName]]
  /// The ranks `dot` will give the graph, and the most entities on one rank.
  public var depth: Int
  public var widest: Int

  /// The shape of a diagram's graph, as `dot` ranks it: an edge puts its target a rank after its
  /// source, cycles broken at the edges that close them. A direction the user asked for is kept.
  init(_ diagram: Diagram, asked: Direction?) {
    let ranks = Self.ranks(diagram)
    let counts = Dictionary(grouping: ranks.values, by: { $0 }).mapValues(\.count)
    depth = (counts.keys.max() ?? 0) + 1
    widest = counts.values.max() ?? 0
    let size = Self.averageSize(diagram)
    // Drawn left to right, ranks are columns: the width grows with the depth; top to bottom,
    // the widest rank sets it. ranksep is 72 pt, nodesep 29 pt (DOTRenderer).
    let acrossWidth = Double(depth) * (size.width + 72)
    let downWidth = Double(widest) * (size.width + 29)
    direction = asked ?? (downWidth < acrossWidth ? .topToBottom : .leftToRight)
    let across = direction == .leftToRight || direction == .rightToLeft
    rows = Self.rows(of: Self.isolated(diagram), size: size, depth: depth, across: across)
  }

  /// Each entity's rank by longest path, in a depth-first order that skips the edges closing a cycle.
  private static func ranks(_ diagram: Diagram) -> [QualifiedName: Int] {
    let names = (diagram.entities + diagram.stubs).map(\.name)
    var targets: [QualifiedName: [QualifiedName]] = [:]
    for edge in diagram.edges where edge.from != edge.to { targets[edge.from, default: []].append(edge.to) }
    let order = reversePostorder(names, targets)
    let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    var rank: [QualifiedName: Int] = [:]
    for name in order {
      let here = rank[name, default: 0]
      rank[name] = here
      for next in targets[name] ?? [] where (position[next] ?? 0) > (position[name] ?? 0) {
        rank[next] = max(rank[next, default: 0], here + 1)
      }
    }
    return rank
  }

  /// Depth-first reverse postorder (iterative), so that every edge not closing a cycle points forward.
  private static func reversePostorder(
    _ names: [QualifiedName], _ targets: [QualifiedName: [QualifiedName]]
  ) -> [QualifiedName] {
    var visited: Set<QualifiedName> = []
    var post: [QualifiedName] = []
    for root in names where visited.insert(root).inserted {
      var stack: [(QualifiedName, Int)] = [(root, 0)]
      while let (name, next) = stack.popLast() {
        let outs = targets[name] ?? []
        if next < outs.count {
          stack.append((name, next + 1))
          if visited.insert(outs[next]).inserted { stack.append((outs[next], 0)) }
        } else {
          post.append(name)
        }
      }
    }
    return post.reversed()
  }

  /// The drawn entities no edge touches, by group, in diagram order.
  private static func isolated(_ diagram: Diagram) -> [[QualifiedName]] {
    let linked = Set(diagram.edges.flatMap { [$0.from, $0.to] })
    let alone = diagram.entities.filter { !linked.contains($0.name) }
    var groups: [String: [QualifiedName]] = [:]
    var order: [String] = []
    for entity in alone {
      let key = entity.group ?? ""
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(entity.name)
    }
    return order.compactMap { groups[$0] }
  }

  /// Rows about as long as make the block of unlinked entities square, never longer than the
  /// graph is deep (so they do not widen it) unless it is shallower than that square.
  private static func rows(
    of groups: [[QualifiedName]], size: (width: Double, height: Double), depth: Int, across: Bool
  ) -> [[QualifiedName]] {
    groups.flatMap { names -> [[QualifiedName]] in
      guard names.count > 3 else { return [] }
      // A row runs along the ranks; rows stack beside each other.
      let (along, beside) = across ? (size.width + 72, size.height + 29) : (size.height + 72, size.width + 29)
      let square = Int((Double(names.count) * beside / along).squareRoot().rounded(.up))
      let length = max(2, depth > 1 ? min(square, depth) : square)
      return stride(from: 0, to: names.count, by: length).map { Array(names[$0..<min($0 + length, names.count)]) }
        .filter { $0.count > 1 }
    }
  }

  /// A drawn entity's size in points, on average: its name sets the width, its rows the height.
  private static func averageSize(_ diagram: Diagram) -> (width: Double, height: Double) {
    guard !diagram.entities.isEmpty else { return (180, 60) }
    let count = Double(diagram.entities.count)
    let names = diagram.entities.reduce(0) { $0 + max($1.label.count, 12) }
    let rows = diagram.entities.reduce(0) { $0 + $1.columns.count }
    return (max(120, Double(names) / count * 7.5 + 60), 26 + Double(rows) / count * 18)
  }
}
