import ERDInspect
import ERDSchema

/// Reading the text PostgreSQL returns into model values.
extension PostgresCatalogReader {
  /// A JSON array of strings, as the queries build them with `to_json(array(…))`.
  static func stringArray(_ text: String?) -> [String] {
    guard let text, let json = try? JSONParser.parse(text), let items = json.arrayValue else { return [] }
    return items.compactMap(\.stringValue)
  }

  /// `[["name", "CHECK (…)"], …]`.
  static func pairs(_ text: String?) -> [(String, String)] {
    guard let text, let json = try? JSONParser.parse(text), let items = json.arrayValue else { return [] }
    return items.compactMap { item in
      guard let pair = item.arrayValue, pair.count == 2, let a = pair[0].stringValue, let b = pair[1].stringValue
      else { return nil }
      return (a, b)
    }
  }

  /// `pg_constraint.confupdtype`/`confdeltype` codes.
  static func action(_ code: String?) -> ReferentialAction {
    switch code {
    case "r": return .restrict
    case "c": return .cascade
    case "n": return .setNull
    case "d": return .setDefault
    default: return .noAction
    }
  }

  static func match(_ code: String?) -> String? {
    switch code {
    case "f": return "FULL"
    case "p": return "PARTIAL"
    default: return nil
    }
  }

  /// `CHECK ((price > 0)) NOT VALID` → `(price > 0)`: the expression inside `CHECK (…)`.
  static func checkExpression(_ definition: String) -> String {
    var text = Substring(definition)
    if text.hasSuffix(" NOT VALID") { text = text.dropLast(" NOT VALID".count) }
    if text.hasSuffix(" NO INHERIT") { text = text.dropLast(" NO INHERIT".count) }
    guard text.hasPrefix("CHECK ("), text.hasSuffix(")") else { return definition }
    return withoutOuterParentheses(String(text.dropFirst("CHECK (".count).dropLast()))
  }

  /// `(a > 0)` → `a > 0`, but `(a) OR (b)` stays: only one pair that wraps the whole text goes.
  static func withoutOuterParentheses(_ text: String) -> String {
    guard text.hasPrefix("("), text.hasSuffix(")") else { return text }
    var depth = 0
    var inString = false
    for (i, c) in text.enumerated() {
      if c == "'" { inString.toggle() }
      if inString { continue }
      if c == "(" { depth += 1 }
      if c == ")" {
        depth -= 1
        if depth == 0 && i < text.count - 1 { return text }
      }
    }
    return String(text.dropFirst().dropLast())
  }

  /// `pg_get_viewdef` starts with a space and ends with `;`.
  static func trimmedQuery(_ text: String) -> String {
    var t = text.trimmingSpaces()
    if t.hasSuffix(";") { t.removeLast() }
    return t
  }
}
