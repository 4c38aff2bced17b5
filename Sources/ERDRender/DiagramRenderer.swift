import ERDGraph
import ERDGraphviz
import ERDSchema

/// A renderer's bytes, with warnings for the user (a diagram too big for Mermaid, say).
public struct Rendered: Sendable {
  public var content: OutputContent
  public var warnings: [String]

  /// The bytes, made now if they are made as they are written.
  public var bytes: [UInt8] { content.bytes }

  public init(bytes: [UInt8], warnings: [String] = []) {
    self.init(content: .held(bytes), warnings: warnings)
  }

  public init(content: OutputContent, warnings: [String] = []) {
    self.content = content
    self.warnings = warnings
  }

  public init(text: String, warnings: [String] = []) {
    self.init(bytes: Array(text.utf8), warnings: warnings)
  }
}

/// Turns a drawing into the bytes of one output format.
///
/// What is drawn comes from `drawing.diagram` (its entities, stubs, edges and groups); the
/// catalog is only where a format shows detail that a diagram does not carry.
public protocol DiagramRenderer: Sendable {
  func render(_ drawing: Drawing) throws(RenderError) -> Rendered
}

/// Why an output could not be rendered.
public enum RenderError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Graphviz refused the DOT or failed to lay it out.
  case graphviz(GraphvizError)
  /// A share link could not be encoded.
  case share(String)

  public var description: String {
    switch self {
    case .graphviz(let error): return error.description
    case .share(let message): return "share: \(message)"
    }
  }
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

/// The schema model in its documented JSON form: the tables and views drawn, with every
/// reference they make, drawn or not; `notDrawn` lists the referenced tables left out, and
/// inferred and declared references follow in a top-level `relations` list of their own (the
/// catalog is the schema as declared, and reads back without them).
public struct JSONRenderer: DiagramRenderer {
  public init() {}

  /// The text is made as it is written, a batch of tables at a time, never held whole.
  public func render(_ drawing: Drawing) throws(RenderError) -> Rendered {
    let json = document(drawing)
    return Rendered(content: .streamed { consume in JSONWriter().write(json, to: consume) })
  }

  private func document(_ drawing: Drawing) -> JSONValue {
    var json = drawing.drawnCatalog.json(tablesMadeWhenWritten: true).adding(groups: drawing.diagram)
    if case .object(var members) = json, !drawing.diagram.stubs.isEmpty {
      let names = drawing.diagram.stubs.map { stub -> JSONValue in
        .object([.init("schema", .string(stub.name.schema)), .init("name", .string(stub.name.name))])
      }
      members.append(.init("notDrawn", .array(names)))
      json = .object(members)
    }
    return json.appending(relations: drawing.diagram)
  }
}

extension Drawing {
  /// The catalog with only the tables and views the diagram draws; their foreign keys stay,
  /// whether or not their targets are drawn.
  public var drawnCatalog: Catalog { catalog.keeping(Set(diagram.entities.map(\.name))) }
}
