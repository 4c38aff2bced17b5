import ERDSchema

/// Reading the text `information_schema` returns into model values.
enum MySQLValues {
  /// A column as the model holds it. The type stays as the server spells it (`int(10) unsigned`):
  /// it is the raw text of the type, as every inspector keeps it.
  static func column(
    _ row: MySQLCatalogRows.Column, server: MySQLCatalogSQL.Server, tableCollation: String?
  ) -> Column {
    let extra = row.extra.lowercased()
    var column = Column(
      name: row.name, ordinal: row.ordinal, type: row.type, nullable: row.nullable,
      defaultValue: defaultValue(row, server: server),
      collation: row.collation == tableCollation ? nil : row.collation, comment: row.comment)
    if extra.contains("auto_increment") { column.identity = .autoIncrement }
    if extra.contains("generated"), !extra.contains("default_generated"), let expression = row.generationExpression {
      column.generated = GeneratedColumn(
        expression: expression, stored: extra.contains("stored") || extra.contains("persistent"))
      column.defaultValue = nil
    }
    return column
  }

  /// The default as SQL text. MariaDB (10.2.7 on) reports it as SQL already (`'free'`, `0.00`,
  /// `current_timestamp()`, and `NULL` for a default of NULL, which here is no default); MySQL
  /// reports a literal's bare value and marks an expression `DEFAULT_GENERATED`.
  static func defaultValue(_ row: MySQLCatalogRows.Column, server: MySQLCatalogSQL.Server) -> String? {
    guard let value = row.defaultValue else { return nil }
    if server.isMariaDB { return value == "NULL" ? nil : value }
    let upper = value.uppercased()
    if row.extra.uppercased().contains("DEFAULT_GENERATED") || upper.hasPrefix("CURRENT_TIMESTAMP")
      || upper.hasPrefix("B'") || isNumeric(row.type)
    {
      return value
    }
    return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
  }

  private static func isNumeric(_ type: String) -> Bool {
    let numeric = [
      "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "float", "double", "year",
    ]
    let base = type.lowercased().prefix { $0.isLetter }
    return numeric.contains(String(base))
  }

  /// `` `name` `` as MySQL quotes an identifier.
  static func quoted(_ name: String) -> String {
    "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
  }
}
