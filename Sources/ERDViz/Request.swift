import ERDGraph
import ERDInspect
import ERDRender

/// One run of erdviz: where the schema comes from, how to draw it, and where each output goes.
public struct Request: Sendable {
  public var source: Source
  public var outputs: [OutputTarget]
  public var inspect: InspectOptions
  public var diagram: DiagramOptions
  /// Fold partitions under their parent table (the default), or draw each partition.
  public var foldPartitions: Bool

  public init(
    source: Source, outputs: [OutputTarget], inspect: InspectOptions = InspectOptions(),
    diagram: DiagramOptions = DiagramOptions(), foldPartitions: Bool = true
  ) {
    self.source = source
    self.outputs = outputs
    self.inspect = inspect
    self.diagram = diagram
    self.foldPartitions = foldPartitions
  }
}

/// Where one rendered output goes.
public enum OutputTarget: Hashable, Sendable {
  case file(String, OutputFormat)
  case standardOutput(OutputFormat)

  public var format: OutputFormat {
    switch self {
    case .file(_, let f), .standardOutput(let f): return f
    }
  }
}
