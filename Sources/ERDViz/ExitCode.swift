import ERDGraphviz
import ERDInspect

/// The documented exit codes (BSD sysexits), one per kind of failure.
public enum ExitStatus: Int32, CaseIterable, Sendable {
  case ok = 0
  /// Reserved for a future `--check` that finds a committed diagram stale.
  case stale = 1
  case usage = 64
  /// The input was read but is not a schema we understand.
  case dataError = 65
  /// The input file or stdin is not there.
  case noInput = 66
  /// A database or provider program is unavailable or failed.
  case unavailable = 69
  /// A bug or an unexpected failure inside erdviz or Graphviz.
  case software = 70
  /// An output file could not be written.
  case cannotCreate = 73

  /// The status for an error thrown by the pipeline.
  public init(for error: any Error) {
    switch error {
    case let e as InspectError:
      switch e {
      case .inputMissing, .inputUnreadable: self = .noInput
      case .invalidInput: self = .dataError
      case .unavailable: self = .unavailable
      case .usage: self = .usage
      }
    case is OutputError: self = .cannotCreate
    case let e as GraphvizError:
      if case .unavailable = e { self = .unavailable } else { self = .software }
    default: self = .software
    }
  }

  /// One line per status, for `--help` and the README.
  public static let summary = """
    0 success; 64 usage error; 65 invalid input (bad DDL, JSON or \
    database file); 66 input missing or unreadable; 69 database or program unavailable; 70 internal \
    error; 73 cannot write an output file
    """
}
