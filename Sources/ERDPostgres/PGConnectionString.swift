import CLibPQ
import ERDInspect
import Foundation

/// Checks a connection string before libpq connects with it, so that no message can carry a
/// piece of its password.
///
/// libpq never prints a password it parsed as one, and no server sends one back; a password can
/// only leak when libpq reads part of it as something else and then quotes that: a string that
/// does not parse (`invalid percent-encoded token: "p%zz"`), or a URL whose password holds an
/// unencoded `@` or `/`, which libpq splits into host and port (`invalid integer value "x@host"
/// for connection option "port"`). Both are refused here with a message that quotes nothing from
/// the string; every other message about the connection is shown as libpq or the server wrote it,
/// nothing replaced by substring (a password `e` must not turn `failed` into `fail********d`).
enum PGConnectionString {
  static func check(_ conninfo: String) throws(InspectError) {
    var error: UnsafeMutablePointer<CChar>?
    let options = PQconninfoParse(conninfo, &error)
    defer {
      if let options { PQconninfoFree(options) }
      if let error { PQfreemem(error) }
    }
    guard options != nil else {
      let reason = error.map { unquoted(String(cString: $0)) } ?? "out of memory"
      throw .usage("postgres: the connection string is not valid: \(reason) (not shown: it may hold a password)")
    }
    if hasAmbiguousUserInfo(conninfo) {
      throw .usage(
        "postgres: the connection URL has an '@' or '/' that libpq would read as part of the host: "
          + "percent-encode them in the user name and password (@ as %40, / as %2F, : as %3A) "
          + "(the URL is not shown: it may hold a password)")
    }
  }

  /// libpq ends a URL's user info at the first `@` before any `/`; another `@` before the query
  /// (or an `@` after a `/`) means a user name or password was not percent-encoded.
  static func hasAmbiguousUserInfo(_ conninfo: String) -> Bool {
    guard let scheme = conninfo.range(of: "://") else { return false }
    let rest = conninfo[scheme.upperBound...]
    let beforeQuery = rest[..<(rest.firstIndex(of: "?") ?? rest.endIndex)]
    let ats = beforeQuery.indices.filter { beforeQuery[$0] == "@" }
    guard let first = ats.first else { return false }
    let slash = beforeQuery.firstIndex(of: "/") ?? beforeQuery.endIndex
    return ats.count > 1 || first > slash
  }

  /// libpq's message with every quoted piece of the string taken out:
  /// `missing key/value separator "=" in URI query parameter: "#w@host/db"` →
  /// `missing key/value separator in URI query parameter`.
  static func unquoted(_ message: String) -> String {
    var out = ""
    var inQuote = false
    for c in message where c != "\n" {
      if c == "\"" {
        inQuote.toggle()
      } else if !inQuote {
        out.append(c)
      }
    }
    var words = out.split(separator: " ").joined(separator: " ")
    while words.hasSuffix(":") || words.hasSuffix(" ") { words.removeLast() }
    return words.replacingOccurrences(of: " :", with: ":")
  }
}
