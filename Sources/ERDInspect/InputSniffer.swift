/// What a file or stdin holds, told from its first bytes rather than its name.
public enum InputKind: Hashable, Sendable {
  case sqliteDatabase
  case json
  case sql
  case empty
  case binary

  /// The 16-byte header every SQLite 3 database file starts with.
  public static let sqliteHeader: [UInt8] = Array("SQLite format 3\0".utf8)

  public static func sniff<C: Collection<UInt8>>(_ bytes: C) -> InputKind {
    if bytes.starts(with: sqliteHeader) { return .sqliteDatabase }
    // SQL Server Management Studio saves scripts as UTF-16 with a byte-order mark.
    if bytes.count > 2, bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .sql }
    var sawText = false
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    // Leading blank lines, however many, say nothing: look at what follows them.
    let body = bytes.dropFirst(bytes.starts(with: bom) ? 3 : 0).drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
    if !body.isEmpty && body.startIndex != bytes.startIndex
      && bytes.distance(from: bytes.startIndex, to: body.startIndex) > 3
    {
      return sniff(Array(body.prefix(4096)))
    }
    for byte in bytes.prefix(4096).dropFirst(bytes.starts(with: bom) ? 3 : 0) {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      case UInt8(ascii: "{"): if !sawText { return .json }
      case 0x00...0x08, 0x0E...0x1F: return .binary
      default: break
      }
      sawText = true
    }
    if !sawText { return .empty }
    return String(validating: bytes.prefix(4096), as: UTF8.self) == nil && !isTruncatedUTF8(bytes) ? .binary : .sql
  }

  /// A 4096-byte prefix may cut a multi-byte character in half; that alone is not binary.
  private static func isTruncatedUTF8<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    let head = Array(bytes.prefix(4096))
    for cut in 1...3 where head.count > cut {
      if String(validating: head.dropLast(cut), as: UTF8.self) != nil { return true }
    }
    return false
  }
}
