import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The built binary against the throwaway MariaDB server: every way to connect, every failure.
@Suite(.enabled(if: TestMySQL.enabled, "needs the throwaway MariaDB server of `make test`"))
struct MySQLCLITests {
  static let hostilePassword = #"p@ss:w/rd?#[]%25 &'"\é ;="#

  @Test func everyConnectionForm() throws {
    try TestMySQL.withScript(featuresFixture, creates: "shop") { database in
      let home = try Paths.temporaryDirectory()
      let (host, port, password) = (TestMySQL.host, TestMySQL.port, TestMySQL.password)
      try "[client]\nuser=root\npassword=\(password)\n".write(
        to: home.appendingPathComponent(".my.cnf"), atomically: true, encoding: .utf8)
      let optionFile = home.appendingPathComponent("erdviz.cnf")
      try "[client]\nhost=\(host)\nport=\(port)\nuser=root\npassword=\"\(password)\"\n".write(
        to: optionFile, atomically: true, encoding: .utf8)
      let socket = TestMySQL.encode(TestMySQL.socket)
      let cases: [(String, [String], [String: String])] = [
        ("URL", [TestMySQL.url(database: database)], [:]),
        (
          "mariadb URL", [TestMySQL.url(database: database).replacingOccurrences(of: "mysql://", with: "mariadb://")],
          [:]
        ),
        ("ssl-mode disabled", [TestMySQL.url(database: database) + "?ssl-mode=DISABLED"], [:]),
        ("ssl-mode preferred", [TestMySQL.url(database: database) + "?ssl-mode=preferred&connect-timeout=5"], [:]),
        ("unix socket", ["mysql://root:\(TestMySQL.encode(password))@localhost/\(database)?socket=\(socket)"], [:]),
        ("option file", ["mysql:///\(database)?option-file=\(TestMySQL.encode(optionFile.path))"], [:]),
        ("~/.my.cnf", ["mysql://\(host):\(port)/\(database)"], ["HOME": home.path]),
        ("DATABASE_URL", [], ["DATABASE_URL": TestMySQL.url(database: database)]),
      ]
      var outputs: [String: [UInt8]] = [:]
      for (label, arguments, environment) in cases {
        let result = try run(Paths.binary, ["inspect"] + arguments + ["-f", "json"], environment: environment)
        #expect(result.status == 0, "\(label): \(result.stderr)")
        outputs[label] = result.stdout
      }
      #expect(Set(outputs.values).count == 1, "every form reads the same schema")
      #expect(outputs["URL"].map { String(decoding: $0, as: UTF8.self).contains("\"order_line\"") } == true)
    }
  }

  @Test(arguments: [
    ("refused", "mysql://root@127.0.0.1:1/x", "mysql 127.0.0.1 port 1 database \"x\"", "Can't connect to server"),
    (
      "unknown host", "mariadb://root@no-such-host.invalid:3306/x",
      "mariadb no-such-host.invalid port 3306 database \"x\"", "no-such-host.invalid"
    ),
    (
      "no socket", "mysql://root@localhost/x?socket=/nonexistent/mysqld.sock",
      "mysql socket /nonexistent/mysqld.sock database \"x\"", "No such file"
    ),
  ])
  func unreachableServers(label: String, url: String, names: String, reason: String) throws {
    let result = try erdviz("inspect", url, "-o", "x.svg", in: try Paths.temporaryDirectory())
    #expect(result.status == 69, "\(label): \(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(label): \(result.stderr)")
    #expect(result.stderr.contains(names), "\(label): \(result.stderr)")
    #expect(result.stderr.contains(reason), "\(label): \(result.stderr)")
  }

  @Test func failuresNameTheServerAndNeverThePassword() throws {
    try TestMySQL.withScript(featuresFixture, creates: "shop") { database in
      let user = "secret_\(UUID().uuidString.prefix(6).lowercased())"
      let quoted = Self.hostilePassword.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "'", with: "''")
      try TestMySQL.sql(
        """
        CREATE USER '\(user)'@'127.0.0.1' IDENTIFIED BY '\(quoted)';
        GRANT SELECT, SHOW VIEW ON `\(database)`.* TO '\(user)'@'127.0.0.1';
        """)
      defer { _ = try? TestMySQL.sql("DROP USER '\(user)'@'127.0.0.1'") }
      let good = TestMySQL.url(database: database, user: user, password: Self.hostilePassword)
      let wrong = TestMySQL.url(database: database, user: user, password: Self.hostilePassword + "x")
      let missing = TestMySQL.url(database: "no_such_db", user: user, password: Self.hostilePassword)
      let refused = "mysql://\(user):\(TestMySQL.encode(Self.hostilePassword))@127.0.0.1:1/\(database)"
      let unknown = "mysql://\(user):\(TestMySQL.encode(Self.hostilePassword))@no-such-host.invalid/\(database)"
      let cases: [(String, String, Int32, String)] = [
        ("success", good, 0, ""),
        ("wrong password", wrong, 69, "Access denied"),
        ("missing database", missing, 69, "Access denied for user"),
        ("ssl required", good + "?ssl-mode=REQUIRED", 69, "does not support SSL"),
        ("ssl verified", good + "?ssl-mode=VERIFY_IDENTITY", 69, "SSL"),
        ("refused port", refused, 69, "Can't connect to server"),
        ("unknown host", unknown, 69, "no-such-host.invalid"),
        ("wanted schema", good, 65, "no schema nope"),
      ]
      let encoded = TestMySQL.encode(Self.hostilePassword)
      for (label, url, status, message) in cases {
        let dir = try Paths.temporaryDirectory()
        var arguments = ["inspect", url, "-v", "-o", "x.json", "-o", "x.mmd", "-o", "x.html", "-f", "dot"]
        if label == "wanted schema" { arguments += ["--schema", "nope"] }
        let result = try run(Paths.binary, arguments, in: dir)
        #expect(result.status == status, "\(label): \(result.stderr)")
        if status != 0 {
          #expect(result.stderr.split(separator: "\n").last?.contains(message) == true, "\(label): \(result.stderr)")
        }
        if status == 69 {
          #expect(result.stderr.split(separator: "\n").count == 1, "\(label): \(result.stderr)")
          #expect(result.stderr.contains(" port "), "\(label): \(result.stderr)")
          #expect(result.stderr.contains("database \""), "\(label): \(result.stderr)")
        }
        var everything = result.stderr + result.stdoutText
        for file in ["x.json", "x.mmd", "x.html"] {
          everything += (try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)) ?? ""
        }
        #expect(!everything.contains(Self.hostilePassword), "\(label) leaked the password")
        #expect(!everything.contains(encoded), "\(label) leaked the encoded password")
        #expect(!everything.contains("p@ss"), "\(label) leaked part of the password")
      }
    }
  }

  @Test(arguments: [
    ("mysql://h:port/db", "port"),
    ("mysql://h/db?ssl-mode=sometimes", "ssl-mode"),
    ("mysql://h/db?user=x", "unknown parameter 'user'"),
  ])
  func badURLsAreUsageErrors(url: String, message: String) throws {
    let result = try erdviz("inspect", url, "-f", "json")
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }
}
