import CPgQuery
import Foundation

/// libpg_query, the PostgreSQL 15 parser as a library: the only caller of `CPgQuery`.
enum PgQuery {
  /// Why a piece of text yielded no parse tree.
  enum Failure: Error {
    /// A syntax error: PostgreSQL's message and the byte offset (in the whole script) it points at.
    case syntax(message: String, offset: Int)
    /// libpg_query's JSON is not what the tape reads: a bug here or there, not in the input.
    case unreadableTree(offset: Int)

    /// Where in the script, for a syntax error.
    var location: Int? {
      if case .syntax(_, let offset) = self { return offset }
      return nil
    }

    /// The message for the user.
    var reason: String {
      switch self {
      case .syntax(let message, _): return message
      case .unreadableTree(let offset):
        return "internal error: libpg_query's parse tree could not be read (at byte \(offset) of its JSON)"
      }
    }
  }

  /// libpg_query's parse of `text[range]` and the tape over its JSON, freed together. Locations
  /// read from the tree (`PgField.location`) are offsets in the whole `text`.
  ///
  /// The tree comes as JSON (`pg_query_parse`) read through a tape, not as protobuf:
  /// `pg_query_parse_protobuf` spends about three times the parse itself packing it.
  /// Unchecked `Sendable`: nothing in it changes after `init`, so the thread that parses may
  /// hand it to the one that reads (`PostgresDDLReader`'s pipeline); its messages are only
  /// valid while it is alive.
  final class ParseTree: @unchecked Sendable {
    let range: Range<Int>
    private let result: PgQueryParseResult
    private let tape: PgJSONTape?

    init(_ text: [UInt8], _ range: Range<Int>) throws(Failure) {
      self.range = range
      var terminated = [UInt8]()
      terminated.reserveCapacity(range.count + 1)
      terminated.append(contentsOf: text[range])
      terminated.append(0)
      let result = terminated.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { pg_query_parse($0.baseAddress) }
      }
      if let error = result.error {
        defer { pg_query_free_parse_result(result) }
        let message = tidy(error.pointee.message.map { String(cString: $0) } ?? "syntax error")
        let offset = byteOffset(ofCharacter: Int(error.pointee.cursorpos), in: text[range])
        throw .syntax(message: message, offset: range.lowerBound + offset)
      }
      self.result = result
      do {
        tape = try result.parse_tree.map { json throws(PgJSONTape.Malformed) in
          let count = strlen(json)
          return try json.withMemoryRebound(to: UInt8.self, capacity: count) { pointer throws(PgJSONTape.Malformed) in
            try PgJSONTape(UnsafeBufferPointer(start: pointer, count: count), base: range.lowerBound)
          }
        }
      } catch {
        pg_query_free_parse_result(result)
        throw .unreadableTree(offset: error.offset)
      }
    }

    deinit { pg_query_free_parse_result(result) }

    /// The `ParseResult` message; valid while this tree is alive.
    var root: PgMessage {
      tape.map { PgMessage(view: $0.view, index: 0, type: PgSchemaTable.shared.parseResultType) } ?? .empty
    }
  }

  /// PostgreSQL quotes the text it stopped at (`at or near "…"`); for an unterminated string
  /// that is the rest of the input. Keep the message to one short line.
  static func tidy(_ message: String) -> String {
    // Bison's stack limit, met at about 10,000 nested parentheses.
    if message.hasPrefix("memory exhausted") {
      return "nested too deeply for PostgreSQL's parser (about 10,000 levels of parentheses at most)"
    }
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
  private static func byteOffset(ofCharacter position: Int, in bytes: ArraySlice<UInt8>) -> Int {
    guard position > 0 else { return 0 }
    var characters = 0
    for (i, byte) in zip(0..., bytes) where byte & 0xC0 != 0x80 {
      characters += 1
      if characters == position { return i }
    }
    return bytes.count
  }
}
