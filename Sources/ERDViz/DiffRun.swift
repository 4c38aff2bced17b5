import ERDGraph
import ERDInspect
import ERDRender
import ERDSchema

/// One `erdviz diff`: the two schemas, how to compare and draw them, and where each output goes.
public struct DiffRequest: Sendable {
  /// One side of the comparison: where it comes from and how to read it.
  public struct Side: Sendable {
    public var source: Source
    public var inspect: InspectOptions

    public init(source: Source, inspect: InspectOptions = InspectOptions()) {
      self.source = source
      self.inspect = inspect
    }
  }

  public var old: Side
  public var new: Side
  public var compare: SchemaChange.Options
  /// How to draw; its filter also chooses the tables and views compared.
  public var diagram: DiagramOptions
  public var context: ChangeContext
  public var outputs: [OutputTarget]
  /// Print the summary line and one line per change on stdout (no `-o`, no `-f`, no `--quiet`).
  public var printsSummary: Bool
  public var log: Log

  public init(
    old: Side, new: Side, outputs: [OutputTarget] = [], printsSummary: Bool = true,
    compare: SchemaChange.Options = .init(), diagram: DiagramOptions = .init(), context: ChangeContext = .hops(1),
    log: Log = Log()
  ) {
    self.old = old
    self.new = new
    self.outputs = outputs
    self.printsSummary = printsSummary
    self.compare = compare
    self.diagram = diagram
    self.context = context
    self.log = log
  }
}

/// Carries out a `DiffRequest`: reads each source once, compares, renders every output, then
/// writes them all or none and prints the summary.
public enum DiffRun {
  /// The change from the old schema to the new one, after its outputs were delivered.
  @discardableResult
  public static func run(_ request: DiffRequest) throws(RunError) -> SchemaChange {
    try check(request)
    let old = try load(request.old, "old", request)
    let new = try load(request.new, "new", request)
    let change = SchemaChange(from: old, to: new, options: request.compare)
    request.log.info("diff: \(change.summary)")
    var files: [(path: String, bytes: [UInt8])] = []
    var standardOutput: [UInt8] = []
    let drawing = draw(change, old, new, request)
    for target in request.outputs {
      guard let format = target.format, let renderer = format.changeRenderer else { continue }
      let rendered: Rendered
      do { rendered = try renderer.render(drawing) } catch { throw .render(error) }
      for warning in rendered.warnings { request.log.warning(warning) }
      if case .file(let path, _) = target {
        files.append((path, rendered.bytes))
      } else {
        standardOutput += rendered.bytes
      }
    }
    if request.printsSummary { standardOutput += Array(summaryText(change).utf8) }
    do {
      try FileCommit.write(files)
      for file in files { request.log.info("wrote \(file.path) (\(file.bytes.count) bytes)") }
      if !standardOutput.isEmpty { try StandardStreams.writeOutput(standardOutput) }
    } catch {
      throw .output(error)
    }
    return change
  }

  /// The change drawing, made only when an output draws it (the summary and JSON need none).
  private static func draw(_ change: SchemaChange, _ old: Catalog, _ new: Catalog, _ request: DiffRequest) -> Drawing {
    guard request.outputs.contains(where: { $0.format != .json }) else {
      var drawing = Drawing(catalog: new, diagram: Diagram())
      drawing.change = change
      return drawing
    }
    return Drawing(
      change: change, from: old, to: new, options: request.diagram, context: request.context,
      otherLevels: request.outputs.contains { $0.format == .html })
  }

  /// What `erdviz diff` prints with no `-o`: the summary line, then one line per change.
  public static func summaryText(_ change: SchemaChange) -> String {
    ([change.summary.description] + change.lines).map { $0 + "\n" }.joined()
  }

  /// Fails before anything is read: stdin on both sides, an output diff cannot write.
  private static func check(_ request: DiffRequest) throws(RunError) {
    if request.old.source == .standardInput && request.new.source == .standardInput {
      throw .usage("OLD and NEW cannot both be - (stdin can be read only once)")
    }
    for target in request.outputs {
      guard let format = target.format else { throw .usage("diff writes single files, not a folder of pages") }
      guard format.changeRenderer != nil else {
        throw .usage("diff cannot write \(format.rawValue) (use svg, png, pdf, dot, mermaid, json, html or markdown)")
      }
      do { try FileCommit.checkWritable(target) } catch { throw .output(error) }
    }
  }

  /// One side's catalog, partitions folded, narrowed to the tables and views the filter admits; an empty side is
  /// compared (everything on the other side is then added or removed), with a warning.
  private static func load(
    _ side: DiffRequest.Side, _ label: String, _ request: DiffRequest
  ) throws(RunError) -> Catalog {
    var catalog = try Pipeline.load(side.source, options: side.inspect, log: request.log, requireTables: false)
    // Partitions are compared as the drawing shows them, folded under their table, so that a
    // database and the JSON catalog erdviz wrote of it (folded) are the same schema.
    if request.diagram.foldPartitions { catalog = catalog.foldingPartitions() }
    let filter = request.diagram.filter
    if !filter.isEmpty {
      catalog = catalog.keeping(
        Set((catalog.allTables.map(\.name) + catalog.allViews.map(\.name)).filter(filter.admits)))
    }
    if catalog.allTables.isEmpty && catalog.allViews.isEmpty {
      request.log.warning("\(label) schema (\(side.source.label)) has no table or view")
    }
    return catalog
  }
}

extension ExitStatus {
  /// `erdviz diff`'s exit statuses, one line, for its `--help` and the README.
  public static let diffSummary = """
    0 no change; 1 the schemas differ; 64 usage error; 65 invalid input; 66 input missing or \
    unreadable; 69 database or program unavailable; 70 internal error; 73 cannot write an output file
    """
}
