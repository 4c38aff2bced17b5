/// A config file that erdviz cannot use, with the line and column of the offending text.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `erdviz.yml:4:5: unknown key 'ouputs' (expected one of: …)`.
  public var description: String { "\(file):\(line):\(column): \(message)" }
}
