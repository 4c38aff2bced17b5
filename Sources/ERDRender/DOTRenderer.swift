import ERDGraph
import ERDSchema

/// Graphviz DOT: one HTML-like table per entity, one port per column, edges from column to column
/// with crow's-foot ends that show both cardinalities.
public struct DOTRenderer: DiagramRenderer {
  /// Where a stub links to, by the name of the table it stands for: the page of a split drawing
  /// that draws that table in full. Empty: stubs link nowhere.
  public var stubLinks: [QualifiedName: String]

  public init(stubLinks: [QualifiedName: String] = [:]) { self.stubLinks = stubLinks }

  public func render(_ drawing: Drawing) throws(RenderError) -> Rendered {
    Rendered(text: dot(for: drawing.diagram))
  }

  public func dot(for diagram: Diagram) -> String {
    var out = "digraph erd {\n"
    let font = DOTTheme.font
    let direction = (diagram.shape?.direction ?? diagram.direction ?? .leftToRight).rawValue
    out += "  graph [rankdir=\(direction), fontname=\(quote(font)), fontsize=12, nodesep=0.4, ranksep=1.0, "
    out += "pad=0.3, bgcolor=\"white\", newrank=true"
    out += legend(for: diagram)
    out += layoutAttributes(for: diagram)
    out += "]\n"
    out += "  node [shape=plain, fontname=\(quote(font)), fontsize=10]\n"
    out +=
      "  edge [fontname=\(quote(font)), fontsize=9, color=\"\(DOTTheme.edge)\", penwidth=1.2, arrowsize=0.9, dir=both]\n"

    let grouped = Dictionary(grouping: diagram.entities, by: { $0.group ?? "" })
    let enums = Dictionary(grouping: diagram.enums, by: { $0.group ?? "" })
    let colours = DOTTheme.groupColours(diagram)
    let nodes = entityNodes(diagram, colours: colours)
    for entity in grouped[""] ?? [] { out += nodes[entity.key] ?? "" }
    for e in enums[""] ?? [] { out += node(e, indent: "  ") }
    for stub in diagram.stubs { out += stubNode(stub) }
    for (i, group) in diagram.groups.enumerated() {
      let colour = colours[group.key]
      out += "  subgraph cluster_\(i + 1) {\n"
      out += "    label=\(quote(group.label)); id=\(quote("g_\(group.key)")); style=\"rounded,dashed\"; "
      out +=
        "color=\"\(colour ?? DOTTheme.clusterBorder)\"; fontcolor=\"\(colour ?? DOTTheme.clusterText)\"; margin=16\n"
      for entity in grouped[group.key] ?? [] { out += nodes[entity.key] ?? "" }
      for e in enums[group.key] ?? [] { out += node(e, indent: "    ") }
      out += "  }\n"
    }

    var keys: [QualifiedName: Entity] = [:]
    for entity in diagram.entities + diagram.stubs { keys[entity.name] = entity }
    let stubs = Set(diagram.stubs.map(\.name))
    for (i, edge) in diagram.edges.enumerated() {
      guard let from = keys[edge.from], let to = keys[edge.to] else { continue }
      out += "  " + self.edge(edge, from: from, to: to, index: i + 1, toStub: stubs.contains(edge.to)) + "\n"
    }
    out += rows(diagram.shape?.rows ?? [], keys: keys)
    out += "}\n"
    return out
  }

  /// Each entity's node by key, indented and coloured for its group; each depends on its
  /// entity alone, so a hundred or more are written in two halves at once.
  private func entityNodes(_ diagram: Diagram, colours: [String: String]) -> [String: String] {
    let texts = diagram.entities.concurrentMap(atLeast: 128) { entity in
      guard let group = entity.group, !group.isEmpty else { return node(entity, indent: "  ") }
      return node(entity, indent: "    ", header: colours[group])
    }
    return Dictionary(zip(diagram.entities.map(\.key), texts), uniquingKeysWith: { first, _ in first })
  }

