/// How SQL text kept in the model (types, expressions) is compared between two catalogs.
///
/// Two sources spell the same thing differently (`VARCHAR(200)` in DDL, `varchar(200)` from the
/// database), so text is compared after a light normalisation; it is always shown as written.
public enum SQLText {
  /// A type's comparison key: lower case, runs of whitespace collapsed, no space around `(`, `,`
  /// and `)`, and the base name spelled as `typeAliases` says.
  public static func typeKey(_ type: String) -> String {
    let text = ascii(type, lowercased: true, compact: true) ?? compact(collapsed(type).lowercased())
    let split = text.firstIndex { $0 == "(" || $0 == "[" } ?? text.endIndex
    let base = String(text[..<split])
    return (typeAliases[base] ?? base) + text[split...]
  }

  /// Short names and their standard spelling, as PostgreSQL's `format_type` prints them and as
  /// MySQL and SQLite accept them. Only names that mean the same in every dialect that knows them:
  /// no `timestamp` (with or without time zone depends on the dialect), no `serial` (a default
  /// too), no `text` ↔ `varchar` (different types).
  public static let typeAliases: [String: String] = [
    "int": "integer", "int4": "integer", "int2": "smallint", "int8": "bigint",
    "bool": "boolean", "float4": "real", "float8": "double precision", "decimal": "numeric",
    "varchar": "character varying", "char": "character", "bpchar": "character",
    "timestamptz": "timestamp with time zone", "timetz": "time with time zone",
  ]

  /// An expression's comparison key (defaults, checks, predicates, view definitions): runs of
  /// whitespace collapsed and trimmed. Case is kept: it matters inside string literals.
  /// A double-quoted identifier that needs no quotes loses them (`"line_no" >= 0` is `line_no >= 0`):
  /// a DDL file may quote what PostgreSQL prints bare.
  public static func expressionKey(_ expression: String) -> String {
    let key = ascii(expression, lowercased: false, compact: false) ?? collapsed(expression)
    return key.utf8.contains(0x22) ? unquotingIdentifiers(key) : key
  }

  /// Drops the quotes of every `"name"` whose name is lower-case letters, digits and `_` (not
  /// starting with a digit), outside string literals.
  static func unquotingIdentifiers(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    var inString = false
    while i < bytes.count {
      let byte = bytes[i]
      if byte == 0x27 { inString.toggle() }
      if byte == 0x22, !inString, let end = bytes[(i + 1)...].firstIndex(of: 0x22) {
        let name = bytes[(i + 1)..<end]
        out += isBareIdentifier(name) ? Array(name) : Array(bytes[i...end])
        i = end + 1
        continue
      }
      out.append(byte)
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isBareIdentifier(_ name: ArraySlice<UInt8>) -> Bool {
    guard let first = name.first, first == 0x5F || (0x61...0x7A).contains(first) else { return false }
    return name.allSatisfy { $0 == 0x5F || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
  }

  /// `typeKey`'s and `expressionKey`'s work on ASCII bytes, nil for other text. Walking the bytes
  /// costs a twentieth of walking `Character`s, and catalogs hold tens of thousands of these;
  /// text that needs no change is returned as it is, without a copy.
  private static func ascii(_ text: String, lowercased: Bool, compact: Bool) -> String? {
    var out: [UInt8] = []
    var changed = false
    var pendingSpace = false
    for byte in text.utf8 {
      guard byte < 0x80 else { return nil }
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        // A run of whitespace is written once, as a space, when something follows.
        if pendingSpace || byte != 0x20 || out.isEmpty { changed = true }
        pendingSpace = true
        continue
      }
      if pendingSpace, !out.isEmpty {
        let tight = compact && (isBracket(byte) || isOpening(out[out.count - 1]))
        if tight { changed = true } else { out.append(0x20) }
      }
      pendingSpace = false
      let lower = lowercased && (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
      if lower != byte { changed = true }
      out.append(lower)
    }
    if pendingSpace { changed = true }
    return changed ? String(decoding: out, as: UTF8.self) : text
  }

  /// `(`, `)`, `,`, `[`, `]`: no space on either side of these in a type.
  private static func isBracket(_ byte: UInt8) -> Bool {
    byte == 0x28 || byte == 0x29 || byte == 0x2C || byte == 0x5B || byte == 0x5D
  }

  /// `(`, `,`, `[`: no space after these in a type.
  private static func isOpening(_ byte: UInt8) -> Bool { byte == 0x28 || byte == 0x2C || byte == 0x5B }

  /// Trims and turns every run of whitespace into one space.
  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Drops spaces next to brackets and commas: `numeric(10, 2)` is `numeric(10,2)`.
  private static func compact(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    var pendingSpace = false
    for character in text {
      if character == " " {
        pendingSpace = true
        continue
      }
      let tight = "(),[]".contains(character)
      if pendingSpace, !tight, let last = out.last, !"(,[".contains(last) { out.append(" ") }
      pendingSpace = false
      out.append(character)
    }
    return out
  }
}
