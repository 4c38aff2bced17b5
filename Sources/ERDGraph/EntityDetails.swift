import ERDSchema

/// The short texts a diagram shows beside columns and under tables: how a column gets its value,
/// and the table's indexes, checks, exclusions, triggers and partitions.
enum EntityDetails {
  static func annotation(for column: Column) -> String? {
    if let generated = column.generated { return generated.stored ? "generated (stored)" : "generated" }
    switch column.identity {
    case .always: return "identity"
    case .byDefault: return "identity by default"
    case .serial: return "serial"
    case .autoIncrement: return "auto-increment"
    case nil: break
    }
    guard let value = column.defaultValue, !value.isEmpty else { return nil }
    return "= " + clip(value, 28)
  }

  static func lines(for table: Table, _ level: DetailLines = .all) -> [String] {
    guard level != .none else { return [] }
    var lines: [String] = []
    if let key = table.partitionKey { lines.append("partitioned by \(key)") }
    if !table.partitions.isEmpty {
      let names = table.partitions.map(\.name)
      lines.append("\(names.count) partition\(names.count == 1 ? "" : "s"): " + clip(names.joined(separator: ", "), 60))
    }
    for unique in table.uniqueConstraints where unique.columns.count > 1 {
      lines.append(withComment("unique (\(unique.columns.joined(separator: ", ")))", unique.comment))
    }
    for index in table.indexes where level == .all || index.unique {
      lines.append(withComment(describe(index), index.comment))
    }
    for check in table.checks {
      lines.append(withComment("check " + named(check.name, clip(check.expression, 48)), check.comment))
    }
    for exclusion in table.exclusions {
      var definition = Substring(exclusion.definition)
      if definition.hasPrefix("EXCLUDE ") { definition = definition.dropFirst("EXCLUDE ".count) }
      lines.append(withComment("exclude " + named(exclusion.name, clip(String(definition), 48)), exclusion.comment))
    }
    for trigger in table.triggers where level == .all {
      let when = ([trigger.timing].compactMap { $0 } + [trigger.events.joined(separator: " OR ")])
        .filter { !$0.isEmpty }.joined(separator: " ")
      lines.append(
        withComment("trigger " + (when.isEmpty ? trigger.name : "\(trigger.name): \(when)"), trigger.comment))
    }
    return lines
  }

  static func lines(for view: View, _ level: DetailLines = .all) -> [String] {
    view.indexes.filter { level == .all || (level == .keys && $0.unique) }.map { withComment(describe($0), $0.comment) }
  }

  private static func describe(_ index: Index) -> String {
    let keys = index.keys.map { key -> String in
      switch key {
      case .column(let c): return c
      case .expression(let e): return e
      }
    }.joined(separator: ", ")
    var text = (index.unique ? "unique index " : "index ") + "\(index.name) (\(clip(keys, 40)))"
    if let method = index.method { text += " using \(method)" }
    if let predicate = index.predicate { text += " where " + clip(predicate, 32) }
    return text
  }

  private static func named(_ name: String?, _ text: String) -> String {
    guard let name else { return text }
    return "\(name): \(text)"
  }

  private static func withComment(_ text: String, _ comment: String?) -> String {
    guard let comment, !comment.isEmpty else { return text }
    return "\(text) — \(clip(comment, 40))"
  }

  /// One line, at most `limit` characters.
  static func clip(_ s: String, _ limit: Int) -> String {
    let oneLine = s.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(while: \.isWhitespace) }
      .joined(separator: " ")
    return oneLine.count <= limit ? oneLine : String(oneLine.prefix(limit - 1)) + "…"
  }
}
