import CPgQuery

/// libpg_query, the PostgreSQL 15 parser as a library: the only caller of `CPgQuery`.
enum PgQuery {
  /// A syntax error: PostgreSQL's message and the byte offset it points at.
  struct SyntaxError: Error {
    var message: String
    var offset: Int
  }

  /// Parses `text` and hands the `ParseResult` protobuf message to `body` while libpg_query's
  /// buffer is alive; nothing read from the message may outlive the call.
  static func withParseTree<R>(_ text: [UInt8], _ body: (ProtoMessage) throws -> R) throws -> R {
    var terminated = text
    terminated.append(0)
    let result = terminated.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { pg_query_parse_protobuf($0.baseAddress) }
    }
    defer { pg_query_free_protobuf_parse_result(result) }
    if let error = result.error {
      let message = error.pointee.message.map { String(cString: $0) } ?? "syntax error"
      throw SyntaxError(message: message, offset: byteOffset(ofCharacter: Int(error.pointee.cursorpos), in: text))
    }
    let count = Int(result.parse_tree.len)
    guard let data = result.parse_tree.data, count > 0 else { return try body(.empty) }
    return try data.withMemoryRebound(to: UInt8.self, capacity: count) { pointer in
      try body(ProtoMessage(bytes: UnsafeBufferPointer(start: pointer, count: count)))
    }
  }

  /// PostgreSQL reports error positions as 1-based character counts; our locations are bytes.
  private static func byteOffset(ofCharacter position: Int, in bytes: [UInt8]) -> Int {
    guard position > 0 else { return 0 }
    var characters = 0
    for (i, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
      characters += 1
      if characters == position { return i }
    }
    return bytes.count
  }
}
