import ERDInspect
import ERDSchema

extension PostgresCatalogReader {
  func readRelations(_ oids: String) throws(InspectError) -> [String: Relation] {
    var out: [String: Relation] = [:]
    for row in try query(SQL.relations, [oids], what: "reading tables and views") {
      guard let oid = row[0], let schema = row[1], let name = row[2], let kind = row[3]?.first else { continue }
      var table = Table(name: name, comment: row[7])
      switch kind {
      case "p": table.kind = .partitioned
      case "f": table.kind = .foreign
      default: table.kind = .table
      }
      table.partitionBound = row[5]
      table.partitionKey = row[6]
      if row[8] == "u" { table.options.insert(.unlogged) }
      let view = View(name: name, materialized: kind == "m", definition: row[9].map(Self.trimmedQuery), comment: row[7])
      out[oid] = Relation(schema: schema, kind: kind, table: table, view: view, isPartition: row[4] == "t")
    }
    return out
  }

  func readColumns(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    var byRelation: [String: [(attnum: Int, column: Column)]] = [:]
    for row in try query(SQL.columns, [oids], what: "reading columns") {
      guard let oid = row[0], let name = row[1], let attnum = row[11].flatMap({ Int($0) }), relations[oid] != nil
      else { continue }
      var column = Column(
        name: name, ordinal: 0, type: row[2] ?? "", nullable: row[3] != "t", defaultValue: row[4],
        collation: row[8], baseType: row[9], comment: row[7])
      switch row[5] {
      case "a": column.identity = .always
      case "d": column.identity = .byDefault
      default: if row[10] == "t" && (row[4] ?? "").hasPrefix("nextval(") { column.identity = .serial }
      }
      if row[6] == "s" || row[6] == "v", let expression = row[4] {
        column.generated = GeneratedColumn(expression: expression, stored: row[6] == "s")
        column.defaultValue = nil
      }
      relations[oid]?.attributes[attnum] = name
      byRelation[oid, default: []].append((attnum, column))
    }
    // The ordinal counts live columns in attnum order, skipping dropped ones.
    for (oid, list) in byRelation {
      let columns = list.sorted { $0.attnum < $1.attnum }.enumerated().map { i, entry in
        var column = entry.column
        column.ordinal = i + 1
        return column
      }
      if relations[oid]?.kind == "v" || relations[oid]?.kind == "m" {
        relations[oid]?.view.columns = columns
      } else {
        relations[oid]?.table.columns = columns
      }
    }
  }

  func readConstraints(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    let sql = SQL.constraints(serverVersion: connection.serverVersion)
    for row in try query(sql, [oids], what: "reading constraints") {
      guard let oid = row[0], let relation = relations[oid], let type = row[2] else { continue }
      let name = row[1]
      let columns = relation.names(row[3])
      let definition = row[12] ?? ""
      let comment = row[13]
      switch type {
      case "p":
        relations[oid]?.table.primaryKey = PrimaryKey(name: name, columns: columns)
      case "u":
        relations[oid]?.table.uniqueConstraints.append(
          UniqueConstraint(
            name: name, columns: columns, nullsNotDistinct: row[14] == "t", deferrable: row[10] == "t",
            comment: comment))
      case "f":
        // Outside the selected schemas the query names the referenced columns; inside, we do.
        let referenced = row[6] != nil ? Self.stringArray(row[6]) : relations[row[15] ?? ""]?.names(row[16]) ?? []
        relations[oid]?.table.foreignKeys.append(
          ForeignKey(
            name: name, columns: columns,
            referencedTable: QualifiedName(schema: row[4] ?? "", name: row[5] ?? ""),
            referencedColumns: referenced,
            onDelete: Self.action(row[8]), onUpdate: Self.action(row[7]),
            deferrable: row[10] == "t", initiallyDeferred: row[11] == "t", match: Self.match(row[9]),
            comment: comment))
      case "c":
        relations[oid]?.table.checks.append(
          CheckConstraint(name: name, expression: Self.checkExpression(definition), comment: comment))
      case "x":
        relations[oid]?.table.exclusions.append(ExclusionConstraint(name: name, definition: definition, comment: comment))
      default:
        break
      }
    }
  }

  func readIndexes(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    for row in try query(SQL.indexes, [oids], what: "reading indexes") {
      guard let oid = row[0], let name = row[1], let relation = relations[oid] else { continue }
      // Attribute numbers, 0 for an expression; the per-key texts come only for indexes with expressions.
      let attnums = (row[5] ?? "").split(separator: " ").compactMap { Int($0) }
      let texts = Self.stringArray(row[4])
      let keys: [IndexKey] = attnums.enumerated().map { i, attnum in
        if attnum == 0 { return .expression(i < texts.count ? texts[i] : "?") }
        return .column(relation.attributes[attnum] ?? "?")
      }
      let method = row[3] == "btree" ? nil : row[3]
      let index = Index(
        name: name, keys: keys, unique: row[2] == "t", predicate: row[6].map(Self.withoutOuterParentheses),
        method: method, definition: row[7],
        comment: row[8])
      if relations[oid]?.kind == "m" {
        relations[oid]?.view.indexes.append(index)
      } else {
        relations[oid]?.table.indexes.append(index)
      }
    }
  }

  func readTriggers(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    let sql = SQL.triggers(serverVersion: connection.serverVersion)
    for row in try query(sql, [oids], what: "reading triggers") {
      guard let oid = row[0], let name = row[1], relations[oid] != nil else { continue }
      let type = Int(row[2] ?? "") ?? 0
      let timing = type & 64 != 0 ? "INSTEAD OF" : (type & 2 != 0 ? "BEFORE" : "AFTER")
      let events = [(4, "INSERT"), (16, "UPDATE"), (8, "DELETE"), (32, "TRUNCATE")].compactMap { bit, event in
        type & bit != 0 ? event : nil
      }
      relations[oid]?.table.triggers.append(
        Trigger(name: name, timing: timing, events: events, definition: row[3], comment: row[4]))
    }
  }

  func readDependencies(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    for row in try query(SQL.dependencies, [oids], what: "reading view dependencies") {
      guard let oid = row[0], let schema = row[1], let name = row[2], relations[oid] != nil else { continue }
      relations[oid]?.view.dependencies.append(QualifiedName(schema: schema, name: name))
    }
  }

  func readInheritance(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    for row in try query(SQL.inheritance, [oids], what: "reading inheritance") {
      guard let oid = row[0], let schema = row[1], let name = row[2], let relation = relations[oid] else { continue }
      let parent = QualifiedName(schema: schema, name: name)
      if relation.isPartition {
        relations[oid]?.table.partitionOf = parent
      } else {
        relations[oid]?.table.inherits.append(parent)
      }
    }
  }

  func readEnums(_ oids: String) throws(InspectError) -> [(String, EnumType)] {
    try query(SQL.enums, [oids], what: "reading enum types").compactMap { row in
      guard let schema = row[0], let name = row[1] else { return nil }
      return (schema, EnumType(name: name, values: Self.stringArray(row[2]), comment: row[3]))
    }
  }

  func readDomains(_ oids: String) throws(InspectError) -> [(String, Domain)] {
    try query(SQL.domains, [oids], what: "reading domains").compactMap { row in
      guard let schema = row[0], let name = row[1] else { return nil }
      let checks = Self.pairs(row[5]).map { CheckConstraint(name: $0.0, expression: Self.checkExpression($0.1)) }
      return (
        schema,
        Domain(
          name: name, baseType: row[2] ?? "", nullable: row[3] != "t", defaultValue: row[4], checks: checks,
          comment: row[6])
      )
    }
  }
}
