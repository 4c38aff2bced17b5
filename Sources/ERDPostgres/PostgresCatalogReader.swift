import ERDInspect
import ERDSchema
import Foundation

/// The catalog queries, one small function each; every one returns rows for all selected schemas
/// at once, so the number of round trips does not grow with the number of tables.
struct PostgresCatalogReader {
  /// The number of catalog queries `read` runs (stated in the README too).
  static let queries = 15

  let connection: PGConnection
  let log: Log

  /// A relation being assembled, by its oid.
  struct Relation {
    var schema: String
    var kind: Character
    var table: Table
    var view: View
    var isPartition: Bool
    /// Attribute numbers to column names, for keys that come back as numbers.
    var attributes: [Int: String] = [:]

    func names(_ attnums: String?) -> [String] {
      (attnums ?? "").split(separator: " ").compactMap { Int($0).flatMap { attributes[$0] } }
    }
  }

  func read(schemas wanted: [String]) throws(InspectError) -> Catalog {
    let session = try rows(SQL.session, as: SessionRow.self, what: "reading the session").first
    let database = session?.database ?? ""
    let readOnly = session?.readOnly ?? ""
    log.info("postgres: database \"\(database)\", transaction_read_only = \(readOnly)")

    let schemaRows = try readSchemas(wanted: wanted)
    let oids = "{" + schemaRows.map(\.oid).joined(separator: ",") + "}"
    var relations = try readRelations(oids)
    try readColumns(oids, into: &relations)
    try readConstraints(oids, into: &relations)
    try readIndexes(oids, into: &relations)
    try readTriggers(oids, into: &relations)
    try readDependencies(oids, into: &relations)
    try readInheritance(oids, into: &relations)
    let enums = try readEnums(oids)
    let domains = try readDomains(oids)
    try readPolicies(oids, into: &relations)
    let grants = try readPrivileges(oids)
    let routines = try readRoutines(oids)

    var schemas: [String: Schema] = [:]
    for row in schemaRows {
      schemas[row.name] = Schema(
        name: row.name, comment: row.comment, owner: row.owner,
        privileges: Self.privileges(
          grants.schemas[row.oid] ?? [], owner: row.owner, ownerDefaults: Privilege.allOnSchemas),
        defaultPrivileges: grants.defaults[row.oid] ?? [])
    }
    for (oid, relation) in relations {
      let privileges = Self.privileges(
        grants.relations[oid] ?? [], owner: relation.table.owner, ownerDefaults: Privilege.allOnTables)
      if relation.kind == "v" || relation.kind == "m" {
        var view = relation.view
        view.privileges = privileges
        schemas[relation.schema]?.views.append(view)
      } else {
        var table = relation.table
        table.privileges = privileges
        schemas[relation.schema]?.tables.append(table)
      }
    }
    for (schema, e) in enums { schemas[schema]?.enums.append(e) }
    for (schema, d) in domains { schemas[schema]?.domains.append(d) }
    for (schema, r) in routines { schemas[schema]?.routines.append(r) }
    var catalog = Catalog(engine: "postgresql", schemas: Array(schemas.values)).normalized()
    catalog.roles = try readRoles(naming: catalog)
    return catalog.normalized()
  }

  func query(_ sql: String, _ parameters: [String?] = [], what: String) throws(InspectError) -> [[String?]] {
    try connection.query(sql, parameters, what: what).values
  }

  /// Non-system schemas (or the ones asked for); those the role may not use are left out with a warning.
  private func readSchemas(
    wanted: [String]
  ) throws(InspectError) -> [(oid: String, name: String, comment: String?, owner: String?)] {
    let wantedArray: String? = wanted.isEmpty ? nil : "{" + wanted.map(Self.arrayElement).joined(separator: ",") + "}"
    var out: [(String, String, String?, String?)] = []
    var found: Set<String> = []
    for row in try rows(SQL.schemas, [wantedArray], as: SchemaRow.self, what: "reading schemas") {
      let name = row.name ?? ""
      found.insert(name)
      guard row.usable else {
        log.warning("postgres: skipping schema \(name): permission denied (no USAGE privilege)")
        continue
      }
      out.append((row.oid ?? "0", name, row.comment, row.owner))
    }
    for name in wanted where !found.contains(name) {
      log.warning("postgres: schema \(name) does not exist")
    }
    return out
  }

  /// `"a\"b"` for a PostgreSQL text-array literal.
  static func arrayElement(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
