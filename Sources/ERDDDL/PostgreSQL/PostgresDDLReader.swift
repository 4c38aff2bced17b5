import ERDInspect
import ERDSchema

/// Reads PostgreSQL DDL into the model with PostgreSQL's own grammar, through libpg_query.
///
/// The whole text is parsed once by libpg_query, whose JSON parse tree is read through a tape
/// (`PgJSONTape`); each statement is then mapped by one function per statement type. `SET search_path` and `set_config('search_path', …)` change the
/// schema unqualified names mean, as they would in `psql`.
struct PostgresDDLReader {
  struct Statement {
    let node: PgNode
    let range: Range<Int>
  }

  let label: String
  let source: PgSourceText
  let lines: LineIndex
  var builder = CatalogBuilder(engine: Dialect.postgresql.rawValue, caseInsensitive: false)
  var report = DDLReport()
  var searchPath = ["public"]
  /// Sequences owned by a column (`OWNED BY`): their `nextval` defaults make serial columns.
  var sequenceOwners: [QualifiedName: (table: QualifiedName, column: String)] = [:]
  /// Relation and constraint names taken in each schema, for the names PostgreSQL generates.
  var usedNames: [String: Set<String>] = [:]
  /// One shared copy of each long type spelling (see `shared(_:)`).
  private var spellings: Set<String> = []

  /// How much text goes to libpg_query at once. The parse tree of a whole 100 MB dump, with
  /// its JSON and tape, takes 50 times the text in memory; pieces of a quarter megabyte, cut
  /// between statements, keep that to a few dozen megabytes, parse as fast, and let a script of
  /// a few thousand tables be parsed on one core while the other reads the pieces before.
  static let pieceSize = 1 << 18

  /// The one copy of `text` this reader keeps: 300,000 tables otherwise hold as many buffers
  /// spelling `character varying(200)` or `timestamp with time zone` (strings of up to 15
  /// bytes are held inline and need no sharing).
  mutating func shared(_ text: String) -> String {
    text.utf8.count <= 15 ? text : spellings.insert(text).memberAfterInsert
  }

  static func read(
    _ bytes: [UInt8], label: String, pieceSize: Int = pieceSize
  ) throws(InspectError) -> (Catalog, DDLReport) {
    let script = PsqlScript(bytes)
    var reader = PostgresDDLReader(label: label, source: PgSourceText(script.bytes), lines: LineIndex(bytes))
    reader.report.ignore("psql meta-command", count: script.metaCommands)
    do {
      try reader.readPieces(script, pieceSize: pieceSize)
    } catch {
      throw .invalidInput(label, reason: error.reason, location: error.location.map(reader.lines.location(of:)))
    }
    guard reader.report.statements > 0 else { throw .invalidInput(label, reason: "no SQL statements in the input") }
    reader.markSerialColumns()
    return (reader.builder.build(), reader.report)
  }

  /// Reads the script piece by piece (`PgPieces`); a script of several pieces is parsed on a
  /// thread of its own while the pieces before are read into the model.
  private mutating func readPieces(_ script: PsqlScript, pieceSize: Int) throws(PgQuery.Failure) {
    var pieces = PgPieces(script, pieceSize: pieceSize)
    if pieces.isOnePiece {
      while let tree = try pieces.parseNext() { read(tree) }
    } else {
      try pieces.parseAhead { read($0) }
    }
  }

  private mutating func read(_ tree: PgQuery.ParseTree) {
    withExtendedLifetime(tree) {
      for field in tree.root where field.number == Pg.ParseResult.stmts { rawStatement(field.message, in: tree.range) }
    }
  }

  private mutating func rawStatement(_ raw: PgMessage, in piece: Range<Int>) {
    var node: PgNode?
    var location = piece.lowerBound
    var length = 0
    for field in raw {
      switch field.number {
      case Pg.RawStmt.stmt: node = field.node
      case Pg.RawStmt.stmtLocation: location = field.location
      case Pg.RawStmt.stmtLen: length = field.int
      default: break
      }
    }
    guard let node else { return }
    // A length of 0 means the statement runs to the end of the text parsed.
    let end = length > 0 ? min(location + length, piece.upperBound) : piece.upperBound
    report.statements += 1
    statement(Statement(node: node, range: location..<end))
  }

