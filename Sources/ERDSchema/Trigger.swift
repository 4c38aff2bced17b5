/// A trigger on a table, kept as its definition text plus what can be read off it.
public struct Trigger: Hashable, Sendable {
  public var name: String
  /// `BEFORE`, `AFTER` or `INSTEAD OF`.
  public var timing: String?
  /// `INSERT`, `UPDATE`, `DELETE`, `TRUNCATE`.
  public var events: [String]
  public var definition: String?
  public var comment: String?
  /// The function it executes (`EXECUTE FUNCTION audit.log_change()`), when the source says.
  public var routine: QualifiedName?

  public init(
    name: String, timing: String? = nil, events: [String] = [], definition: String? = nil,
    comment: String? = nil, routine: QualifiedName? = nil
  ) {
    self.name = name
    self.timing = timing
    self.events = events
    self.definition = definition
    self.comment = comment
    self.routine = routine
  }
}
