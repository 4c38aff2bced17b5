/// One token of SQL text, pointing back into the bytes it came from.
public struct SQLToken: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A bare word: keyword or unquoted identifier.
    case word
    /// A quoted identifier (`"x"`, `` `x` ``, `[x]`); `text` is the unquoted name.
    case quotedIdentifier
    /// A string literal; `text` is its value with quotes and escapes removed.
    case string
    case number
    /// One punctuation or operator character, or a multi-character operator (`::`, `<=`).
    case symbol
    /// A `--`, `#` or `/* */` comment; `text` is its content without the markers.
    case comment
  }

  public var kind: Kind
  public var text: String
  /// Byte range of the whole token, markers and quotes included.
  public var start: Int
  public var end: Int
  /// 1-based line and column of the token's first byte.
  public var line: Int
  public var column: Int
  /// A quote, bracket or comment that the input ended inside of.
  public var unterminated = false

  /// Whether this is the bare word `keyword`, in any case.
  public func isWord(_ keyword: String) -> Bool {
    // Byte by byte, ASCII letters folded: this runs for every token a parser looks at.
    guard kind == .word, text.utf8.count == keyword.utf8.count else { return false }
    return zip(text.utf8, keyword.utf8).allSatisfy { a, b in
      a == b || (a >= 0x61 && a <= 0x7A && a - 0x20 == b)
    }
  }

  public func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

  /// The identifier this token names, if it can name one.
  public var identifier: String? {
    switch kind {
    case .word, .quotedIdentifier: return text
    case .string: return text  // SQLite and MySQL accept 'name' where an identifier is expected
    default: return nil
    }
  }
}

/// A tolerant SQL lexer shared by the dialects we read with our own parsers.
///
/// It never fails: an unterminated quote or comment runs to the end of the input, and the parser
/// that consumes the tokens decides whether that is an error.
public struct SQLLexer {
  public struct Options: Sendable {
    /// `[name]` is a quoted identifier (SQLite, SQL Server) rather than a subscript.
    public var bracketIdentifiers = false
    /// `` `name` `` is a quoted identifier (MySQL, SQLite).
    public var backtickIdentifiers = false
    /// `#` starts a line comment (MySQL).
    public var hashComments = false
    /// A backslash escapes the next character inside strings (MySQL).
    public var backslashEscapes = false
    /// `$tag$ … $tag$` is a string (PostgreSQL).
    public var dollarQuotes = false

    public init() {}

    public static let sqlite: Options = {
      var o = Options()
      o.bracketIdentifiers = true
      o.backtickIdentifiers = true
      return o
    }()
  }

  public let bytes: [UInt8]
  public let options: Options

  public init(_ bytes: [UInt8], options: Options) {
    self.bytes = bytes
    self.options = options
  }

  public init(_ text: String, options: Options) {
    self.init(Array(text.utf8), options: options)
  }

