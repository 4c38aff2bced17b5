import CLibPQ
import Foundation

/// The password a connection string carries, so that no message can repeat it.
///
/// libpq's messages do not include passwords, but a server's or a proxy's might; every text
/// erdviz prints about a PostgreSQL source passes through `scrub` first.
struct PGSecrets {
  private var secrets: [String] = []

  init(conninfo: String) {
    var error: UnsafeMutablePointer<CChar>?
    if let options = PQconninfoParse(conninfo, &error) {
      var option = options
      while let keyword = option.pointee.keyword {
        if String(cString: keyword) == "password", let value = option.pointee.val {
          add(String(cString: value))
        }
        option += 1
      }
      PQconninfoFree(options)
    }
    if let error { PQfreemem(error) }
    // A URL that libpq could not parse may still hold `user:password@`; the userinfo ends at the
    // last `@` of the authority, since an unencoded password may itself contain `@`.
    if let scheme = conninfo.range(of: "://") {
      let rest = conninfo[scheme.upperBound...]
      let authority = rest[..<(rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex)]
      if let at = authority.lastIndex(of: "@") {
        let userinfo = authority[..<at]
        if let colon = userinfo.firstIndex(of: ":") { add(String(userinfo[userinfo.index(after: colon)...])) }
      }
    }
  }

  private mutating func add(_ secret: String) {
    guard secret.count >= 1 else { return }
    secrets.append(secret)
    if let decoded = secret.removingPercentEncoding, decoded != secret { secrets.append(decoded) }
  }

  func scrub(_ text: String) -> String {
    var out = text
    for secret in secrets.sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
      out = out.replacingOccurrences(of: secret, with: "********")
    }
    return out
  }
}
