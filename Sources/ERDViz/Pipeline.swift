import ERDDDL
import ERDGraph
import ERDInspect
import ERDMySQL
import ERDPostgres
import ERDRender
import ERDSQLite
import ERDSchema
import Foundation

/// The whole pipeline as the CLI and the tests use it: resolve the source, inspect, build the
/// diagram, render every requested output, then write them.
public enum Pipeline {
  /// Runs a request. Every output is rendered before any is written, so a failure in one format
  /// leaves every file as it was; each file is replaced atomically.
  public static func run(_ request: Request) throws {
    for case .file(let path, _) in request.outputs { try AtomicFile.checkWritable(path) }
    let catalog = try load(request.source, options: request.inspect, foldPartitions: request.foldPartitions)
    let needsDiagram = request.outputs.contains { $0.format.needsDiagram }
    let input = prepare(catalog, options: request.diagram, diagram: needsDiagram)
    if needsDiagram {
      request.inspect.log.info("diagram: \(input.diagram.entities.count) entities, \(input.diagram.edges.count) edges")
    }

    var rendered: [(OutputTarget, Rendered)] = []
    for target in request.outputs {
      let output = try target.format.renderer.render(input)
      for warning in output.warnings { request.inspect.log.warning(warning) }
      rendered.append((target, output))
    }
    for (target, output) in rendered {
      switch target {
      case .file(let path, _):
        try AtomicFile.write(output.bytes, to: path)
        request.inspect.log.info("wrote \(path) (\(output.bytes.count) bytes)")
      case .standardOutput:
        FileHandle.standardOutput.write(Data(output.bytes))
      }
    }
  }

  /// The catalog a source holds, partitions folded unless asked otherwise.
  public static func load(_ source: Source, options: InspectOptions, foldPartitions: Bool = true) throws -> Catalog {
    var catalog = try inspector(for: source, options: options).inspect(options)
    if !options.schemas.isEmpty {
      catalog.schemas.removeAll { !options.schemas.contains($0.name) }
    }
    return foldPartitions ? catalog.foldingPartitions() : catalog
  }

  /// The filtered catalog and the diagram built from it, as renderers want them; `diagram: false`
  /// skips building it when only the catalog's JSON is wanted.
  public static func prepare(_ catalog: Catalog, options: DiagramOptions, diagram: Bool = true) -> RenderInput {
    let filtered = options.filter.apply(to: catalog).normalized()
    let built = diagram ? DiagramBuilder.build(filtered, options: options) : Diagram()
    return RenderInput(catalog: filtered, diagram: built)
  }

  /// Chooses the inspector for a source, reading files and stdin to tell what they hold.
  public static func inspector(for source: Source, options: InspectOptions = InspectOptions()) throws
    -> any SchemaInspector
  {
    switch source {
    case .postgres(let connection):
      return PostgresInspector(connection: connection, connectTimeout: options.connectTimeout)
    case .mysql(let url):
      return MySQLInspector(url: url, connectTimeout: options.connectTimeout)
    case .sqliteFile(let path):
      return SQLiteInspector.file(path)
    case .file(let path):
      if try InputReader.readPrefix(path, count: InputKind.sqliteHeader.count) == InputKind.sqliteHeader {
        return SQLiteInspector.file(path)
      }
      return try inspector(forContents: try InputReader.readFile(path), label: path)
    case .standardInput:
      return try inspector(forContents: try InputReader.readStandardInput(), label: "stdin")
    case .program(let command):
      return try inspector(forContents: try ProgramRunner.run(command), label: command.label)
    }
  }

  private static func inspector(forContents bytes: [UInt8], label: String) throws(InspectError) -> any SchemaInspector {
    switch InputKind.sniff(bytes) {
    case .sqliteDatabase: return SQLiteInspector.image(bytes, label: label)
    case .json: return JSONCatalogInspector(bytes: bytes, label: label)
    case .sql: return DDLInspector(bytes: bytes, label: label)
    case .empty: throw .invalidInput(label, reason: "empty input: expected SQL DDL, an erdviz JSON catalog or an SQLite database")
    case .binary: throw .invalidInput(label, reason: "binary data that is not an SQLite database")
    }
  }
}

/// An erdviz JSON catalog read back as a source.
struct JSONCatalogInspector: SchemaInspector {
  let bytes: [UInt8]
  let label: String

  func inspect(_ options: InspectOptions) throws(InspectError) -> Catalog {
    do {
      return try Catalog(jsonText: bytes).normalized()
    } catch {
      throw .invalidInput(label, reason: "not an erdviz JSON catalog: \(error.description)")
    }
  }
}
