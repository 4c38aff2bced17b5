/// A parsed `TypeName` spelled the way PostgreSQL's `format_type` prints it, so a model read
/// from DDL matches one read from a live database: `int4` → `integer`, `varchar(200)` →
/// `character varying(200)`, `timestamptz` → `timestamp with time zone`, `int[]` → `integer[]`.
struct PgTypeName {
  /// The type as format_type spells it.
  var text: String
  /// `serial`, `bigserial`, `smallserial`: an integer column with its own sequence.
  var isSerial = false

  init(_ message: PgMessage) {
    var names: [String] = []
    var modifiers: [PgNode] = []
    var isArray = false
    for field in message {
      switch field.number {
      case Pg.TypeName.names: if let s = field.node?.string { names.append(s) }
      case Pg.TypeName.typmods: if let node = field.node { modifiers.append(node) }
      case Pg.TypeName.arrayBounds: isArray = true
      default: break
      }
    }
    let last = names.last ?? ""
    let builtin = names.count == 1 || names.first == "pg_catalog"
    if builtin, let serial = Self.serials[last] {
      text = serial
      isSerial = true
    } else if builtin, let spelled = Self.spell(last, modifiers: modifiers) {
      text = spelled
    } else {
      // A user type: schema-qualified unless it is in a schema the default search_path sees.
      let visible = names.count == 2 && (names[0] == "public" || names[0] == "pg_catalog")
      let parts = visible ? [last] : names
      text = parts.map(PgIdentifier.quoted).joined(separator: ".") + Self.modifierText(modifiers)
    }
    if isArray { text += "[]" }
  }

  private static let serials = [
    "serial": "integer", "serial4": "integer", "bigserial": "bigint", "serial8": "bigint",
    "smallserial": "smallint", "serial2": "smallint",
  ]

  private static let names = [
    "int2": "smallint", "int4": "integer", "int8": "bigint", "float4": "real", "float8": "double precision",
    "bool": "boolean", "varchar": "character varying", "bpchar": "character", "varbit": "bit varying",
    "decimal": "numeric", "int": "integer",
  ]

  private static func spell(_ name: String, modifiers: [PgNode]) -> String? {
    let values = modifiers.compactMap(\.integer)
    let args = values.count == modifiers.count ? values : []
    switch name {
    case "timestamp", "timestamptz", "time", "timetz":
      let base = name.hasPrefix("timestamp") ? "timestamp" : "time"
      let zone = name.hasSuffix("tz") ? " with time zone" : " without time zone"
      return base + (args.first.map { "(\($0))" } ?? "") + zone
    case "numeric", "decimal":
      guard let precision = args.first else { return "numeric" }
      return "numeric(\(precision),\(args.count > 1 ? args[1] : 0))"
    case "interval":
      // Interval modifiers encode fields as a bit mask; keep the plain name.
      return args.count == 2 ? "interval(\(args[1]))" : "interval"
    default:
      guard let spelled = Self.names[name] else { return nil }
      return spelled + modifierText(modifiers)
    }
  }

  private static func modifierText(_ modifiers: [PgNode]) -> String {
    guard !modifiers.isEmpty else { return "" }
    let parts = modifiers.map { node -> String in
      if let n = node.integer { return String(n) }
      if let s = node.constantString { return s }
      return "?"
    }
    return "(" + parts.joined(separator: ",") + ")"
  }
}

/// PostgreSQL's identifier quoting (`quote_ident`): lower-case letters, digits and `_` pass
/// bare, anything else is double-quoted.
enum PgIdentifier {
  static func quoted(_ name: String) -> String {
    let safe =
      !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
      && !(name.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false)
    return safe
      ? name : "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}

/// The names PostgreSQL gives constraints, indexes and sequences that the DDL leaves unnamed
/// (`makeObjectName`, `ChooseConstraintName`): `orders_pkey`, `orders_customer_id_fkey`,
/// `orders_sku_key`, `orders_qty_check`, `orders_id_seq`, cut to fit 63 bytes.
enum PgNaming {
  static let maxLength = 63

  static func objectName(_ name1: String, _ name2: String?, label: String) -> String {
    var first = Array(name1.utf8)
    var second = name2.map { Array($0.utf8) } ?? []
    let overhead = label.utf8.count + 1 + (name2 == nil ? 0 : 1)
    let available = maxLength - overhead
    var firstCount = first.count
    var secondCount = second.count
    while firstCount + secondCount > available {
      if firstCount > secondCount { firstCount -= 1 } else { secondCount -= 1 }
    }
    first = clip(first, to: firstCount)
    second = clip(second, to: secondCount)
    var result = String(decoding: first, as: UTF8.self)
    if name2 != nil { result += "_" + String(decoding: second, as: UTF8.self) }
    return result + "_" + label
  }

  /// `objectName`, numbered (`_key1`, `_key2`, …) until it is not in `used`.
  static func unique(_ name1: String, _ name2: String?, label: String, avoiding used: Set<String>) -> String {
    var candidate = objectName(name1, name2, label: label)
    var pass = 0
    while used.contains(candidate) {
      pass += 1
      candidate = objectName(name1, name2, label: "\(label)\(pass)")
    }
    return candidate
  }

  /// Column names joined by `_`, as PostgreSQL names a multi-column key (at most 63 bytes).
  static func columnPart(_ columns: [String]) -> String {
    var bytes = Array(columns.joined(separator: "_").utf8)
    if bytes.count > maxLength { bytes = clip(bytes, to: maxLength) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The first `count` bytes, backed off so no UTF-8 character is cut in half.
  private static func clip(_ bytes: [UInt8], to count: Int) -> [UInt8] {
    guard count < bytes.count else { return bytes }
    var end = max(0, count)
    while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return Array(bytes[..<end])
  }
}
