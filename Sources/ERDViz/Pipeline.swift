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
  public static func run(_ request: Request) throws(RunError) -> CheckReport {
    try run([request], delivery: request.delivery, log: request.log).first ?? CheckReport(stale: [])
  }

  /// Runs several requests as one, as `generate` does: each distinct source is inspected once,
  /// everything is rendered before anything is delivered, and every file is written all or none.
  /// One report per request, in order. With `makingFolders` (a config file's outputs), missing
  /// output folders are made.
  public static func run(
    _ requests: [Request], delivery: Delivery, log: Log, makingFolders: Bool = false
  ) throws(RunError) -> [CheckReport] {
    try checkOutputs(requests, delivery: delivery, makingFolders: makingFolders)
    if requests.contains(where: { $0.outputs.contains { $0.format?.usesGraphviz ?? true } }) {
      GraphvizRenderer.prepare()
    }
    defer { GraphvizRenderer.settle() }
    var catalogs: [SourceKey: Catalog] = [:]
    var prepared: [(request: Request, drawing: Drawing, products: [Product])] = []
    for request in requests {
      let key = SourceKey(request)
      let catalog: Catalog
      if let cached = catalogs[key] {
        catalog = cached
      } else {
        catalog = try request.log.phase("reading \(request.source.label)") { () throws(RunError) in
          try load(request.source, options: request.inspect, log: request.log)
        }
        catalogs[key] = catalog
      }
      try checkRelations(request, in: catalog)
      let drawing = request.log.phase("drawing") { draw(catalog, request) }
      try SelectionCheck.check(drawing, options: request.diagram, log: request.log)
      prepared.append((request, drawing, try render(drawing, for: request)))
    }
    let stale = try deliver(prepared.flatMap(\.products), delivery: delivery, log: log)
    return prepared.map { request, drawing, products in
      let paths = Set(products.flatMap { $0.files.map(\.path) + $0.obsolete })
      var report = CheckReport(stale: stale.filter { paths.contains($0.path) })
      if !report.stale.isEmpty, let (path, old) = CommittedCatalog.find(in: request.outputs) {
        report.change = SchemaChange(from: old, to: drawing.drawnCatalog)
        report.baseline = path
      }
      return report
    }
  }

  /// Every output can be written (when writing), and no two requests write the same one.
  private static func checkOutputs(_ requests: [Request], delivery: Delivery, makingFolders: Bool) throws(RunError) {
    var seen: Set<String> = []
    for case .file(let path, _) in requests.flatMap(\.outputs) where !seen.insert(path).inserted {
      throw .usage("two diagrams write \(path)")
    }
    for request in requests where request.diagram.split != nil {
      guard request.outputs.contains(where: { if case .folder = $0 { true } else { false } }) else {
        throw .usage(
          "--split \(request.diagram.split?.rawValue ?? "group") writes a folder of pages: name one with -o FOLDER/")
      }
    }
    guard delivery == .write else { return }
    for target in requests.flatMap(\.outputs) {
      do { try FileCommit.checkWritable(target, makingFolders: makingFolders) } catch { throw .output(error) }
    }
  }

  /// The drawing every output of the request is rendered from: the page's other detail levels
  /// and the per-table pages are built only when an output wants them.
  static func draw(_ catalog: Catalog, _ request: Request) -> Drawing {
    let levels = request.outputs.contains { $0.format?.needsDetailLevels == true }
    let folder = request.outputs.contains { if case .folder = $0 { true } else { false } }
    let split = folder && request.diagram.split != nil
    let pictures = request.outputs.contains { $0.format?.isPicture ?? true }
    var options = request.diagram
    options.shapesLayout = pictures
    var drawing = Drawing(
      catalog, options: options, otherLevels: levels, tablePages: folder && !split, splitPages: split)
    let diagram = drawing.diagram
    request.log.info("diagram: \(diagram.entities.count) entities, \(diagram.edges.count) edges")
    if pictures {
      for note in diagram.notes { request.log.note(note) }
    }
    logUndeclared(drawing, options: request.diagram, log: request.log)
    if let role = request.diagram.asRole, !RoleAccess.isKnown(role, in: catalog) {
      // Not an error: a role with no grant of its own still gets PUBLIC's.
      request.log.warning("as-role: no grant, owner, policy or membership in the schema names role \(role)")
    }
    if let rules = request.lint { drawing.findings = Linter.lint(catalog, rules: rules) }
    return drawing
  }

  /// Each output rendered, in request order.
  static func render(_ drawing: Drawing, for request: Request) throws(RunError) -> [Product] {
    var cache: [OutputFormat: Rendered] = [:]
    var products: [Product] = []
    let log = request.log
    for target in request.outputs {
      do {
        try log.phase("rendering \(target.name)") { () throws(RenderError) in
          products.append(
            try Product.render(target, drawing, cache: &cache) { title, page, pages in
              log.update("rendering page \(page) of \(pages): \(title)")
            })
        }
      } catch {
        throw .render(error)
      }
      for warning in products.last?.warnings ?? [] { request.log.warning(warning) }
    }
    return products
  }

  /// Writes the files all or none (removing erdviz's leftover pages), then stdout; or, for
  /// `--check`, compares with the files on disk and writes nothing.
  static func deliver(_ products: [Product], delivery: Delivery, log: Log) throws(RunError) -> [StaleOutput] {
    let files = products.flatMap(\.files)
    let obsolete = products.flatMap(\.obsolete)
    if delivery == .compare {
      return OutputComparison.stale(files) + obsolete.map { StaleOutput(path: $0, reason: .obsolete) }
    }
    do {
      let sizes = try log.phase("writing \(files.count) file\(files.count == 1 ? "" : "s")") {
        () throws(OutputError) in try FileCommit.write(files, removing: obsolete)
      }
      for (file, size) in zip(files, sizes) { log.info("wrote \(file.path) (\(size) bytes)") }
      for path in obsolete { log.info("removed \(path): its table is no longer drawn") }
      for case let content? in products.map(\.standardOutput) { try StandardStreams.writeOutput(content) }
    } catch {
      throw .output(error)
    }
    return []
  }
}

/// An output whose file on disk is not what this run renders.
public struct StaleOutput: Hashable, Sendable {
  public enum Reason: Hashable, Sendable {
    case missing
    case changed
    /// A page erdviz wrote before for a table that is no longer drawn.
    case obsolete
  }

  public var path: String
  public var reason: Reason
}

extension OutputFormat {
  /// Whether rendering wants the diagram at every detail level (the page's switch).
  var needsDetailLevels: Bool { self == .html }
}

/// What makes two requests read the same catalog: the source and the options that change what
/// is read.
struct SourceKey: Hashable {
  var source: Source
  var schemas: [String]
  var dialect: Dialect?
  var strict: Bool

  init(_ request: Request) {
    source = request.source
    schemas = request.inspect.schemas
    dialect = request.inspect.dialect
    strict = request.inspect.strict
  }
}
