/// An index that is not the implementation of a primary-key or unique constraint.
public struct Index: Hashable, Sendable {
  public var name: String
  public var keys: [IndexKey]
  public var unique: Bool
  /// The `WHERE` clause of a partial index, as SQL text.
  public var predicate: String?
  /// The access method when it is not the default (`gin`, `gist`, `hash`, `FULLTEXT`).
  public var method: String?
  /// The index's full definition as the source printed it, when available.
  public var definition: String?
  public var comment: String?

  public init(
    name: String, keys: [IndexKey], unique: Bool = false, predicate: String? = nil,
    method: String? = nil, definition: String? = nil, comment: String? = nil
  ) {
    self.name = name
    self.keys = keys
    self.unique = unique
    self.predicate = predicate
    self.method = method
    self.definition = definition
    self.comment = comment
  }

  /// The indexed column names when every key is a plain column, else nil.
  public var plainColumns: [String]? {
    var names: [String] = []
    for key in keys {
      guard case .column(let name) = key else { return nil }
      names.append(name)
    }
    return names
  }
}

/// One key of an index: a column, or an expression kept as SQL text.
public enum IndexKey: Hashable, Sendable {
  case column(String)
  case expression(String)
}
