import CPgQuery
import Foundation

/// libpg_query, the PostgreSQL 15 parser as a library: the only caller of `CPgQuery`.
enum PgQuery {
  /// A syntax error: PostgreSQL's message and the byte offset it points at.
  struct SyntaxError: Error {
    var message: String
    var offset: Int
  }

  /// Parses `text` and hands the `ParseResult` message to `body` while libpg_query's buffer is
  /// alive; nothing read from the message may outlive the call.
  ///
  /// The tree comes as JSON (`pg_query_parse`) read through a tape, not as protobuf:
  /// `pg_query_parse_protobuf` spends about three times the parse itself packing it.
  static func withParseTree<R>(_ text: [UInt8], _ body: (PgMessage) throws -> R) throws -> R {
    var terminated = text
    terminated.append(0)
    let result = terminated.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { pg_query_parse($0.baseAddress) }
    }
    defer { pg_query_free_parse_result(result) }
    if let error = result.error {
      let message = tidy(error.pointee.message.map { String(cString: $0) } ?? "syntax error")
      throw SyntaxError(message: message, offset: byteOffset(ofCharacter: Int(error.pointee.cursorpos), in: text))
    }
    guard let json = result.parse_tree else { return try body(.empty) }
    let count = strlen(json)
    return try json.withMemoryRebound(to: UInt8.self, capacity: count) { pointer in
      let tape = try PgJSONTape(UnsafeBufferPointer(start: pointer, count: count))
      return try withExtendedLifetime(tape) {
        try body(PgMessage(view: tape.view, index: 0, type: PgSchemaTable.shared.parseResultType))
      }
    }
  }

  /// PostgreSQL quotes the text it stopped at (`at or near "…"`); for an unterminated string
  /// that is the rest of the input. Keep the message to one short line.
  static func tidy(_ message: String) -> String {
    let marker = " at or near \""
    guard let range = message.range(of: marker) else {
      return String(message.prefix { $0 != "\n" })
    }
    var near = message[range.upperBound...]
    if near.hasSuffix("\"") { near = near.dropLast() }
    let firstLine = near.prefix { $0 != "\n" }
    let shown = firstLine.count > 40 || firstLine.count < near.count ? firstLine.prefix(40) + "…" : firstLine
    return message[..<range.upperBound] + shown + "\""
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
