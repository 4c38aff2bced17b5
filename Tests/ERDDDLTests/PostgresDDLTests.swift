import ERDDDL
import ERDInspect
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// PostgreSQL DDL through libpg_query: the mapping, pg_dump's non-SQL parts, errors.
@Suite struct PostgresDDLTests {
  static let features = Paths.fixtures.appendingPathComponent("ddl/postgresql_features.sql")

  @Test func featuresMatchGoldenFiles() throws {
    try checkGoldens(try readDDL(file: Self.features, dialect: .postgresql), name: "postgresql_features")
  }

  /// Types as format_type spells them and the names PostgreSQL gives unnamed constraints, as
  /// checked against PostgreSQL 15 loading the same file.
  @Test func typesAndGeneratedNamesAreWhatPostgreSQLWouldReport() throws {
    let catalog = try readDDL(file: Self.features)
    let customer = try #require(catalog.table("public", "customer"))
    let types = customer.columns.map { "\($0.name) \($0.type)" }
    #expect(
      types == [
        "id integer", "email character varying(200)", "name text", "mood mood", "score numeric(10,2)", "tags text[]",
        "created_at timestamp(3) with time zone",
      ])
    #expect(customer.column(named: "id")?.identity == .serial)
    #expect(customer.column(named: "id")?.defaultValue == "nextval('customer_id_seq'::regclass)")
    #expect(customer.primaryKey?.name == "customer_pkey")
    #expect(customer.uniqueConstraints.map(\.name) == ["customer_email_key"])
    #expect(customer.checks.map(\.name) == ["customer_name_not_empty", "customer_score_check"])
    #expect(customer.comment == "People who buy")
    #expect(customer.column(named: "email")?.comment == "Unique, lower case")
    #expect(customer.indexes.first?.keys == [.expression("lower((email)::text)")])
    #expect(customer.triggers.first?.events == ["INSERT", "UPDATE"])

    let invoice = try #require(catalog.table("billing", "invoice"))
    #expect(invoice.column(named: "id")?.identity == .always)
    #expect(invoice.column(named: "tax")?.generated == GeneratedColumn(expression: "total * 0.2", stored: true))
    #expect(invoice.column(named: "number")?.baseType == "integer")
    #expect(invoice.uniqueConstraints.first?.name == "invoice_customer_id_number_key")
    #expect(invoice.uniqueConstraints.first?.nullsNotDistinct == true)
    let fk = try #require(invoice.foreignKeys.first)
    #expect(fk.name == "invoice_customer_id_fkey")
    #expect(fk.referencedTable == QualifiedName(schema: "public", name: "customer"))
    #expect(fk.onDelete == .cascade && fk.deferrable && fk.initiallyDeferred)
    #expect(invoice.indexes.first?.name == "invoice_issued_idx")
    #expect(invoice.indexes.first?.predicate == "total > 1000")

    let lines = try #require(catalog.table("billing", "invoice_line"))
    #expect(lines.column(named: "sku")?.nullable == false)
    #expect(lines.column(named: "price")?.defaultValue == "0.0")
    #expect(lines.column(named: "note")?.ordinal == 6)
    #expect(lines.foreignKeys.first?.match == "FULL")
    #expect(lines.foreignKeys.first?.comment == "Lines die with their invoice")