  mutating func statement(_ s: Statement) {
    let body = s.node.body
    switch s.node.tag {
    case .createStmt: createTable(body, s, kind: nil)
    case .createForeignTableStmt:
      if let base = body.field(Pg.CreateForeignTableStmt.baseStmt) { createTable(base.message, s, kind: .foreign) }
    case .alterTableStmt: alterTable(body, s)
    case .indexStmt: createIndex(body, s)
    case .commentStmt: comment(body, s)
    case .createEnumStmt: createEnum(body)
    case .alterEnumStmt: alterEnum(body, s)
    case .createDomainStmt: createDomain(body, s)
    case .viewStmt: createView(body, s)
    case .createTableAsStmt: createTableAs(body, s)
    case .createSchemaStmt: createSchema(body, s)
    case .variableSetStmt: setVariable(body)
    case .selectStmt: select(body)
    case .createTrigStmt: createTrigger(body, s)
    case .createSeqStmt, .alterSeqStmt: sequence(body, creating: s.node.tag == .createSeqStmt)
    case .dropStmt: drop(body)
    case .renameStmt: rename(body, s)
    case .grantStmt: grant(body, s)
    case .grantRoleStmt: grantRole(body)
    case .alterDefaultPrivilegesStmt: alterDefaultPrivileges(body)
    case .alterOwnerStmt: alterOwner(body)
    case .createRoleStmt: createRole(body)
    case .createPolicyStmt: createPolicy(body, s)
    case .alterPolicyStmt: alterPolicy(body, s)
    case .createFunctionStmt: createFunction(body, s)
    default:
      if let tag = s.node.tag, Self.ignorable.contains(tag) {
        report.ignore(Self.kindNames[tag] ?? tag.name)
      } else {
        skip(s, "\(s.node.tag?.name ?? "this statement") is not modelled")
      }
    }
  }

  mutating func skip(_ s: Statement, _ reason: String) {
    let start = source.start(of: s.range)
    report.skip(lines.summary(of: start..<s.range.upperBound), at: lines.location(of: start), reason: reason)
  }

  // MARK: Names

  /// The schema `CREATE` puts an unqualified object in: the first real one on the search path.
  var creationSchema: String {
    searchPath.first { !$0.isEmpty && $0 != "$user" && $0 != "pg_catalog" } ?? "public"
  }

  func creationName(_ rv: PgRangeVar) -> QualifiedName {
    QualifiedName(schema: rv.schema ?? creationSchema, name: rv.name)
  }

  /// What an unqualified name refers to: the first schema on the search path that has it.
  func lookupName(schema: String?, name: String) -> QualifiedName {
    if let schema { return QualifiedName(schema: schema, name: name) }
    for candidate in searchPath {
      let q = QualifiedName(schema: candidate, name: name)
      if builder.tables[q] != nil || builder.views[q] != nil { return q }
    }
    return QualifiedName(schema: creationSchema, name: name)
  }

  func lookupName(_ rv: PgRangeVar) -> QualifiedName { lookupName(schema: rv.schema, name: rv.name) }

  /// A qualified name given as a list of strings (`COMMENT ON`, `CREATE TYPE`, `DROP`).
  func lookupName(parts: [String]) -> QualifiedName? {
    switch parts.count {
    case 1: return lookupName(schema: nil, name: parts[0])
    case 2...: return QualifiedName(schema: parts[parts.count - 2], name: parts[parts.count - 1])
    default: return nil
    }
  }

  func typeName(parts: [String]) -> QualifiedName? {
    guard let last = parts.last else { return nil }
    if parts.count >= 2 { return QualifiedName(schema: parts[parts.count - 2], name: last) }
    for schema in searchPath {
      let q = QualifiedName(schema: schema, name: last)
      if builder.enums[q] != nil || builder.domains[q] != nil { return q }
    }
    return QualifiedName(schema: creationSchema, name: last)
  }

  /// A name PostgreSQL would generate, not yet taken in the schema; it is then taken.
  mutating func generatedName(_ table: String, _ columns: [String]?, label: String, schema: String) -> String {
    let name = PgNaming.unique(
      table, columns.map(PgNaming.columnPart), label: label, avoiding: usedNames[schema, default: []])
    usedNames[schema, default: []].insert(name)
    return name
  }

  mutating func takeName(_ name: String?, schema: String) {
    if let name { usedNames[schema, default: []].insert(name) }
  }

