import ERDGraph
import ERDGraphviz
import ERDInspect
import ERDRender

/// Why a run failed, by the stage that failed; each case's message names the object and never
/// carries a password.
public enum RunError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The source could not be read (missing, unreadable, invalid, unavailable).
  case inspect(InspectError)
  /// An output could not be rendered.
  case render(RenderError)
  /// An output could not be written.
  case output(OutputError)
  /// The request itself is wrong (an output whose format cannot be told, say).
  case usage(String)
  /// Declared relations that name a table or column the schema lacks, by their place in the list.
  case relations([DeclaredRelationProblem])
  /// `--check` found outputs stale; what it found has been reported.
  case stale
  /// The config file is wrong: unknown key, wrong type, bad YAML.
  case config(ConfigError)

  public var description: String {
    switch self {
    case .inspect(let error): return error.description
    case .render(let error): return error.description
    case .output(let error): return error.description
    case .usage(let message): return message
    case .relations(let problems): return problems.map(\.description).joined(separator: "; ")
    case .stale: return "outputs are stale (run without --check to write them)"
    case .config(let error): return error.description
    }
  }

  /// The documented exit status for this failure.
  public var exitStatus: ExitStatus {
    switch self {
    case .inspect(let error): return ExitStatus(error)
    case .render(.graphviz(.unavailable)): return .unavailable
    case .render: return .software
    case .output: return .cannotCreate
    case .usage, .relations: return .usage
    case .stale: return .stale
    case .config: return .config
    }
  }
}

/// The documented exit codes (BSD sysexits), one per kind of failure.
public enum ExitStatus: Int32, CaseIterable, Sendable {
  case ok = 0
  /// `--check` found an output stale or missing; `lint` a finding at or above `--fail-on`.
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
  /// The config file (`erdviz.yml`) is wrong.
  case config = 78

  init(_ error: InspectError) {
    switch error {
    case .inputMissing, .inputUnreadable: self = .noInput
    case .invalidInput: self = .dataError
    case .unavailable: self = .unavailable
    case .usage: self = .usage
    }
  }

  /// One line per status, for `--help` and the README.
  public static let summary = """
    0 success; 1 --check found an output stale or missing (lint: a finding); 64 usage error; 65 invalid input (bad DDL, JSON or \
    database file); 66 input missing or unreadable; 69 database or program unavailable; 70 internal \
    error; 73 cannot write an output file; 78 invalid config file
    """
}

/// An output that could not be written.
public enum OutputError: Error, Hashable, Sendable, CustomStringConvertible {
  case cannotWrite(String, reason: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
    }
  }
}
