import ERDGraph
import ERDSchema

/// What every renderer is given: the catalog (already filtered) and the diagram built from it.
public struct RenderInput: Sendable {
  public var catalog: Catalog
  public var diagram: Diagram

  public init(catalog: Catalog, diagram: Diagram) {
    self.catalog = catalog
    self.diagram = diagram
  }
}

/// A renderer's bytes, with warnings for the user (a diagram too big for Mermaid, say).
public struct Rendered: Sendable {
  public var bytes: [UInt8]
  public var warnings: [String]

  public init(bytes: [UInt8], warnings: [String] = []) {
    self.bytes = bytes
    self.warnings = warnings
  }

  public init(text: String, warnings: [String] = []) {
    self.init(bytes: Array(text.utf8), warnings: warnings)
  }
}

/// Turns a diagram into the bytes of one output format.
public protocol DiagramRenderer: Sendable {
  func render(_ input: RenderInput) throws -> Rendered
}

extension OutputFormat {
  /// The renderer that writes this format.
  public var renderer: any DiagramRenderer {
    switch self {
    case .dot: return DOTRenderer()
    case .svg: return GraphvizRenderer(format: .svg)
    case .png: return GraphvizRenderer(format: .png)
    case .pdf: return GraphvizRenderer(format: .pdf)
    case .mermaid: return MermaidRenderer()
    case .json: return JSONRenderer()
    case .html: return HTMLRenderer()
    case .markdown: return MarkdownRenderer()
    case .dbml: return DBMLRenderer()
    }
  }
}

/// The schema model in its documented JSON form.
public struct JSONRenderer: DiagramRenderer {
  public init() {}

  public func render(_ input: RenderInput) throws -> Rendered {
    Rendered(bytes: JSONWriter().bytes(input.catalog.json))
  }
}
