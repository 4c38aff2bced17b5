import ERDInspect
import Foundation

/// A `mysql://` or `mariadb://` URL taken apart, percent-escapes decoded:
/// `mysql://[user[:password]@][host][:port][/database][?socket=…&ssl-mode=…&option-file=…]`.
///
/// What the URL leaves out (user, password, host, port, socket, TLS files) comes from the option
/// files the client library reads itself: `?option-file=PATH` alone, else the usual ones
/// (`/etc/mysql/my.cnf`, `~/.my.cnf`), their `[client]` and `[client-mariadb]` groups.
struct MySQLURL: Sendable {
  /// `mysql` or `mariadb`, as the user wrote it; messages name the source by it.
  var scheme: String
  var user: String?
  var password: String?
  var host: String?
  var port: Int?
  var database: String?
  var socket: String?
  var sslMode: SSLMode?
  var optionFile: String?
  var connectTimeout: Int?
  /// The password exactly as the URL spells it (percent-escaped), so messages can be scrubbed of both.
  var rawPassword: String?

  /// `ssl-mode` values, as MySQL's clients spell them.
  enum SSLMode: String, CaseIterable, Sendable {
    case disabled = "DISABLED"
    case preferred = "PREFERRED"
    case required = "REQUIRED"
    case verifyCA = "VERIFY_CA"
    case verifyIdentity = "VERIFY_IDENTITY"
  }

  static let parameters = ["socket", "ssl-mode", "option-file", "connect-timeout"]

  init(_ text: String) throws(InspectError) {
    guard let separator = text.range(of: "://") else { throw Self.invalid("expected mysql://…") }
    scheme = text[..<separator.lowerBound].lowercased()
    var rest = Substring(text[separator.upperBound...])
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    var query: Substring = ""
    if let mark = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: mark)...]
      rest = rest[..<mark]
    }
    var authority = rest
    if let slash = rest.firstIndex(of: "/") {
      authority = rest[..<slash]
      let path = rest[rest.index(after: slash)...]
      if !path.isEmpty { database = try Self.decode(path, what: "database name") }
    }
    try readAuthority(authority)
    try readQuery(query)
  }

  /// `user:password@host:port`; the userinfo ends at the last `@`, since an unencoded password
  /// may itself hold one.
  private mutating func readAuthority(_ authority: Substring) throws(InspectError) {
    var hostPort = authority
    if let at = authority.lastIndex(of: "@") {
      let userinfo = authority[..<at]
      hostPort = authority[authority.index(after: at)...]
      if let colon = userinfo.firstIndex(of: ":") {
        let secret = userinfo[userinfo.index(after: colon)...]
        rawPassword = String(secret)
        password = try Self.decode(secret, what: "password")
        user = try Self.decode(userinfo[..<colon], what: "user name")
      } else {
        user = try Self.decode(userinfo, what: "user name")
      }
      if user?.isEmpty == true { user = nil }
    }
    var portText: Substring?
    if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {  // [::1]:3306
      host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
      let after = hostPort[hostPort.index(after: close)...]
      if after.hasPrefix(":") { portText = after.dropFirst() }
    } else if let colon = hostPort.lastIndex(of: ":") {
      host = try Self.decode(hostPort[..<colon], what: "host name")
      portText = hostPort[hostPort.index(after: colon)...]
    } else if !hostPort.isEmpty {
      host = try Self.decode(hostPort, what: "host name")
    }
    if host?.isEmpty == true { host = nil }
    if let portText, !portText.isEmpty {
      guard let number = Int(portText), (1...65535).contains(number) else {
        throw Self.invalid("the port '\(portText)' is not a number from 1 to 65535")
      }
      port = number
    }
  }

  private mutating func readQuery(_ query: Substring) throws(InspectError) {
    for pair in query.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = try Self.decode(parts[0], what: "parameter name").lowercased().replacingOccurrences(of: "_", with: "-")
      let value = parts.count > 1 ? try Self.decode(parts[1], what: "value of \(key)") : ""
      switch key {
      case "socket": socket = value
      case "option-file": optionFile = value
      case "ssl-mode", "sslmode":
        guard let mode = SSLMode(rawValue: value.uppercased().replacingOccurrences(of: "-", with: "_")) else {
          let modes = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
          throw Self.invalid("unknown ssl-mode '\(value)' (use \(modes))")
        }
        sslMode = mode
      case "connect-timeout":
        guard let seconds = Int(value), seconds > 0 else {
          throw Self.invalid("connect-timeout must be a number of seconds")
        }
        connectTimeout = seconds
      default:
        throw Self.invalid("unknown parameter '\(key)' (use \(Self.parameters.joined(separator: ", ")))")
      }
    }
  }

  private static func decode(_ text: Substring, what: String) throws(InspectError) -> String {
    guard let decoded = String(text).removingPercentEncoding else {
      throw invalid("the \(what) has a bad percent-escape")  // never the text: it may be the password
    }
    return decoded
  }

  private static func invalid(_ reason: String) -> InspectError {
    .usage("invalid MySQL URL: \(reason)")
  }
}
