/// Writes a `JSONValue` as indented text with a stable layout.
public struct JSONWriter: Sendable {
  /// Escape `<`, `>`, `&`, U+2028 and U+2029 too, so the text is inert inside an HTML `<script>`.
  public var htmlSafe: Bool
  /// Indent with two spaces per level; when false, the output is one line.
  public var pretty: Bool

  public init(htmlSafe: Bool = false, pretty: Bool = true) {
    self.htmlSafe = htmlSafe
    self.pretty = pretty
  }

  public func string(_ value: JSONValue) -> String {
    String(decoding: bytes(value), as: UTF8.self)
  }

  /// The UTF-8 text; writing bytes rather than a `String` keeps catalogs of thousands of tables fast.
  ///
  /// The text's length is counted first and reserved: an array grown by doubling holds its old
  /// and new storage at once while it copies. Items made as they are written (`.items`) are not
  /// counted, so as not to make them twice; write those with `write(_:to:)`.
  public func bytes(_ value: JSONValue) -> [UInt8] {
    var length = ByteCount()
    write(value, indent: 0, into: &length)
    var out: [UInt8] = []
    out.reserveCapacity(length.count + 1)
    write(value, indent: 0, into: &out)
    if pretty { out.append(0x0A) }
    return out
  }

  /// Writes the text in pieces of about a megabyte, each handed to `consume` and then dropped,
  /// so that the JSON of a large catalog is never held whole. Stops at the first piece `consume`
  /// refuses (a failed write) and returns false.
  public func write(_ value: JSONValue, to consume: ([UInt8]) -> Bool) -> Bool {
    withoutActuallyEscaping(consume) { consume in
      var out = ChunkSink(consume: consume)
      write(value, indent: 0, into: &out)
      if pretty { out.append(0x0A) }
      return out.finish()
    }
  }

