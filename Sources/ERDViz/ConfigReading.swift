import ERDGraph
import ERDInspect
import ERDLint
import Foundation

/// The keys of a diagram in `erdviz.yml`, read into the same options the CLI builds.
enum ConfigReading {
  /// `source: PATH-OR-URL` (with `$NAME` and `${NAME}` from the environment, `-` for stdin) or
  /// `exec: [program, arguments…]` with an optional `exec-timeout`.
  static func source(
    _ keys: inout ConfigMapping, in node: ConfigNode, environment: [String: String]
  ) throws(ConfigError) -> Source {
    let given = keys.optional("source")
    let exec = keys.optional("exec")
    let timeout = try keys.optional("exec-timeout")?.double() ?? ProgramCommand.defaultTimeout
    switch (given, exec) {
    case (let given?, nil):
      let text = expand(try given.string(), environment: environment)
      do {
        return try Source.resolve(text, stdinIsTerminal: false, environment: environment)
      } catch {
        throw given.error(error.description)
      }
    case (nil, let exec?):
      let arguments = try exec.strings()
      guard !arguments.isEmpty, !(arguments.first ?? "").isEmpty else { throw exec.error("'exec' names no program") }
      return .program(ProgramCommand(arguments: arguments, timeout: timeout))
    case (.some, .some): throw node.error("a diagram takes 'source' or 'exec', not both")
    case (nil, nil): throw node.error("a diagram needs 'source' (a database URL or a file) or 'exec' (a program)")
    }
  }

  static func inspectOptions(_ keys: inout ConfigMapping) throws(ConfigError) -> InspectOptions {
    var options = InspectOptions()
    options.schemas = try keys.optional("schemas")?.strings() ?? []
    options.connectTimeout = try keys.optional("connect-timeout")?.int()
    if let dialect = keys.optional("dialect") {
      options.dialect = try dialect.choice(Dialect.init(name:), expected: Dialect.allCases.map(\.rawValue))
    }
    options.strict = try keys.optional("strict")?.bool() ?? false
    options.lockTimeout = try keys.optional("lock-timeout")?.double()
    options.statementTimeout = try keys.optional("statement-timeout")?.double()
    options.workingDirectory = FileManager.default.currentDirectoryPath
    return options
  }

  static func diagramOptions(_ keys: inout ConfigMapping) throws(ConfigError) -> DiagramOptions {
    var options = DiagramOptions()
    options.filter = NameFilter(
      include: try keys.optional("include")?.strings() ?? [], exclude: try keys.optional("exclude")?.strings() ?? [])
    options.focus = try keys.optional("focus")?.strings() ?? []
    if let depth = keys.optional("depth") {
      options.depth = try depth.int()
      if options.depth < 0 { throw depth.error("'depth' must be 0 or more") }
    }
    if let columns = keys.optional("columns") {
      options.detail = try columns.choice(ColumnDetail.init(rawValue:), expected: ColumnDetail.allCases.map(\.rawValue))
    } else {
      options.adaptsToSize = true
    }
    if let direction = keys.optional("direction") {
      let names = Direction.allCases.map(\.rawValue)
      options.direction = try direction.choice({ Direction(rawValue: $0.uppercased()) }, expected: names)
    }
    options.title = try keys.optional("title")?.string()
    options.includeViews = try keys.optional("views")?.bool() ?? true
    options.asRole = try keys.optional("as-role")?.string()
    if let partitions = keys.optional("partitions") {
      options.foldPartitions = try partitions.choice(
        { ["fold": true, "show": false][$0] }, expected: ["fold", "show"])
    }
    try sizeOptions(&keys, into: &options)
    return options
  }

  /// `group-by`, `split`, `details` and `view-edges`: the keys for big schemas.
  static func sizeOptions(_ keys: inout ConfigMapping, into options: inout DiagramOptions) throws(ConfigError) {
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(ConfigError) -> T?
    where T.RawValue == String {
      guard let node = keys.optional(key) else { return nil }
      return try node.choice(T.init(rawValue:), expected: T.allCases.map(\.rawValue))
    }
    options.groupBy = try choice("group-by", GroupBy.self)
    options.split = try choice("split", SplitBy.self)
    options.details = try choice("details", DetailLines.self) ?? options.details
    options.viewEdges = try choice("view-edges", ViewEdges.self) ?? options.viewEdges
  }

  /// `relations:`: each `{table, columns, parent, parent-columns, label}`, as tbls's virtual
  /// relations; where each is, for errors once the schema is read.
  static func relations(_ node: ConfigNode?) throws(ConfigError) -> ([DeclaredRelation], [ConfigError]) {
    guard let node else { return ([], []) }
    var relations: [DeclaredRelation] = []
    var origins: [ConfigError] = []
    for item in try node.list() {
      var keys = try ConfigNode(node: item.node, file: item.file, what: "a relation").mapping()
      try keys.expect(["table", "columns", "parent", "parent-columns", "label"])
      relations.append(
        DeclaredRelation(
          table: try keys.required("table").string(), columns: try keys.required("columns").strings(),
          parentTable: try keys.required("parent").string(),
          parentColumns: try keys.optional("parent-columns")?.strings() ?? [],
          label: try keys.optional("label")?.string()))
      try keys.finish()
      origins.append(item.error(""))
    }
    return (relations, origins)
  }

  /// `lint: true` (every rule), `false`, or a list of rule names.
  static func lintRules(_ node: ConfigNode?) throws(ConfigError) -> [LintRule]? {
    guard let node else { return nil }
    if let flag = try? node.bool() { return flag ? LintRule.allCases : nil }
    var rules: [LintRule] = []
    for item in try node.list() {
      rules.append(try item.choice(LintRule.init(rawValue:), expected: LintRule.allCases.map(\.rawValue)))
    }
    return rules
  }

  /// `outputs: [file, folder/, …]`: each by its extension, a path ending in `/` a folder of pages.
  static func outputs(_ node: ConfigNode) throws(ConfigError) -> [OutputTarget] {
    let files = try node.strings()
    guard !files.isEmpty else { throw node.error("'outputs' lists no file") }
    for file in files where file == "-" {
      throw node.error("'outputs' are files: '-' (stdout) has no place in a docs build")
    }
    do {
      return try OutputTarget.resolve(files: files, format: nil, stdoutIsTerminal: false)
    } catch {
      throw node.error(error.description)
    }
  }

  /// `$NAME` and `${NAME}` replaced by the environment's values (empty when unset).
  static func expand(_ text: String, environment: [String: String]) -> String {
    var out = ""
    var rest = Substring(text)
    while let dollar = rest.firstIndex(of: "$") {
      out += rest[..<dollar]
      var after = rest[rest.index(after: dollar)...]
      let braced = after.first == "{"
      if braced { after = after.dropFirst() }
      let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      guard !name.isEmpty, !braced || after.dropFirst(name.count).first == "}" else {
        out += "$"
        rest = rest[rest.index(after: dollar)...]
        continue
      }
      out += environment[String(name)] ?? ""
      rest = after.dropFirst(name.count + (braced ? 1 : 0))
    }
    return out + rest
  }
}
