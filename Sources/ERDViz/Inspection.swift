import ERDDDL
import ERDInspect
import ERDMySQL
import ERDPostgres
import ERDSQLite
import ERDSchema

extension Pipeline {
  /// The catalog a source holds, in canonical order, limited to the schemas asked for; with
  /// `requireTables`, one without any table or view is an error.
  public static func load(
    _ source: Source, options: InspectOptions, log: Log = Log(), requireTables: Bool = true
  ) throws(RunError) -> Catalog {
    var options = options
    options.log = log
    do {
      var catalog = try inspector(for: source, options: options).inspect(options)
      if !options.schemas.isEmpty {
        try SelectionCheck.check(catalog, schemas: options.schemas, source: source)
        catalog.schemas.removeAll { !options.schemas.contains($0.name) }
      }
      if requireTables { try SelectionCheck.check(catalog, schemas: [], source: source) }
      return catalog
    } catch {
      throw .inspect(error)
    }
  }

  /// Chooses the inspector for a source, reading files and stdin to tell what they hold.
  public static func inspector(
    for source: Source, options: InspectOptions = InspectOptions()
  ) throws(InspectError) -> any SchemaInspector {
    switch source {
    case .postgres(let connection):
      return PostgresInspector(connection: connection, connectTimeout: options.connectTimeout)
    case .mysql(let url):
      return MySQLInspector(url: url, connectTimeout: options.connectTimeout)
    case .sqliteFile(let path):
      return SQLiteInspector.file(path)
    case .file(let path):
      // A regular file with SQLite's header is opened as a database; anything else (a FIFO,
      // `<(…)`, a device) is read once into memory and told apart by its bytes.
      let header = try InputReader.regularFilePrefix(path, count: InputKind.sqliteHeader.count)
      if header == InputKind.sqliteHeader { return SQLiteInspector.file(path) }
      let bytes = try InputReader.readFile(path, limit: options.inputLimit)
      return try inspector(forContents: bytes, label: path, limit: options.inputLimit)
    case .standardInput:
      let bytes = try InputReader.readStandardInput(limit: options.inputLimit)
      return try inspector(forContents: bytes, label: "stdin", limit: options.inputLimit)
    case .program(let command):
      return try inspector(forContents: try ProgramRunner.run(command), label: command.label, limit: options.inputLimit)
    }
  }

  private static func inspector(
    forContents bytes: [UInt8], label: String, limit: Int
  ) throws(InspectError) -> any SchemaInspector {
    switch InputKind.sniff(bytes) {
    case .sqliteDatabase: return SQLiteInspector.image(bytes, label: label)
    case .json: return JSONCatalogInspector(bytes: bytes, label: label)
    case .sql: return DDLInspector(bytes: bytes, label: label, sizeLimit: limit)
    case .empty:
      throw .invalidInput(label, reason: "empty input: expected SQL DDL, an erdviz JSON catalog or an SQLite database")
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
