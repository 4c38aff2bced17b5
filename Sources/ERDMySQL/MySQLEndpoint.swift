import CMariaDB
import ERDInspect
import Foundation

/// Where a connection goes, as messages name it: `mysql 127.0.0.1 port 3306 database "app"`,
/// or the socket path. Values the URL leaves out come from the option files the library read.
struct MySQLEndpoint: CustomStringConvertible {
  var scheme: String
  var host: String
  var port: Int
  var socket: String?
  var database: String

  init(url: MySQLURL, options: st_mysql_options) {
    scheme = url.scheme
    host = url.host ?? options.host.map { String(cString: $0) } ?? "localhost"
    port = url.port ?? (options.port != 0 ? Int(options.port) : 3306)
    socket = url.socket ?? options.unix_socket.map { String(cString: $0) }
    database = url.database ?? options.db.map { String(cString: $0) } ?? ""
    // The library uses a socket only for localhost (or when told to); a socket named for TCP is unused.
    if url.socket == nil && host != "localhost" { socket = nil }
  }

  var description: String {
    let place = socket.map { "socket \($0)" } ?? "\(host) port \(port)"
    return "\(scheme) \(place) database \"\(database)\""
  }

  /// Client error numbers that mean the connection is gone (2006 gone away, 2013 lost, 2055 lost
  /// with a system error), and the server's 1927 "Connection was killed" and 1053 "shutdown in progress".
  static let lostConnection: Set<UInt32> = [2006, 2013, 2055, 1927, 1053]

  /// The library's message on one line, a system error number given its text:
  /// `Can't connect to local server through socket '/x' (2 "No such file or directory")`,
  /// `Lost connection … system error: 110 ("Connection timed out")`.
  static func reason(_ handle: UnsafeMutablePointer<MYSQL>) -> String {
    let lines = String(cString: mysql_error(handle)).split(whereSeparator: \.isNewline)
    let text = lines.map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: "; ")
    let code = mysql_errno(handle)
    guard !text.isEmpty else { return "unknown error \(code)" }
    if let marker = text.range(of: "system error: "), let number = Int32(text[marker.upperBound...]), number > 0 {
      return text + " (\"\(String(cString: strerror(number)))\")"
    }
    guard code == 2002 || code == 2003, text.hasSuffix(")"), let open = text.lastIndex(of: "("),
      let number = Int32(text[text.index(after: open)..<text.index(before: text.endIndex)]), number > 0
    else { return text }
    // A TCP connect that fails is reported with the errno of the non-blocking connect that
    // started it, EINPROGRESS, whose text ("Operation now in progress") would mislead.
    let meaning = number == EINPROGRESS ? "refused or unreachable" : String(cString: strerror(number))
    return String(text[..<open]) + "(\(number) \"\(meaning)\")"
  }
}

/// The passwords a connection may know (from the URL, percent-escaped or not, and from an option
/// file), so that no message can repeat them.
///
/// The client library's messages do not include passwords, but a server's or a proxy's might;
/// every text erdviz prints about a MySQL source passes through `scrub` first.
struct MySQLSecrets {
  private var secrets: [String] = []

  init(_ url: MySQLURL) {
    add(url.password)
    add(url.rawPassword)
  }

  mutating func add(_ secret: String?) {
    guard let secret, !secret.isEmpty, !secrets.contains(secret) else { return }
    secrets.append(secret)
  }

  func scrub(_ text: String) -> String {
    var out = text
    for secret in secrets.sorted(by: { $0.count > $1.count }) {
      out = out.replacingOccurrences(of: secret, with: "********")
    }
    return out
  }
}
