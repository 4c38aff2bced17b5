import ERDGraph

/// Mermaid `erDiagram` text that the real Mermaid parser accepts whatever the names hold.
///
/// The recipe: entity IDs are generated identifiers (`t_album`) with the real name as a quoted
/// alias; attribute types and names that are not plain words go in backticks; every label is
/// quoted; characters Mermaid treats specially (`"`, `%`, `\`, `#`, `<`, `~`, markdown marks) are
/// written as Mermaid entity codes (`#quot;`), which it turns back into the characters.
public struct MermaidRenderer: DiagramRenderer {
  /// Mermaid's defaults: `maxTextSize` and `maxEdges`. Past them it refuses to draw.
  public static let maxTextSize = 50_000
  public static let maxEdges = 500

  public init() {}

  public func render(_ drawing: Drawing) throws(RenderError) -> Rendered {
    let text = mermaid(for: drawing.diagram)
    var warnings: [String] = []
    if text.utf8.count > Self.maxTextSize || drawing.diagram.edges.count > Self.maxEdges {
      warnings.append(
        "mermaid: \(text.utf8.count) characters and \(drawing.diagram.edges.count) relationships exceed Mermaid's "
          + "default limits (\(Self.maxTextSize) characters, \(Self.maxEdges) edges); GitHub and mermaid.live will "
          + "not draw it: narrow it with --include/--exclude or --columns keys, or use the HTML page")
    }
    return Rendered(text: text, warnings: warnings)
  }

  public func mermaid(for diagram: Diagram) -> String {
    var out = ""
    if let title = diagram.title {
      out += "---\ntitle: \(Self.yamlString(title))\n---\n"
    }
    out += "erDiagram\n"
    if let direction = diagram.direction { out += "  direction \(direction.rawValue)\n" }
    out += Self.changeComments(diagram.changes)
    // Enumerated types and per-table details have no place in Mermaid's grammar: they go in
    // `%%` comments, kept in the text for readers and left out of the drawing.
    for e in diagram.enums {
      out +=
        "  %% enum \(Self.commentText(e.name.description)): \(Self.commentText(e.values.joined(separator: ", ")))\n"
    }
    var ids: [String: String] = [:]
    for entity in diagram.entities {
      let id = "t_" + entity.key
      ids[entity.name.description] = id
      for line in entity.details { out += "  %% \(Self.commentText(entity.label)): \(Self.commentText(line))\n" }
      out += "  \(id)[\"\(Self.text(entity.label))\"]" + Self.changeClass(entity.change?.mark)
      if entity.columns.isEmpty {
        out += "\n"
        continue
      }
      out += " {\n"
      for column in entity.columns { out += "    " + attribute(column) + "\n" }
      out += "  }\n"
    }
    // A table that a foreign key points at but that is not drawn: its name in a dashed box.
    for stub in diagram.stubs {
      ids[stub.name.description] = "t_" + stub.key
      out += "  t_\(stub.key)[\"\(Self.text(stub.label))\"]:::stub\n"
    }
    for edge in diagram.edges {
      guard let from = ids[edge.from.description], let to = ids[edge.to.description] else { continue }
      switch edge.kind {
      case .foreignKey:
        let label = edge.fromColumns.joined(separator: ", ") + (edge.change.map { " (\($0.rawValue))" } ?? "")
        out +=
          "  \(from) \(Self.left(edge.fromCardinality))--\(Self.right(edge.toCardinality)) \(to) : \"\(Self.text(label))\"\n"
      case .viewDependency:
        out += "  \(from) }o..o{ \(to) : \"reads\"\n"
      case .inheritance:
        out += "  \(from) |o..|| \(to) : \"inherits\"\n"
      case .inferred, .declared:
        let ends = "\(Self.left(edge.fromCardinality))..\(Self.right(edge.toCardinality))"
        out += "  \(from) \(ends) \(to) : \"\(Self.text(edge.undeclaredLabel))\"\n"
      }
    }
    if !diagram.stubs.isEmpty { out += "  classDef stub stroke-dasharray:4 3,fill:#f6f7f9\n" }
    out += Self.changeClassDefs(diagram)
    out += groups(diagram)
    return out
  }

  /// Each group as a `%%` comment naming its tables, and a colour `classDef` its entities take,
  /// the colours of the Graphviz drawing.
  func groups(_ diagram: Diagram) -> String {
    guard !diagram.groups.isEmpty else { return "" }
    let members = Dictionary(grouping: diagram.entities.filter { $0.group != nil }, by: { $0.group ?? "" })
    let colours = DOTTheme.groupColours(diagram)
    var out = ""
    for group in diagram.groups {
      guard let entities = members[group.key], !entities.isEmpty else { continue }
      let names = entities.map(\.label).joined(separator: ", ")
      out += "  %% group \(Self.commentText(group.label)): \(Self.commentText(names))\n"
      out += "  class \(entities.map { "t_" + $0.key }.joined(separator: ",")) g_\(group.key)\n"
      let colour = colours[group.key] ?? DOTTheme.clusterBorder
      out += "  classDef g_\(group.key) stroke:\(colour),stroke-width:2px\n"
    }
    return out
  }