    let employee = try #require(catalog.table("public", "employee"))
    #expect(employee.exclusions.first?.name == "employee_during_excl")
    #expect(employee.foreignKeys.first?.referencedColumns == ["id"])
    // INHERITS and LIKE copy NOT NULL from the parent's key column.
    #expect(catalog.table("public", "contractor")?.column(named: "id")?.nullable == false)
    #expect(catalog.table("public", "contractor")?.inherits == [QualifiedName(schema: "public", name: "employee")])
    #expect(
      catalog.table("public", "employee_archive")?.columns.map(\.name) == ["id", "manager_id", "during", "archived_at"])

    let mood = try #require(catalog.schema(named: "public")?.enums.first)
    #expect(mood.values == ["sad", "ok", "happy", "ecstatic"])
    #expect(catalog.schema(named: "billing")?.comment == "Money in and out")
  }

  @Test func viewsReadTheirRelationsFromTheParseTree() throws {
    let catalog = try readDDL(file: Self.features)
    let view = try #require(catalog.view(QualifiedName(schema: "billing", name: "big_customer")))
    // The CTE `totals` is no relation; the UNION's second branch reads employee.
    #expect(view.dependencies.map(\.description) == ["billing.invoice", "public.customer", "public.employee"])
    #expect(view.columns.map(\.name) == ["customer", "spent"])
    #expect(view.columns.first?.type == "text")
    let mood = try #require(catalog.view(QualifiedName(schema: "public", name: "customer_mood")))
    #expect(mood.materialized)
    #expect(mood.definition == "SELECT mood, count(*) AS n FROM customer GROUP BY mood")
  }

  @Test func searchPathDecidesWhereUnqualifiedNamesGo() throws {
    let catalog = try readDDL(
      """
      CREATE SCHEMA app;
      SET search_path TO app, public;
      CREATE TABLE parent (id int PRIMARY KEY);
      CREATE TABLE public.other (id int PRIMARY KEY);
      CREATE TABLE child (parent_id int REFERENCES parent, other_id int REFERENCES other);
      RESET search_path;
      CREATE TABLE plain (id int);
      """)
    #expect(catalog.tableNames == ["app.child", "app.parent", "public.other", "public.plain"])
    let child = try #require(catalog.table("app", "child"))
    #expect(child.foreignKeys.map(\.referencedTable.description).sorted() == ["app.parent", "public.other"])
  }

  @Test func copyDataAndMetaCommandsAreNotSQL() throws {
    let catalog = try readDDL(
      """
      \\connect shop
      CREATE TABLE t (id int, note text);
      COPY t (id, note) FROM stdin;
      1\tit's; a CREATE TABLE x (y int);
      \\.
      CREATE TABLE u (id int);
      """)
    #expect(catalog.tableNames == ["public.t", "public.u"])
  }

  @Test func aSyntaxErrorOnLine40ReportsItsLineAndColumn() throws {
    var lines = (1...39).map { "CREATE TABLE t\($0) (id int); -- line \($0)" }
    lines.append("CREATE TABLE broken (id int,, name text);")
    lines.append("CREATE TABLE after (id int);")
    let error = try #require(ddlError(lines.joined(separator: "\n"), dialect: .postgresql))
    guard case .invalidInput(let label, let reason, let location) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(label == "test.sql")
    #expect(reason == "syntax error at or near \",\"")
    #expect(location?.line == 40)
    #expect(location?.column == 29)
    let text = error.description.split(separator: "\n").map(String.init)
    #expect(
      text == [
        "test.sql:40:29: syntax error at or near \",\"",
        "    CREATE TABLE broken (id int,, name text);",
        String(repeating: " ", count: 4 + 28) + "^",
      ])
  }

  @Test func errorColumnsCountCharactersNotBytes() throws {
    let error = try #require(ddlError("SELECT 1;\nCREATE TABLE ünï (é text ,);", dialect: .postgresql))
    guard case .invalidInput(_, _, let location) = error else { return }
    #expect(location?.line == 2)
    #expect(location?.column == 27)
  }

  @Test func unterminatedTextIsASyntaxError() throws {
    let error = try #require(ddlError("CREATE TABLE t (a text DEFAULT 'oops);", dialect: .postgresql))
    #expect(error.description.hasPrefix("test.sql:1:32: unterminated quoted string"))
    // PostgreSQL quotes the rest of the input; the message keeps its first line, shortened.
    let long = try #require(
      ddlError("CREATE TABLE \"t (a int);\n" + String(repeating: "CREATE TABLE x (y int);\n", count: 50)))
    #expect(long.description.split(separator: "\n").count == 3, "\(long)")
    #expect(long.description.hasPrefix("test.sql:1:14: unterminated quoted identifier at or near \"\"t (a int);…\""))
  }

  @Test func strictTurnsASkippedStatementIntoAnError() throws {
    let text =
      "CREATE TABLE t (id int);\nALTER TABLE t ALTER COLUMN id SET STATISTICS 10, ALTER COLUMN id SET COMPRESSION pglz;\nCREATE TABLE u AS SELECT 1 AS one;"
    #expect(try readDDL(text).tableNames == ["public.t"])
    let error = try #require(ddlError(text, strict: true))
    guard case .invalidInput(_, let reason, let location) = error else { return }
    #expect(location?.line == 3)
    #expect(reason.contains("CREATE TABLE … AS is not modelled"))
  }

  /// A second `CREATE TABLE` of one name fails in PostgreSQL: the first definition stands, and
  /// the second is reported (an error with `--strict`); `IF NOT EXISTS` makes it a no-op.
  @Test func aTableDefinedTwiceKeepsItsFirstDefinition() throws {
    let text = "CREATE TABLE t (a int);\nCREATE TABLE u (x int);\nCREATE TABLE t (b int);\n"
    let catalog = try readDDL(text)
    #expect(catalog.table(QualifiedName(schema: "public", name: "t"))?.columns.map(\.name) == ["a"])
    let error = try #require(ddlError(text, strict: true))
    guard case .invalidInput(_, let reason, let location) = error else { return }
    #expect(location?.line == 3)
    #expect(reason.contains("public.t already exists"), "\(reason)")

    let guarded = "CREATE TABLE t (a int);\nCREATE TABLE IF NOT EXISTS t (b int);\n"
    let kept = try readDDL(guarded, strict: true)
    #expect(kept.table(QualifiedName(schema: "public", name: "t"))?.columns.map(\.name) == ["a"])
  }

  @Test func nulBytesAndCommentOnlyInputAreOneLineErrors() throws {
    for text in ["CREATE TABLE t (id int);\n\u{0}\u{1}", "-- nothing here\n/* at all */"] {
      let error = try #require(ddlError(text, dialect: .postgresql))
      #expect(!error.description.contains("\n"), "\(error)")
    }
  }
}

/// The node table the protobuf walker uses is generated from libpg_query's own schema; it must
/// match the installed one.
@Suite struct PgNodeTableTests {
  static let proto = "/usr/include/pg_query/pg_query.proto"

  @Test(.enabled(if: FileManager.default.fileExists(atPath: proto), "needs libpg-query-dev's pg_query.proto"))
  func generatedTableMatchesTheInstalledProto() throws {
    let result = try run(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", "scripts/gen-pg-nodes", Self.proto, "--check"],
      in: Paths.packageRoot)
    #expect(result.status == 0, "\(result.stderr)")
  }
}
