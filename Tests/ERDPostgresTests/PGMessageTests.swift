@testable import ERDPostgres
import Testing

/// Messages about PostgreSQL sources: one line, and never a password.
@Suite struct PGMessageTests {
  @Test(arguments: [
    ("postgres://u:s3cr%40t@h/db", "login s3cr@t failed, s3cr%40t too", "login ******** failed, ******** too"),
    ("postgres://u:p@ss@h/db", "p@ss", "********"),
    ("host=h password='a b' dbname=x", "with a b inside", "with ******** inside"),
    ("postgres://h/db", "nothing secret", "nothing secret"),
  ])
  func scrubsPasswords(conninfo: String, message: String, expected: String) {
    #expect(PGSecrets(conninfo: conninfo).scrub(message) == expected)
  }

  @Test func reasonIsOneLine() {
    let message = """
      connection to server at "127.0.0.1", port 1 failed: Connection refused
      \tIs the server running on that host and accepting TCP/IP connections?

      """
    #expect(PGEndpoint.reason(message) == "Connection refused")
    #expect(PGEndpoint.reason("FATAL:  password authentication failed for user \"x\"\n") == "FATAL: password authentication failed for user \"x\"")
  }
}
