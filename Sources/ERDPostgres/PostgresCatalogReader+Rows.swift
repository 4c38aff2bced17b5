import ERDInspect

/// One row of a catalog query, decoded by name: each type reads its query's columns in the order
/// the query selects them (see `SQL`), so no reader indexes a row by number.
protocol PGCatalogRow {
  init(_ row: inout PGRowReader)
}

/// Reads one row's values left to right; `remaining` tells whether a row type read them all.
struct PGRowReader {
  private let values: [String?]
  private var position = 0

  init(_ values: [String?]) { self.values = values }

  var remaining: Int { values.count - position }

  /// The next value as text, nil for NULL (or past the end, which `rows` reports).
  mutating func text() -> String? {
    defer { position += 1 }
    return position < values.count ? values[position] : nil
  }

  /// The next value as a boolean: PostgreSQL's text form of true is `t`.
  mutating func bool() -> Bool { text() == "t" }

  mutating func int() -> Int? { text().flatMap { Int($0) } }
}

extension PostgresCatalogReader {
  /// Runs a catalog query and decodes its rows; a row type that reads more or fewer columns than
  /// the query returns is a bug here, reported rather than read askew.
  func rows<Row: PGCatalogRow>(
    _ sql: String, _ parameters: [String?] = [], as type: Row.Type, what: String
  ) throws(InspectError) -> [Row] {
    var out: [Row] = []
    for values in try query(sql, parameters, what: what) {
      var reader = PGRowReader(values)
      out.append(Row(&reader))
      guard reader.remaining == 0 else {
        throw .unavailable(
          connection.endpoint.description,
          reason:
            "\(what): internal error: \(Row.self) read \(values.count - reader.remaining) of \(values.count) columns")
      }
    }
    return out
  }
}

/// `SQL.session`.
struct SessionRow: PGCatalogRow {
  var database, readOnly, serverVersion: String?

  init(_ r: inout PGRowReader) {
    database = r.text()
    readOnly = r.text()
    serverVersion = r.text()
  }
}

/// `SQL.schemas`.
struct SchemaRow: PGCatalogRow {
  var oid, name, comment: String?
  /// The role has USAGE on the schema.
  var usable: Bool
  var owner: String?

  init(_ r: inout PGRowReader) {
    oid = r.text()
    name = r.text()
    comment = r.text()
    usable = r.bool()
    owner = r.text()
  }
}

/// `SQL.relations`.
struct RelationRow: PGCatalogRow {
  var oid, schema, name, kind: String?
  var isPartition: Bool
  var partitionBound, partitionKey, comment, persistence, viewDefinition, owner: String?
  var rowSecurity, forceRowSecurity: Bool

  init(_ r: inout PGRowReader) {
    oid = r.text()
    schema = r.text()
    name = r.text()
    kind = r.text()
    isPartition = r.bool()
    partitionBound = r.text()
    partitionKey = r.text()
    comment = r.text()
    persistence = r.text()
    viewDefinition = r.text()
    owner = r.text()
    rowSecurity = r.bool()
    forceRowSecurity = r.bool()
  }
}

/// `SQL.columns`.
struct ColumnRow: PGCatalogRow {
  var relation, name, type: String?
  var notNull: Bool
  var defaultValue, identity, generated, comment, collation, domainBaseType: String?
  /// The column owns a sequence (`serial`).
  var ownsSequence: Bool
  var attnum: Int?

  init(_ r: inout PGRowReader) {
    relation = r.text()
    name = r.text()
    type = r.text()
    notNull = r.bool()
    defaultValue = r.text()
    identity = r.text()
    generated = r.text()
    comment = r.text()
    collation = r.text()
    domainBaseType = r.text()
    ownsSequence = r.bool()
    attnum = r.int()
  }
}

/// `SQL.constraints`.
struct ConstraintRow: PGCatalogRow {
  var relation, name, type: String?
  /// Attribute numbers separated by spaces.
  var keyAttnums: String?
  var referencedSchema, referencedTable: String?
  /// A JSON array of names, only for a table outside the selected schemas.
  var referencedColumnNames: String?
  var onUpdate, onDelete, matchType: String?
  var deferrable, initiallyDeferred: Bool
  var definition, comment: String?
  var nullsNotDistinct: Bool
  var referencedRelation, referencedAttnums: String?

  init(_ r: inout PGRowReader) {
    relation = r.text()
    name = r.text()
    type = r.text()
    keyAttnums = r.text()
    referencedSchema = r.text()
    referencedTable = r.text()
    referencedColumnNames = r.text()
    onUpdate = r.text()
    onDelete = r.text()
    matchType = r.text()
    deferrable = r.bool()
    initiallyDeferred = r.bool()
    definition = r.text()
    comment = r.text()
    nullsNotDistinct = r.bool()
    referencedRelation = r.text()
    referencedAttnums = r.text()
  }
}

