import ERDInspect
import ERDSchema

/// `pg_trigger.tgtype`'s bits (`TRIGGER_TYPE_*` in PostgreSQL's `catalog/pg_trigger.h`).
enum TriggerType {
  static let before = 1 << 1
  static let insert = 1 << 2
  static let delete = 1 << 3
  static let update = 1 << 4
  static let truncate = 1 << 5
  static let insteadOf = 1 << 6
}

extension PostgresCatalogReader {
  func readRelations(_ oids: String) throws(InspectError) -> [String: Relation] {
    var out: [String: Relation] = [:]
    for row in try rows(SQL.relations, [oids], as: RelationRow.self, what: "reading tables and views") {
      guard let oid = row.oid, let schema = row.schema, let name = row.name, let kind = row.kind?.first else {
        continue
      }
      var table = Table(name: name, comment: row.comment)
      switch kind {
      case "p": table.kind = .partitioned
      case "f": table.kind = .foreign
      default: table.kind = .table
      }
      table.partitionBound = row.partitionBound
      table.partitionKey = row.partitionKey
      if row.persistence == "u" { table.options.insert(.unlogged) }
      table.owner = row.owner
      // FORCE without ENABLE does nothing until it is enabled.
      if row.rowSecurity { table.rowLevelSecurity = row.forceRowSecurity ? .forced : .enabled }
      let definition = row.viewDefinition.map(Self.trimmedQuery)
      let view = View(
        name: name, materialized: kind == "m", definition: definition, comment: row.comment, owner: row.owner)
      out[oid] = Relation(schema: schema, kind: kind, table: table, view: view, isPartition: row.isPartition)
    }
    return out
  }

