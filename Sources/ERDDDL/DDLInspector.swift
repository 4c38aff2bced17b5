import ERDInspect
import ERDSQLite
import ERDSchema

/// Reads a schema from SQL DDL text: a file, stdin, or a provider program's output.
///
/// PostgreSQL DDL goes through PostgreSQL's own parser (libpg_query), SQLite DDL is executed in
/// a private in-memory SQLite database, and MySQL/MariaDB and SQL Server DDL go through erdviz's
/// own tolerant parser. The dialect is `InspectOptions.dialect`, or sniffed from the text.
public struct DDLInspector: SchemaInspector {
  public let bytes: [UInt8]
  /// What to call the input in messages: the file's path, `stdin`, or the program.
  public let label: String
  /// The largest DDL text read (`sizeLimit`): reading takes memory of about nine times the text
  /// (the model, its JSON), so 256 MiB of DDL needs about 2.5 GB; past it the read is refused.
  public let sizeLimit: Int
  public static let defaultSizeLimit = 256 << 20

  /// UTF-16 text (with its byte-order mark, as SQL Server's tools save scripts) is read as
  /// UTF-8; a UTF-8 byte-order mark is dropped.
  public init(bytes: [UInt8], label: String, sizeLimit: Int = defaultSizeLimit) {
    self.bytes = Self.utf8(bytes)
    self.label = label
    self.sizeLimit = sizeLimit
  }

  private static func utf8(_ bytes: [UInt8]) -> [UInt8] {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
    let little = bytes.starts(with: [0xFF, 0xFE])
    guard little || bytes.starts(with: [0xFE, 0xFF]) else { return bytes }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = 2
    while i + 1 < bytes.count {
      units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
      i += 2
    }
    return Array(String(decoding: units, as: UTF16.self).utf8)
  }

  public func inspect(_ options: InspectOptions) throws(InspectError) -> Catalog {
    guard bytes.count <= sizeLimit else {
      throw .invalidInput(
        label,
        reason: "\(bytes.count >> 20) MiB of SQL DDL is past erdviz's limit of \(sizeLimit >> 20) MiB "
          + "(--max-input-size MiB raises it; reading takes about nine times the text in memory): "
          + "read the database itself, or dump it in parts (pg_dump --schema, mysqldump per database)")
    }
    try checkText()
    let dialect: Dialect
    if let forced = options.dialect {
      dialect = forced
      options.log.info("ddl: reading \(label) as \(dialect.rawValue) (--dialect)")
    } else {
      let sniffed = DialectSniffer.sniff(bytes)
      dialect = sniffed.dialect
      options.log.info("ddl: reading \(label) as \(dialect.rawValue) (sniffed: \(sniffed.reason))")
    }
    let (catalog, report) = try read(as: dialect, options: options)
    try report.finish(label: label, dialect: dialect, options: options)
    guard catalog.schemas.contains(where: { !$0.tables.isEmpty || !$0.views.isEmpty }) else {
      throw .invalidInput(label, reason: report.nothingFound(dialect: dialect))
    }
    return catalog.applying(AtlasPositions(bytes, workingDirectory: options.workingDirectory))
  }

  private func read(as dialect: Dialect, options: InspectOptions) throws(InspectError) -> (Catalog, DDLReport) {
    switch dialect {
    case .postgresql:
      return try PostgresDDLReader.read(bytes, label: label)
    case .sqlite:
      return try readSQLite(options)
    case .mysql, .mariadb, .mssql:
      return try TolerantDDLReader.read(bytes, dialect: dialect, label: label)
    }
  }

  /// SQLite's own grammar: the script run in a private in-memory database, then inspected.
  private func readSQLite(_ options: InspectOptions) throws(InspectError) -> (Catalog, DDLReport) {
    let script = try SQLiteScript.run(bytes, label: label, log: options.log)
    var report = DDLReport()
    report.statements = script.statements
    for (kind, count) in script.ignored { report.ignore(kind, count: count) }
    let lines = LineIndex(bytes)
    for failure in script.failed {
      report.skip(
        lines.summary(of: failure.offset..<min(bytes.count, failure.offset + 400)),
        at: lines.location(of: failure.offset), reason: failure.message)
    }
    guard report.statements > 0 else { throw .invalidInput(label, reason: "no SQL statements in the input") }
    // Nothing SQLite took: say why, rather than draw nothing.
    if let first = script.failed.first, script.failed.count == report.statements {
      let what = report.statements == 1 ? "its only statement" : "every one of its \(report.statements) statements"
      throw .invalidInput(
        label, reason: "SQLite took none of \(what): \(first.message)", location: lines.location(of: first.offset))
    }
    return (script.catalog, report)
  }

  /// NUL bytes and invalid UTF-8 past the sniffed prefix still make the input binary, not DDL.
  private func checkText() throws(InspectError) {
    if let nul = bytes.firstIndex(of: 0) {
      let at = LineIndex(bytes).location(of: nul)
      throw .invalidInput(
        label, reason: "binary data (a NUL byte at line \(at.line), column \(at.column)), not SQL DDL")
    }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw .invalidInput(label, reason: "not UTF-8 text: erdviz reads SQL DDL as UTF-8")
    }
  }
}
