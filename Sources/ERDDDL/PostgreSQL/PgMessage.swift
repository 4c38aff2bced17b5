/// One message of libpg_query's JSON parse tree, read field by field off the tape; each field is
/// known by the number pg_query.proto gives it (the generated `Pg` constants name them), though
/// no protobuf is read.
///
/// Only valid while its `PgQuery.ParseTree` is alive: it points into libpg_query's buffer.
struct PgMessage: Sequence {
  fileprivate let view: PgTapeView?
  /// The object's entry on the tape.
  fileprivate let index: Int
  fileprivate let type: Int

  init(view: PgTapeView, index: Int, type: Int) {
    self.view = view
    self.index = index
    self.type = type
  }

  private init() {
    view = nil
    index = 0
    type = 0
  }

  static var empty: PgMessage { PgMessage() }

  /// Where the text this message was parsed from starts in the whole script.
  var base: Int { view?.base ?? 0 }

  func makeIterator() -> Iterator { Iterator(self) }

  /// The first field numbered `number`, if any.
  func field(_ number: Int) -> PgField? { first { $0.number == number } }

  struct Iterator: IteratorProtocol {
    private let view: PgTapeView?
    private let fields: PgSchemaTable.Fields
    private var i: Int
    private let end: Int
    /// Inside a repeated field: the field and where its array ends.
    private var array: (field: PgSchemaTable.Slot, end: Int)?

    fileprivate init(_ message: PgMessage) {
      view = message.view
      fields = PgSchemaTable.shared.fields(of: message.type)
      i = message.index + 1
      end = message.view.map { Int($0.entries[message.index].next) } ?? 0
    }

    mutating func next() -> PgField? {
      guard let view else { return nil }
      while true {
        if let (field, arrayEnd) = array {
          if i < arrayEnd {
            let value = i
            i = view.after(i)
            return PgField(view: view, field: field, value: value)
          }
          array = nil
        }
        guard i + 1 < end else { return nil }
        let key = i
        let value = i + 1
        i = view.after(value)
        guard let field = fields.lookup(PgSchemaTable.hash(view.slice(key))) else { continue }
        if view.entries[value].kind == .array {
          array = (field, Int(view.entries[value].next))
          i = value + 1
          continue
        }
        return PgField(view: view, field: field, value: value)
      }
    }
  }
}

/// One field of a message: its number, and its value on the tape.
struct PgField {
  private let view: PgTapeView
  private let field: PgSchemaTable.Slot
  private let value: Int

  init(view: PgTapeView, field: PgSchemaTable.Slot, value: Int) {
    self.view = view
    self.field = field
    self.value = value
  }

  var number: Int { Int(field.number) }

  /// A number, a bool as 0 or 1, or an enum value's number.
  var int: Int {
    if view.entries[value].kind == .string {
      return PgSchemaTable.shared.enumValue(PgSchemaTable.hash(view.slice(value))) ?? 0
    }
    return view.integer(at: value) ?? 0
  }

  var bool: Bool { view.entries[value].kind == .true }

  /// A `location` field: a byte offset in the parsed piece, made an offset in the whole script
  /// (-1, unknown, stays -1).
  var location: Int {
    let offset = view.integer(at: value) ?? 0
    return offset < 0 ? offset : offset + view.base
  }

  var string: String { view.string(at: value) }

  var message: PgMessage {
    guard field.messageType >= 0, view.entries[value].kind == .object else { return .empty }
    return PgMessage(view: view, index: value, type: Int(field.messageType))
  }

  var node: PgNode? { PgNode(message) }

  /// Whether the field holds a node (`Node` in pg_query.proto) or a message of another type.
  var holdsNode: Bool { Int(field.messageType) == PgSchemaTable.shared.nodeType }
  var holdsMessage: Bool { field.messageType >= 0 }
}

/// pg_query.proto's messages, fields and enum values, read once from the generated tables into
/// open-addressed hash tables that readers probe through plain pointers.
struct PgSchemaTable: @unchecked Sendable {
  struct Slot {
    /// FNV-1a of the JSON key; 0 marks an empty slot.
    var hash: UInt64
    var number: Int32
    /// The message type's index for a message or node field, else -1.
    var messageType: Int32
  }

  /// One message type's slots.
  struct Fields {
    let slots: UnsafePointer<Slot>
    let mask: Int

    @inline(__always)
    func lookup(_ hash: UInt64) -> Slot? {
      var i = Int(truncatingIfNeeded: hash) & mask
      while true {
        let slot = slots[i]
        if slot.hash == hash { return slot }
        if slot.hash == 0 { return nil }
        i = (i + 1) & mask
      }
    }
  }

  /// Every type's slots, one run after another; allocated once and never freed.
  private let base: UnsafeMutablePointer<Slot>
  private let ranges: [(offset: Int, mask: Int)]
  private let enums: Fields
  let typeIndex: [String: Int]
  let nodeType: Int
  let parseResultType: Int

  static let shared = PgSchemaTable()

  func fields(of type: Int) -> Fields {
    let range = ranges[type]
    return Fields(slots: UnsafePointer(base + range.offset), mask: range.mask)
  }

  func enumValue(_ hash: UInt64) -> Int? { enums.lookup(hash).map { Int($0.number) } }

  private init() {
    let lines = pgMessageFieldTable.split(separator: "\n")
    var index: [String: Int] = [:]
    for (i, line) in lines.enumerated() { index[String(line.prefix { $0 != " " })] = i }
    var tables: [[(UInt64, Int32, Int32)]] = []
    for line in lines {
      var entries: [(UInt64, Int32, Int32)] = []
      for part in line.split(separator: " ").dropFirst() {
        let pair = part.split(separator: "=", maxSplits: 1)
        guard pair.count == 2 else { continue }
        let spec = pair[1].split(separator: ":")
        guard spec.count == 2, let number = Int32(spec[0]) else { continue }
        entries.append((Self.hash(String(pair[0])), number, Int32(index[String(spec[1])] ?? -1)))
      }
      tables.append(entries)
    }
    var values: [(UInt64, Int32, Int32)] = []
    for line in pgEnumValueTable.split(separator: "\n") {
      let pair = line.split(separator: "=")
      if pair.count == 2, let number = Int32(pair[1]) { values.append((Self.hash(String(pair[0])), number, -1)) }
    }
    tables.append(values)

    var ranges: [(offset: Int, mask: Int)] = []
    var total = 0
    for table in tables {
      var size = 4
      while size < table.count * 2 { size *= 2 }
      ranges.append((total, size - 1))
      total += size
    }
    let base = UnsafeMutablePointer<Slot>.allocate(capacity: total)
    base.initialize(repeating: Slot(hash: 0, number: 0, messageType: -1), count: total)
    for (table, range) in zip(tables, ranges) {
      for (hash, number, type) in table {
        var i = Int(truncatingIfNeeded: hash) & range.mask
        while base[range.offset + i].hash != 0 { i = (i + 1) & range.mask }
        base[range.offset + i] = Slot(hash: hash, number: number, messageType: type)
      }
    }
    self.base = base
    self.ranges = Array(ranges.dropLast())
    let last = ranges[ranges.count - 1]  // the enum values, appended last
    enums = Fields(slots: UnsafePointer(base + last.offset), mask: last.mask)
    typeIndex = index
    nodeType = index["Node"] ?? -1
    parseResultType = index["ParseResult"] ?? -1
  }

  /// FNV-1a, never 0 (which marks an empty slot).
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h == 0 ? 1 : h
  }

  static func hash(_ text: String) -> UInt64 {
    var copy = text
    return copy.withUTF8 { hash($0) }
  }
}