  private func write(_ value: JSONValue, indent: Int, into out: inout some JSONSink) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
    case .string(let s): writeString(s, into: &out)
    // Arrays of scalars stay on one line: column lists read better that way.
    case .array(let items): write(items, inline: !pretty || items.allSatisfy(\.isScalar), indent: indent, into: &out)
    case .items(let items) where type(of: out).makesItems: write(items, inline: !pretty, indent: indent, into: &out)
    case .items: break
    case .object(let members):
      guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
      out.append(UInt8(ascii: "{"))
      for (i, member) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, into: &out)
        writeString(member.key, into: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(0x20) }
        write(member.value, indent: indent + 1, into: &out)
      }
      newline(indent, into: &out)
      out.append(UInt8(ascii: "}"))
    }
  }

  private func write<Items: RandomAccessCollection<JSONValue> & Sendable>(
    _ items: Items, inline: Bool, indent: Int, into out: inout some JSONSink
  ) where Items.Index == Int {
    guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
    out.append(UInt8(ascii: "["))
    if !inline && type(of: out).isBuffer && items.count >= Self.concurrentItems {
      // Thousands of tables: a batch at a time, the two halves of each written at once.
      for start in stride(from: 0, to: items.count, by: Self.batch) {
        let end = min(start + Self.batch, items.count)
        let mid = (start + end) / 2
        let halves = [start..<mid, mid..<end].concurrentMap(atLeast: 2) { half in
          self.items(items[half], from: half.lowerBound, indent: indent)
        }
        for half in halves { out.append(contentsOf: half) }
      }
    } else {
      write(items[...], from: 0, inline: inline, indent: indent, into: &out)
    }
    if !inline { newline(indent, into: &out) }
    out.append(UInt8(ascii: "]"))
  }

  /// Arrays of at least this many objects are written in batches, two halves at once.
  static let concurrentItems = 1_024
  /// Objects per batch: enough to keep both halves busy, few enough that a batch's text is small.
  static let batch = 8_192

  /// The items of an array from its `first`-th on, each after a comma but the array's first.
  private func write<Items: Collection<JSONValue>>(
    _ items: Items, from first: Int, inline: Bool, indent: Int, into out: inout some JSONSink
  ) {
    for (i, item) in zip(first..., items) {
      if i > 0 {
        out.append(UInt8(ascii: ","))
        if inline && pretty { out.append(0x20) }
      }
      if !inline { newline(indent + 1, into: &out) }
      write(item, indent: indent + 1, into: &out)
    }
  }

  /// Items of objects, one per line, as a buffer of their own.
  private func items<Items: Collection<JSONValue>>(_ items: Items, from first: Int, indent: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(items.count * 512)
    write(items, from: first, inline: false, indent: indent, into: &out)
    return out
  }

  private func newline(_ indent: Int, into out: inout some JSONSink) {
    guard pretty else { return }
    // One copy of a line break and its indent, not a byte at a time: most of the text is indent.
    let length = 1 + indent * 2
    if length <= Self.indents.count {
      out.append(contentsOf: Self.indents[..<length])
    } else {
      out.append(contentsOf: Self.indents)
      for _ in Self.indents.count..<length { out.append(0x20) }
    }
  }

  private static let indents: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 64)

  /// Copies runs of bytes that need no escape in one go; escapes the rest.
  private func writeString(_ s: String, into out: inout some JSONSink) {
    out.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { utf8 in
      var runStart = 0
      var i = 0
      while i < utf8.count {
        let byte = utf8[i]
        let escape = escapeLength(utf8, at: i)
        if escape == 0 {
          i += 1
          continue
        }
        out.append(contentsOf: utf8[runStart..<i])
        appendEscape(byte, utf8, at: i, into: &out)
        i += escape
        runStart = i
      }
      out.append(contentsOf: utf8[runStart..<utf8.count])
    }
    out.append(UInt8(ascii: "\""))
  }

  /// How many bytes at `i` form something to escape (0: copy as is).
  private func escapeLength(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let byte = utf8[i]
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x00..<0x20, 0x7F: return 1
    case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): return htmlSafe ? 1 : 0
    case 0xE2:
      // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript source.
      if i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 { return 3 }
      return 0
    default: return 0
    }
  }

  private func appendEscape(
    _ byte: UInt8, _ utf8: UnsafeBufferPointer<UInt8>, at i: Int, into out: inout some JSONSink
  ) {
    switch byte {
    case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
    case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
    case 0x0A: out.append(contentsOf: #"\n"#.utf8)
    case 0x0D: out.append(contentsOf: #"\r"#.utf8)
    case 0x09: out.append(contentsOf: #"\t"#.utf8)
    case 0xE2: out.append(contentsOf: Self.unicodeEscape(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029).utf8)
    default: out.append(contentsOf: Self.unicodeEscape(UInt32(byte)).utf8)
    }
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}

extension JSONValue {
  fileprivate var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }
}

/// Where `JSONWriter` puts its text: a byte buffer, pieces handed on, or a count of the bytes.
protocol JSONSink {
  /// Whether the sink takes the bytes (the writer may then write parts at once and join them).
  static var isBuffer: Bool { get }
  /// Whether items made as they are written (`.items`) are made for this sink.
  static var makesItems: Bool { get }
  mutating func append(_ byte: UInt8)
  mutating func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8
}

extension [UInt8]: JSONSink {
  static var isBuffer: Bool { true }
  static var makesItems: Bool { true }
}

/// Hands the text on in pieces of about a megabyte; once a piece is refused, drops the rest.
struct ChunkSink: JSONSink {
  static var isBuffer: Bool { true }
  static var makesItems: Bool { true }
  static let pieceSize = 1 << 20
  private var buffer: [UInt8] = []
  private let consume: ([UInt8]) -> Bool
  private var refused = false

  init(consume: @escaping ([UInt8]) -> Bool) {
    self.consume = consume
    buffer.reserveCapacity(Self.pieceSize + 64 * 1024)
  }

  mutating func append(_ byte: UInt8) {
    buffer.append(byte)
    if buffer.count >= Self.pieceSize { handOn() }
  }

  mutating func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.pieceSize { handOn() }
  }

  /// Hands on what is left; whether every piece was taken.
  mutating func finish() -> Bool {
    handOn()
    return !refused
  }

  private mutating func handOn() {
    if !refused && !buffer.isEmpty { refused = !consume(buffer) }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// Counts what would be written, leaving out items made as they are written.
struct ByteCount: JSONSink {
  static var isBuffer: Bool { false }
  static var makesItems: Bool { false }
  var count = 0
  mutating func append(_ byte: UInt8) { count += 1 }
  mutating func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 { count += bytes.count }
}
