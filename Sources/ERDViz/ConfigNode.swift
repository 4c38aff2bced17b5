import Yams

/// A YAML node read with its position, so every mistake is reported at its line and column.
///
/// Mappings are read key by key; `finish` fails on any key nobody asked for, naming the keys that
/// are expected, so a typo is never silently ignored.
struct ConfigNode {
  let node: Node
  let file: String
  /// What the node is, for messages: `the diagram`, `'depth'`.
  let what: String

  func error(_ message: String) -> ConfigError {
    ConfigError(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
  }

  /// The mapping's values by key, with the keys in the order written.
  func mapping() throws(ConfigError) -> ConfigMapping {
    guard case .mapping(let mapping) = node else { throw error("\(what) must be a mapping of keys to values") }
    var entries: [(key: ConfigNode, value: ConfigNode)] = []
    for (key, value) in mapping {
      guard let name = key.string else {
        throw ConfigNode(node: key, file: file, what: "a key").error("a key must be text")
      }
      entries.append(
        (ConfigNode(node: key, file: file, what: name), ConfigNode(node: value, file: file, what: "'\(name)'")))
    }
    return ConfigMapping(owner: self, entries: entries)
  }

  func list() throws(ConfigError) -> [ConfigNode] {
    guard case .sequence(let sequence) = node else { throw error("\(what) must be a list") }
    return sequence.map { ConfigNode(node: $0, file: file, what: "an item of \(what)") }
  }

  func string() throws(ConfigError) -> String {
    guard case .scalar(let scalar) = node else { throw error("\(what) must be text") }
    return scalar.string
  }

  /// A list of text, or one text standing for a list of one.
  func strings() throws(ConfigError) -> [String] {
    if case .scalar = node { return [try string()] }
    var out: [String] = []
    for item in try list() { out.append(try item.string()) }
    return out
  }

  func int() throws(ConfigError) -> Int {
    guard case .scalar = node, let value = node.int else { throw error("\(what) must be a whole number") }
    return value
  }

  func double() throws(ConfigError) -> Double {
    guard case .scalar = node, let value = node.float else { throw error("\(what) must be a number") }
    return value
  }

  func bool() throws(ConfigError) -> Bool {
    guard case .scalar = node, let value = node.bool else { throw error("\(what) must be true or false") }
    return value
  }

  /// One of a closed set of words.
  func choice<T>(_ parse: (String) -> T?, expected: [String]) throws(ConfigError) -> T {
    guard let value = parse(try string()) else {
      throw error("\(what) must be one of \(expected.joined(separator: ", ")), not '\((try? string()) ?? "")'")
    }
    return value
  }
}

/// A YAML mapping being read: each key taken once, then `finish` rejects the rest.
struct ConfigMapping {
  let owner: ConfigNode
  let entries: [(key: ConfigNode, value: ConfigNode)]
  private(set) var asked: [String] = []

  init(owner: ConfigNode, entries: [(key: ConfigNode, value: ConfigNode)]) {
    self.owner = owner
    self.entries = entries
  }

  /// The value of `key`, when it is there.
  mutating func optional(_ key: String) -> ConfigNode? {
    asked.append(key)
    return entries.first { $0.key.what == key }?.value
  }

  mutating func required(_ key: String) throws(ConfigError) -> ConfigNode {
    guard let value = optional(key) else { throw owner.error("\(owner.what) needs '\(key)'") }
    return value
  }

  /// Fails on the first key that was not asked for, listing the keys that are expected.
  func finish() throws(ConfigError) { try expect(asked) }

  /// Fails on the first key not in `allowed`, suggesting the nearest one.
  func expect(_ allowed: [String]) throws(ConfigError) {
    for (key, _) in entries where !allowed.contains(key.what) {
      let near = allowed.min { Self.distance($0, key.what) < Self.distance($1, key.what) }
      let hint = near.map { Self.distance($0, key.what) <= 2 ? "did you mean '\($0)'? " : "" } ?? ""
      throw key.error(
        "unknown key '\(key.what)' in \(owner.what) (\(hint)expected one of: \(allowed.joined(separator: ", ")))")
    }
  }

  /// The Levenshtein distance, for suggestions.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
      var previous = row[0]
      row[0] = i
      for j in 1...max(1, b.count) where !b.isEmpty {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return row[b.count]
  }
}
