/// Names, strings and expressions written the way DBML parsers (dbdiagram's @dbml/core, pydbml)
/// read them back.
enum DBMLText {
  /// Words both parsers treat as keywords somewhere; quoted to keep them names.
  private static let keywords: Set<String> = [
    "table", "ref", "enum", "project", "tablegroup", "note", "indexes", "as", "pk", "unique", "null", "not",
    "increment", "default", "true", "false", "headercolor", "primary", "key",
  ]

  /// A name, quoted unless it is a plain word. DBML has no escape inside quoted names: `"` and
  /// line breaks cannot be written, so they become `＂` and a space (`representable` tells).
  static func name(_ s: String) -> String {
    let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { isWordScalar($0) } && !keywords.contains(s.lowercased())
    if plain { return s }
    return "\"" + representable(s) + "\""
  }

  /// Whether a name can be listed in a `TableGroup`.
  static func canListInGroup(_ s: String) -> Bool { !s.contains(where: { $0 == "." || $0 == "{" || $0 == "}" }) }

  /// The name as DBML can hold it: parsers trim white space at a quoted name's ends, so a
  /// zero-width space (which is not white space) goes outside such spaces to keep them.
  static func representable(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "＂"
      case "\n", "\r", "\u{2028}", "\u{2029}": out += " "
      default: out.unicodeScalars.append(c.value < 0x20 || c.value == 0x7F ? " " : c)
      }
    }
    if out.first?.isWhitespace == true { out = "\u{200B}" + out }
    if out.last?.isWhitespace == true { out += "\u{200B}" }
    return out.isEmpty ? " " : out
  }

  static func canRepresent(_ s: String) -> Bool { representable(s) == s && !s.isEmpty }

  /// A string literal. Single quotes with `\'` read the same in both parsers; a backslash or a line
  /// break needs the triple-quoted form, where both read `\\` as one backslash.
  static func string(_ s: String) -> String {
    if !s.contains("\\") && !s.contains(where: \.isNewline) {
      return "'" + s.replacingOccurrences(of: "'", with: "\\'") + "'"
    }
    var body = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    body = body.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    return "'''" + body + "'''"
  }

  /// A column type: a word, a word with simple arguments (`numeric(10,2)`), an array
  /// (`int[]`), or the whole text quoted.
  static func type(_ s: String) -> String {
    if s.isEmpty { return "\"(no type)\"" }
    let scalars = Array(s.unicodeScalars)
    let word = scalars.prefix { isWordScalar($0) }
    let rest = scalars.dropFirst(word.count)
    if !word.isEmpty {
      if rest.isEmpty || String(String.UnicodeScalarView(rest)) == "[]" { return s }
      if rest.first == "(", rest.last == ")" {
        let inner = rest.dropFirst().dropLast()
        let allowed = inner.allSatisfy { isWordScalar($0) || " ,.+-'".unicodeScalars.contains($0) }
        if allowed && !inner.isEmpty { return s }
      }
    }
    return "\"" + representable(s) + "\""
  }

  /// A default value: numbers, booleans and null bare, SQL strings as DBML strings, anything else
  /// as a backtick expression (or, holding a backtick, as a string of its text).
  static func defaultValue(_ sql: String) -> String {
    let s = sql.trimmingCharacters(in: " \t\n")
    if isNumber(s) { return s }
    if ["true", "false", "null"].contains(s.lowercased()) { return s.lowercased() }
    if let text = sqlString(s) { return string(text) }
    if s.contains("`") || s.contains(where: \.isNewline) { return string(s) }
    return "`" + s + "`"
  }

  /// An index key expression, or nil when DBML cannot hold it (it has a backtick).
  static func expression(_ s: String) -> String? {
    s.contains("`") ? nil : "`" + s.replacingOccurrences(of: "\n", with: " ") + "`"
  }

  private static func isNumber(_ s: String) -> Bool {
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count) else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }

  /// The text of a single SQL string literal (`'it''s'` → `it's`), or nil.
  private static func sqlString(_ s: String) -> String? {
    guard s.count >= 2, s.first == "'", s.last == "'" else { return nil }
    let inner = s.dropFirst().dropLast()
    var out = ""
    var quote = false
    for c in inner {
      if quote {
        guard c == "'" else { return nil }
        out.append("'")
        quote = false
      } else if c == "'" {
        quote = true
      } else {
        out.append(c)
      }
    }
    return quote ? nil : out
  }

  private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_"
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    let drop = Set(set)
    return String(self.drop { drop.contains($0) }.reversed().drop { drop.contains($0) }.reversed())
  }
}
