import ERDGraph
import ERDGraphviz
import ERDSchema

/// The interactive page (`-o erd.html`): one self-contained file that opens from disk, e-mail or a
/// docs site and makes no network request.
///
/// It holds the Graphviz drawing inline at each detail level (the others wait in `<template>`
/// elements), the diagram index and the catalog as JSON that cannot close its `<script>`, and the
/// script and style of `templates/`. Its Content-Security-Policy allows no source at all except
/// that one script and that one style, by hash: even a failure of escaping could run nothing.
public struct HTMLRenderer: DiagramRenderer {
  public init() {}

  public func render(_ drawing: Drawing) throws(RenderError) -> Rendered {
    var warnings: [String] = []
    var drawings: [(level: ColumnDetail, svg: String)] = []
    for diagram in [drawing.diagram] + drawing.otherLevels {
      let output = try GraphvizRenderer.layout(DOTRenderer().dot(for: diagram), as: .svg)
      for line in output.warnings.map({ "graphviz: \($0)" }) where !warnings.contains(line) { warnings.append(line) }
      drawings.append((diagram.detail, InlineSVG.markup(output.bytes)))
    }
    return Rendered(text: page(drawing, drawings: drawings), warnings: warnings)
  }

  /// The page around drawings already made; the first drawing is the one shown on opening.
  /// `nav` is markup for the top bar: links to the other pages of a split drawing.
  func page(_ drawing: Drawing, drawings: [(level: ColumnDetail, svg: String)], nav: String = "") -> String {
    let json = JSONWriter(htmlSafe: true, pretty: false)
    var levels = ""
    for other in drawings.dropFirst() {
      levels += "<template id=\"level-\(other.level.rawValue)\">\(other.svg)</template>\n"
    }
    let index = PageIndex.json(drawing.diagram, engine: drawing.catalog.engine, findings: drawing.findings)
    let changes = ChangePanel(drawing)
    return PageTemplate.fill(
      Templates.pageHTML,
      changes.values.merging([
        "csp": changes.contentSecurityPolicy,
        "title": PageTemplate.escape(drawing.diagram.heading),
        "stats": PageTemplate.escape(drawing.diagram.summary),
        "style": Templates.pageCSS,
        "script": Templates.pageJS,
        "svg": drawings.first?.svg ?? "",
        "levels": levels,
        "nav": nav,
        "index": json.string(index),
        "catalog": json.string(drawing.drawnCatalog.json),
      ]) { $1 })
  }

  /// No fetch, frame, font, image or connection of any kind; only the page's own script and style.
  static let contentSecurityPolicy = policy(scripts: [Templates.pageJSSource], styles: [Templates.pageCSSSource])

  /// The policy allowing exactly these scripts and styles (by their hash sources).
  static func policy(scripts: [String], styles: [String]) -> String {
    [
      "default-src 'none'",
      "script-src \(scripts.joined(separator: " "))",
      "style-src \(styles.joined(separator: " "))",
      "img-src data:",
      "base-uri 'none'",
      "form-action 'none'",
    ].joined(separator: "; ")
  }
}
