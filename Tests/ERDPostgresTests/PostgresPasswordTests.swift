import ERDTestSupport
import Foundation
import Testing

/// No password in any output: every way libpq takes one, on success and on every failure, with
/// and without `-v`, the built binary against the throwaway cluster.
@Suite(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL cluster of `make test`"))
struct PostgresPasswordTests {
  /// Every character that needs quoting in some form (URL, keyword string, .pgpass).
  static let password = #"Pw@ss:w/rd?#[]%25 &'"\é ;=Zq"#

  /// What a run is asked to get wrong.
  enum Failure: String, CaseIterable {
    case none, wrongPassword, missingDatabase, refused, sslRequired

    var status: Int32 { self == .none ? 0 : 69 }

    /// What the one-line message must say.
    var message: String {
      switch self {
      case .none: return ""
      case .wrongPassword: return "password authentication failed"
      case .missingDatabase: return "does not exist"
      case .refused: return "Connection refused"
      case .sslRequired: return "SSL"
      }
    }
  }

  /// One way of handing libpq the password, for a role, a database and a failure.
  struct Form: Sendable {
    var name: String
    var make:
      @Sendable (_ role: String, _ password: String, _ database: String, _ port: String, _ ssl: Bool, _ dir: URL) throws
        -> (arguments: [String], environment: [String: String])
  }

  static func keywordValue(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }

  static let forms: [Form] = [
    Form(name: "URL, percent-encoded") { role, password, database, port, ssl, _ in
      let url = "postgresql://\(role):\(TestPostgres.encode(password))@\(TestPostgres.host):\(port)/\(database)"
      return ([url + (ssl ? "?sslmode=require" : "")], [:])
    },
    Form(name: "keyword string") { role, password, database, port, ssl, _ in
      let text =
        "host=\(TestPostgres.host) port=\(port) dbname=\(database) user=\(role) password=\(keywordValue(password))"
      return ([text + (ssl ? " sslmode=require" : "")], [:])
    },
    Form(name: "keyword string with spaces around =") { role, password, database, port, ssl, _ in
      let text =
        "host = \(TestPostgres.host) port = \(port) dbname = \(database) user = \(role) password = \(keywordValue(password))"
      return ([text + (ssl ? " sslmode = require" : "")], [:])
    },
    Form(name: "PGPASSWORD") { role, password, database, port, ssl, _ in
      let url = "postgresql://\(role)@\(TestPostgres.host):\(port)/\(database)"
      return ([url], ["PGPASSWORD": password, "PGSSLMODE": ssl ? "require" : "prefer"])
    },
    Form(name: ".pgpass") { role, password, database, port, ssl, dir in
      let file = dir.appendingPathComponent("pgpass")
      let escaped = password.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
      try Data("\(TestPostgres.host):\(port):*:\(role):\(escaped)\n".utf8).write(to: file)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
      let url = "postgresql://\(role)@\(TestPostgres.host):\(port)/\(database)"
      return ([url], ["PGPASSFILE": file.path, "PGSSLMODE": ssl ? "require" : "prefer"])
    },
    Form(name: "service file") { role, password, database, port, ssl, dir in
      let file = dir.appendingPathComponent("pg_service.conf")
      let lines = [
        "[erdviz_secret]", "host=\(TestPostgres.host)", "port=\(port)", "user=\(role)", "dbname=\(database)",
        "password=\(password)", "sslmode=\(ssl ? "require" : "prefer")",
      ]
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
      return (["service=erdviz_secret"], ["PGSERVICEFILE": file.path, "PGPASSFILE": "/nonexistent"])
    },
  ]

  @Test(arguments: forms.map(\.name))
  func noFormEverPrintsThePassword(_ formName: String) throws {
    let form = try #require(Self.forms.first { $0.name == formName })
    try withRole(password: Self.password) { role, database in
      for failure in Failure.allCases {
        for verbose in [false, true] {
          let dir = try Paths.temporaryDirectory()
          defer { try? FileManager.default.removeItem(at: dir) }
          let (arguments, environment) = try form.make(
            role, failure == .wrongPassword ? Self.password + "x" : Self.password,
            failure == .missingDatabase ? "no_such_db" : database,
            failure == .refused ? "1" : TestPostgres.port, failure == .sslRequired, dir)
          let label = "\(formName), \(failure.rawValue)\(verbose ? ", -v" : "")"
          let flags = (verbose ? ["-v"] : []) + ["-o", "x.json", "-o", "x.mmd", "-f", "dot"]
          let result = try run(Paths.binary, ["inspect"] + arguments + flags, environment: environment, in: dir)
          #expect(result.status == failure.status, "\(label): \(result.stderr)")
          if failure != .none {
            #expect(result.stderr.split(separator: "\n").count == 1, "\(label): \(result.stderr)")
            #expect(result.stderr.contains(failure.message), "\(label): \(result.stderr)")
            #expect(result.stderr.contains("127.0.0.1 port"), "\(label): \(result.stderr)")
          }
          expectNoPassword(in: result, dir: dir, label)
        }
      }
    }
  }

  /// An unencoded password in a URL: libpq would read part of it as the host, the port or the
  /// query and quote that part in its error. The URL is refused, and nothing of it is printed.
  @Test(arguments: [
    "postgresql://u:p@ss:/?#w@HOST/db", "postgresql://u:p@ss:x@HOST/db", "postgresql://u:pa/ss@HOST/db",
    "postgresql://u:p%zzss@HOST/db", "host=HOST password='p@ss:x dbname=db",
  ])
  func anUnparsableOrAmbiguousSourceIsNeverEchoed(_ template: String) throws {
    let source = template.replacingOccurrences(of: "HOST", with: "\(TestPostgres.host):\(TestPostgres.port)")
    for verbose in [false, true] {
      let result = try run(Paths.binary, ["inspect", source, "-f", "json"] + (verbose ? ["-v"] : []))
      #expect(result.status == 64, "\(source): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(source): \(result.stderr)")
      #expect(result.stderr.contains("not shown"), "\(source): \(result.stderr)")
      for piece in ["p@ss", "ss:", "pa/ss", "zzss", "#w"] {
        #expect(!result.stderr.contains(piece), "\(source) leaked \(piece): \(result.stderr)")
      }
    }
  }

  /// Messages are shown as the server wrote them: a password that is a common letter must not
  /// turn `authentication failed` into `auth********ntication fail********d`.
  @Test func aShortPasswordDoesNotMangleMessages() throws {
    try withRole(password: "e") { role, database in
      let url = "postgresql://\(role):ee@\(TestPostgres.host):\(TestPostgres.port)/\(database)"
      let result = try erdviz("inspect", url, "-f", "json")
      #expect(result.status == 69)
      #expect(result.stderr.contains("password authentication failed for user \"\(role)\""), "\(result.stderr)")
      #expect(!result.stderr.contains("*"), "\(result.stderr)")
    }
  }

  private func expectNoPassword(in result: RunResult, dir: URL, _ label: String) {
    var everything = result.stderr + result.stdoutText
    for file in ["x.json", "x.mmd"] {
      everything += (try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)) ?? ""
    }
    for piece in [Self.password, TestPostgres.encode(Self.password), Self.keywordValue(Self.password), "Pw@ss", "rd?#"]
    {
      #expect(!everything.contains(piece), "\(label) leaked \(piece)")
    }
  }

  private func withRole(password: String, _ body: (String, String) throws -> Void) throws {
    try withDatabase(fixture: "postgres_features.sql") { database in
      let role = "secret_\(UUID().uuidString.prefix(6).lowercased())"
      let quoted = password.replacingOccurrences(of: "'", with: "''")
      try TestPostgres.psql("CREATE ROLE \(role) LOGIN PASSWORD '\(quoted)'")
      defer { _ = try? TestPostgres.psql("DROP ROLE \(role)") }
      // The schemas' tables are what makes a successful run draw something.
      try TestPostgres.psql("GRANT USAGE ON SCHEMA crm, billing TO \(role)", database: database)
      defer { _ = try? TestPostgres.psql("DROP OWNED BY \(role)", database: database) }
      try body(role, database)
    }
  }
}
