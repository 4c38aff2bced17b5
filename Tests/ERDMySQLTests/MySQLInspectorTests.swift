import ERDInspect
import ERDMySQL
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The MySQL fixture of the DDL tests, which creates and uses its own database `shop`.
let featuresFixture = Paths.fixtures.appendingPathComponent("ddl/mysql_features.sql")

func inspect(_ database: String, user: String = "root", password: String? = nil, log: Log = Log()) throws -> Catalog {
  try MySQLInspector(url: TestMySQL.url(database: database, user: user, password: password))
    .inspect(InspectOptions(log: log))
}

@Suite(.enabled(if: TestMySQL.enabled, "needs the throwaway MariaDB server of `make test`"))
struct MySQLInspectorTests {
  @Test func everyFeatureIsInTheModel() throws {
    let catalog = try TestMySQL.withScript(featuresFixture, creates: "shop") { try inspect($0) }
    #expect(catalog.engine == "mysql")
    #expect(catalog.schemas.map(\.name) == ["shop"])
    let customer = try #require(catalog.table(QualifiedName(schema: "shop", name: "customer")))
    #expect(customer.comment == "People who buy")
    #expect(customer.column(named: "id")?.identity == .autoIncrement)
    #expect(customer.column(named: "id")?.type == "int(10) unsigned")
    #expect(customer.column(named: "email")?.comment == "Unique, lower case")
    #expect(customer.column(named: "tier")?.type == "enum('free','pro','team')")
    #expect(customer.column(named: "tier")?.defaultValue == "'free'")
    #expect(customer.column(named: "created_at")?.defaultValue == "current_timestamp()")
    #expect(customer.column(named: "referrer_id")?.defaultValue == nil)
    #expect(customer.primaryKey == PrimaryKey(name: "PRIMARY", columns: ["id"]))
    #expect(customer.uniqueConstraints.map(\.name) == ["customer_email"])
    #expect(customer.indexes.map(\.name) == ["customer_referrer"])
    #expect(customer.foreignKeys.first?.onDelete == .setNull)
    #expect(customer.foreignKeys.first?.referencedTable == QualifiedName(schema: "shop", name: "customer"))

    let product = try #require(catalog.table(QualifiedName(schema: "shop", name: "product")))
    #expect(product.column(named: "price")?.defaultValue == "0.00")
    #expect(
      product.column(named: "price_with_tax")?.generated == GeneratedColumn(expression: "`price` * 1.2", stored: true))
    #expect(product.column(named: "name_lower")?.generated?.stored == false)
    #expect(product.indexes.first { $0.name == "product_text" }?.method == "FULLTEXT")
    #expect(product.indexes.first { $0.name == "product_text" }?.keys == [.column("name"), .column("description")])

    let order = try #require(catalog.table(QualifiedName(schema: "shop", name: "order")))
    #expect(order.foreignKeys.map(\.name) == ["order_ibfk_1"])
    #expect(order.foreignKeys.first?.onDelete == .cascade)
    #expect(order.foreignKeys.first?.onUpdate == .restrict)

