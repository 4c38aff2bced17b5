import ERDGraph
import ERDGraphviz

/// SVG, PNG and PDF: the DOT this module writes, laid out and drawn by libgvc in-process.
public struct GraphvizRenderer: DiagramRenderer {
  public var format: Graphviz.Format

  public init(format: Graphviz.Format) { self.format = format }

  public func render(_ drawing: Drawing) throws(RenderError) -> Rendered {
    let output = try Self.layout(DOTRenderer().dot(for: drawing.diagram), as: format)
    var warnings = output.warnings.map { "graphviz: \($0)" }
    if format == .svg, let readability = Readability(svg: output.bytes), !readability.isReadable {
      warnings.append(readability.advice)
    }
    return Rendered(bytes: output.bytes, warnings: warnings)
  }

  /// Starts loading Graphviz in the background (`Graphviz.prepare`); `settle` waits for it.
  public static func prepare() { Graphviz.prepare() }

  public static func settle() { Graphviz.settle() }

  /// Graphviz's drawing of DOT text, its errors as render errors.
  static func layout(_ dot: String, as format: Graphviz.Format) throws(RenderError) -> Graphviz.Output {
    do {
      return try Graphviz.render(dot, as: format)
    } catch {
      throw .graphviz(error)
    }
  }
}
