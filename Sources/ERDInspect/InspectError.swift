/// Why a schema could not be read; each case names the source, never a password.
public enum InspectError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file or stdin the user named is not there (`no such file: x.db`).
  case inputMissing(String)
  /// The input exists but cannot be read.
  case inputUnreadable(String, reason: String)
  /// The input was read but is not a schema we understand (bad DDL, bad JSON, not a database).
  case invalidInput(String, reason: String, location: TextLocation? = nil)
  /// A database server or provider program could not be reached or failed.
  case unavailable(String, reason: String)
  /// The request itself is wrong (an unknown URL scheme, no source given).
  case usage(String)

  public var description: String {
    switch self {
    case .inputMissing(let what): return "no such file: \(what)"
    case .inputUnreadable(let what, let reason): return "cannot read \(what): \(reason)"
    case .invalidInput(let what, let reason, let location):
      guard let location else { return "\(what): \(reason)" }
      let head = "\(what):\(location.line):\(location.column): \(reason)"
      guard let excerpt = location.excerpt else { return head }
      return head + "\n" + excerpt
    case .unavailable(let what, let reason): return "\(what): \(reason)"
    case .usage(let message): return message
    }
  }
}

/// A 1-based line and column in an input text, with that line's text for an excerpt.
public struct TextLocation: Hashable, Sendable {
  public var line: Int
  /// Counted in Unicode scalars, a tab counting as one.
  public var column: Int
  /// The line the location is on, shown under the message with a caret under the column.
  public var lineText: String?

  public init(line: Int, column: Int, lineText: String? = nil) {
    self.line = line
    self.column = column
    self.lineText = lineText
  }

  /// The location of byte `offset` of `bytes`, with its line's text.
  public init(offset: Int, in bytes: [UInt8]) {
    let offset = max(0, min(offset, bytes.count))
    var line = 1
    var lineStart = 0
    for i in 0..<offset where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    var lineEnd = offset
    while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
    if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
    let column = bytes[lineStart..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    self.init(
      line: line, column: column,
      lineText: String(decoding: bytes[lineStart..<max(lineStart, lineEnd)], as: UTF8.self))
  }

  /// The line, cut to a window around the column when it is long, and a caret under the column.
  public var excerpt: String? {
    guard let lineText else { return nil }
    var scalars = Array(lineText.unicodeScalars)
    var caret = column - 1
    let width = 120
    if scalars.count > width {
      let start = max(0, min(caret - width / 2, scalars.count - width))
      let end = min(scalars.count, start + width)
      let head: [Unicode.Scalar] = start > 0 ? ["…"] : []
      let tail: [Unicode.Scalar] = end < scalars.count ? ["…"] : []
      caret = caret - start + head.count
      scalars = head + Array(scalars[start..<end]) + tail
    }
    caret = max(0, min(caret, scalars.count))
    // Keep tabs in the caret line so the caret lines up however the terminal shows them.
    let pad = scalars[..<caret].map { $0 == "\t" ? "\t" : " " }.joined()
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    return "    \(text)\n    \(pad)^"
  }
}
