import ERDGraph
import ERDInspect
import ERDLint
import ERDRender
import Foundation

/// One run of erdviz: where the schema comes from, how to draw it, and where each output goes.
///
/// The CLI and a config file build the same requests; `Pipeline.run` carries them out.
public struct Request: Sendable {
  public var source: Source
  public var inspect: InspectOptions
  public var diagram: DiagramOptions
  public var outputs: [OutputTarget]
  /// Write the outputs, or compare them with the files on disk and write nothing.
  public var delivery: Delivery
  /// Progress (with `--verbose`) and warnings, from every stage.
  public var log: Log
  /// The lint rules whose findings the Markdown and HTML outputs show per table; nil: none.
  public var lint: [LintRule]?
  /// Where each of `diagram.relations` was declared (`erdviz.yml:12:7`), so a relation that does
  /// not fit the schema is reported there; empty when they came from elsewhere.
  public var relationOrigins: [ConfigError] = []

  public init(
    source: Source, outputs: [OutputTarget], inspect: InspectOptions = InspectOptions(),
    diagram: DiagramOptions = DiagramOptions(), delivery: Delivery = .write, log: Log = Log(),
    lint: [LintRule]? = nil
  ) {
    self.source = source
    self.outputs = outputs
    self.inspect = inspect
    self.diagram = diagram
    self.delivery = delivery
    self.log = log
    self.lint = lint
  }
}

/// What becomes of rendered outputs.
public enum Delivery: Hashable, Sendable {
  /// Replace each file atomically, all or none.
  case write
  /// Compare each file with what would be written, and write nothing (`--check`).
  case compare
}

/// Where one rendered output goes.
public enum OutputTarget: Hashable, Sendable {
  case file(String, OutputFormat)
  case standardOutput(OutputFormat)
  /// A folder of Markdown pages, one per table (`-o docs/schema/`).
  case folder(String)

  /// How progress names the target.
  var name: String {
    switch self {
    case .file(let path, _), .folder(let path): return path
    case .standardOutput(let format): return "\(format.rawValue) to stdout"
    }
  }

  /// The format of a single-file output; nil for a folder.
  public var format: OutputFormat? {
    switch self {
    case .file(_, let f), .standardOutput(let f): return f
    case .folder: return nil
    }
  }

  /// The targets for `-o FILE`s and `-f FORMAT`: each file by its extension (`-` is stdout, a
  /// path ending in `/` or naming a folder is a folder of pages), then
  /// stdout when no file was named or a format was asked for without `-`.
  ///
  /// - Parameter stdoutIsTerminal: a binary format on a terminal is refused.
  public static func resolve(
    files: [String], format: String?, stdoutIsTerminal: Bool
  ) throws(RunError) -> [OutputTarget] {
    var stdoutFormat = OutputFormat.mermaid
    if let format {
      guard let named = OutputFormat(name: format) else {
        throw .usage("unknown format '\(format)' (use \(OutputFormat.names))")
      }
      stdoutFormat = named
    }
    var seen: Set<String> = []
    var targets: [OutputTarget] = []
    for path in files where seen.insert(path).inserted {
      targets.append(try target(path, stdoutFormat: stdoutFormat))
    }
    if files.isEmpty || (format != nil && !files.contains("-")) { targets.append(.standardOutput(stdoutFormat)) }
    if !stdoutFormat.isText, stdoutIsTerminal, targets.contains(.standardOutput(stdoutFormat)) {
      throw .usage("refusing to write \(stdoutFormat.rawValue) to a terminal; use -o FILE or redirect stdout")
    }
    return targets
  }

  private static func target(_ path: String, stdoutFormat: OutputFormat) throws(RunError) -> OutputTarget {
    if path == "-" { return .standardOutput(stdoutFormat) }
    var isDirectory: ObjCBool = false
    if path.hasSuffix("/")
      || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
    {
      return .folder(path)
    }
    guard let format = OutputFormat(fileName: path) else {
      throw .usage("cannot tell the format of '\(path)' from its extension (use \(OutputFormat.extensions))")
    }
    return .file(path, format)
  }
}

extension OutputFormat {
  /// `svg, png, pdf, dot, mermaid, json, html, markdown, dbml`, for messages.
  static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// `.svg .png .pdf .dot .gv .mmd .json .html .md .dbml`, for messages.
  static var extensions: String {
    allCases.flatMap { $0.fileExtensions.prefix($0 == .dot ? 2 : 1) }.map { "." + $0 }.joined(separator: " ")
  }
}
