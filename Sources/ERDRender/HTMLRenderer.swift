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

  public func render(_ input: RenderInput) throws -> Rendered {
    var warnings: [String] = []
    var drawings: [(level: ColumnDetail, svg: String)] = []
    for level in Self.levels(first: input.diagram.detail) {
      let diagram = level == input.diagram.detail ? input.diagram : Self.diagram(input, detail: level)
      let output = try Graphviz.render(DOTRenderer().dot(for: diagram), as: .svg)
      for line in output.warnings.map({ "graphviz: \($0)" }) where !warnings.contains(line) { warnings.append(line) }
      drawings.append((level, InlineSVG.markup(output.bytes)))
    }
    return Rendered(text: page(input, drawings: drawings), warnings: warnings)
  }

  /// The page around drawings already made; the first drawing is the one shown on opening.
  func page(_ input: RenderInput, drawings: [(level: ColumnDetail, svg: String)]) -> String {
    let json = JSONWriter(htmlSafe: true, pretty: false)
    var levels = ""
    for drawing in drawings.dropFirst() {
      levels += "<template id=\"level-\(drawing.level.rawValue)\">\(drawing.svg)</template>\n"
    }
    let index = PageIndex.json(input.diagram, catalog: input.catalog)
    return PageTemplate.fill(
      Templates.pageHTML,
      [
        "csp": Self.contentSecurityPolicy,
        "title": PageTemplate.escape(input.displayTitle),
        "stats": PageTemplate.escape(input.summary),
        "style": Templates.pageCSS,
        "script": Templates.pageJS,
        "svg": drawings.first?.svg ?? "",
        "levels": levels,
        "index": json.string(index),
        "catalog": json.string(input.catalog.json),
      ])
  }

  /// No fetch, frame, font, image or connection of any kind; only the page's own script and style.
  static let contentSecurityPolicy = [
    "default-src 'none'",
    "script-src \(SHA256.cspSource(Templates.pageJS))",
    "style-src \(SHA256.cspSource(Templates.pageCSS))",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].joined(separator: "; ")

  /// The requested level first, then the other two, so the switch needs no Graphviz in the page.
  static func levels(first: ColumnDetail) -> [ColumnDetail] {
    [first] + ColumnDetail.allCases.filter { $0 != first }
  }

  /// The same diagram at another detail level. The catalog is already filtered, so only the
  /// look is carried over; views were left out exactly when the catalog has some and none is drawn.
  static func diagram(_ input: RenderInput, detail: ColumnDetail) -> Diagram {
    let views = input.catalog.allViews.isEmpty || input.diagram.entities.contains { $0.kind.isView }
    return DiagramBuilder.build(
      input.catalog,
      options: DiagramOptions(
        detail: detail, direction: input.diagram.direction, includeViews: views, title: input.diagram.title))
  }
}