  private func node(_ entity: Entity, indent: String, header colour: String? = nil) -> String {
    var style = DOTTheme.header(for: entity.kind, group: colour).marked(entity.change?.mark)
    if let access = entity.access {
      // --as-role colours every header by access, over the group colour.
      let level = DOTTheme.access(access)
      let caption = [style.caption, level.caption].compactMap { $0 }.joined(separator: " · ")
      style = DOTTheme.Header(fill: level.fill, text: level.text, caption: caption)
    }
    var rows = "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"\(DOTTheme.border)\">"
    var header = entity.label.isEmpty ? " " : "<B>\(struck(html(entity.label), entity.change?.mark))</B>"
    if let caption = style.caption { header += " <FONT POINT-SIZE=\"8\">\(caption)</FONT>" }
    header = "<FONT COLOR=\"\(style.text)\">\(header)</FONT>"
    if entity.rowLevelSecurity { header = lockBadge(after: header) }
    rows += "\n\(indent)  <TR><TD COLSPAN=\"3\" BGCOLOR=\"\(style.fill)\" ALIGN=\"CENTER\">\(header)</TD></TR>"
    if let comment = entity.comment, !comment.isEmpty {
      rows += "\n\(indent)  <TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\" BGCOLOR=\"\(DOTTheme.commentFill)\">"
      rows +=
        "<FONT POINT-SIZE=\"9\" COLOR=\"\(DOTTheme.muted)\"><I>\(html(truncate(comment, 72)))</I></FONT></TD></TR>"
    }
    for (i, column) in entity.columns.enumerated() {
      let marker = Self.marker(column.keys)
      var name =
        column.keys.contains(.primary) && !column.name.isEmpty ? "<B>\(html(column.name))</B>" : html(column.name)
      name = marked(name, column.change, in: entity.change?.mark)
      let cell = Self.cellAttributes(column.change)
      rows += "\n\(indent)  <TR>"
      let markerText = marker.isEmpty ? "" : "<FONT POINT-SIZE=\"8\" COLOR=\"\(DOTTheme.key)\">\(marker)</FONT>"
      rows += "<TD PORT=\"c\(i + 1)l\" ALIGN=\"LEFT\"\(cell)>\(markerText)</TD>"
      rows += "<TD ALIGN=\"LEFT\"\(cell)\(changeLink(column.change, id: "n_\(entity.key)_c\(i + 1)"))>\(name)</TD>"
      var type = html(truncate(column.type, 40))
      // `type?` marks a nullable column, as the legend says; a view's columns are all nullable.
      if column.nullable && !entity.kind.isView { type += "<FONT COLOR=\"\(DOTTheme.nullable)\">?</FONT>" }
      if let annotation = column.annotation {
        type += (type.isEmpty ? "" : " ") + "<FONT POINT-SIZE=\"8\">\(html(annotation))</FONT>"
      }
      let typeText = type.isEmpty ? "" : "<FONT COLOR=\"\(DOTTheme.muted)\">\(type)</FONT>"
      rows += "<TD PORT=\"c\(i + 1)r\" ALIGN=\"LEFT\"\(cell)>\(typeText)</TD>"
      rows += "</TR>"
    }
    for (i, line) in entity.details.enumerated() {
      let sides = i == 0 ? " SIDES=\"T\"" : ""
      rows += "\n\(indent)  <TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\" BGCOLOR=\"\(DOTTheme.commentFill)\"\(sides)>"
      rows += "<FONT POINT-SIZE=\"8\" COLOR=\"\(DOTTheme.muted)\">\(html(line))</FONT></TD></TR>"
    }
    if entity.hiddenColumnCount > 0 && entity.columns.count > 0 {
      let noun = entity.hiddenColumnCount == 1 ? "column" : "columns"
      rows += "\n\(indent)  <TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"\(DOTTheme.muted)\">"
      rows += "… \(entity.hiddenColumnCount) more \(noun)</FONT></TD></TR>"
    }
    rows += "\n\(indent)</TABLE>"
    let tooltip = ([entity.name.description] + (entity.change?.lines ?? [])).joined(separator: "\n")
    return "\(indent)\(quote(entity.key)) [id=\(quote("n_\(entity.key)"))\(Self.changeClass(entity.change?.mark)), "
      + "tooltip=\(quote(tooltip)), label=<\(rows)>]\n"
  }

