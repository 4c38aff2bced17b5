/// The bytes of one protobuf message, read field by field in place, without copying.
///
/// Only valid while the buffer it points into is alive: libpg_query's result, freed after the
/// statements are mapped. Malformed bytes end the iteration early; they never trap.
struct ProtoMessage: Sequence {
  let bytes: UnsafeBufferPointer<UInt8>

  static var empty: ProtoMessage { ProtoMessage(bytes: UnsafeBufferPointer(start: nil, count: 0)) }

  func makeIterator() -> Iterator { Iterator(bytes: bytes) }

  /// The first field numbered `number`, if any.
  func field(_ number: Int) -> ProtoField? { first { $0.number == number } }

  /// Every field numbered `number`: the elements of a repeated field.
  func fields(_ number: Int) -> [ProtoField] { filter { $0.number == number } }

  struct Iterator: IteratorProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func next() -> ProtoField? {
      guard index < bytes.count, let key = varint() else { return nil }
      let number = Int(key >> 3)
      let wireType = UInt8(key & 7)
      switch wireType {
      case 0:
        guard let value = varint() else { return nil }
        return ProtoField(number: number, value: value, payload: .empty)
      case 1, 5:
        let size = wireType == 1 ? 8 : 4
        guard index + size <= bytes.count else { return nil }
        var value: UInt64 = 0
        for i in 0..<size { value |= UInt64(bytes[index + i]) << (8 * UInt64(i)) }
        index += size
        return ProtoField(number: number, value: value, payload: .empty)
      case 2:
        guard let length = varint(), length <= UInt64(bytes.count - index) else { return nil }
        let start = index
        index += Int(length)
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        return ProtoField(number: number, value: length, payload: ProtoMessage(bytes: slice))
      default:
        return nil  // groups (3, 4) are not used by libpg_query; anything else is malformed
      }
    }

    private mutating func varint() -> UInt64? {
      var result: UInt64 = 0
      var shift: UInt64 = 0
      while index < bytes.count, shift < 64 {
        let byte = bytes[index]
        index += 1
        result |= UInt64(byte & 0x7F) << shift
        if byte & 0x80 == 0 { return result }
        shift += 7
      }
      return nil
    }
  }
}

/// One field of a message: a number and either a scalar value or a length-delimited payload.
struct ProtoField {
  let number: Int
  /// The varint or fixed value; for a length-delimited field, its length.
  let value: UInt64
  /// The bytes of a length-delimited field (a string, or a nested message).
  let payload: ProtoMessage

  /// An `int32`/`int64`/enum value; negative numbers are sign-extended varints.
  var int: Int { Int(truncatingIfNeeded: Int64(bitPattern: value)) }

  var bool: Bool { value != 0 }

  var string: String { String(decoding: payload.bytes, as: UTF8.self) }

  var message: ProtoMessage { payload }
}
