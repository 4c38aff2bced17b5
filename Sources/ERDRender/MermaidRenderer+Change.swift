import ERDGraph

/// How the Mermaid drawing of a schema change marks what changed: a class per entity
/// (`:::added`, `:::removed`, `:::changed`, `:::context`, each with its `classDef`), the change
/// in a column's comment (`"added"`, `"was: type TEXT → varchar(200)"`), the mark in a
/// relationship's label, and every change line as a `%%` comment at the top.
extension MermaidRenderer {
  static func changeComments(_ changes: ChangeList?) -> String {
    guard let changes else { return "" }
    return "  %% changes: \(commentText(changes.summary))\n"
      + changes.lines.map { "  %% \(commentText($0))\n" }.joined()
  }

  static func changeClass(_ mark: ChangeMark?) -> String { mark.map { ":::\($0.rawValue)" } ?? "" }

  static func changeNote(_ change: ColumnChange?) -> String? {
    guard let change else { return nil }
    switch change.mark {
    case .changed where !change.details.isEmpty: return "changed: " + change.details.joined(separator: "; ")
    default: return change.mark.rawValue
    }
  }

  /// One `classDef` per mark the diagram's entities use, in the marks' order.
  static func changeClassDefs(_ diagram: Diagram) -> String {
    let used = Set(diagram.entities.compactMap { $0.change?.mark })
    return ChangeMark.allCases.filter(used.contains).map { "  classDef \($0.rawValue) \(style($0))\n" }.joined()
  }

  private static func style(_ mark: ChangeMark) -> String {
    switch mark {
    case .added: return "stroke:#1a7f37,stroke-width:2px,fill:#dafbe1"
    case .removed: return "stroke:#cf222e,stroke-width:2px,fill:#ffebe9,text-decoration:line-through"
    case .changed: return "stroke:#bf8700,stroke-width:2px,fill:#fff8c5"
    case .context: return "stroke:#afb8c1,fill:#f6f8fa,color:#6e7781"
    }
  }
}
