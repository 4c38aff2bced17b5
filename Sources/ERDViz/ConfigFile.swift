import ERDGraph
import ERDInspect
import ERDLint
import Foundation
import Yams

/// `erdviz.yml`: the diagrams a docs build writes, each with its source, the options the CLI
/// takes, and its outputs. `erdviz generate` writes them all; `erdviz generate --check` fails
/// when one is stale. Read with Yams; an unknown key or a wrong type is an error at its line.
///
/// ```yaml
/// diagrams:
///   - source: shop.db
///     include: ["order*"]
///     outputs: [docs/orders.svg, docs/orders.md]
/// ```
public struct ConfigFile: Sendable {
  /// The name `generate` and `init` look for in the current folder.
  public static let defaultName = "erdviz.yml"
  public var path: String
  public var diagrams: [ConfiguredDiagram]

  /// Reads and checks a config file. Paths in it are as written: relative to its folder, which
  /// `generate` runs in.
  public static func load(_ path: String, environment: [String: String]) throws(ConfigError) -> ConfigFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(file: path, line: 1, column: 1, message: "cannot read the config file (no such file?)")
    }
    return try parse(String(decoding: data, as: UTF8.self), file: path, environment: environment)
  }

  public static func parse(
    _ text: String, file: String, environment: [String: String]
  ) throws(ConfigError) -> ConfigFile {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw ConfigError(file: file, line: 1, column: 1, message: "the config file is empty: it needs 'diagrams'")
      }
      root = node
    } catch let error as ConfigError {
      throw error
    } catch {
      throw syntaxError(error, file: file)
    }
    var top = try ConfigNode(node: root, file: file, what: "the config file").mapping()
    try top.expect(["version", "diagrams"])
    if let version = top.optional("version"), try version.int() != 1 {
      throw version.error("'version' must be 1, the only version this erdviz reads")
    }
    let items = try top.required("diagrams").list()
    try top.finish()
    guard !items.isEmpty else {
      throw ConfigNode(node: root, file: file, what: "").error("'diagrams' lists no diagram")
    }
    var diagrams: [ConfiguredDiagram] = []
    for item in items {
      let node = ConfigNode(node: item.node, file: file, what: "a diagram")
      diagrams.append(try ConfiguredDiagram(node, environment: environment))
    }
    return ConfigFile(path: file, diagrams: diagrams)
  }

  /// Yams's syntax errors at their line and column.
  private static func syntaxError(_ error: any Error, file: String) -> ConfigError {
    guard let yaml = error as? YamlError else {
      return ConfigError(file: file, line: 1, column: 1, message: "not YAML")
    }
    switch yaml {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ConfigError(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return ConfigError(
        file: file, line: context.mark.line, column: context.mark.column,
        message: "key given twice: \(duplicates.joined(separator: ", "))")
    default:
      return ConfigError(file: file, line: 1, column: 1, message: "YAML: \(yaml.description)")
    }
  }
}

/// One diagram of a config file: what `erdviz inspect` would be asked on the command line.
public struct ConfiguredDiagram: Sendable {
  public var name: String?
  public var source: Source
  public var inspect: InspectOptions
  public var diagram: DiagramOptions
  public var outputs: [OutputTarget]
  /// Where in the file it is, for messages.
  public var line: Int
  /// Where each declared relation is, by its index.
  public var relationOrigins: [ConfigError] = []
  /// The lint rules whose findings the Markdown and HTML outputs show (`lint: true` or a list).
  public var lint: [LintRule]?

  /// Every key a diagram takes.
  static let keys = [
    "name", "source", "exec", "exec-timeout", "dialect", "strict", "schemas", "connect-timeout", "lock-timeout",
    "statement-timeout", "include",
    "exclude", "focus", "depth", "columns", "direction", "title", "views", "partitions", "infer", "relations", "lint",
    "group-by", "split", "details", "view-edges", "as-role", "outputs",
  ]

  init(_ node: ConfigNode, environment: [String: String]) throws(ConfigError) {
    var keys = try node.mapping()
    try keys.expect(Self.keys)
    line = node.node.mark?.line ?? 1
    name = try keys.optional("name")?.string()
    source = try ConfigReading.source(&keys, in: node, environment: environment)
    inspect = try ConfigReading.inspectOptions(&keys)
    diagram = try ConfigReading.diagramOptions(&keys)
    diagram.inferRelations = try keys.optional("infer")?.bool() ?? false
    (diagram.relations, relationOrigins) = try ConfigReading.relations(keys.optional("relations"))
    lint = try ConfigReading.lintRules(keys.optional("lint"))
    outputs = try ConfigReading.outputs(try keys.required("outputs"))
    try keys.finish()
  }

  /// The request `generate` carries out for this diagram.
  public func request(delivery: Delivery, log: Log) -> Request {
    var request = Request(
      source: source, outputs: outputs, inspect: inspect, diagram: diagram, delivery: delivery, log: log)
    request.relationOrigins = relationOrigins
    request.lint = lint
    return request
  }
}