    let line = try #require(catalog.table(QualifiedName(schema: "shop", name: "order_line")))
    #expect(line.primaryKey?.columns == ["order_id", "line_no"])
    #expect(line.columns.map(\.name) == ["order_id", "line_no", "sku", "quantity", "note"])
    #expect(line.checks == [CheckConstraint(name: "quantity", expression: "`quantity` > 0")])
    #expect(line.triggers.map(\.name) == ["order_line_check"])
    #expect(line.triggers.first?.timing == "BEFORE" && line.triggers.first?.events == ["INSERT"])
    #expect(
      line.triggers.first?.definition?.hasPrefix(
        "CREATE TRIGGER `order_line_check` BEFORE INSERT ON `order_line` FOR EACH ROW BEGIN") == true)
    #expect(Set(line.foreignKeys.map(\.name)) == ["order_line_order", "order_line_product"])

    let total = try #require(catalog.view(QualifiedName(schema: "shop", name: "order_total")))
    #expect(total.columns.map(\.name) == ["order_id", "email", "total"])
    #expect(total.dependencies.map(\.name) == ["customer", "order", "order_line", "product"])
    #expect(total.definition?.hasPrefix("select ") == true)
  }

  @Test func jsonColumnsAndOtherCorners() throws {
    let database = try TestMySQL.createDatabase("corners")
    defer { TestMySQL.drop(database) }
    try TestMySQL.sql(
      """
      CREATE TABLE doc (id INT PRIMARY KEY, body JSON, title VARCHAR(20) COLLATE utf8mb4_bin,
        kind VARCHAR(10) NOT NULL DEFAULT 'a''b', CONSTRAINT doc_title CHECK (title <> ''));
      CREATE TABLE `we``ird` (`x y` INT, UNIQUE KEY (`x y`));
      CREATE SEQUENCE doc_seq;
      CREATE VIEW doc_titles AS SELECT d.title FROM doc d;
      """, database: database)
    let catalog = try inspect(database)
    let doc = try #require(catalog.table(QualifiedName(schema: database, name: "doc")))
    #expect(doc.column(named: "body")?.type == "json")
    #expect(doc.column(named: "title")?.collation == "utf8mb4_bin")
    #expect(doc.column(named: "id")?.collation == nil)
    #expect(doc.column(named: "kind")?.defaultValue == "'a''b'")
    #expect(doc.checks.map(\.name) == ["doc_title"])
    let weird = try #require(catalog.table(QualifiedName(schema: database, name: "we`ird")))
    #expect(weird.uniqueConstraints.first?.columns == ["x y"])
    #expect(catalog.schemas.first?.tables.map(\.name) == ["doc", "we`ird"])  // no sequence
    #expect(catalog.view(QualifiedName(schema: database, name: "doc_titles"))?.dependencies.map(\.name) == ["doc"])
  }

  /// `SELECT` and `SHOW VIEW` read everything but triggers, which MySQL shows only to those who
  /// may create them. `SELECT` alone reads no view definition, so no view edges, and (MariaDB
  /// 10.11) no foreign-key rules, which a warning says.
  @Test func aUserWhoMayOnlyReadSeesTheSameSchemaButTriggers() throws {
    try TestMySQL.withScript(featuresFixture, creates: "shop") { database in
      let user = "reader_\(UUID().uuidString.prefix(6).lowercased())"
      try TestMySQL.sql(
        """
        CREATE USER '\(user)'@'127.0.0.1' IDENTIFIED BY 'reader-pw';
        GRANT SELECT, SHOW VIEW ON `\(database)`.* TO '\(user)'@'127.0.0.1';
        CREATE USER '\(user)_s'@'127.0.0.1' IDENTIFIED BY 'reader-pw';
        GRANT SELECT ON `\(database)`.* TO '\(user)_s'@'127.0.0.1';
        """)
      defer { _ = try? TestMySQL.sql("DROP USER '\(user)'@'127.0.0.1', '\(user)_s'@'127.0.0.1'") }
      let lines = LogLines()
      let asReader = try inspect(database, user: user, password: "reader-pw", log: lines.log)
      var expected = try inspect(database)
      for s in expected.schemas.indices {
        for t in expected.schemas[s].tables.indices { expected.schemas[s].tables[t].triggers = [] }
      }
      #expect(asReader == expected)
      #expect(lines.all.contains { $0.hasSuffix("read only = 1") })

      let warnings = LogLines(verbose: false)
      let selectOnly = try inspect(database, user: "\(user)_s", password: "reader-pw", log: warnings.log)
      #expect(selectOnly.allTables.map(\.name) == expected.allTables.map(\.name))
      #expect(selectOnly.allTables.map(\.table.columns) == expected.allTables.map(\.table.columns))
      #expect(selectOnly.allTables.map(\.table.foreignKeys.count) == expected.allTables.map(\.table.foreignKeys.count))
      #expect(
        warnings.all.contains {
          $0.hasPrefix("warning: mysql: the user may not see the ON DELETE/ON UPDATE rules of 4 foreign keys")
        })
      let view = try #require(selectOnly.allViews.first?.view)
      #expect(view.columns.count == 3 && view.definition == nil && view.dependencies.isEmpty)
    }
  }

  @Test func everyStatementOnlyReadsTheCatalog() throws {
    try TestMySQL.withScript(featuresFixture, creates: "shop") { database in
      let statements = LogLines()
      var inspector = MySQLInspector(url: TestMySQL.url(database: database))
      inspector.willRun = { statements.log.info($0) }
      _ = try inspector.inspect(InspectOptions())
      let setup = [
        "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        "START TRANSACTION READ ONLY, WITH CONSISTENT SNAPSHOT",
      ]
      #expect(Array(statements.all.prefix(2)) == setup)
      #expect(statements.all.last == "ROLLBACK")
      for statement in statements.all.dropFirst(2).dropLast() {
        #expect(statement.hasPrefix("SELECT "), "\(statement)")
        let sources = statement.components(separatedBy: "FROM ").dropFirst()
        #expect(sources.allSatisfy { $0.hasPrefix("information_schema.") }, "\(statement)")
      }
      // The data is where it was.
      #expect(try TestMySQL.sql("SELECT COUNT(*) FROM customer", database: database) == "2\n")
    }
  }

  @Test func theNumberOfQueriesDoesNotGrowWithTables() throws {
    let database = try TestMySQL.createDatabase("count")
    defer { TestMySQL.drop(database) }
    var counts: [Int] = []
    for tables in [3, 120] {
      let statements = (1...tables).map { i in
        "CREATE TABLE IF NOT EXISTS t\(i) (id INT PRIMARY KEY, up INT, n VARCHAR(20), KEY t\(i)_n (n), "
          + "CONSTRAINT t\(i)_up FOREIGN KEY (up) REFERENCES t\(max(i - 1, 1)) (id));"
      }
      try TestMySQL.sql(statements.joined(separator: "\n"), database: database)
      let lines = LogLines(verbose: true)
      let catalog = try inspect(database, log: lines.log)
      #expect(catalog.schemas.first?.tables.count == tables)
      let reported = lines.all.first { $0.hasPrefix("mysql: read the catalog in ") }
      counts.append(Int(reported?.split(separator: " ")[5] ?? "") ?? -1)
    }
    #expect(counts == [10, 10])
  }

  @Test func aServerThatGoesAwayMidwayIsOneClearError() throws {
    try TestMySQL.withScript(featuresFixture, creates: "shop") { database in
      var inspector = MySQLInspector(url: TestMySQL.url(database: database))
      inspector.afterQuery = { number in
        guard number == 5 else { return }
        // The inspector's connection is the only one that uses this database (the script lock holds others off).
        let ids =
          (try? TestMySQL.sql(
            "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '\(database)' AND ID <> CONNECTION_ID()")) ?? ""
        for id in ids.split(separator: "\n") { _ = try? TestMySQL.sql("KILL CONNECTION \(id)") }
      }
      #expect {
        _ = try inspector.inspect(InspectOptions())
      } throws: { error in
        guard case .unavailable(let endpoint, let reason) = error as? InspectError else { return false }
        return endpoint.contains("127.0.0.1") && endpoint.contains(TestMySQL.port) && endpoint.contains(database)
          && reason.contains("closed the connection")
      }
    }
  }

  @Test func noDatabaseInTheURLReadsEveryVisibleOne() throws {
    try TestMySQL.withScript(featuresFixture, creates: "shop") { database in
      let url = try #require(TestMySQL.url)
      let all = try MySQLInspector(url: url).inspect(InspectOptions())
      #expect(all.schema(named: database) != nil)
      #expect(
        all.schemas.allSatisfy { !["mysql", "information_schema", "performance_schema", "sys"].contains($0.name) })
      let chosen = try MySQLInspector(url: url).inspect(InspectOptions(schemas: [database]))
      #expect(chosen.schemas.map(\.name) == [database])
    }
  }
}
