/// Typed access to one JSON object of the catalog form, with the JSON path for error messages.
struct JSONReader {
  let value: JSONValue
  let path: String

  init(_ value: JSONValue, path: String) {
    self.value = value
    self.path = path
  }

  private func field(_ key: String) -> JSONValue? {
    guard let v = value[key], v != .null else { return nil }
    return v
  }

  func missing(_ key: String) -> CatalogDecodingError {
    CatalogDecodingError(path: "\(path).\(key)", message: "is required")
  }

  private func wrongType(_ key: String, _ expected: String) -> CatalogDecodingError {
    CatalogDecodingError(path: "\(path).\(key)", message: "must be \(expected)")
  }

  func string(_ key: String) throws(CatalogDecodingError) -> String? {
    guard let v = field(key) else { return nil }
    guard let s = v.stringValue else { throw wrongType(key, "a string") }
    return s
  }

  func required(_ key: String) throws(CatalogDecodingError) -> String {
    guard let s = try string(key) else { throw missing(key) }
    return s
  }

  func int(_ key: String) throws(CatalogDecodingError) -> Int? {
    guard let v = field(key) else { return nil }
    guard let i = v.intValue else { throw wrongType(key, "an integer") }
    return i
  }

  func bool(_ key: String) throws(CatalogDecodingError) -> Bool? {
    guard let v = field(key) else { return nil }
    guard let b = v.boolValue else { throw wrongType(key, "true or false") }
    return b
  }

  func strings(_ key: String) throws(CatalogDecodingError) -> [String] {
    guard let v = field(key) else { return [] }
    guard let items = v.arrayValue else { throw wrongType(key, "a list of strings") }
    var out: [String] = []
    for item in items {
      guard let s = item.stringValue else { throw wrongType(key, "a list of strings") }
      out.append(s)
    }
    return out
  }

  func enumValue<E: RawRepresentable>(_ key: String, _: E.Type) throws(CatalogDecodingError) -> E?
  where E.RawValue == String {
    guard let raw = try string(key) else { return nil }
    guard let e = E(rawValue: raw) else { throw wrongType(key, "a known value, not \"\(raw)\"") }
    return e
  }

  func action(_ key: String) throws(CatalogDecodingError) -> ReferentialAction {
    guard let raw = try string(key) else { return .noAction }
    guard let action = ReferentialAction(sql: raw) else { throw wrongType(key, "a referential action") }
    return action
  }

  func object<T>(
    _ key: String, _ make: (JSONReader) throws(CatalogDecodingError) -> T
  ) throws(CatalogDecodingError) -> T? {
    guard let v = field(key) else { return nil }
    guard case .object = v else { throw wrongType(key, "an object") }
    return try make(JSONReader(v, path: "\(path).\(key)"))
  }

  func list<T>(
    _ key: String, _ make: (JSONReader) throws(CatalogDecodingError) -> T
  ) throws(CatalogDecodingError) -> [T] {
    guard let v = field(key) else { return [] }
    guard let items = v.arrayValue else { throw wrongType(key, "a list") }
    var out: [T] = []
    out.reserveCapacity(items.count)
    for (i, item) in items.enumerated() {
      guard case .object = item else { throw wrongType("\(key)[\(i)]", "an object") }
      out.append(try make(JSONReader(item, path: "\(path).\(key)[\(i)]")))
    }
    return out
  }

  func columns() throws(CatalogDecodingError) -> [Column] {
    guard let v = field("columns") else { return [] }
    guard let items = v.arrayValue else { throw wrongType("columns", "a list") }
    var out: [Column] = []
    for (i, item) in items.enumerated() {
      guard case .object = item else { throw wrongType("columns[\(i)]", "an object") }
      out.append(try Column(json: JSONReader(item, path: "\(path).columns[\(i)]"), position: i + 1))
    }
    return out
  }
}
