import ERDGraph

extension Diagram {
  /// `11 tables · 2 views · 11 relationships`: what is drawn, stubs not counted.
  var summary: String {
    let views = entities.filter(\.kind.isView).count
    let tables = entities.count - views
    let drawn = Set(entities.map(\.name))
    let relationships = edges.filter { $0.kind == .foreignKey && drawn.contains($0.to) }.count
    var parts = [Self.count(tables, "table")]
    if views > 0 { parts.append(Self.count(views, "view")) }
    parts.append(Self.count(relationships, "relationship"))
    return parts.joined(separator: " · ")
  }

  private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
