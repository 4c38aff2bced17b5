import ERDDDL
import ERDInspect
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// MySQL/MariaDB and SQL Server DDL through erdviz's own tolerant parser.
@Suite struct TolerantDDLTests {
  @Test(arguments: [Dialect.mysql, .mssql])
  func featuresMatchGoldenFiles(dialect: Dialect) throws {
    let url = Paths.fixtures.appendingPathComponent("ddl/\(dialect.rawValue)_features.sql")
    try checkGoldens(try readDDL(file: url, dialect: dialect), name: "\(dialect.rawValue)_features")
  }

  @Test func mysqlFeatures() throws {
    let catalog = try readDDL(file: Paths.fixtures.appendingPathComponent("ddl/mysql_features.sql"))
    #expect(catalog.engine == "mysql")
    #expect(catalog.tableNames == ["shop.customer", "shop.order", "shop.order_line", "shop.product"])
    let customer = try #require(catalog.table("shop", "customer"))
    #expect(customer.comment == "People who buy")
    #expect(customer.column(named: "id")?.type == "int unsigned")
    #expect(customer.column(named: "id")?.identity == .autoIncrement)
    #expect(customer.column(named: "tier")?.type == "ENUM('free','pro','team')")
    #expect(customer.column(named: "email")?.comment == "Unique, lower case")
    #expect(customer.uniqueConstraints.map(\.name) == ["customer_email"])
    #expect(customer.foreignKeys.first?.onDelete == .setNull)
    let product = try #require(catalog.table("shop", "product"))
    #expect(
      product.column(named: "price_with_tax")?.generated == GeneratedColumn(expression: "price * 1.2", stored: true))
    #expect(product.column(named: "name_lower")?.generated?.stored == false)
    #expect(product.indexes.first?.method == "FULLTEXT")
    let order = try #require(catalog.table("shop", "order"))
    #expect(order.foreignKeys.first?.name == "order_ibfk_1")  // InnoDB's name for an unnamed key
    let lines = try #require(catalog.table("shop", "order_line"))
    #expect(lines.foreignKeys.map(\.name) == ["order_line_order", "order_line_product"])
    #expect(lines.columns.map(\.name) == ["order_id", "line_no", "sku", "quantity", "note"])
    #expect(lines.triggers.map(\.name) == ["order_line_check"])
    let view = try #require(catalog.view(QualifiedName(schema: "shop", name: "order_total")))
    #expect(view.dependencies.map(\.name) == ["customer", "order", "order_line", "product"])
    #expect(view.columns.map(\.name) == ["order_id", "email", "total"])
  }

  /// mysqldump's output (a fixture in its exact style: versioned comments, `DELIMITER ;;`
  /// routines and triggers, the temporary view tables it replaces) reads under `--strict`.
  @Test func mysqldumpOutputReadsUnderStrict() throws {
    let url = Paths.fixtures.appendingPathComponent("ddl/mysqldump_style.sql")
    let text = try String(contentsOf: url, encoding: .utf8)
    let catalog = try readDDL(text, strict: true)
    #expect(catalog.tableNames == ["shop.customer", "shop.orders"])
    #expect(catalog.foreignKeyEdges == ["orders(customer_id) -> customer(id)"])
    #expect(catalog.view(QualifiedName(schema: "shop", name: "big_orders"))?.dependencies.count == 2)
  }

  /// Without `GO` between them, a routine ends where its body does: `BEGIN … END` (with nested
  /// blocks, `CASE … END`, `BEGIN TRAN`), or, without `BEGIN`, before the next `CREATE` first on
  /// its line; every later table, view and key is read, and text that fits nowhere is skipped
  /// with its line (an error under --strict).
  @Test func routinesWithoutGOEndWhereTheirBodiesEnd() throws {
    let text = """
      CREATE TABLE a (id int PRIMARY KEY);
      CREATE TRIGGER tr ON a AFTER INSERT AS
      BEGIN
        SET NOCOUNT ON;
        BEGIN TRAN;
        UPDATE a SET id = id WHERE id IN (SELECT id FROM inserted);
        IF 1 = 1 BEGIN PRINT 'x'; END
        SELECT CASE WHEN 1 = 1 THEN 1 ELSE 0 END;
        COMMIT;
      END;
      CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
      CREATE PROC p AS SELECT 1; SELECT 2;
      CREATE TABLE c (id int, b_id int REFERENCES b (id));
      CREATE FUNCTION f() RETURNS TABLE AS RETURN (SELECT id FROM a);
      CREATE OR ALTER FUNCTION g(@x int) RETURNS int WITH EXECUTE AS CALLER AS BEGIN RETURN @x + 1; END;
      CREATE VIEW v AS SELECT id FROM c;
      frobnicate the widgets;
      """
    let catalog = try readDDL(text, dialect: .mssql)
    #expect(catalog.tableNames == ["dbo.a", "dbo.b", "dbo.c"])
    #expect(catalog.foreignKeyEdges == ["b(a_id) -> a(id)", "c(b_id) -> b(id)"])
    #expect(catalog.view(QualifiedName(schema: "dbo", name: "v")) != nil)
    let error = try #require(ddlError(text, dialect: .mssql, strict: true))
    guard case .invalidInput(_, let reason, let location) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(location?.line == 17, "\(error)")
    #expect(reason.contains("frobnicate"), "\(error)")
  }

  @Test func sqlServerFeatures() throws {
    let catalog = try readDDL(file: Paths.fixtures.appendingPathComponent("ddl/mssql_features.sql"))
    #expect(catalog.engine == "mssql")
    #expect(catalog.tableNames == ["dbo.customer", "sales.order", "sales.order_line"])
    let customer = try #require(catalog.table("dbo", "customer"))
    #expect(customer.primaryKey == PrimaryKey(name: "PK_customer", columns: ["id"]))
    #expect(customer.column(named: "name")?.type == "nvarchar(max)")
    #expect(customer.column(named: "created_at")?.defaultValue == "(sysutcdatetime())")
    #expect(customer.comment == "People who buy")
    #expect(customer.column(named: "email")?.comment == "Where to write")
    #expect(customer.indexes.first?.predicate == "[name] IS NOT NULL")
    let order = try #require(catalog.table("sales", "order"))
    #expect(order.column(named: "gross")?.generated == GeneratedColumn(expression: "net * 1.2", stored: true))
    #expect(order.foreignKeys.first?.referencedTable == QualifiedName(schema: "dbo", name: "customer"))
    let lines = try #require(catalog.table("sales", "order_line"))
    #expect(lines.column(named: "quantity")?.defaultValue == "((1))")
    #expect(lines.checks.map(\.name) == ["CK_quantity"])
    #expect(catalog.view(QualifiedName(schema: "sales", name: "order_summary"))?.dependencies.count == 3)
  }

  @Test func delimiterBlocksAndGoBatchesSplitStatements() throws {
    let mysql = try readDDL(
      "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\nDELIMITER ;\nCREATE TABLE t (id int);",
      dialect: .mysql)
    #expect(mysql.tableNames == ["default.t"])
    let mssql = try readDDL(
      "CREATE TABLE a (id int)\nCREATE TABLE b (id int)\ngo\nCREATE FUNCTION f() RETURNS int AS BEGIN; RETURN 1; END\nGO 2\nCREATE TABLE c (id int, CONSTRAINT fk FOREIGN KEY (id) REFERENCES a (id) ON DELETE SET NULL)",
      dialect: .mssql)
    #expect(mssql.tableNames == ["dbo.a", "dbo.b", "dbo.c"])
    #expect(mssql.table("dbo", "c")?.foreignKeys.first?.onDelete == .setNull)
  }

  @Test(arguments: [Dialect.mysql, .mssql])
  func anUnbalancedParenthesisOnLine40ReportsItsLineAndColumn(dialect: Dialect) throws {
    var lines = (1...37).map { "CREATE TABLE t\($0) (id int); -- line \($0)" }
    lines += ["CREATE TABLE broken (", "  id int,", "  name varchar(20"]
    lines += [";", "CREATE TABLE after (id int);"]
    let error = try #require(ddlError(lines.joined(separator: "\n"), dialect: dialect))
    let head = error.description.split(separator: "\n").first.map(String.init) ?? ""
    #expect(
      head
        == "test.sql:40:18: unbalanced parenthesis: expected ')' before the end of the statement, to close the '(' at line 38, column 21"
    )
  }

  @Test(arguments: [Dialect.mysql, .mssql])
  func anEmptyDefinitionOnLine40ReportsItsLineAndColumn(dialect: Dialect) throws {
    var lines = (1...39).map { "CREATE TABLE t\($0) (id int); -- line \($0)" }
    lines.append("CREATE TABLE broken (id int,, name text);")
    let error = try #require(ddlError(lines.joined(separator: "\n"), dialect: dialect))
    #expect(error.description.hasPrefix("test.sql:40:29: expected a column or constraint definition before ','\n"))
    #expect(error.description.hasSuffix("\n" + String(repeating: " ", count: 4 + 28) + "^"))
  }

  @Test func anUnterminatedStringIsReportedWhereItStarts() throws {
    let error = try #require(
      ddlError("CREATE TABLE t (\n  a varchar(10) DEFAULT 'oops\n);\nCREATE TABLE u (id int);", dialect: .mysql))
    #expect(error.description.hasPrefix("test.sql:2:25: unterminated string"))
  }

  @Test func statementsNotModelledAreSkippedOrUnderStrictAnError() throws {
    let text = "CREATE TABLE t (id int);\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;\nWIBBLE t;\n"
    #expect(try readDDL(text, dialect: .mysql).tableNames == ["default.t"])
    let error = try #require(ddlError(text, dialect: .mysql, strict: true))
    #expect(
      error.description.hasPrefix(
        "test.sql:3:1: WIBBLE statements are not modelled (--strict; 1 statement(s) skipped in all)"))
  }

  /// SQL Server's tools save scripts as UTF-16 with a byte-order mark; others add a UTF-8 one.
  @Test func utf16AndByteOrderMarksAreRead() throws {
    let sql = "CREATE TABLE [dbo].[café] ([id] int IDENTITY(1,1) NOT NULL PRIMARY KEY)\nGO\n"
    let little: [UInt8] = [0xFF, 0xFE] + sql.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big: [UInt8] = [0xFE, 0xFF] + sql.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(sql.utf8)
    for bytes in [little, big, bom] {
      #expect(InputKind.sniff(bytes) == .sql)
      let catalog = try DDLInspector(bytes: bytes, label: "x.sql").inspect(InspectOptions())
      #expect(catalog.engine == "mssql")
      #expect(catalog.tableNames == ["dbo.café"])
    }
  }
}
