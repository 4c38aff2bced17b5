import ERDGraph
import ERDSchema

/// What the page's script needs to tie the drawing to the schema: each entity's key (the SVG node
/// is `n_<key>`) with its qualified name, and each edge's id (`e_<n>`, in diagram order) with its
/// ends and columns.
enum PageIndex {
  static func json(_ diagram: Diagram, engine: String?, findings: [Finding]? = nil) -> JSONValue {
    var keys: [QualifiedName: String] = [:]
    for entity in diagram.entities { keys[entity.name] = entity.key }
    var o = JSONObjectBuilder()
    o.set("version", .int(1))
    o.set("title", diagram.title)
    o.set("engine", engine)
    o.set("detail", diagram.detail.rawValue)
    o.set("asRole", diagram.asRole)
    o.flag("multiSchema", Set(diagram.entities.map(\.name.schema)).count > 1)
    o.set("entities", .array(diagram.entities.map(entity)))
    if !diagram.groups.isEmpty { o.set("groups", .array(groups(diagram))) }
    var edges: [JSONValue] = []
    for (i, edge) in diagram.edges.enumerated() {
      // DOTRenderer numbers every edge, drawn or not, so the ids here follow the same count.
      guard let from = keys[edge.from], let to = keys[edge.to] else { continue }
      var e = JSONObjectBuilder()
      e.set("id", "e_\(i + 1)")
      e.set("kind", edge.kind.rawValue)
      e.set("from", from)
      e.set("to", to)
      e.set("fromColumns", strings: edge.fromColumns)
      e.set("toColumns", strings: edge.toColumns)
      e.set("fromCardinality", edge.fromCardinality.rawValue)
      e.set("toCardinality", edge.toCardinality.rawValue)
      e.set("name", edge.name)
      e.set("note", edge.note)
      edges.append(e.value)
    }
    o.set("edges", .array(edges))
    if let findings { o.set("findings", .array(Self.findings(findings, keys: keys))) }
    return o.value
  }

  /// Lint findings on drawn entities, by entity key (`renderFindings` in page.js shows them).
  private static func findings(_ findings: [Finding], keys: [QualifiedName: String]) -> [JSONValue] {
    findings.compactMap { finding in
      guard let key = keys[finding.table] else { return nil }
      var f = JSONObjectBuilder()
      f.set("entity", key)
      f.set("rule", finding.rule)
      f.set("severity", finding.severity.rawValue)
      f.set("columns", strings: finding.columns)
      f.set("message", finding.message)
      return f.value
    }
  }

  /// The groups in order, each with its colour in the drawing, for the page's group filter.
  private static func groups(_ diagram: Diagram) -> [JSONValue] {
    let colours = DOTTheme.groupColours(diagram)
    return diagram.groups.map { group in
      var g = JSONObjectBuilder()
      g.set("key", group.key)
      g.set("label", group.label)
      g.set("colour", colours[group.key])
      return g.value
    }
  }

  private static func entity(_ entity: Entity) -> JSONValue {
    var e = JSONObjectBuilder()
    e.set("key", entity.key)
    e.set("schema", entity.name.schema)
    e.set("name", entity.name.name)
    e.set("label", entity.label)
    e.set("kind", entity.kind.rawValue)
    e.set("group", entity.group)
    e.set("access", entity.access?.rawValue)
    e.flag("rowLevelSecurity", entity.rowLevelSecurity)
    return e.value
  }
}
