/// Why a schema could not be read; each case names the source, never a password.
public enum InspectError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file or stdin the user named is not there (`no such file: x.db`).
  case inputMissing(String)
  /// The input exists but cannot be read.
  case inputUnreadable(String, reason: String)
  /// The input was read but is not a schema we understand (bad DDL, bad JSON, not a database).
  case invalidInput(String, reason: String, location: TextLocation? = nil)
  /// A database server or provider program could not be reached or failed.
  case unavailable(String, reason: String)
  /// The request itself is wrong (an unknown URL scheme, no source given).
  case usage(String)

  public var description: String {
    switch self {
    case .inputMissing(let what): return "no such file: \(what)"
    case .inputUnreadable(let what, let reason): return "cannot read \(what): \(reason)"
    case .invalidInput(let what, let reason, let location):
      guard let location else { return "\(what): \(reason)" }
      return "\(what):\(location.line):\(location.column): \(reason)"
    case .unavailable(let what, let reason): return "\(what): \(reason)"
    case .usage(let message): return message
    }
  }
}

/// A 1-based line and column in an input text.
public struct TextLocation: Hashable, Sendable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}
