/// The name of a table, view or type together with the schema that holds it.
///
/// Tables refer to each other by `QualifiedName`, never by object, so the model stays a value.
public struct QualifiedName: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var schema: String
  public var name: String

  public init(schema: String, name: String) {
    self.schema = schema
    self.name = name
  }

  /// `schema.name`, the form used in messages, globs and deep links.
  public var description: String { schema.isEmpty ? name : "\(schema).\(name)" }

  public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
    (lhs.schema, lhs.name) < (rhs.schema, rhs.name)
  }
}
