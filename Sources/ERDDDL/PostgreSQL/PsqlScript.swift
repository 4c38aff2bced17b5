/// The parts of a psql script that are not SQL, blanked out so PostgreSQL's parser sees only SQL:
/// psql meta-commands (`\connect db`, `\c chinook;`, `\restrict key`) and the data lines of
/// `COPY … FROM stdin;` up to their `\.` line.
///
/// Blanking replaces bytes with spaces and keeps every newline, so offsets, lines and columns in
/// error messages still point into the text the user gave.
struct PsqlScript {
  private(set) var bytes: [UInt8]
  private(set) var metaCommands = 0
  private(set) var copyBlocks = 0

  init(_ input: [UInt8]) {
    bytes = input
    blankNonSQL()
  }

  private enum State {
    case code, string(escapes: Bool), identifier, dollar([UInt8]), lineComment, blockComment(Int)
  }

  private mutating func blankNonSQL() {
    var state = State.code
    var i = 0
    var atLineStart = true
    var statementStart: Int?
    while i < bytes.count {
      let b = bytes[i]
      switch state {
      case .code:
        if atLineStart, b == UInt8(ascii: "\\") {
          metaCommands += 1
          i = blankLine(from: i)
          continue
        }
        if statementStart == nil, !isSpace(b), !(b == UInt8(ascii: "-") && peek(i + 1) == UInt8(ascii: "-")),
          !(b == UInt8(ascii: "/") && peek(i + 1) == UInt8(ascii: "*"))
        {
          statementStart = i
        }
        switch b {
        case UInt8(ascii: "'"):
          let prefix = i > 0 ? bytes[i - 1] | 0x20 : 0
          let escapes = prefix == UInt8(ascii: "e") && (i < 2 || !isWordByte(bytes[i - 2]))
          state = .string(escapes: escapes)
        case UInt8(ascii: "\""): state = .identifier
        case UInt8(ascii: "-") where peek(i + 1) == UInt8(ascii: "-"): state = .lineComment
        case UInt8(ascii: "/") where peek(i + 1) == UInt8(ascii: "*"):
          state = .blockComment(1)
          i += 1
        case UInt8(ascii: "$"):
          if let tag = dollarTag(at: i) {
            state = .dollar(tag)
            i += tag.count - 1
          }
        case UInt8(ascii: ";"):
          if let start = statementStart, isCopyFromStdin(start..<i) {
            copyBlocks += 1
            i = blankCopyData(after: i)
            statementStart = nil
            atLineStart = true
            continue
          }
          statementStart = nil
        default: break
        }
      case .string(let escapes):
        if escapes && b == UInt8(ascii: "\\") {
          i += 1
        } else if b == UInt8(ascii: "'") {
          if peek(i + 1) == UInt8(ascii: "'") { i += 1 } else { state = .code }
        }
      case .identifier:
        if b == UInt8(ascii: "\"") { state = .code }
      case .dollar(let tag):
        if b == UInt8(ascii: "$"), bytes[i...].starts(with: tag) {
          state = .code
          i += tag.count - 1
        }
      case .lineComment:
        if b == 0x0A { state = .code }
      case .blockComment(let depth):
        if b == UInt8(ascii: "*"), peek(i + 1) == UInt8(ascii: "/") {
          state = depth == 1 ? .code : .blockComment(depth - 1)
          i += 1
        } else if b == UInt8(ascii: "/"), peek(i + 1) == UInt8(ascii: "*") {
          state = .blockComment(depth + 1)
          i += 1
        }
      }
      atLineStart = b == 0x0A || (atLineStart && (b == 0x20 || b == 0x09) && isCode(state))
      i += 1
    }
  }

  private func isCode(_ state: State) -> Bool {
    if case .code = state { return true }
    return false
  }

  private func peek(_ i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }

  private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

  private func isWordByte(_ b: UInt8) -> Bool {
    (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b >= 0x80
  }

  /// `$$` or `$tag$` at `i` (not `$1`, a parameter).
  private func dollarTag(at i: Int) -> [UInt8]? {
    if i > 0, isWordByte(bytes[i - 1]) { return nil }
    var j = i + 1
    while j < bytes.count, isWordByte(bytes[j]) { j += 1 }
    guard j < bytes.count, bytes[j] == UInt8(ascii: "$") else { return nil }
    if j > i + 1, bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 { return nil }
    return Array(bytes[i...j])
  }

  /// `COPY … FROM stdin`, whatever the case and spacing.
  private func isCopyFromStdin(_ range: Range<Int>) -> Bool {
    // Most statements are not COPY: look at the first four bytes before making words.
    guard range.count > 4, bytes[range.lowerBound..<(range.lowerBound + 4)].map({ $0 | 0x20 }) == Array("copy".utf8)
    else { return false }
    let words = String(decoding: bytes[range], as: UTF8.self).lowercased()
      .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    guard words.first == "copy" else { return false }
    return zip(words, words.dropFirst()).contains { $0 == "from" && $1 == "stdin" }
  }

  /// Blanks from `i` to the end of its line; returns the offset of the next line.
  private mutating func blankLine(from i: Int) -> Int {
    var j = i
    while j < bytes.count, bytes[j] != 0x0A {
      bytes[j] = 0x20
      j += 1
    }
    return j + 1
  }

  /// Blanks the data lines after the `;` at `semicolon`, through the `\.` line.
  private mutating func blankCopyData(after semicolon: Int) -> Int {
    var i = semicolon + 1
    while i < bytes.count, bytes[i] != 0x0A { i += 1 }
    i += 1
    while i < bytes.count {
      let isEnd = bytes[i...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: ".")])
      i = blankLine(from: i)
      if isEnd { break }
    }
    return i
  }
}
