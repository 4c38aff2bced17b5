/// An enumerated type (`CREATE TYPE … AS ENUM`), its labels in their declared order.
public struct EnumType: Hashable, Sendable {
  public var name: String
  public var values: [String]
  public var comment: String?

  public init(name: String, values: [String], comment: String? = nil) {
    self.name = name
    self.values = values
    self.comment = comment
  }
}

/// A domain: a named base type with its own nullability, default and checks.
public struct Domain: Hashable, Sendable {
  public var name: String
  public var baseType: String
  public var nullable: Bool
  public var defaultValue: String?
  public var checks: [CheckConstraint]
  public var comment: String?

  public init(
    name: String, baseType: String, nullable: Bool = true, defaultValue: String? = nil,
    checks: [CheckConstraint] = [], comment: String? = nil
  ) {
    self.name = name
    self.baseType = baseType
    self.nullable = nullable
    self.defaultValue = defaultValue
    self.checks = checks
    self.comment = comment
  }
}

/// Where a definition came from in provider output: a source file and line.
public struct SourceLocation: Hashable, Sendable {
  public var file: String
  public var line: Int?

  public init(file: String, line: Int? = nil) {
    self.file = file
    self.line = line
  }
}
