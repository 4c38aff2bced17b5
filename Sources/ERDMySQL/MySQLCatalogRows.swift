import ERDSchema

/// One decoded row struct per catalog query, its fields named as the query's `AS` names them.
enum MySQLCatalogRows {
  /// `information_schema.TABLES`: tables and views alike.
  struct Relation: MySQLDecodable {
    var schema: String
    var name: String
    var type: String
    var collation: String?
    var comment: String?

    init?(_ row: MySQLRow) {
      guard let schema = row["table_schema"], let name = row["table_name"], let type = row["table_type"] else {
        return nil
      }
      self.schema = schema
      self.name = name
      self.type = type
      collation = row["table_collation"]
      comment = row.nonEmpty("table_comment")
    }

    var qualifiedName: QualifiedName { QualifiedName(schema: schema, name: name) }
  }

  /// `information_schema.COLUMNS`, of tables and views.
  struct Column: MySQLDecodable {
    var table: QualifiedName
    var name: String
    var ordinal: Int
    var defaultValue: String?
    var nullable: Bool
    var type: String
    /// `auto_increment`, `on update current_timestamp()`, `STORED GENERATED`, `DEFAULT_GENERATED`…
    var extra: String
    var collation: String?
    var comment: String?
    var generationExpression: String?

    init?(_ row: MySQLRow) {
      guard let schema = row["table_schema"], let table = row["table_name"], let name = row["column_name"],
        let ordinal = row.int("ordinal_position")
      else { return nil }
      self.table = QualifiedName(schema: schema, name: table)
      self.name = name
      self.ordinal = ordinal
      defaultValue = row["column_default"]
      nullable = row["is_nullable"] == "YES"
      type = row["column_type"] ?? ""
      extra = row["extra"] ?? ""
      collation = row["collation_name"]
      comment = row.nonEmpty("column_comment")
      generationExpression = row.nonEmpty("generation_expression")
    }
  }

  /// `information_schema.STATISTICS`: one row per key part of every index, primary key included.
  struct IndexPart: MySQLDecodable {
    var table: QualifiedName
    var index: String
    var unique: Bool
    var position: Int
    /// nil for a MySQL functional key part, whose text is `expression`.
    var column: String?
    var expression: String?
    /// `BTREE`, `HASH`, `FULLTEXT`, `SPATIAL`, `RTREE`.
    var method: String
    var comment: String?

    init?(_ row: MySQLRow) {
      guard let schema = row["table_schema"], let table = row["table_name"], let index = row["index_name"],
        let position = row.int("seq_in_index")
      else { return nil }
      self.table = QualifiedName(schema: schema, name: table)
      self.index = index
      self.unique = row["non_unique"] == "0"
      self.position = position
      column = row["column_name"]
      expression = row["expression"]
      method = row["index_type"] ?? "BTREE"
      comment = row.nonEmpty("index_comment")
    }
  }

  /// `information_schema.KEY_COLUMN_USAGE`, the rows of foreign keys only.
  struct ForeignKeyColumn: MySQLDecodable {
    var table: QualifiedName
    var constraint: String
    var column: String
    var position: Int
    var referencedTable: QualifiedName
    var referencedColumn: String

    init?(_ row: MySQLRow) {
      guard let schema = row["table_schema"], let table = row["table_name"], let constraint = row["constraint_name"],
        let column = row["column_name"], let position = row.int("ordinal_position"),
        let referencedSchema = row["referenced_table_schema"], let referencedTable = row["referenced_table_name"],
        let referencedColumn = row["referenced_column_name"]
      else { return nil }
      self.table = QualifiedName(schema: schema, name: table)
      self.constraint = constraint
      self.column = column
      self.position = position
      self.referencedTable = QualifiedName(schema: referencedSchema, name: referencedTable)
      self.referencedColumn = referencedColumn
    }
  }

  /// `information_schema.REFERENTIAL_CONSTRAINTS`: what a foreign key does on update and delete.
  struct ReferentialRule: MySQLDecodable {
    var table: QualifiedName
    var constraint: String
    var onUpdate: ReferentialAction
    var onDelete: ReferentialAction

    init?(_ row: MySQLRow) {
      guard let schema = row["constraint_schema"], let table = row["table_name"],
        let constraint = row["constraint_name"]
      else { return nil }
      self.table = QualifiedName(schema: schema, name: table)
      self.constraint = constraint
      onUpdate = row["update_rule"].flatMap(ReferentialAction.init(sql:)) ?? .noAction
      onDelete = row["delete_rule"].flatMap(ReferentialAction.init(sql:)) ?? .noAction
    }
  }

  /// `information_schema.CHECK_CONSTRAINTS`.
  struct Check: MySQLDecodable {
    var table: QualifiedName
    var name: String
    var clause: String

    init?(_ row: MySQLRow) {
      guard let schema = row["constraint_schema"], let table = row["table_name"], let name = row["constraint_name"],
        let clause = row["check_clause"]
      else { return nil }
      self.table = QualifiedName(schema: schema, name: table)
      self.name = name
      self.clause = clause
    }
  }

  /// `information_schema.VIEWS`; the definition is empty without the SHOW VIEW privilege.
  struct ViewDefinition: MySQLDecodable {
    var view: QualifiedName
    var definition: String?

    init?(_ row: MySQLRow) {
      guard let schema = row["table_schema"], let name = row["table_name"] else { return nil }
      view = QualifiedName(schema: schema, name: name)
      definition = row.nonEmpty("view_definition")
    }
  }

  /// `information_schema.TRIGGERS`: one event each.
  struct Trigger: MySQLDecodable {
    var table: QualifiedName
    var name: String
    var event: String
    var timing: String
    var statement: String
    var order: Int

    init?(_ row: MySQLRow) {
      guard let schema = row["event_object_schema"], let table = row["event_object_table"],
        let name = row["trigger_name"], let event = row["event_manipulation"], let timing = row["action_timing"]
      else { return nil }
      self.table = QualifiedName(schema: schema, name: table)
      self.name = name
      self.event = event
      self.timing = timing
      statement = row["action_statement"] ?? ""
      order = row.int("action_order") ?? 0
    }
  }
}
