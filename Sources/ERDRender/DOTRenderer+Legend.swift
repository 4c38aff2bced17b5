import ERDGraph
import ERDSchema

extension DOTRenderer {
  /// The graph's label: the title when there is one, and a legend of the notation (key badges,
  /// the nullable mark, crow's-foot ends, and the dashed lines and boxes the drawing has) and of
  /// the group colours. At the top under a title, else at the bottom left.
  func legend(for diagram: Diagram) -> String {
    let muted = DOTTheme.muted
    func row(_ text: String) -> String {
      "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"\(muted)\">\(html(text))</FONT></TD></TR>"
    }
    var rows = ""
    if let title = diagram.title {
      rows += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\">\(html(title))</FONT></TD></TR>"
    }
    rows += row("PK primary key · FK foreign key · UK unique · type? nullable")
    rows += row("line ends: bar one · circle zero (optional) · crow's foot many")
    let dashed = Self.dashedNotes(diagram)
    if !dashed.isEmpty { rows += row(dashed.joined(separator: " · ")) }
    rows += groupRows(diagram)
    rows += accessLegendRows(for: diagram)
    let place = diagram.title == nil ? "labelloc=b, labeljust=l" : "labelloc=t, labeljust=l"
    return
      ", label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">\(rows)</TABLE>>, \(place)"
  }

  /// What the drawing's dashed and hollow lines mean, for those it has.
  static func dashedNotes(_ diagram: Diagram) -> [String] {
    let kinds = Set(diagram.edges.map(\.kind))
    var notes: [String] = []
    if kinds.contains(.viewDependency) { notes.append("dashed grey arrow: a view reads it") }
    if kinds.contains(.inheritance) { notes.append("hollow arrow: inherits") }
    if kinds.contains(.inferred) { notes.append("dashed orange: inferred") }
    if kinds.contains(.declared) { notes.append("dashed purple: declared") }
    if !diagram.stubs.isEmpty { notes.append("dashed box: a table not drawn here") }
    return notes
  }

  /// The group colours, eight to a row.
  private func groupRows(_ diagram: Diagram) -> String {
    guard !diagram.groups.isEmpty else { return "" }
    let colours = DOTTheme.groupColours(diagram)
    var cells: [String] = []
    for group in diagram.groups {
      let fill = colours[group.key] ?? DOTTheme.clusterBorder
      cells.append("<TD BGCOLOR=\"\(fill)\"><FONT POINT-SIZE=\"9\" COLOR=\"#ffffff\">\(html(group.label))</FONT></TD>")
    }
    var rows = ""
    for start in stride(from: 0, to: cells.count, by: 8) {
      rows += "<TR>" + cells[start..<min(cells.count, start + 8)].joined() + "</TR>"
    }
    return "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
      + rows + "</TABLE></TD></TR>"
  }
}

extension DOTTheme {
  /// The `?` after a nullable column's type.
  static let nullable = key

  /// Group header colours: dark enough for white text, told apart in light and dark pages.
  static let palette = [
    "#1f4e79", "#7a3e9d", "#2e6b30", "#a44a14", "#00695c", "#9c2f4f", "#5d4037", "#3949ab", "#5f6b12", "#455a64",
    "#ad1457", "#00579b",
  ]

  /// Each group's colour by its key, from its slot.
  static func groupColours(_ diagram: Diagram) -> [String: String] {
    var out: [String: String] = [:]
    for group in diagram.groups { out[group.key] = palette[group.slot % palette.count] }
    return out
  }
}

extension DOTRenderer {
  /// Unlinked tables chained by invisible edges, so that they form rows instead of one long column.
  func rows(_ rows: [[QualifiedName]], keys: [QualifiedName: Entity]) -> String {
    rows.map { row in
      "  " + row.compactMap { keys[$0].map { quote($0.key) } }.joined(separator: " -> ") + " [style=invis]\n"
    }.joined()
  }

  /// Graphviz attributes that bound its work on a big drawing (`SizeRules`): fewer network
  /// simplex and crossing-minimisation iterations, a smaller search. They cut layout time by
  /// about a fifth at 500 tables and change the picture little. (`pack` would lay disconnected
  /// parts out apart, but Graphviz 2.43 crashes on it with port-to-port edges.)
  func layoutAttributes(for diagram: Diagram) -> String {
    diagram.boundsLayout ? ", nslimit=2, nslimit1=2, mclimit=0.3, searchsize=20" : ""
  }
}