  private func attribute(_ column: EntityColumn) -> String {
    var line = Self.word(column.type, isName: false) + " " + Self.word(column.name, isName: true)
    var keys: [String] = []
    if column.keys.contains(.primary) { keys.append("PK") }
    if column.keys.contains(.foreign) { keys.append("FK") }
    if column.keys.contains(.unique) { keys.append("UK") }
    if !keys.isEmpty { line += " " + keys.joined(separator: ", ") }
    let note = [Self.changeNote(column.change), column.annotation, column.comment].compactMap { $0 }.filter {
      !$0.isEmpty
    }.joined(separator: "; ")
    if !note.isEmpty { line += " \"\(Self.text(note))\"" }
    return line
  }

  /// The cardinality mark on the left of `--`, at the `from` entity.
  static func left(_ c: Cardinality) -> String {
    switch c {
    case .exactlyOne: return "||"
    case .zeroOrOne: return "|o"
    case .zeroOrMany: return "}o"
    case .oneOrMany: return "}|"
    }
  }

  /// The cardinality mark on the right of `--`, at the `to` entity.
  static func right(_ c: Cardinality) -> String {
    switch c {
    case .exactlyOne: return "||"
    case .zeroOrOne: return "o|"
    case .zeroOrMany: return "o{"
    case .oneOrMany: return "|{"
    }
  }

  /// An attribute type or name: a plain word as it is, anything else in backticks.
  ///
  /// An empty word is written as `` `?` `` (no type) or `` `""` `` (an empty name): Mermaid parses a
  /// blank in backticks but then fails to draw the whole diagram.
  static func word(_ s: String, isName: Bool) -> String {
    if isPlain(s, isName: isName) { return s }
    let inner = text(s)
    return "`" + (inner.isEmpty ? (isName ? "#quot;#quot;" : "?") : inner) + "`"
  }

  /// `varchar(200)`, `numeric(10,2)`, `int[]`, `order_id`; not `pk` or `fk`, which Mermaid reads as keys.
  private static func isPlain(_ s: String, isName: Bool) -> Bool {
    guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
      return false
    }
    if isName && ["pk", "fk", "uk"].contains(s.lowercased()) { return false }
    var depth = 0
    var previous: Unicode.Scalar = " "
    for c in s.unicodeScalars {
      switch c {
      case "a"..."z", "A"..."Z", "0"..."9": break
      case "_": break
      case "(" where !isName && depth == 0: depth += 1
      case ")" where !isName && depth == 1: depth -= 1
      case "," where !isName && depth == 1: break
      case "[" where !isName, "]" where !isName: break
      default: return false
      }
      previous = c
    }
    return depth == 0 && previous != "_"
  }

  /// Text for an alias, comment or label: characters Mermaid would read as syntax, markdown or
  /// HTML become entity codes, and line breaks become spaces.
  static func text(_ s: String) -> String {
    var out = ""
    let scalars = Array(s.unicodeScalars)
    for (i, c) in scalars.enumerated() {
      switch c {
      case "#": out += "#35;"
      case "\"": out += "#quot;"
      case "\\": out += "#92;"
      case "%": out += "#37;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "&": out += "#amp;"
      case "*": out += "#42;"
      case "~": out += "#126;"
      case "`": out += "#96;"
      case "[": out += "#91;"
      case "]": out += "#93;"
      case "{": out += "#123;"
      case "}": out += "#125;"
      case "|": out += "#124;"
      case ";": out += "#59;"
      case "_":
        // Inside a word `_` is literal to markdown; at a word's edge it may open emphasis.
        let before = i > 0 ? scalars[i - 1] : " "
        let after = i + 1 < scalars.count ? scalars[i + 1] : " "
        out += isWordScalar(before) && isWordScalar(after) ? "_" : "#95;"
      case "\n", "\r", "\t": out += " "
      default:
        if c.value >= 0x20 && c.value != 0x7F { out.unicodeScalars.append(c) }
      }
    }
    return out
  }

  /// Text for a `%%` comment line: one line, and no `%` or braces, since Mermaid reads
  /// `%%{init: …}%%` as a directive even inside a comment.
  static func commentText(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "%": out += "#37;"
      case "{": out += "#123;"
      case "}": out += "#125;"
      case "\n", "\r", "\t", "\u{85}", "\u{2028}", "\u{2029}": out += " "
      default: if c.value >= 0x20 && c.value != 0x7F { out.unicodeScalars.append(c) }
      }
    }
    return out
  }

  /// A YAML double-quoted scalar for the front matter.
  static func yamlString(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n", "\r", "\t": out += " "
      default: if c.value >= 0x20 { out.unicodeScalars.append(c) }
      }
    }
    return out + "\""
  }

  private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic || ("0"..."9").contains(c)
  }
}
