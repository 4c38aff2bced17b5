import ERDInspect
import ERDPostgres
import ERDSchema
import ERDTestSupport
import ERDViz
import Foundation
import Testing

/// Loads a fixture into a new database, runs `body` with its name, and drops it.
func withDatabase<T>(fixture: String? = nil, _ body: (String) throws -> T) throws -> T {
  let database = try TestPostgres.createDatabase()
  defer { TestPostgres.drop(database) }
  if let fixture { try TestPostgres.psql(file: Paths.fixtures.appendingPathComponent(fixture), database: database) }
  return try body(database)
}

func inspect(
  _ database: String, user: String = "postgres", password: String? = nil, log: Log = Log()
) throws
  -> Catalog
{
  try PostgresInspector(connection: TestPostgres.url(database: database, user: user, password: password))
    .inspect(InspectOptions(log: log))
}

@Suite(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL cluster of `make test`"))
struct PostgresInspectorTests {
  @Test func everyFeatureIsInTheModel() throws {
    let catalog = try withDatabase(fixture: "postgres_features.sql") { try inspect($0) }.foldingPartitions()
    let customer = try #require(catalog.table(QualifiedName(schema: "crm", name: "customer")))
    #expect(customer.comment == "everyone with an account")
    #expect(customer.column(named: "id")?.identity == .always)
    #expect(customer.column(named: "email")?.comment == "login, unique")
    #expect(customer.column(named: "tier")?.type == "crm.tier")
    #expect(customer.column(named: "created_at")?.defaultValue == "now()")
    #expect(customer.uniqueConstraints.map(\.name) == ["customer_email_key"])
    #expect(customer.indexes.map(\.name) == ["customer_email_lower", "customer_recent"])
    #expect(customer.indexes.first?.keys == [.expression("lower(email)")])
    #expect(customer.indexes.last?.predicate == "tier <> 'free'::crm.tier")
    #expect(customer.foreignKeys.first?.onDelete == .setNull)

    let account = try #require(catalog.table(QualifiedName(schema: "billing", name: "account")))
    #expect(account.column(named: "id")?.identity == .serial)
    #expect(account.column(named: "balance")?.type == "billing.amount")
    #expect(account.column(named: "balance")?.baseType == "numeric(12,2)")
    #expect(account.uniqueConstraints.first { $0.name == "account_code_key" }?.nullsNotDistinct == true)
    #expect(account.foreignKeys.first?.referencedTable == QualifiedName(schema: "crm", name: "customer"))
    #expect(account.triggers.map(\.name) == ["account_touch"])
    #expect(account.triggers.first?.events == ["INSERT", "UPDATE"])
    #expect(account.triggers.first?.comment == "keeps rows fresh")

    let invoice = try #require(catalog.table(QualifiedName(schema: "billing", name: "invoice")))
    #expect(invoice.kind == .partitioned)
    #expect(invoice.partitionKey == "RANGE (issued_on)")
    #expect(invoice.partitions.map(\.name) == ["invoice_2025", "invoice_2026"])
    #expect(invoice.column(named: "total_cents")?.generated?.stored == true)
    #expect(invoice.checks.first?.comment == "numbers start at 1")
    #expect(catalog.table(QualifiedName(schema: "billing", name: "invoice_2025")) == nil)

    let line = try #require(catalog.table(QualifiedName(schema: "billing", name: "invoice_line")))
    let composite = try #require(line.foreignKeys.first)
    #expect(composite.columns == ["account_id", "invoice_number", "issued_on"])
    #expect(composite.deferrable && composite.initiallyDeferred && composite.onDelete == .cascade)

    let subscription = try #require(catalog.table(QualifiedName(schema: "billing", name: "subscription")))
    #expect(subscription.foreignKeys.first?.referencedColumns == ["code"])  // a unique constraint, not the PK
    #expect(subscription.exclusions.first?.definition.hasPrefix("EXCLUDE USING gist") == true)
    #expect(subscription.column(named: "id")?.identity == .byDefault)

    #expect(catalog.table(QualifiedName(schema: "billing", name: "exchange_rate"))?.kind == .foreign)
    #expect(
      catalog.table(QualifiedName(schema: "crm", name: "customer_note"))?.inherits == [
        QualifiedName(schema: "crm", name: "note")
      ])

    let billing = try #require(catalog.schema(named: "billing"))
    #expect(billing.comment == "money in and out")
    #expect(billing.domains.first?.checks.first?.expression == "VALUE >= 0::numeric")
    #expect(catalog.schema(named: "crm")?.enums.first?.values == ["free", "pro", "enterprise"])
    let revenue = try #require(billing.view(named: "revenue_by_tier"))
    #expect(revenue.materialized)
    #expect(revenue.indexes.map(\.name) == ["revenue_by_tier_tier"])
    #expect(Set(revenue.dependencies.map(\.description)) == ["billing.account", "billing.invoice", "crm.customer"])
    #expect(billing.view(named: "big_spenders")?.dependencies.map(\.description) == ["billing.open_balance"])
    #expect(billing.view(named: "open_balance")?.comment == "who owes us")
  }

  @Test func aRoleThatCanOnlyConnectAndUseSchemasReadsTheSameSchema() throws {
    try withDatabase(fixture: "postgres_features.sql") { database in
      let role = "reader_\(UUID().uuidString.prefix(6).lowercased())"
      try TestPostgres.psql(
        """
        CREATE ROLE \(role) LOGIN PASSWORD 'reader-pw' NOSUPERUSER NOCREATEDB NOCREATEROLE;
        REVOKE ALL ON DATABASE "\(database)" FROM PUBLIC;
        GRANT CONNECT ON DATABASE "\(database)" TO \(role);
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        GRANT USAGE ON SCHEMA crm, billing TO \(role);
        """, database: database)
      defer { _ = try? TestPostgres.psql("DROP OWNED BY \(role); DROP ROLE \(role)", database: database) }
      let lines = LogLines()
      let asReader = try inspect(database, user: role, password: "reader-pw", log: lines.log)
      #expect(asReader == (try inspect(database)))
      // The code path ran inside a read-only transaction, and said so.
      #expect(lines.all.contains { $0.contains("transaction_read_only = on") })
    }
  }

  @Test func aSchemaTheRoleCannotUseIsSkippedWithAWarning() throws {
    try withDatabase(fixture: "postgres_features.sql") { database in
      let role = "partial_\(UUID().uuidString.prefix(6).lowercased())"
      try TestPostgres.psql(
        "CREATE ROLE \(role) LOGIN PASSWORD 'pw'; GRANT USAGE ON SCHEMA crm TO \(role); REVOKE USAGE ON SCHEMA public FROM PUBLIC;",
        database: database)
      defer { _ = try? TestPostgres.psql("DROP OWNED BY \(role); DROP ROLE \(role)", database: database) }
      let lines = LogLines()
      let catalog = try inspect(database, user: role, password: "pw", log: lines.log)
      #expect(catalog.schemas.map(\.name) == ["crm"])
      #expect(lines.all.contains("warning: postgres: skipping schema billing: permission denied (no USAGE privilege)"))
    }
  }

  @Test func theNumberOfQueriesDoesNotGrowWithTables() throws {
    try withDatabase { database in
      var counts: [Int] = []
      for tables in [3, 120] {
        try TestPostgres.psql(
          """
          DO $$ BEGIN FOR i IN 1..\(tables) LOOP
            EXECUTE format('CREATE TABLE IF NOT EXISTS t%s (id int PRIMARY KEY, up int REFERENCES t%s(id), n text)', i, greatest(i - 1, 1));
            EXECUTE format('CREATE INDEX IF NOT EXISTS t%s_n ON t%s (n)', i, i);
          END LOOP; END $$;
          """, database: database)
        let lines = LogLines(verbose: true)
        let catalog = try inspect(database, log: lines.log)
        #expect(catalog.schemas.first?.tables.count == tables)
        let reported = lines.all.first { $0.hasPrefix("postgres: read the catalog in ") }
        counts.append(Int(reported?.split(separator: " ")[5] ?? "") ?? -1)
      }
      #expect(counts == [15, 15])
    }
  }

  @Test func aServerThatGoesAwayMidwayIsOneClearError() throws {
    try withDatabase(fixture: "postgres_features.sql") { database in
      var inspector = PostgresInspector(connection: TestPostgres.url(database: database))
      inspector.afterQuery = { number in
        guard number == 5 else { return }
        _ = try? TestPostgres.psql(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'erdviz' AND datname = '\(database)'"
        )
      }
      #expect {
        _ = try inspector.inspect(InspectOptions())
      } throws: { error in
        guard case .unavailable(let endpoint, let reason) = error as? InspectError else { return false }
        return endpoint.contains("127.0.0.1") && endpoint.contains(TestPostgres.port) && endpoint.contains(database)
          && reason.contains("closed the connection")
      }
    }
  }
}
