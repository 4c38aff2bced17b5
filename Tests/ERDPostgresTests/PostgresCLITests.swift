import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The built binary against the throwaway cluster: every libpq connection form, every failure.
@Suite(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL cluster of `make test`"))
struct PostgresCLITests {
  static let hostilePassword = #"p@ss:w/rd?#[]%25 &'"\é ;="#

  @Test func everyConnectionForm() throws {
    try withDatabase(fixture: "postgres_features.sql") { database in
      let home = try Paths.temporaryDirectory()
      let pgpass = home.appendingPathComponent("pgpass")
      try Data("\(TestPostgres.host):\(TestPostgres.port):*:postgres:\(TestPostgres.password)\n".utf8).write(to: pgpass)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: pgpass.path)
      let services = home.appendingPathComponent("pg_service.conf")
      try Data(
        "[erdviz_test]\nhost=\(TestPostgres.host)\nport=\(TestPostgres.port)\nuser=postgres\ndbname=\(database)\n".utf8
      ).write(to: services)
      let port = TestPostgres.port
      let cases: [(String, [String], [String: String])] = [
        ("URL", [TestPostgres.url(database: database)], [:]),
        (
          "postgresql URL with sslmode",
          [
            TestPostgres.url(database: database).replacingOccurrences(of: "postgres://", with: "postgresql://")
              + "?sslmode=disable"
          ], [:]
        ),
        (
          "keyword string",
          ["host=\(TestPostgres.host) port=\(port) dbname=\(database) user=postgres password=\(TestPostgres.password)"],
          [:]
        ),
        (
          "PG variables", ["postgres:///\(database)"],
          ["PGHOST": TestPostgres.host, "PGPORT": port, "PGUSER": "postgres", "PGPASSWORD": TestPostgres.password]
        ),
        (".pgpass", ["postgres://postgres@\(TestPostgres.host):\(port)/\(database)"], ["PGPASSFILE": pgpass.path]),
        ("service", ["service=erdviz_test"], ["PGSERVICEFILE": services.path, "PGPASSFILE": pgpass.path]),
        ("unix socket", ["host=\(TestPostgres.socketDirectory) port=\(port) dbname=\(database) user=postgres"], [:]),
        ("DATABASE_URL", [], ["DATABASE_URL": TestPostgres.url(database: database)]),
      ]
      var outputs: [String: [UInt8]] = [:]
      for (label, arguments, environment) in cases {
        let result = try run(Paths.binary, ["inspect"] + arguments + ["-f", "json"], environment: environment)
        #expect(result.status == 0, "\(label): \(result.stderr)")
        outputs[label] = result.stdout
      }
      #expect(Set(outputs.values).count == 1, "every form reads the same schema")
    }
  }

  @Test(arguments: [
    ("refused", "postgres://postgres@127.0.0.1:1/x", "127.0.0.1 port 1 database \"x\""),
    (
      "unknown host", "postgres://postgres@no-such-host.invalid:5432/x", "no-such-host.invalid port 5432 database \"x\""
    ),
    ("timeout", "postgres://postgres@10.255.255.1:5432/x?connect_timeout=1", "10.255.255.1 port 5432 database \"x\""),
  ])
  func unreachableServers(label: String, url: String, names: String) throws {
    let result = try erdviz("inspect", url, "-o", "x.svg")
    #expect(result.status == 69, "\(label): \(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(label): \(result.stderr)")
    #expect(result.stderr.contains(names), "\(label): \(result.stderr)")
  }

  @Test func failuresNameTheServerAndNeverThePassword() throws {
    try withDatabase(fixture: "postgres_features.sql") { database in
      let role = "secret_\(UUID().uuidString.prefix(6).lowercased())"
      let quoted = Self.hostilePassword.replacingOccurrences(of: "'", with: "''")
      try TestPostgres.psql("CREATE ROLE \(role) LOGIN PASSWORD '\(quoted)'")
      defer { _ = try? TestPostgres.psql("DROP ROLE \(role)") }
      try TestPostgres.psql("GRANT USAGE ON SCHEMA crm, billing TO \(role)", database: database)
      defer { _ = try? TestPostgres.psql("DROP OWNED BY \(role)", database: database) }
      let good = TestPostgres.url(database: database, user: role, password: Self.hostilePassword)
      let cases: [(String, String, Int32, String)] = [
        ("success", good, 0, ""),
        (
          "wrong password", TestPostgres.url(database: database, user: role, password: Self.hostilePassword + "x"), 69,
          "password authentication failed"
        ),
        (
          "missing database", TestPostgres.url(database: "no_such_db", user: role, password: Self.hostilePassword), 69,
          "does not exist"
        ),
        ("ssl required", good + "?sslmode=require", 69, "SSL"),
        ("wanted schema", good, 65, "no schema nope"),
      ]
      let encoded = TestPostgres.encode(Self.hostilePassword)
      for (label, url, status, message) in cases {
        let dir = try Paths.temporaryDirectory()
        var arguments = ["inspect", url, "-v", "-o", "x.json", "-o", "x.mmd", "-f", "dot"]
        if label == "wanted schema" { arguments += ["--schema", "nope"] }
        let result = try run(Paths.binary, arguments, in: dir)
        #expect(result.status == status, "\(label): \(result.stderr)")
        if status != 0 {
          #expect(result.stderr.split(separator: "\n").last?.contains(message) == true, "\(label): \(result.stderr)")
          if status == 69 {
            #expect(result.stderr.split(separator: "\n").count == 1, "\(label): \(result.stderr)")
            #expect(result.stderr.contains("127.0.0.1 port \(TestPostgres.port)"), "\(label): \(result.stderr)")
          }
        }
        var everything = result.stderr + result.stdoutText
        for file in ["x.json", "x.mmd"] {
          everything += (try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)) ?? ""
        }
        #expect(!everything.contains(Self.hostilePassword), "\(label) leaked the password")
        #expect(!everything.contains(encoded), "\(label) leaked the encoded password")
        #expect(!everything.contains("p@ss"), "\(label) leaked part of the password")
      }
    }
  }

  @Test func schemaOptionChoosesSchemas() throws {
    try withDatabase(fixture: "postgres_features.sql") { database in
      let result = try erdviz("inspect", TestPostgres.url(database: database), "--schema", "crm", "-f", "json")
      #expect(result.status == 0, "\(result.stderr)")
      let json = try JSONParser.parse(result.stdout)
      #expect(json["schemas"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["crm"])
      let partitions = try erdviz(
        "inspect", TestPostgres.url(database: database), "--show-partitions", "--schema", "billing", "-f", "json")
      #expect(partitions.stdoutText.contains("\"partitionOf\": \"invoice\""))
    }
  }
}
