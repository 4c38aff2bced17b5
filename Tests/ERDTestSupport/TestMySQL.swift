import Foundation

/// The throwaway MariaDB server `scripts/test` starts (see scripts/mariadb-server).
///
/// Tests that need it use `.enabled(if: TestMySQL.enabled)`: they skip when no server was
/// started, unless `ERDVIZ_REQUIRE_MYSQL=1` (set by the test command), and then they fail instead.
public enum TestMySQL {
  static let environment = ProcessInfo.processInfo.environment

  /// root's URL, with no database.
  public static var url: String? { environment["ERDVIZ_TEST_MYSQL_URL"].flatMap { $0.isEmpty ? nil : $0 } }
  public static var required: Bool { environment["ERDVIZ_REQUIRE_MYSQL"] == "1" }
  public static var enabled: Bool { url != nil || required }

  public static var host: String { environment["ERDVIZ_TEST_MYSQL_HOST"] ?? "127.0.0.1" }
  public static var port: String { environment["ERDVIZ_TEST_MYSQL_PORT"] ?? "3306" }
  public static var password: String { environment["ERDVIZ_TEST_MYSQL_PASSWORD"] ?? "" }
  public static var socket: String { environment["ERDVIZ_TEST_MYSQL_SOCKET"] ?? "" }
  public static var client: URL { URL(fileURLWithPath: environment["ERDVIZ_TEST_MYSQL_CLIENT"] ?? "/usr/bin/mariadb") }

  public struct Unavailable: Error, CustomStringConvertible {
    public var description: String
  }

  /// A URL for `database` as `user` with `password` (percent-encoded as a URL needs).
  public static func url(database: String, user: String = "root", password: String? = nil) -> String {
    let secret = password ?? self.password
    return "mysql://\(encode(user)):\(encode(secret))@\(host):\(port)/\(encode(database))"
  }

  public static func encode(_ s: String) -> String {
    s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
  }

  /// Runs SQL (or a file) as root with the real `mariadb` client, stopping at the first error;
  /// returns the rows tab-separated, without a header.
  @discardableResult
  public static func sql(_ sql: String? = nil, file: URL? = nil, database: String? = nil) throws -> String {
    guard url != nil else { throw Unavailable(description: "MariaDB required but ERDVIZ_TEST_MYSQL_URL is not set") }
    // --no-defaults: the machine's option files must not change what the tests run.
    var arguments = ["--no-defaults", "--batch", "--skip-column-names", "--raw", "-u", "root", "-S", socket]
    if let database { arguments.append(database) }
    if let sql { arguments += ["-e", sql] }
    let input = try file.map { Array(try Data(contentsOf: $0)) }
    let result = try run(client, arguments, stdin: input, environment: ["MYSQL_PWD": password])
    guard result.status == 0 else {
      throw Unavailable(description: "mariadb failed (\(result.status)): \(result.stderr)")
    }
    return result.stdoutText
  }

  /// A new empty database; drop it with `drop(_:)` when done.
  public static func createDatabase(_ prefix: String = "t") throws -> String {
    let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    try sql("CREATE DATABASE `\(name)`")
    return name
  }

  public static func drop(_ database: String) {
    _ = try? sql("DROP DATABASE IF EXISTS `\(database)`")
  }
}

extension TestMySQL {
  /// Loads a script and runs `body` with the database it filled, then drops that database.
  ///
  /// A script that creates and `USE`s a database of its own (`sakila`, `Chinook`, `shop`) names
  /// it in `creates`; tests that load the same script wait for each other, since they share it.
  /// Any other script is loaded into a new database of its own.
  public static func withScript<T>(_ file: URL, creates: String? = nil, _ body: (String) throws -> T) throws -> T {
    guard let creates else {
      let database = try createDatabase()
      defer { drop(database) }
      try sql(file: file, database: database)
      return try body(database)
    }
    let lock = ScriptLocks.shared.lock(for: creates)
    lock.lock()
    defer { lock.unlock() }
    drop(creates)
    defer { drop(creates) }
    try sql(file: file)
    return try body(creates)
  }
}

/// One lock per database a script creates under its own name.
private final class ScriptLocks: @unchecked Sendable {
  static let shared = ScriptLocks()
  private let guardLock = NSLock()
  private var locks: [String: NSLock] = [:]

  func lock(for name: String) -> NSLock {
    guardLock.lock()
    defer { guardLock.unlock() }
    if let lock = locks[name] { return lock }
    let lock = NSLock()
    locks[name] = lock
    return lock
  }
}
