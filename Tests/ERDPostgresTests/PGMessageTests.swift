import Testing

@testable import ERDPostgres

/// Messages about PostgreSQL sources: one line, and never a password.
@Suite struct PGMessageTests {
  /// libpq's parse errors quote the string they failed on: every quoted piece goes.
  @Test(arguments: [
    (
      "missing key/value separator \"=\" in URI query parameter: \"#w@host/db\"",
      "missing key/value separator in URI query parameter"
    ),
    ("invalid percent-encoded token: \"p%zz\"", "invalid percent-encoded token"),
    ("missing \"=\" after \"cret\" in connection info string\n", "missing after in connection info string"),
  ])
  func parseErrorsLoseWhatTheyQuote(message: String, expected: String) {
    #expect(PGConnectionString.unquoted(message) == expected)
  }

  /// An `@` libpq would not take as the end of the user info means something was not encoded.
  @Test(arguments: [
    ("postgresql://u:p@ss:x@host/db", true),
    ("postgresql://u:pa/ss@host/db", true),
    ("postgresql://u:p@ss:/?#w@host/db", false),  // libpq refuses it to parse: reported unquoted
    ("postgresql://u:p%40ss@host/db", false),
    ("postgresql://host:5432/db?user=a@b.example", false),
    ("postgresql://u:p?w@host/db", false),
    ("host=h password=a@b@c", false),
  ])
  func unencodedAtSignsAreFound(url: String, ambiguous: Bool) {
    #expect(PGConnectionString.hasAmbiguousUserInfo(url) == ambiguous)
  }

  @Test func reasonIsOneLine() {
    let message = """
      connection to server at "127.0.0.1", port 1 failed: Connection refused
      \tIs the server running on that host and accepting TCP/IP connections?

      """
    #expect(PGEndpoint.reason(message) == "Connection refused")
    #expect(
      PGEndpoint.reason("FATAL:  password authentication failed for user \"x\"\n")
        == "FATAL: password authentication failed for user \"x\"")
  }
}