  /// A table a foreign key points at that is not drawn: a small dashed box with its name only.
  private func stubNode(_ stub: Entity) -> String {
    let label = html(stub.label.isEmpty ? " " : stub.label)
    let link = stubLinks[stub.name].map { ", URL=\(quote($0)), target=\"_top\"" } ?? ""
    let tooltip = quote("\(stub.name.description): " + (link.isEmpty ? "not drawn here" : "drawn on its group's page"))
    return
      "  \(quote(stub.key)) [id=\(quote("n_\(stub.key)")), tooltip=\(tooltip)\(link), shape=box, style=\"dashed,rounded\", "
      + "color=\"\(DOTTheme.border)\", fontcolor=\"\(DOTTheme.muted)\", fontsize=9, margin=\"0.08,0.03\", "
      + "label=<\(label)>]\n"
  }

  /// An enumerated type as a small legend: its name and its labels.
  private func node(_ e: EnumNode, indent: String) -> String {
    var rows =
      "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"\(DOTTheme.border)\" STYLE=\"ROUNDED\">"
    rows +=
      "\n\(indent)  <TR><TD BGCOLOR=\"\(DOTTheme.enumFill)\"><FONT POINT-SIZE=\"8\">enum</FONT> <B>\(html(e.label))</B></TD></TR>"
    for value in e.values {
      rows +=
        "\n\(indent)  <TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(DOTTheme.muted)\">\(html(truncate(value, 40)))</FONT></TD></TR>"
    }
    rows += "\n\(indent)</TABLE>"
    return
      "\(indent)\(quote(e.key)) [id=\(quote("n_\(e.key)")), tooltip=\(quote("enum \(e.name.description)")), label=<\(rows)>]\n"
  }

  private func edge(_ edge: Edge, from: Entity, to: Entity, index: Int, toStub: Bool) -> String {
    // A self-reference leaves and enters on the east side, so its loop hugs the table.
    let loop = edge.from == edge.to
    let tail = endpoint(from, columns: edge.fromColumns, side: "r", compass: loop ? "e" : nil)
    let head = endpoint(to, columns: edge.toColumns, side: loop ? "r" : "l", compass: loop ? "e" : nil)
    var attributes = ["id=\(quote("e_\(index)"))" + Self.changeClass(edge.change)]
    switch edge.kind {
    case .foreignKey:
      attributes.append("arrowtail=\(Self.arrow(edge.fromCardinality))")
      attributes.append("arrowhead=\(Self.arrow(edge.toCardinality))")
      let columns = edge.fromColumns.joined(separator: ", ")
      let target = edge.toColumns.isEmpty ? to.label : "\(to.label)(\(edge.toColumns.joined(separator: ", ")))"
      var tip = "\(from.label)(\(columns)) → \(target)"
      if let name = edge.name { tip = "\(name): \(tip)" }
      if toStub {
        tip += " (not drawn)"
        attributes.append("style=dashed")
      }
      attributes.append("tooltip=\(quote(tip))")
    case .inferred, .declared:
      attributes.append("style=dashed, color=\"\(DOTTheme.undeclared(edge.kind))\"")
      attributes.append("arrowtail=\(Self.arrow(edge.fromCardinality)), arrowhead=\(Self.arrow(edge.toCardinality))")
      attributes.append("tooltip=\(quote(edge.undeclaredText(from: from.label, to: to.label)))")
    case .viewDependency:
      attributes.append("style=dashed, arrowtail=none, arrowhead=vee, color=\"\(DOTTheme.dependency)\"")
      attributes.append("tooltip=\(quote("\(from.label) reads \(to.label)"))")
    case .inheritance:
      attributes.append("arrowtail=none, arrowhead=onormal, arrowsize=1.2")
      attributes.append("tooltip=\(quote("\(from.label) inherits \(to.label)"))")
    }
    attributes += Self.changeAttributes(edge.change)
    return "\(tail) -> \(head) [\(attributes.joined(separator: ", "))]"
  }

