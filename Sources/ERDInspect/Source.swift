import ERDSchema
import Foundation

/// What the user pointed erdviz at, before anything has been read.
public enum Source: Hashable, Sendable {
  /// A PostgreSQL connection string: a `postgres://` URL or a libpq keyword string.
  case postgres(String)
  /// A MySQL or MariaDB server, from a `mysql://` or `mariadb://` URL.
  case mysql(String)
  /// An SQLite database file, from a `sqlite:` URL or a path whose header says so.
  case sqliteFile(String)
  /// A file to be read and sniffed: SQL DDL, an erdviz JSON catalog, or an SQLite image.
  case file(String)
  /// Standard input, sniffed like a file.
  case standardInput
  /// A provider program whose stdout is read like a file (`--exec -- PROGRAM ARGS…`).
  case program(ProgramCommand)

  /// How messages name the source: never a connection string, which may hold a password.
  public var label: String {
    switch self {
    case .postgres: return "the PostgreSQL database"
    case .mysql: return "the MySQL database"
    case .sqliteFile(let path), .file(let path): return path
    case .standardInput: return "stdin"
    case .program(let command): return command.label
    }
  }

  /// Reads a SOURCE argument. With none, stdin when it is piped, else `$DATABASE_URL`.
  public static func resolve(
    _ argument: String?, stdinIsTerminal: Bool, environment: [String: String]
  ) throws(InspectError) -> Source {
    guard let argument, !argument.isEmpty else {
      if !stdinIsTerminal { return .standardInput }
      if let url = environment["DATABASE_URL"], !url.isEmpty {
        return try resolve(url, stdinIsTerminal: true, environment: [:])
      }
      throw .usage("no SOURCE given, stdin is a terminal and $DATABASE_URL is not set (see erdviz inspect --help)")
    }
    if argument == "-" { return .standardInput }
    let lower = argument.lowercased()
    if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") { return .postgres(argument) }
    if lower.hasPrefix("mysql://") || lower.hasPrefix("mariadb://") { return .mysql(argument) }
    if lower.hasPrefix("sqlite:") { return .sqliteFile(sqlitePath(fromURL: argument)) }
    if let scheme = urlScheme(of: argument) {
      throw .usage(
        "unsupported source scheme '\(scheme):' (use postgres://, mysql://, mariadb://, sqlite:, a file or -)")
    }
    if looksLikeKeywordConnectionString(argument) { return .postgres(argument) }
    return .file(argument)
  }

  /// `sqlite:rel.db`, `sqlite:///abs.db`, `sqlite://rel.db` and `sqlite:/abs.db` all name a path.
  static func sqlitePath(fromURL url: String) -> String {
    var rest = String(url.dropFirst("sqlite:".count))
    if rest.hasPrefix("//") { rest.removeFirst(2) }
    if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
    return rest.removingPercentEncoding ?? rest
  }

  private static func urlScheme(of argument: String) -> String? {
    guard let colon = argument.range(of: "://") else { return nil }
    let scheme = argument[..<colon.lowerBound]
    guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" }) else {
      return nil
    }
    return String(scheme)
  }

  /// `host=db dbname=app`, `service=dev`, `host = db dbname = app`: libpq's keyword form, as a
  /// path never is. A string that opens with a libpq keyword and `=` is one (even one libpq will
  /// refuse, which is then reported without being echoed: it may hold a password), and so is one
  /// with a `keyword=` word anywhere.
  static func looksLikeKeywordConnectionString(_ s: String) -> Bool {
    let opening = s.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
    let word = opening.prefix { $0.isLetter || $0 == "_" }
    if libpqKeywords.contains(word.lowercased()), opening.dropFirst(word.count).drop(while: \.isWhitespace).first == "="
    {
      return true
    }
    return s.split(whereSeparator: \.isWhitespace).contains { word in
      guard let eq = word.firstIndex(of: "=") else { return false }
      return libpqKeywords.contains(String(word[..<eq]).lowercased())
    }
  }

  /// libpq's connection keywords (PostgreSQL 16's list).
  static let libpqKeywords: Set<String> = [
    "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
    "client_encoding", "options", "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
    "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode",
    "requiressl", "sslcompression", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl", "sslcrldir",
    "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname", "gsslib",
    "gssdelegation", "service", "target_session_attrs", "load_balance_hosts", "sslcertmode", "require_auth",
  ]
}