  // MARK: Session and small statements

  private mutating func createSchema(_ m: PgMessage, _ s: Statement) {
    let name = m.field(Pg.CreateSchemaStmt.schemaname)?.string ?? ""
    guard !name.isEmpty else { return skip(s, "CREATE SCHEMA without a name is not modelled") }
    builder.addSchema(name)
    if let owner = m.field(Pg.CreateSchemaStmt.authrole).flatMap({ Self.roleName($0.message) }) {
      builder.access.schemaOwners[name] = owner
    }
    let saved = searchPath
    searchPath = [name]
    for element in m.nodes(Pg.CreateSchemaStmt.schemaElts) { statement(Statement(node: element, range: s.range)) }
    searchPath = saved
  }

  private mutating func setVariable(_ m: PgMessage) {
    let kind = m.field(Pg.VariableSetStmt.kind)?.int ?? 0
    guard m.field(Pg.VariableSetStmt.name)?.string.lowercased() == "search_path" else { return report.ignore("SET") }
    switch kind {
    case Pg.VariableSetKind.varSetValue: searchPath = m.nodes(Pg.VariableSetStmt.args).compactMap(\.constantString)
    case Pg.VariableSetKind.varSetDefault, Pg.VariableSetKind.varReset:  // SET … TO DEFAULT, RESET
      searchPath = ["public"]
    default: break
    }
    report.ignore("SET search_path")
  }

  /// pg_dump opens with `SELECT pg_catalog.set_config('search_path', '', false);`.
  private mutating func select(_ m: PgMessage) {
    defer { report.ignore("SELECT") }
    guard let target = m.nodes(Pg.SelectStmt.targetList).first, target.tag == .resTarget,
      let call = target.body.field(Pg.ResTarget.val)?.node, call.tag == .funcCall,
      call.body.strings(Pg.FuncCall.funcname).last == "set_config"
    else { return }
    let args = call.body.nodes(Pg.FuncCall.args).compactMap(\.constantString)
    guard args.count >= 2, args[0].lowercased() == "search_path" else { return }
    searchPath = args[1].split(separator: ",").map { String($0).trimmingSpaces().unquotedIdentifier }
  }

  private mutating func sequence(_ m: PgMessage, creating: Bool) {
    report.ignore(creating ? "CREATE SEQUENCE" : "ALTER SEQUENCE")
    guard let rv = m.field(Pg.CreateSeqStmt.sequence).map({ PgRangeVar($0.message) }) else { return }
    let sequence = QualifiedName(schema: rv.schema ?? creationSchema, name: rv.name)
    for option in m.nodes(Pg.CreateSeqStmt.options)
    where option.tag == .defElem && option.body.field(Pg.DefElem.defname)?.string == "owned_by" {
      let parts = option.body.field(Pg.DefElem.arg)?.node?.listItems.compactMap(\.string) ?? []
      guard parts.count >= 2, let table = lookupName(parts: Array(parts.dropLast())), let column = parts.last else {
        continue
      }
      sequenceOwners[sequence] = (table, column)
    }
  }

  private mutating func drop(_ m: PgMessage) {
    report.ignore("DROP")
    let kind = m.field(Pg.DropStmt.removeType)?.int ?? 0
    guard Self.relationKinds.contains(kind) else { return dropAccess(kind, m.nodes(Pg.DropStmt.objects)) }
    for object in m.nodes(Pg.DropStmt.objects) {
      if let name = lookupName(parts: object.listItems.compactMap(\.string)) { builder.drop(name) }
    }
  }

  /// A `nextval('seq'::regclass)` default on the column that owns `seq` is a serial column.
  private mutating func markSerialColumns() {
    guard !sequenceOwners.isEmpty else { return }
    for (sequence, owner) in sequenceOwners {
      builder.updateTable(owner.table) { table in
        table.updateColumn(owner.column) { column in
          guard column.identity == nil, let value = column.defaultValue, value.hasPrefix("nextval('") else { return }
          let quoted = value.dropFirst("nextval('".count).prefix { $0 != "'" }
          let parts = quoted.split(separator: ".").map { String($0).unquotedIdentifier }
          let named = parts.count == 2 ? QualifiedName(schema: parts[0], name: parts[1]) : nil
          if named == sequence || (parts.count == 1 && parts[0] == sequence.name) { column.identity = .serial }
        }
      }
    }
  }

