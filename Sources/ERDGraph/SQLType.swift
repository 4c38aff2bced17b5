/// A column type reduced to what comparisons need: its base name with synonyms merged
/// (`int4`, `int` and `integer` are `integer`; `character varying` is `varchar`), its arguments,
/// and MySQL's `unsigned`.
///
/// Integer display widths (`int(11)`) are arguments like any other; comparisons ignore them.
public struct SQLType: Hashable, Sendable, CustomStringConvertible {
  public var base: String
  public var arguments: [String]
  public var unsigned: Bool

  public init(_ sql: String) {
    var text = sql.lowercased()
    var arguments: [String] = []
    if let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
      arguments = text[text.index(after: open)..<close].split(separator: ",").map {
        String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
      }
      text.removeSubrange(open...close)
    }
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    let unsigned = words.contains("unsigned")
    words.removeAll { ["unsigned", "signed", "zerofill"].contains($0) }
    let joined = words.joined(separator: " ")
    base = Self.synonyms[joined] ?? joined
    self.arguments = arguments
    self.unsigned = unsigned
  }

  public var description: String {
    base + (arguments.isEmpty ? "" : "(\(arguments.joined(separator: ",")))") + (unsigned ? " unsigned" : "")
  }

  /// Whether the two types hold the same values as far as a key comparison goes: the same base
  /// and signedness, lengths aside (`varchar(100)` and `varchar(200)` compare without a cast).
  public func sameBase(as other: SQLType) -> Bool { base == other.base && unsigned == other.unsigned }

  /// The spellings engines use for the same type, each mapped to one name.
  static let synonyms: [String: String] = [
    "int": "integer", "int4": "integer", "serial": "integer", "serial4": "integer",
    "int8": "bigint", "bigserial": "bigint", "serial8": "bigint",
    "int2": "smallint", "smallserial": "smallint", "serial2": "smallint",
    "character varying": "varchar", "char varying": "varchar", "varchar2": "varchar",
    "character": "char", "bpchar": "char",
    "national character varying": "nvarchar", "national char varying": "nvarchar", "national character": "nchar",
    "decimal": "numeric", "dec": "numeric",
    "double precision": "double", "float8": "double", "float4": "real",
    "bool": "boolean",
    "timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz",
    "time without time zone": "time", "time with time zone": "timetz",
  ]
}

/// What kind of value a key column holds, for deciding whether a column can reference a key.
///
/// A type may belong to several families (`char(36)` holds text or a UUID); two types are
/// compatible when they share one. A type of no known family is compatible only with itself.
public enum TypeFamily: Hashable, Sendable {
  case integer, decimal, uuid, text, binary
  /// No declared type (SQLite allows it): compatible with every type.
  case any
  case other(String)

  /// The families of a type, from `baseFamilies` and, for the sized types that hold UUIDs,
  /// `sizedFamilies`.
  public static func families(of sql: String) -> Set<TypeFamily> {
    let type = SQLType(sql)
    if type.base.isEmpty { return [.any] }
    var families = baseFamilies[type.base] ?? [.other(type.base)]
    if let size = type.arguments.first, let extra = sizedFamilies["\(type.base)(\(size))"] {
      families.formUnion(extra)
    }
    // numeric(10) and numeric(10,0) hold integers.
    if type.base == "numeric", type.arguments.count == 1 || type.arguments.last == "0" { families.insert(.integer) }
    return families
  }

  public static func compatible(_ a: String, _ b: String) -> Bool {
    let (fa, fb) = (families(of: a), families(of: b))
    return fa.contains(.any) || fb.contains(.any) || !fa.isDisjoint(with: fb)
  }

  /// Base types by family, after `SQLType`'s synonyms.
  static let baseFamilies: [String: Set<TypeFamily>] = [
    "tinyint": [.integer], "mediumint": [.integer], "smallint": [.integer], "integer": [.integer], "bigint": [.integer],
    "number": [.integer, .decimal], "numeric": [.decimal],
    "uuid": [.uuid], "uniqueidentifier": [.uuid],
    "varchar": [.text], "char": [.text], "text": [.text], "nvarchar": [.text], "nchar": [.text],
    "citext": [.text], "string": [.text], "clob": [.text], "tinytext": [.text], "mediumtext": [.text],
    "longtext": [.text], "ntext": [.text],
    "binary": [.binary], "varbinary": [.binary], "bytea": [.binary], "blob": [.binary],
  ]

  /// Sized types that hold a UUID in its text (36 characters) or binary (16 bytes) form.
  static let sizedFamilies: [String: Set<TypeFamily>] = [
    "char(36)": [.uuid], "varchar(36)": [.uuid], "nchar(36)": [.uuid], "nvarchar(36)": [.uuid],
    "binary(16)": [.uuid], "varbinary(16)": [.uuid],
  ]
}