  /// The original text of a byte range, exactly as written.
  public func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)], as: UTF8.self)
  }

  /// All tokens, comments included.
  public func tokens() -> [SQLToken] {
    var cursor = Cursor(bytes: bytes)
    var out: [SQLToken] = []
    while let token = next(&cursor) { out.append(token) }
    return out
  }

  /// The tokens from byte `offset` on, handed to `body` until it returns false. Lines and
  /// columns are counted as if the text began at `offset`.
  public func forEachToken(from offset: Int, _ body: (SQLToken) -> Bool) {
    var cursor = Cursor(bytes: bytes, index: max(0, min(offset, bytes.count)))
    while let token = next(&cursor), body(token) {}
  }

  struct Cursor {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    /// 1-based column of `index`, counted in Unicode scalars.
    var column = 1
    /// Set when the last quoted run or comment reached the end of the input unclosed.
    var unterminated = false

    func peek(_ offset: Int = 0) -> UInt8? {
      let i = index + offset
      return i < bytes.count ? bytes[i] : nil
    }

    mutating func advance() {
      let b = bytes[index]
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }

    mutating func advance(while predicate: (UInt8) -> Bool) {
      while index < bytes.count, predicate(bytes[index]) { advance() }
    }
  }

  private func next(_ c: inout Cursor) -> SQLToken? {
    c.advance(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C })
    guard let byte = c.peek() else { return nil }
    let start = c.index
    let line = c.line
    let column = c.column
    c.unterminated = false
    func token(_ kind: SQLToken.Kind, _ text: String) -> SQLToken {
      SQLToken(
        kind: kind, text: text, start: start, end: c.index, line: line, column: column, unterminated: c.unterminated)
    }

    switch byte {
    case UInt8(ascii: "-") where c.peek(1) == UInt8(ascii: "-"),
      UInt8(ascii: "#") where options.hashComments:
      c.advance(while: { $0 != 0x0A })
      let markerLength = byte == UInt8(ascii: "#") ? 1 : 2
      return token(.comment, text((start + markerLength)..<c.index).trimmingSpaces())
    case UInt8(ascii: "/") where c.peek(1) == UInt8(ascii: "*"):
      c.advance()
      c.advance()
      while let b = c.peek(), !(b == UInt8(ascii: "*") && c.peek(1) == UInt8(ascii: "/")) { c.advance() }
      let contentEnd = c.index
      if c.peek() != nil {
        c.advance()
        c.advance()
      } else {
        c.unterminated = true
      }
      return token(.comment, text((start + 2)..<contentEnd).trimmingSpaces())
    case UInt8(ascii: "'"):
      return token(.string, quoted(&c, close: UInt8(ascii: "'"), escapes: options.backslashEscapes))
    case UInt8(ascii: "\""):
      return token(.quotedIdentifier, quoted(&c, close: UInt8(ascii: "\""), escapes: false))
    case UInt8(ascii: "`") where options.backtickIdentifiers:
      return token(.quotedIdentifier, quoted(&c, close: UInt8(ascii: "`"), escapes: false))
    case UInt8(ascii: "[") where options.bracketIdentifiers:
      c.advance()
      let s = c.index
      c.advance(while: { $0 != UInt8(ascii: "]") })
      let name = text(s..<c.index)
      if c.peek() != nil { c.advance() } else { c.unterminated = true }
      return token(.quotedIdentifier, name)
    case UInt8(ascii: "$") where options.dollarQuotes:
      if let body = dollarQuoted(&c) { return token(.string, body) }
      c.advance()
      return token(.symbol, "$")
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      c.advance(while: { isWordByte($0) || $0 == UInt8(ascii: ".") })
      return token(.number, text(start..<c.index))
    case UInt8(ascii: ".") where c.peek(1).map({ $0 >= 0x30 && $0 <= 0x39 }) ?? false:
      c.advance()
      c.advance(while: isWordByte)
      return token(.number, text(start..<c.index))
    default:
      if isWordByte(byte) || byte >= 0x80 {
        // N'…', E'…', X'…', B'…' and _utf8'…' are strings with a prefix.
        c.advance(while: { isWordByte($0) || $0 >= 0x80 || (options.dollarQuotes && $0 == UInt8(ascii: "$")) })
        if c.peek() == UInt8(ascii: "'"), isStringPrefix(text(start..<c.index)) {
          let escapes = options.backslashEscapes || text(start..<c.index).uppercased() == "E"
          return token(.string, quoted(&c, close: UInt8(ascii: "'"), escapes: escapes))
        }
        return token(.word, text(start..<c.index))
      }
      c.advance()
      if let second = c.peek(), Self.twoCharacterOperators.contains([byte, second]) {
        c.advance()
      }
      return token(.symbol, text(start..<c.index))
    }
  }

  private static let twoCharacterOperators: Set<[UInt8]> = [
    Array("::".utf8), Array("<=".utf8), Array(">=".utf8), Array("<>".utf8), Array("!=".utf8),
    Array("||".utf8), Array("->".utf8), Array("=>".utf8), Array(":=".utf8),
  ]

  private func isStringPrefix(_ word: String) -> Bool {
    let w = word.uppercased()
    return w == "N" || w == "E" || w == "X" || w == "B" || w == "U&" || (w.hasPrefix("_") && w.count > 1)
  }

  /// Reads a quoted run whose closing quote is escaped by doubling it (`'it''s'`).
  private func quoted(_ c: inout Cursor, close: UInt8, escapes: Bool) -> String {
    c.advance()  // opening quote
    var value: [UInt8] = []
    c.unterminated = true
    while let b = c.peek() {
      if escapes, b == UInt8(ascii: "\\"), let escaped = c.peek(1) {
        value.append(unescape(escaped))
        c.advance()
        c.advance()
        continue
      }
      c.advance()
      if b == close {
        guard c.peek() == close else {
          c.unterminated = false
          break
        }
        c.advance()
      }
      value.append(b)
    }
    return String(decoding: value, as: UTF8.self)
  }

  private func unescape(_ b: UInt8) -> UInt8 {
    switch b {
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "t"): return 0x09
    case UInt8(ascii: "r"): return 0x0D
    case UInt8(ascii: "0"): return 0x00
    default: return b
    }
  }

  /// `$$…$$` or `$tag$…$tag$`; nil (consuming nothing) when `$` does not open one.
  private func dollarQuoted(_ c: inout Cursor) -> String? {
    var i = c.index + 1
    while i < bytes.count, isWordByte(bytes[i]) { i += 1 }
    guard i < bytes.count, bytes[i] == UInt8(ascii: "$") else { return nil }
    let tag = Array(bytes[c.index...i])
    let bodyStart = i + 1
    var j = bodyStart
    while j + tag.count <= bytes.count, !bytes[j..<(j + tag.count)].elementsEqual(tag) { j += 1 }
    let bodyEnd = min(j, bytes.count)
    let end = min(bytes.count, bodyEnd + tag.count)
    if j + tag.count > bytes.count { c.unterminated = true }
    while c.index < end { c.advance() }
    return text(bodyStart..<bodyEnd)
  }
}

@inline(__always)
func isWordByte(_ b: UInt8) -> Bool {
  (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
}

extension String {
  /// The string without leading and trailing whitespace.
  public func trimmingSpaces() -> String {
    // Most strings have nothing to trim; checking the bytes first spares a copy.
    guard let first = utf8.first, let last = utf8.last else { return self }
    func space(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) || b >= 0x80 }
    if !space(first) && !space(last) { return self }
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }
}
