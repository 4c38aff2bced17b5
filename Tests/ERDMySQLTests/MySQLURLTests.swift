import ERDInspect
import Testing

@testable import ERDMySQL

/// URL parsing needs no server: every part, percent-decoding, and the errors that never show the password.
@Suite struct MySQLURLTests {
  struct Parts: Equatable, CustomStringConvertible {
    var user, password, host: String?
    var port: Int?
    var database, socket: String?
    var description: String {
      "\(user ?? "-") \(password ?? "-") \(host ?? "-") \(port ?? 0) \(database ?? "-") \(socket ?? "-")"
    }
  }

  static func parts(_ url: MySQLURL) -> Parts {
    Parts(
      user: url.user, password: url.password, host: url.host, port: url.port, database: url.database, socket: url.socket
    )
  }

  @Test(arguments: [
    ("mysql://reader@db.internal:3307/app", Parts(user: "reader", host: "db.internal", port: 3307, database: "app")),
    ("mariadb://u:p%40ss%3A%2F@h/d", Parts(user: "u", password: "p@ss:/", host: "h", database: "d")),
    ("mysql://u:p@ss@h/d", Parts(user: "u", password: "p@ss", host: "h", database: "d")),  // the last @ ends it
    ("mysql://[::1]:3306/d", Parts(host: "::1", port: 3306, database: "d")),
    ("mysql:///d?socket=%2Frun%2Fmysqld%2Fmysqld.sock", Parts(database: "d", socket: "/run/mysqld/mysqld.sock")),
    ("mysql://h", Parts(host: "h")),
    ("mysql://h/my%20db#fragment", Parts(host: "h", database: "my db")),
  ])
  func readsEveryPart(text: String, expected: Parts) throws {
    #expect(Self.parts(try MySQLURL(text)) == expected)
  }

  @Test func readsTheParameters() throws {
    let url = try MySQLURL("MySQL://h/d?ssl_mode=verify-ca&option-file=%2Fetc%2Fapp.cnf&connect-timeout=3")
    #expect(url.scheme == "mysql")
    #expect(url.sslMode == .verifyCA)
    #expect(url.optionFile == "/etc/app.cnf")
    #expect(url.connectTimeout == 3)
  }

  @Test(arguments: [
    ("mysql://u:secret%zz@h/d", "the password has a bad percent-escape"),
    ("mysql://u:secret@h:99999/d", "the port '99999' is not a number from 1 to 65535"),
    ("mysql://u:secret@h/d?ssl-mode=maybe", "unknown ssl-mode 'maybe'"),
    ("mysql://u:secret@h/d?password=secret", "unknown parameter 'password'"),
  ])
  func badURLsAreUsageErrorsWithoutThePassword(text: String, message: String) {
    #expect {
      _ = try MySQLURL(text)
    } throws: { error in
      guard case .usage(let reason) = error as? InspectError else { return false }
      return reason.contains(message) && !reason.contains("secret")
    }
  }
}
