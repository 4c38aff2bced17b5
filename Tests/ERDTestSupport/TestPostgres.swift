import Foundation

/// The throwaway PostgreSQL cluster `scripts/test` starts (see scripts/pg-cluster).
///
/// Tests that need it use `.enabled(if: TestPostgres.enabled)`: they skip when no cluster was
/// started, unless `ERDVIZ_REQUIRE_PG=1` (set by the test command), and then they fail instead.
public enum TestPostgres {
  static let environment = ProcessInfo.processInfo.environment

  /// The superuser's URL for the maintenance database.
  public static var url: String? { environment["ERDVIZ_TEST_PG_URL"].flatMap { $0.isEmpty ? nil : $0 } }
  public static var required: Bool { environment["ERDVIZ_REQUIRE_PG"] == "1" }
  public static var enabled: Bool { url != nil || required }

  public static var host: String { environment["ERDVIZ_TEST_PG_HOST"] ?? "127.0.0.1" }
  public static var port: String { environment["ERDVIZ_TEST_PG_PORT"] ?? "5432" }
  public static var password: String { environment["ERDVIZ_TEST_PG_PASSWORD"] ?? "" }
  public static var socketDirectory: String { environment["ERDVIZ_TEST_PG_SOCKET"] ?? "" }
  public static var binDirectory: URL { URL(fileURLWithPath: environment["ERDVIZ_TEST_PG_BIN"] ?? "/usr/bin") }

  public struct Unavailable: Error, CustomStringConvertible {
    public var description: String
  }

  /// A URL for `database` as `user` with `password` (percent-encoded as a URL needs).
  public static func url(database: String, user: String = "postgres", password: String? = nil) -> String {
    let secret = password ?? self.password
    return "postgres://\(encode(user)):\(encode(secret))@\(host):\(port)/\(encode(database))"
  }

  public static func encode(_ s: String) -> String {
    s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
  }

  /// Runs SQL (or a file) with the real `psql`, stopping at the first error.
  @discardableResult
  public static func psql(_ sql: String? = nil, file: URL? = nil, database: String = "postgres") throws -> String {
    guard url != nil else { throw Unavailable(description: "PostgreSQL required but ERDVIZ_TEST_PG_URL is not set") }
    var arguments = ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", self.url(database: database)]
    if let sql { arguments += ["-c", sql] }
    if let file { arguments += ["-f", file.path] }
    // PGPASSWORD too, for scripts that reconnect with `\connect`.
    let result = try run(binDirectory.appendingPathComponent("psql"), arguments, environment: ["PGPASSWORD": password])
    guard result.status == 0 else {
      throw Unavailable(description: "psql failed (\(result.status)): \(result.stderr)")
    }
    return result.stdoutText
  }

  /// A new empty database; drop it with `drop(_:)` when done.
  public static func createDatabase(_ prefix: String = "t") throws -> String {
    let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    try psql("CREATE DATABASE \"\(name)\"")
    return name
  }

  public static func drop(_ database: String) {
    _ = try? psql("DROP DATABASE IF EXISTS \"\(database)\" WITH (FORCE)")
  }
}
