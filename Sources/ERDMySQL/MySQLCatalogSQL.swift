/// The catalog queries' text: `information_schema` only, each for every selected schema at once.
///
/// `schemas` is always an SQL condition on a schema column, `= 'app'` or `IN ('a', 'b')`: with
/// `=`, MariaDB and MySQL look in that one database's directory instead of scanning them all.
/// Every column is named with `AS`, lower case, since MySQL 8 reports the names of
/// `information_schema` columns in upper case whatever the query says.
enum MySQLCatalogSQL {
  /// The server's flavour, where MySQL and MariaDB differ.
  struct Server {
    var isMariaDB: Bool
    /// `80036` for 8.0.36, `101119` for 10.11.19.
    var version: Int
  }

  static func session(_ server: Server) -> String {
    // MariaDB before 11.1 knows only tx_read_only; MySQL 8 only transaction_read_only.
    let readOnly = server.isMariaDB ? "@@SESSION.tx_read_only" : "@@SESSION.transaction_read_only"
    return "SELECT DATABASE() AS current_database, \(readOnly) AS read_only"
  }

  /// The databases `wanted` names (an `IN (…)` condition), or every one but the server's own.
  static func schemas(wanted: String?) -> String {
    let own = "NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')"
    return "SELECT SCHEMA_NAME AS schema_name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME \(wanted ?? own)"
  }

  static func tables(_ schemas: String) -> String {
    """
    SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, TABLE_TYPE AS table_type,
           TABLE_COLLATION AS table_collation, TABLE_COMMENT AS table_comment
    FROM information_schema.TABLES WHERE TABLE_SCHEMA \(schemas)
    """
  }

  static func columns(_ schemas: String) -> String {
    """
    SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, COLUMN_NAME AS column_name,
           ORDINAL_POSITION AS ordinal_position, COLUMN_DEFAULT AS column_default, IS_NULLABLE AS is_nullable,
           COLUMN_TYPE AS column_type, EXTRA AS extra, COLLATION_NAME AS collation_name,
           COLUMN_COMMENT AS column_comment, GENERATION_EXPRESSION AS generation_expression
    FROM information_schema.COLUMNS WHERE TABLE_SCHEMA \(schemas)
    """
  }

  static func indexes(_ schemas: String, _ server: Server) -> String {
    // Functional key parts (MySQL 8.0.13) have no column but an expression; MariaDB has neither.
    let expression = !server.isMariaDB && server.version >= 80013 ? "EXPRESSION" : "NULL"
    return """
      SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, INDEX_NAME AS index_name,
             NON_UNIQUE AS non_unique, SEQ_IN_INDEX AS seq_in_index, COLUMN_NAME AS column_name,
             \(expression) AS expression, INDEX_TYPE AS index_type, INDEX_COMMENT AS index_comment
      FROM information_schema.STATISTICS WHERE TABLE_SCHEMA \(schemas)
      """
  }

  static func foreignKeyColumns(_ schemas: String) -> String {
    """
    SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name,
           COLUMN_NAME AS column_name, ORDINAL_POSITION AS ordinal_position,
           REFERENCED_TABLE_SCHEMA AS referenced_table_schema, REFERENCED_TABLE_NAME AS referenced_table_name,
           REFERENCED_COLUMN_NAME AS referenced_column_name
    FROM information_schema.KEY_COLUMN_USAGE
    WHERE TABLE_SCHEMA \(schemas) AND REFERENCED_TABLE_NAME IS NOT NULL
    """
  }

  static func referentialRules(_ schemas: String) -> String {
    """
    SELECT CONSTRAINT_SCHEMA AS constraint_schema, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name,
           UPDATE_RULE AS update_rule, DELETE_RULE AS delete_rule
    FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA \(schemas)
    """
  }

  static func checks(_ schemas: String, _ server: Server) -> String {
    // MariaDB (10.2) names a check's table itself, and a check's name is unique only within
    // its table; MySQL (8.0.16) names it only in TABLE_CONSTRAINTS, its names unique per schema.
    if server.isMariaDB {
      return """
        SELECT CONSTRAINT_SCHEMA AS constraint_schema, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name,
               CHECK_CLAUSE AS check_clause
        FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA \(schemas)
        """
    }
    guard server.version >= 80016 else {
      // Older MySQL parses CHECK and forgets it; the query stays so the count stays fixed.
      return "SELECT NULL AS constraint_schema, NULL AS table_name, NULL AS constraint_name, NULL AS check_clause"
    }
    return """
      SELECT tc.CONSTRAINT_SCHEMA AS constraint_schema, tc.TABLE_NAME AS table_name,
             tc.CONSTRAINT_NAME AS constraint_name, cc.CHECK_CLAUSE AS check_clause
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.CHECK_CONSTRAINTS cc
        ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.CONSTRAINT_SCHEMA \(schemas)
      """
  }

  static func views(_ schemas: String) -> String {
    """
    SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, VIEW_DEFINITION AS view_definition
    FROM information_schema.VIEWS WHERE TABLE_SCHEMA \(schemas)
    """
  }

  static func triggers(_ schemas: String) -> String {
    """
    SELECT TRIGGER_NAME AS trigger_name, EVENT_OBJECT_SCHEMA AS event_object_schema,
           EVENT_OBJECT_TABLE AS event_object_table, EVENT_MANIPULATION AS event_manipulation,
           ACTION_TIMING AS action_timing, ACTION_STATEMENT AS action_statement, ACTION_ORDER AS action_order
    FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA \(schemas)
    """
  }
}
