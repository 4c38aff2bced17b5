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
  /// Where each statement ends: just after every `;` outside strings, quoted names, comments and
  /// dollar quotes (after the data of a `COPY … FROM stdin`). The parser may be given the text in
  /// pieces cut here; a `;` inside `BEGIN ATOMIC … END` is one too, so a cut there can split a
  /// statement, which the reader notices by its syntax error and mends.
  private(set) var statementEnds: [Int] = []

  init(_ input: [UInt8]) {
    bytes = input
    blankNonSQL()
  }

  private enum State {
    case code
    case string(escapes: Bool)
    case identifier
    case dollar([UInt8])
    case lineComment
    case blockComment(Int)
  }

  private mutating func blankNonSQL() {
    var state = State.code
    var i = 0
    var atLineStart = true
    var statementStart: Int?
    while i < bytes.count {
      let b = bytes[i]
      guard isCode(state) else {
        state = stateAfter(state, at: &i)
        atLineStart = b == 0x0A
        i += 1
        continue
      }
      if atLineStart, b == UInt8(ascii: "\\") {
        metaCommands += 1
        i = blankLine(from: i)
        continue
      }
      if b == UInt8(ascii: ";") {
        if let start = statementStart, isCopyFromStdin(start..<i) {
          copyBlocks += 1
          i = blankCopyData(after: i)
          statementEnds.append(min(i, bytes.count))
          statementStart = nil
          atLineStart = true
          continue
        }
        statementEnds.append(i + 1)
        statementStart = nil
      } else if statementStart == nil, !isSpace(b), !startsComment(at: i) {
        statementStart = i
      }
      state = opening(at: &i)
      atLineStart = b == 0x0A || (atLineStart && (b == 0x20 || b == 0x09) && isCode(state))
      i += 1
    }
  }

  private func startsComment(at i: Int) -> Bool {
    (bytes[i] == UInt8(ascii: "-") && peek(i + 1) == UInt8(ascii: "-"))
      || (bytes[i] == UInt8(ascii: "/") && peek(i + 1) == UInt8(ascii: "*"))
  }

  /// The state the byte at `i` opens in code: a string, quoted name, comment or dollar quote.
  private func opening(at i: inout Int) -> State {
    switch bytes[i] {
    case UInt8(ascii: "'"):
      let prefix = i > 0 ? bytes[i - 1] | 0x20 : 0
      return .string(escapes: prefix == UInt8(ascii: "e") && (i < 2 || !isWordByte(bytes[i - 2])))
    case UInt8(ascii: "\""): return .identifier
    case UInt8(ascii: "-") where peek(i + 1) == UInt8(ascii: "-"): return .lineComment
    case UInt8(ascii: "/") where peek(i + 1) == UInt8(ascii: "*"):
      i += 1
      return .blockComment(1)
    case UInt8(ascii: "$"):
      guard let tag = dollarTag(at: i) else { return .code }
      i += tag.count - 1
      return .dollar(tag)
    default: return .code
    }
  }

  /// The state after the byte at `i` inside a string, quoted name, comment or dollar quote.
  private func stateAfter(_ state: State, at i: inout Int) -> State {
    let b = bytes[i]
    switch state {
    case .code: return .code
    case .string(let escapes):
      if escapes && b == UInt8(ascii: "\\") {
        i += 1
      } else if b == UInt8(ascii: "'") {
        guard peek(i + 1) == UInt8(ascii: "'") else { return .code }
        i += 1
      }
    case .identifier:
      if b == UInt8(ascii: "\"") { return .code }
    case .dollar(let tag):
      if b == UInt8(ascii: "$"), bytes[i...].starts(with: tag) {
        i += tag.count - 1
        return .code
      }
    case .lineComment:
      if b == 0x0A { return .code }
    case .blockComment(let depth):
      if b == UInt8(ascii: "*"), peek(i + 1) == UInt8(ascii: "/") {
        i += 1
        return depth == 1 ? .code : .blockComment(depth - 1)
      }
      if b == UInt8(ascii: "/"), peek(i + 1) == UInt8(ascii: "*") {
        i += 1
        return .blockComment(depth + 1)
      }
    }
    return state
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
