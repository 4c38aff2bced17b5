import ERDGraphviz

/// SVG, PNG and PDF: the DOT this module writes, laid out and drawn by libgvc in-process.
public struct GraphvizRenderer: DiagramRenderer {
  public var format: Graphviz.Format

  public init(format: Graphviz.Format) { self.format = format }

  public func render(_ input: RenderInput) throws -> Rendered {
    let dot = DOTRenderer().dot(for: input.diagram)
    let output = try Graphviz.render(dot, as: format)
    return Rendered(bytes: output.bytes, warnings: output.warnings.map { "graphviz: \($0)" })
  }
}
