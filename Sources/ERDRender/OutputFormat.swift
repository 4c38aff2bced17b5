/// Every output erdviz writes, chosen by a file's extension or by `-f`.
public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
  case svg, png, pdf, dot, mermaid, json
  /// The self-contained interactive page.
  case html
  /// A page GitHub renders: the Mermaid diagram, then a section per table.
  case markdown
  /// DBML, for dbdiagram.io and dbdocs.
  case dbml

  /// The format a file name asks for, from its extension (`erd.svg`, `schema.mmd`, `x.gv`).
  public init?(fileName: String) {
    guard let dot = fileName.lastIndex(of: "."), !fileName[fileName.index(after: dot)...].contains("/") else {
      return nil
    }
    let ext = fileName[fileName.index(after: dot)...].lowercased()
    guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
    self = format
  }

  /// Reads `-f` values: the format's name or any of its extensions (`mmd`, `gv`).
  public init?(name: String) {
    let lower = name.lowercased()
    guard let format = Self.allCases.first(where: { $0.rawValue == lower || $0.fileExtensions.contains(lower) }) else {
      return nil
    }
    self = format
  }

  public var fileExtensions: [String] {
    switch self {
    case .svg: return ["svg"]
    case .png: return ["png"]
    case .pdf: return ["pdf"]
    case .dot: return ["dot", "gv"]
    case .mermaid: return ["mmd", "mermaid"]
    case .json: return ["json"]
    case .html: return ["html", "htm"]
    case .markdown: return ["md", "markdown"]
    case .dbml: return ["dbml"]
    }
  }

  /// Whether the output draws the diagram (and so its size rules apply); JSON and DBML carry the
  /// drawn catalog whole, however big.
  public var isPicture: Bool {
    switch self {
    case .json, .dbml: return false
    default: return true
    }
  }

  /// Whether rendering lays the diagram out with Graphviz (the HTML page holds its SVG).
  public var usesGraphviz: Bool {
    switch self {
    case .svg, .png, .pdf, .html: return true
    default: return false
    }
  }

  /// Whether the bytes are text that may go to a terminal.
  public var isText: Bool {
    switch self {
    case .png, .pdf: return false
    default: return true
    }
  }
}
