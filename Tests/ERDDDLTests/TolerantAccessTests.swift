import ERDSchema
import Testing

/// What MySQL and SQL Server DDL carry of who may do what: table grants and routines.
@Suite struct TolerantAccessTests {
  @Test func mysqlGrantsAndRoutines() throws {
    let catalog = try readDDL(
      """
      CREATE DATABASE shop; USE shop;
      CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2));
      CREATE TABLE audit_log (id INT PRIMARY KEY, what TEXT);
      GRANT SELECT, INSERT, UPDATE ON shop.orders TO 'app'@'%';
      GRANT SELECT ON shop.* TO 'auditor'@'localhost';
      GRANT SELECT (id) ON audit_log TO app WITH GRANT OPTION;
      REVOKE UPDATE ON orders FROM 'app'@'%';
      GRANT ALL PRIVILEGES ON *.* TO root;
      DELIMITER //
      CREATE PROCEDURE order_count(OUT n INT) BEGIN SELECT count(*) INTO n FROM orders; END //
      CREATE FUNCTION total_of(p_id INT) RETURNS DECIMAL(10,2) DETERMINISTIC BEGIN RETURN 1; END //
      DELIMITER ;
      """, dialect: .mysql)
    let shop = try #require(catalog.schema(named: "shop"))
    #expect(
      shop.table(named: "orders")?.privileges == [
        Privilege(role: "app", privileges: ["SELECT", "INSERT"]),
        Privilege(role: "auditor@localhost", privileges: ["SELECT"]),
      ])
    #expect(
      shop.table(named: "audit_log")?.privileges.first
        == Privilege(role: "app", privileges: ["SELECT"], columns: ["id"], grantable: true))
    #expect(shop.routines.map(\.signature) == ["order_count(OUT n INT)", "total_of(p_id INT)"])
    #expect(shop.routines.last?.returnType == "DECIMAL(10,2)")
  }

  @Test func sqlServerGrantsAndRoutines() throws {
    let catalog = try readDDL(
      """
      CREATE TABLE dbo.orders (id int PRIMARY KEY);
      GO
      CREATE SCHEMA sales;
      GO
      CREATE TABLE sales.lead (id int PRIMARY KEY);
      GO
      GRANT SELECT, INSERT ON dbo.orders TO app;
      GRANT SELECT ON OBJECT::sales.lead TO [reporting];
      GRANT SELECT ON SCHEMA::sales TO app;
      DENY DELETE ON dbo.orders TO app;
      GO
      CREATE PROCEDURE dbo.touch_customer @id int, @when datetime2 AS UPDATE dbo.orders SET id = @id;
      GO
      CREATE FUNCTION dbo.total(@id int) RETURNS int AS BEGIN RETURN 1 END;
      GO
      """, dialect: .mssql)
    #expect(
      catalog.table(QualifiedName(schema: "dbo", name: "orders"))?.privileges == [
        Privilege(role: "app", privileges: ["SELECT", "INSERT"])
      ])
    #expect(catalog.table(QualifiedName(schema: "sales", name: "lead"))?.privileges.map(\.role) == ["reporting"])
    let routines = catalog.schema(named: "dbo")?.routines ?? []
    #expect(routines.map(\.signature) == ["total(@id int)", "touch_customer(@id int, @when datetime2)"])
    #expect(routines.first?.returnType == "int" && routines.last?.kind == .procedure)
  }
}
