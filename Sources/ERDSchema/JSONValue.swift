/// A JSON document whose objects keep their key order, so that output is byte-for-byte stable.
///
/// Foundation's `JSONEncoder` orders keys differently from run to run on Linux unless told to sort
/// them, and sorted keys put `name` after `columns`; this small tree keeps the order we write.
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  /// An array whose items are made as they are written (the tables of a large catalog).
  case items(JSONItems)
  case object([Member])

  /// One key and value of an object.
  public struct Member: Hashable, Sendable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var intValue: Int? {
    switch self {
    case .int(let i): return i
    case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
    default: return nil
    }
  }

  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    switch self {
    case .array(let a): return a
    case .items(let items): return items.values
    default: return nil
    }
  }
}

/// Builds an object while leaving out what carries no information (nil, false, empty lists).
public struct JSONObjectBuilder {
  public private(set) var members: [JSONValue.Member] = []

  public init() {}

  public mutating func set(_ key: String, _ value: JSONValue) {
    members.append(.init(key, value))
  }

  public mutating func set(_ key: String, _ value: String?) {
    if let value { set(key, .string(value)) }
  }

  public mutating func set(_ key: String, _ value: Int?) {
    if let value { set(key, .int(value)) }
  }

  /// Writes `true` only; `false` is the default a reader assumes.
  public mutating func flag(_ key: String, _ value: Bool) {
    if value { set(key, .bool(true)) }
  }

  public mutating func set(_ key: String, strings: [String]) {
    if !strings.isEmpty { set(key, .array(strings.map(JSONValue.string))) }
  }

  public mutating func set(_ key: String, _ values: [JSONValue]) {
    if !values.isEmpty { set(key, .array(values)) }
  }

  public var value: JSONValue { .object(members) }
}