/// `SQL.indexes`.
struct IndexRow: PGCatalogRow {
  var relation, name: String?
  var unique: Bool
  var method: String?
  /// A JSON array of each key's text, only for an index with expressions.
  var keyTexts: String?
  /// Attribute numbers separated by spaces, 0 for an expression.
  var attnums: String?
  var predicate, definition, comment: String?

  init(_ r: inout PGRowReader) {
    relation = r.text()
    name = r.text()
    unique = r.bool()
    method = r.text()
    keyTexts = r.text()
    attnums = r.text()
    predicate = r.text()
    definition = r.text()
    comment = r.text()
  }
}

/// `SQL.triggers`.
struct TriggerRow: PGCatalogRow {
  var relation, name: String?
  /// `pg_trigger.tgtype`'s bits.
  var type: Int
  var definition, comment: String?
  /// The function it executes.
  var routineSchema, routineName: String?

  init(_ r: inout PGRowReader) {
    relation = r.text()
    name = r.text()
    type = r.int() ?? 0
    definition = r.text()
    comment = r.text()
    routineSchema = r.text()
    routineName = r.text()
  }
}

/// `SQL.dependencies` and `SQL.inheritance`: a relation and another it names.
struct RelationLinkRow: PGCatalogRow {
  var relation, schema, name: String?

  init(_ r: inout PGRowReader) {
    relation = r.text()
    schema = r.text()
    name = r.text()
  }
}

/// `SQL.enums`.
struct EnumRow: PGCatalogRow {
  var schema, name: String?
  /// A JSON array of the labels in sort order.
  var values: String?
  var comment: String?

  init(_ r: inout PGRowReader) {
    schema = r.text()
    name = r.text()
    values = r.text()
    comment = r.text()
  }
}

/// `SQL.domains`.
struct DomainRow: PGCatalogRow {
  var schema, name, baseType: String?
  var notNull: Bool
  var defaultValue: String?
  /// A JSON array of `[name, definition]` pairs.
  var checks: String?
  var comment: String?

  init(_ r: inout PGRowReader) {
    schema = r.text()
    name = r.text()
    baseType = r.text()
    notNull = r.bool()
    defaultValue = r.text()
    checks = r.text()
    comment = r.text()
  }
}

/// `SQL.privileges`: one privilege of one grantee.
struct PrivilegeRow: PGCatalogRow {
  /// `r` a relation, `c` a column, `n` a schema, `d` a schema's default privileges.
  var kind: String?
  /// The relation's or the schema's OID.
  var object: String?
  var column: String?
  /// For default privileges: whose new objects, and which kind (`pg_default_acl.defaclobjtype`).
  var forRole, objectType: String?
  var grantee, privilege: String?
  var grantable: Bool

  init(_ r: inout PGRowReader) {
    kind = r.text()
    object = r.text()
    column = r.text()
    forRole = r.text()
    objectType = r.text()
    grantee = r.text()
    privilege = r.text()
    grantable = r.bool()
  }
}

/// `SQL.policies`.
struct PolicyRow: PGCatalogRow {
  var relation, name: String?
  /// `pg_policy.polcmd`: `*` all, `r` select, `a` insert, `w` update, `d` delete.
  var command: String?
  var permissive: Bool
  /// A JSON array of role names.
  var roles: String?
  var using, check, comment: String?

  init(_ r: inout PGRowReader) {
    relation = r.text()
    name = r.text()
    command = r.text()
    permissive = r.bool()
    roles = r.text()
    using = r.text()
    check = r.text()
    comment = r.text()
  }
}

/// `SQL.routines`.
struct RoutineRow: PGCatalogRow {
  var schema, name: String?
  /// `pg_proc.prokind`: `f` function, `p` procedure, `a` aggregate, `w` window.
  var kind: String?
  var arguments, result, language: String?
  var securityDefiner: Bool
  var owner, comment: String?

  init(_ r: inout PGRowReader) {
    schema = r.text()
    name = r.text()
    kind = r.text()
    arguments = r.text()
    result = r.text()
    language = r.text()
    securityDefiner = r.bool()
    owner = r.text()
    comment = r.text()
  }
}

/// `SQL.memberships`: a member and the role whose privileges it inherits.
struct MembershipRow: PGCatalogRow {
  var member, role: String?

  init(_ r: inout PGRowReader) {
    member = r.text()
    role = r.text()
  }
}