  func readColumns(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    var byRelation: [String: [(attnum: Int, column: Column)]] = [:]
    for row in try rows(SQL.columns, [oids], as: ColumnRow.self, what: "reading columns") {
      guard let oid = row.relation, let name = row.name, let attnum = row.attnum, relations[oid] != nil
      else { continue }
      var column = Column(
        name: name, ordinal: 0, type: row.type ?? "", nullable: !row.notNull, defaultValue: row.defaultValue,
        collation: row.collation, baseType: row.domainBaseType, comment: row.comment)
      switch row.identity {
      case "a": column.identity = .always
      case "d": column.identity = .byDefault
      default: if row.ownsSequence && (row.defaultValue ?? "").hasPrefix("nextval(") { column.identity = .serial }
      }
      if row.generated == "s" || row.generated == "v", let expression = row.defaultValue {
        column.generated = GeneratedColumn(expression: expression, stored: row.generated == "s")
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
    for row in try rows(sql, [oids], as: ConstraintRow.self, what: "reading constraints") {
      guard let oid = row.relation, let relation = relations[oid], let type = row.type else { continue }
      let name = row.name
      let columns = relation.names(row.keyAttnums)
      let definition = row.definition ?? ""
      let comment = row.comment
      switch type {
      case "p":
        relations[oid]?.table.primaryKey = PrimaryKey(name: name, columns: columns)
      case "u":
        relations[oid]?.table.uniqueConstraints.append(
          UniqueConstraint(
            name: name, columns: columns, nullsNotDistinct: row.nullsNotDistinct, deferrable: row.deferrable,
            comment: comment))
      case "f":
        // Outside the selected schemas the query names the referenced columns; inside, we do.
        let referenced =
          row.referencedColumnNames != nil
          ? Self.stringArray(row.referencedColumnNames)
          : relations[row.referencedRelation ?? ""]?.names(row.referencedAttnums) ?? []
        relations[oid]?.table.foreignKeys.append(
          ForeignKey(
            name: name, columns: columns,
            referencedTable: QualifiedName(schema: row.referencedSchema ?? "", name: row.referencedTable ?? ""),
            referencedColumns: referenced,
            onDelete: Self.action(row.onDelete), onUpdate: Self.action(row.onUpdate),
            deferrable: row.deferrable, initiallyDeferred: row.initiallyDeferred, match: Self.match(row.matchType),
            comment: comment))
      case "c":
        relations[oid]?.table.checks.append(
          CheckConstraint(name: name, expression: Self.checkExpression(definition), comment: comment))
      case "x":
        relations[oid]?.table.exclusions.append(
          ExclusionConstraint(name: name, definition: definition, comment: comment))
      default:
        break
      }
    }
  }

  func readIndexes(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    for row in try rows(SQL.indexes, [oids], as: IndexRow.self, what: "reading indexes") {
      guard let oid = row.relation, let name = row.name, let relation = relations[oid] else { continue }
      let attnums = (row.attnums ?? "").split(separator: " ").compactMap { Int($0) }
      let texts = Self.stringArray(row.keyTexts)
      let keys: [IndexKey] = attnums.enumerated().map { i, attnum in
        if attnum == 0 { return .expression(i < texts.count ? texts[i] : "?") }
        return .column(relation.attributes[attnum] ?? "?")
      }
      let method = row.method == "btree" ? nil : row.method
      let index = Index(
        name: name, keys: keys, unique: row.unique, predicate: row.predicate.map(Self.withoutOuterParentheses),
        method: method, definition: row.definition, comment: row.comment)
      if relations[oid]?.kind == "m" {
        relations[oid]?.view.indexes.append(index)
      } else {
        relations[oid]?.table.indexes.append(index)
      }
    }
  }

  func readTriggers(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    let sql = SQL.triggers(serverVersion: connection.serverVersion)
    for row in try rows(sql, [oids], as: TriggerRow.self, what: "reading triggers") {
      guard let oid = row.relation, let name = row.name, relations[oid] != nil else { continue }
      let type = row.type
      let timing =
        type & TriggerType.insteadOf != 0 ? "INSTEAD OF" : (type & TriggerType.before != 0 ? "BEFORE" : "AFTER")
      let events = [
        (TriggerType.insert, "INSERT"), (TriggerType.update, "UPDATE"), (TriggerType.delete, "DELETE"),
        (TriggerType.truncate, "TRUNCATE"),
      ].compactMap { bit, event in type & bit != 0 ? event : nil }
      let routine = row.routineName.map { QualifiedName(schema: row.routineSchema ?? "", name: $0) }
      relations[oid]?.table.triggers.append(
        Trigger(
          name: name, timing: timing, events: events, definition: row.definition, comment: row.comment,
          routine: routine))
    }
  }

  func readDependencies(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    for row in try rows(SQL.dependencies, [oids], as: RelationLinkRow.self, what: "reading view dependencies") {
      guard let oid = row.relation, let schema = row.schema, let name = row.name, relations[oid] != nil else {
        continue
      }
      relations[oid]?.view.dependencies.append(QualifiedName(schema: schema, name: name))
    }
  }

  func readInheritance(_ oids: String, into relations: inout [String: Relation]) throws(InspectError) {
    for row in try rows(SQL.inheritance, [oids], as: RelationLinkRow.self, what: "reading inheritance") {
      guard let oid = row.relation, let schema = row.schema, let name = row.name, let relation = relations[oid]
      else { continue }
      let parent = QualifiedName(schema: schema, name: name)
      if relation.isPartition {
        relations[oid]?.table.partitionOf = parent
      } else {
        relations[oid]?.table.inherits.append(parent)
      }
    }
  }

  func readEnums(_ oids: String) throws(InspectError) -> [(String, EnumType)] {
    try rows(SQL.enums, [oids], as: EnumRow.self, what: "reading enum types").compactMap { row in
      guard let schema = row.schema, let name = row.name else { return nil }
      return (schema, EnumType(name: name, values: Self.stringArray(row.values), comment: row.comment))
    }
  }

  func readDomains(_ oids: String) throws(InspectError) -> [(String, Domain)] {
    try rows(SQL.domains, [oids], as: DomainRow.self, what: "reading domains").compactMap { row in
      guard let schema = row.schema, let name = row.name else { return nil }
      let checks = Self.pairs(row.checks).map { CheckConstraint(name: $0.0, expression: Self.checkExpression($0.1)) }
      return (
        schema,
        Domain(
          name: name, baseType: row.baseType ?? "", nullable: !row.notNull, defaultValue: row.defaultValue,
          checks: checks, comment: row.comment)
      )
    }
  }
}
