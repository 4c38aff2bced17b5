import ERDGraph

extension Diagram {
  /// `11 tables · 2 views · 11 relationships · 3 inferred`: what is drawn, stubs not counted.
  var summary: String {
    let views = entities.filter(\.kind.isView).count
    let tables = entities.count - views
    let drawn = Set(entities.map(\.name))
    let relationships = edges.filter { $0.kind == .foreignKey && drawn.contains($0.to) }.count
    var parts = [Self.count(tables, "table")]
    if views > 0 { parts.append(Self.count(views, "view")) }
    parts.append(Self.count(relationships, "relationship"))
    for kind in [Edge.Kind.declared, .inferred] {
      let n = edges.filter { $0.kind == kind && drawn.contains($0.to) }.count
      if n > 0 { parts.append("\(n) \(kind.rawValue)") }
    }
    return parts.joined(separator: " · ")
  }

  private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
