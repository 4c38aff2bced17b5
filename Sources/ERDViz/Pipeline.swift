import ERDGraph
import ERDInspect
import ERDLint
import ERDRender
import ERDSchema

/// The whole run as the CLI, a config file and the tests ask for it: resolve the source, inspect
/// it, draw it, render every requested output, then deliver them (write, or compare for `--check`).
public enum Pipeline {
  /// Runs a request. Every output is rendered before any is delivered, and written all or none,
  /// so a failure anywhere leaves every existing file as it was.
  @discardableResult
  public static func run(_ request: Request) throws(RunError) -> RunReport {
    if request.delivery == .write {
      for case .file(let path, _) in request.outputs {
        do { try FileCommit.checkWritable(path) } catch { throw .output(error) }
      }
    }
    let catalog = try load(request.source, options: request.inspect, log: request.log)
    try checkRelations(request.diagram, in: catalog)
    let drawing = draw(catalog, request)
    let rendered = try render(drawing, for: request)
    return try deliver(rendered, request)
  }

  /// The drawing every output of the request is rendered from: the page's other detail levels
  /// are built only when a page is asked for.
  static func draw(_ catalog: Catalog, _ request: Request) -> Drawing {
    let levels = request.outputs.contains { $0.format.needsDetailLevels }
    var drawing = Drawing(catalog, options: request.diagram, otherLevels: levels)
    let diagram = drawing.diagram
    request.log.info("diagram: \(diagram.entities.count) entities, \(diagram.edges.count) edges")
    logUndeclared(drawing, options: request.diagram, log: request.log)
    if let rules = request.lint { drawing.findings = Linter.lint(catalog, rules: rules) }
    return drawing
  }

  /// Each output's bytes, in request order; a format asked for twice is rendered once.
  static func render(_ drawing: Drawing, for request: Request) throws(RunError) -> [(OutputTarget, Rendered)] {
    var byFormat: [OutputFormat: Rendered] = [:]
    var rendered: [(OutputTarget, Rendered)] = []
    for target in request.outputs {
      if byFormat[target.format] == nil {
        let output: Rendered
        do { output = try target.format.renderer.render(drawing) } catch { throw .render(error) }
        for warning in output.warnings { request.log.warning(warning) }
        byFormat[target.format] = output
      }
      if let output = byFormat[target.format] { rendered.append((target, output)) }
    }
    return rendered
  }

  /// Writes the files all or none, then stdout; or, for `--check`, compares and writes nothing.
  static func deliver(_ rendered: [(OutputTarget, Rendered)], _ request: Request) throws(RunError) -> RunReport {
    var files: [(path: String, bytes: [UInt8])] = []
    for case (.file(let path, _), let output) in rendered { files.append((path, output.bytes)) }
    if request.delivery == .compare { return RunReport(stale: OutputComparison.stale(files)) }
    do {
      try FileCommit.write(files)
      for file in files { request.log.info("wrote \(file.path) (\(file.bytes.count) bytes)") }
      for case (.standardOutput, let output) in rendered { try StandardStreams.writeOutput(output.bytes) }
    } catch {
      throw .output(error)
    }
    return RunReport()
  }
}

/// What a run found: with `--check`, the outputs that differ from the files on disk.
public struct RunReport: Hashable, Sendable {
  public var stale: [StaleOutput]

  public init(stale: [StaleOutput] = []) { self.stale = stale }
}

/// An output whose file on disk is not what this run renders.
public struct StaleOutput: Hashable, Sendable {
  public enum Reason: Hashable, Sendable {
    case missing
    case changed
  }

  public var path: String
  public var reason: Reason
}

extension OutputFormat {
  /// Whether rendering wants the diagram at every detail level (the page's switch).
  var needsDetailLevels: Bool { self == .html }
}
