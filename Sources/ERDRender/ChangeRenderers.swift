import ERDGraph
import ERDSchema

extension OutputFormat {
  /// The renderer that writes this format for the drawing of a schema change; nil for a format
  /// a change has no form in (DBML describes one schema). DOT, SVG, PNG, PDF, Mermaid and the
  /// HTML page draw the marks the diagram carries; Markdown and JSON describe the change itself.
  public var changeRenderer: (any DiagramRenderer)? {
    switch self {
    case .markdown: return ChangeMarkdownRenderer()
    case .json: return ChangeJSONRenderer()
    case .dbml: return nil
    default: return renderer
    }
  }
}

/// The change list in its documented JSON form (`SchemaChange.json`), in the change list's order.
public struct ChangeJSONRenderer: DiagramRenderer {
  public init() {}

  public func render(_ drawing: Drawing) throws(RenderError) -> Rendered {
    Rendered(bytes: JSONWriter().bytes(drawing.change?.json ?? SchemaChange(from: Catalog(), to: Catalog()).json))
  }
}

/// A schema change as a pull-request comment: a heading, the summary line, a table of the
/// changes, and the Mermaid diagram of the changed tables (context greyed), which GitHub draws.
public struct ChangeMarkdownRenderer: DiagramRenderer {
  /// Past this many changes the table folds into a `<details>` element, so the comment stays short.
  static let foldedAfter = 40

  public init() {}

  public func render(_ drawing: Drawing) throws(RenderError) -> Rendered {
    let diagram = drawing.diagram
    var out = "## \(MarkdownText.text(diagram.heading))\n\n"
    guard let change = drawing.change, !change.isEmpty else { return Rendered(text: out + "No change.\n") }
    out += "**\(MarkdownText.text(change.summary.description))**\n\n"
    out += table(change)
    guard !diagram.entities.isEmpty else { return Rendered(text: out) }
    let mermaid = try MermaidRenderer().render(drawing)
    out += "\n" + MarkdownText.fenced(String(decoding: mermaid.bytes, as: UTF8.self), language: "mermaid")
    out += "\n" + legend(diagram) + "\n"
    return Rendered(text: out, warnings: mermaid.warnings)
  }

  /// `| changed column | customer.email | type TEXT → varchar(200) |`, one row per change.
  func table(_ change: SchemaChange) -> String {
    var rows = "| Change | Object | Detail |\n| --- | --- | --- |\n"
    for item in change.changes {
      let phrase = change.phrase(item)
      let cells = [
        Self.action(item.action) + " " + MarkdownText.text(phrase.kind), MarkdownText.code(phrase.subject),
        phrase.detail.map(MarkdownText.text) ?? "",
      ]
      rows += "| " + cells.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
    }
    guard change.changes.count > Self.foldedAfter else { return rows }
    return "<details><summary>\(change.changes.count) changes</summary>\n\n" + rows + "\n</details>\n"
  }

  private static func action(_ action: SchemaChange.Action) -> String {
    switch action {
    case .added: return "added"
    case .removed: return "removed"
    case .renamed: return "renamed"
    case .changed: return "changed"
    }
  }

  /// What the diagram's colours mean, naming only the marks it uses.
  func legend(_ diagram: Diagram) -> String {
    let used = Set(diagram.entities.compactMap { $0.change?.mark })
    let words: [(ChangeMark, String)] = [
      (.added, "green: added"), (.removed, "red: removed"), (.changed, "amber: changed"),
      (.context, "grey: unchanged neighbours"),
    ]
    return "<sub>" + words.filter { used.contains($0.0) }.map(\.1).joined(separator: " · ") + "</sub>"
  }
}
