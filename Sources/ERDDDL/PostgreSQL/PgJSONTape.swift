import ERDSchema

/// libpg_query's JSON parse tree, tokenized in one pass into a tape: one entry per value and
/// key, containers knowing where they end, so any value is skipped in constant time.
///
/// This is the fast way through the tree: `pg_query_parse`'s JSON plus this tape costs a
/// fraction of what `pg_query_parse_protobuf` spends packing the same tree (measured by
/// `make bench-ddl`), and no generic JSON tree is built. The bytes belong to libpg_query's
/// result and must outlive every `PgMessage` read from the tape.
final class PgJSONTape {
  enum Kind: UInt8 {
    case object, array, string, number, `true`, `false`, null
  }

  struct Entry {
    var kind: Kind
    /// A string with backslash escapes, which must be decoded.
    var escaped: Bool
    /// Byte range of the value; for a string, inside the quotes.
    var start: Int32
    var end: Int32
    /// For an object or array, the index of the entry after its last member.
    var next: Int32
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// The entries, in a buffer of their own: readers hold plain pointers into it (`view`), so
  /// walking the tree costs no reference counting and no exclusivity checks.
  let entries: UnsafeMutableBufferPointer<Entry>

  struct Malformed: Error {
    var offset: Int
  }

  /// A pointer-only view of the tape for readers; valid while the tape is alive.
  let view: PgTapeView

  /// `base` is where the parsed text starts in the whole script: it is added to every location.
  init(_ bytes: UnsafeBufferPointer<UInt8>, base: Int = 0) throws(Malformed) {
    self.bytes = bytes
    let scanned = try Self.scan(bytes)
    // libpg_query's tree is always an object; anything else is not its output.
    guard scanned.count > 0, scanned[0].kind == .object, let first = scanned.baseAddress, let text = bytes.baseAddress
    else {
      scanned.baseAddress?.deallocate()
      throw Malformed(offset: 0)
    }
    entries = scanned
    view = PgTapeView(entries: UnsafePointer(first), bytes: text, base: base)
  }

  deinit { entries.baseAddress?.deallocate() }

  /// The entries of the JSON text, in a buffer the caller owns.
  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(Malformed) -> UnsafeMutableBufferPointer<Entry> {
    // libpg_query's JSON has about one entry per 7.5 bytes: start above that, double if short.
    var out = EntryBuffer(capacity: bytes.count / 6 + 16)
    guard let base = bytes.baseAddress else { return out.finish() }
    let count = bytes.count
    var open: [Int32] = []
    var i = 0
    func fail(_ offset: Int) -> Malformed {
      out.discard()
      return Malformed(offset: offset)
    }
    while i < count {
      let b = base[i]
      switch b {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        open.append(Int32(out.count))
        out.append(
          Entry(kind: b == UInt8(ascii: "{") ? .object : .array, escaped: false, start: Int32(i), end: 0, next: 0))
        i += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        guard let index = open.popLast() else { throw fail(i) }
        out.close(Int(index), end: i + 1)
        i += 1
      case UInt8(ascii: "\""):
        var j = i + 1
        var escaped = false
        while j < count, base[j] != UInt8(ascii: "\"") {
          if base[j] == UInt8(ascii: "\\") {
            escaped = true
            j += 1
          }
          j += 1
        }
        guard j < count else { throw fail(i) }
        out.append(Entry(kind: .string, escaped: escaped, start: Int32(i + 1), end: Int32(j), next: 0))
        i = j + 1
      case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
        let length = b == UInt8(ascii: "f") ? 5 : 4
        guard i + length <= count else { throw fail(i) }
        let kind: Kind = b == UInt8(ascii: "t") ? .true : b == UInt8(ascii: "f") ? .false : .null
        out.append(Entry(kind: kind, escaped: false, start: Int32(i), end: Int32(i + length), next: 0))
        i += length
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        var j = i + 1
        while j < count, Self.isNumberByte(base[j]) { j += 1 }
        out.append(Entry(kind: .number, escaped: false, start: Int32(i), end: Int32(j), next: 0))
        i = j
      case UInt8(ascii: ":"), UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
        i += 1
      default:
        throw fail(i)
      }
    }
    guard open.isEmpty else { throw fail(count) }
    return out.finish()
  }

  /// A growing buffer of entries, doubled when full; what it holds goes to the tape.
  private struct EntryBuffer {
    private var base: UnsafeMutablePointer<Entry>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
      self.capacity = max(capacity, 16)
      base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ entry: Entry) {
      if count == capacity {
        let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
      }
      base[count] = entry
      count += 1
    }

    /// Records where the container opened at `index` ends.
    mutating func close(_ index: Int, end: Int) {
      base[index].next = Int32(count)
      base[index].end = Int32(end)
    }

    func finish() -> UnsafeMutableBufferPointer<Entry> { UnsafeMutableBufferPointer(start: base, count: count) }

    func discard() { base.deallocate() }
  }

  fileprivate static func isNumberByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
      || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
  }

}

/// Plain pointers into a `PgJSONTape`: what every message and field carries.
struct PgTapeView {
  let entries: UnsafePointer<PgJSONTape.Entry>
  let bytes: UnsafePointer<UInt8>
  /// The offset in the whole script of the text this tree was parsed from.
  let base: Int

  /// The entry after the value at `index`, members included.
  @inline(__always)
  func after(_ index: Int) -> Int {
    let entry = entries[index]
    return entry.kind == .object || entry.kind == .array ? Int(entry.next) : index + 1
  }

  @inline(__always)
  func slice(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let entry = entries[index]
    return UnsafeBufferPointer(start: bytes + Int(entry.start), count: Int(entry.end - entry.start))
  }

  func string(at index: Int) -> String {
    let entry = entries[index]
    guard entry.kind == .string else { return "" }
    return entry.escaped ? Self.unescape(slice(index)) : String(decoding: slice(index), as: UTF8.self)
  }

  func integer(at index: Int) -> Int? {
    let entry = entries[index]
    switch entry.kind {
    case .number:
      var value = 0
      var negative = false
      for b in slice(index) {
        if b == UInt8(ascii: "-") {
          negative = true
        } else if b >= 0x30 && b <= 0x39 {
          value = value &* 10 &+ Int(b - 0x30)
        } else {
          break  // a fraction or exponent: libpg_query writes integers only
        }
      }
      return negative ? -value : value
    case .true: return 1
    case .false: return 0
    default: return nil
    }
  }

  /// A string with escapes, decoded by erdviz's JSON parser: rare in a parse tree (quotes,
  /// backslashes and control characters in literals and comments), so the quotes are put back
  /// and the whole string parsed.
  private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
    let quoted = [UInt8(ascii: "\"")] + Array(raw) + [UInt8(ascii: "\"")]
    return (try? JSONParser.parse(quoted))?.stringValue ?? String(decoding: raw, as: UTF8.self)
  }
}