  /// The object types that name a table or view (`DROP`, `RENAME`).
  static let relationKinds: Set<Int> = [
    Pg.ObjectType.objectTable, Pg.ObjectType.objectView, Pg.ObjectType.objectMatview, Pg.ObjectType.objectForeignTable,
  ]

  /// How `--verbose` names the statements it counts most often.
  static let kindNames: [PgTag: String] = [
    .insertStmt: "INSERT", .copyStmt: "COPY", .grantStmt: "GRANT", .grantRoleStmt: "GRANT",
    .alterOwnerStmt: "OWNER TO", .createFunctionStmt: "CREATE FUNCTION", .createExtensionStmt: "CREATE EXTENSION",
    .createdbStmt: "CREATE DATABASE", .dropdbStmt: "DROP DATABASE", .transactionStmt: "BEGIN/COMMIT",
    .defineStmt: "CREATE AGGREGATE/OPERATOR", .alterDefaultPrivilegesStmt: "ALTER DEFAULT PRIVILEGES",
    .createRoleStmt: "CREATE ROLE", .updateStmt: "UPDATE", .deleteStmt: "DELETE", .doStmt: "DO",
    .refreshMatViewStmt: "REFRESH MATERIALIZED VIEW", .createPolicyStmt: "CREATE POLICY", .ruleStmt: "CREATE RULE",
    .compositeTypeStmt: "CREATE TYPE … AS (…)", .createRangeStmt: "CREATE TYPE … AS RANGE",
    .alterTSConfigurationStmt: "ALTER TEXT SEARCH CONFIGURATION", .createCastStmt: "CREATE CAST",
    .createPublicationStmt: "CREATE PUBLICATION", .alterPublicationStmt: "ALTER PUBLICATION",
    .createStatsStmt: "CREATE STATISTICS", .createForeignServerStmt: "CREATE SERVER",
    .createFdwStmt: "CREATE FOREIGN DATA WRAPPER", .createEventTrigStmt: "CREATE EVENT TRIGGER",
  ]

  /// Statements that hold nothing a schema diagram shows: counted, never errors.
  static let ignorable: Set<PgTag> = [
    .variableShowStmt, .copyStmt, .insertStmt, .updateStmt, .deleteStmt, .mergeStmt, .transactionStmt,
    .alterRoleStmt,
    .alterRoleSetStmt, .dropRoleStmt, .alterFunctionStmt, .doStmt, .createExtensionStmt,
    .alterExtensionStmt, .alterExtensionContentsStmt, .createdbStmt, .dropdbStmt, .alterDatabaseStmt,
    .alterDatabaseSetStmt, .alterDatabaseRefreshCollStmt, .truncateStmt, .vacuumStmt, .clusterStmt,
    .reindexStmt, .checkPointStmt, .lockStmt, .notifyStmt, .listenStmt, .unlistenStmt, .refreshMatViewStmt,
    .createPLangStmt, .createCastStmt, .createConversionStmt, .createOpClassStmt, .createOpFamilyStmt,
    .alterOpFamilyStmt, .defineStmt, .createTableSpaceStmt, .dropTableSpaceStmt, .alterTableSpaceOptionsStmt,
    .createStatsStmt, .alterStatsStmt, .createPublicationStmt, .alterPublicationStmt, .createSubscriptionStmt,
    .alterSubscriptionStmt, .dropSubscriptionStmt, .secLabelStmt, .callStmt, .alterSystemStmt, .explainStmt,
    .prepareStmt, .executeStmt, .deallocateStmt, .discardStmt, .createEventTrigStmt, .alterEventTrigStmt,
    .createUserMappingStmt, .alterUserMappingStmt, .dropUserMappingStmt, .createForeignServerStmt,
    .alterForeignServerStmt, .createFdwStmt, .alterFdwStmt, .declareCursorStmt, .fetchStmt, .closePortalStmt,
    .loadStmt, .constraintsSetStmt, .alterCollationStmt, .createTransformStmt, .createAmStmt, .dropOwnedStmt,
    .reassignOwnedStmt, .alterOperatorStmt, .alterTypeStmt, .alterTSDictionaryStmt, .alterTSConfigurationStmt,
    .createRangeStmt, .compositeTypeStmt, .alterObjectDependsStmt, .createOpClassItem, .ruleStmt,
  ]
}