  /// `"key":"c3r"` when the column has a row in the entity, else the entity itself.
  private func endpoint(_ entity: Entity, columns: [String], side: String, compass: String?) -> String {
    let suffix = compass.map { ":\($0)" } ?? ""
    if let first = columns.first, let row = entity.columns.firstIndex(where: { $0.name == first }) {
      return "\(quote(entity.key)):\(quote("c\(row + 1)\(side)"))" + suffix
    }
    return quote(entity.key) + suffix
  }

  /// Crow's-foot arrow shapes, read from the entity outwards: the outer mark is the maximum
  /// (bar: one, crow: many), the inner the minimum (circle: zero, bar: one).
  static func arrow(_ cardinality: Cardinality) -> String {
    switch cardinality {
    case .exactlyOne: return "teetee"
    case .zeroOrOne: return "teeodot"
    case .zeroOrMany: return "crowodot"
    case .oneOrMany: return "crowtee"
    }
  }

  static func marker(_ keys: KeyRoles) -> String {
    var parts: [String] = []
    if keys.contains(.primary) { parts.append("PK") }
    if keys.contains(.foreign) { parts.append("FK") }
    if keys.contains(.unique) { parts.append("UK") }
    return parts.joined(separator: " ")
  }

  /// The longest text put in one DOT string: `dot` refuses a quoted string past 16,384 bytes.
  static let maxText = 2_000

  /// A DOT double-quoted string: only `"` and `\` need escaping, and line breaks become `\n`.
  func quote(_ s: String) -> String {
    var out = "\""
    for c in Self.cut(s).unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r", "\t": out += " "
      default: if c.value >= 0x20 { out.unicodeScalars.append(c) }
      }
    }
    return out + "\""
  }

  /// Text inside an HTML-like label: XML-escaped, on one line, without control characters.
  func html(_ s: String) -> String {
    var out = ""
    for c in Self.cut(s).unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n", "\r", "\t": out += " "
      default:
        // XML 1.0 forbids most control characters and U+FFFE/U+FFFF outright.
        if c.value >= 0x20 && c.value != 0x7F && c.value != 0xFFFE && c.value != 0xFFFF {
          out.unicodeScalars.append(c)
        }
      }
    }
    return out
  }

  /// The text, cut to `maxText` characters with an ellipsis.
  static func cut(_ s: String) -> String { s.count <= maxText ? s : String(s.prefix(maxText - 1)) + "…" }

  private func truncate(_ s: String, _ limit: Int) -> String {
    let oneLine = s.split(whereSeparator: \.isNewline).joined(separator: " ")
    return oneLine.count <= limit ? oneLine : String(oneLine.prefix(limit - 1)) + "…"
  }
}

/// The colours and font of the Graphviz drawing, in one place.
enum DOTTheme {
  static let font = "Helvetica,Arial,sans-serif"
  static let border = "#8a96a3"
  static let edge = "#5b6b7a"
  static let dependency = "#9aa5b1"
  static let muted = "#5f6b76"
  static let key = "#b26b00"
  static let commentFill = "#f3f5f7"
  static let enumFill = "#f6efd9"
  static let clusterBorder = "#9aa5b1"
  static let clusterText = "#3d4852"

  struct Header {
    var fill: String
    var text: String
    var caption: String?
  }

  /// The header of an entity of that kind; a table in a group takes the group's colour.
  static func header(for kind: EntityKind, group: String? = nil) -> Header {
    switch kind {
    case .table: return Header(fill: group ?? "#1f4e79", text: "#ffffff")
    case .partitioned: return Header(fill: group ?? "#1f4e79", text: "#ffffff", caption: "partitioned")
    case .foreign: return Header(fill: "#4a5d70", text: "#ffffff", caption: "foreign")
    case .virtual: return Header(fill: "#4a5d70", text: "#ffffff", caption: "virtual")
    case .view: return Header(fill: "#e8eef4", text: "#1f2d3a", caption: "view")
    case .materializedView: return Header(fill: "#dfe8d8", text: "#1f2d3a", caption: "materialized view")
    }
  }
}
