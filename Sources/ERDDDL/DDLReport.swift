import ERDInspect
import Foundation

/// What a DDL reader did with the statements it did not map into the model.
///
/// *Ignored* statements hold nothing a schema diagram shows (data, session settings,
/// permissions, ownership, routines, sequences); *skipped* ones could change the schema but
/// erdviz does not model them. `--verbose` lists both; `--strict` makes a skipped one an error.
struct DDLReport {
  struct Skipped {
    var location: TextLocation
    var summary: String
    var reason: String
  }

  var statements = 0
  private(set) var ignored: [String: Int] = [:]
  private(set) var skipped: [Skipped] = []

  mutating func ignore(_ kind: String, count: Int = 1) {
    if count > 0 { ignored[kind, default: 0] += count }
  }

  mutating func skip(_ summary: String, at location: TextLocation, reason: String) {
    skipped.append(Skipped(location: location, summary: summary, reason: reason))
  }

  /// The `--verbose` lines, and under `--strict` the first skipped statement as an error.
  func finish(label: String, dialect: Dialect, options: InspectOptions) throws(InspectError) {
    let log = options.log
    let ignoredText = ignored.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
      .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    log.info(
      "ddl: \(dialect.rawValue): \(statements) statements, \(ignored.values.reduce(0, +)) ignored"
        + (ignoredText.isEmpty ? "" : " (\(ignoredText))") + ", \(skipped.count) skipped")
    for s in skipped {
      log.info("ddl: skipped \(label):\(s.location.line):\(s.location.column): \(s.summary): \(s.reason)")
    }
    if options.strict, let first = skipped.first {
      throw .invalidInput(
        label, reason: "\(first.reason) (--strict; \(skipped.count) statement(s) skipped in all)",
        location: first.location)
    }
  }
}

extension DDLReport {
  /// Why a script gave no table or view: how many statements it held and what became of them.
  func nothingFound(dialect: Dialect) -> String {
    var text = "no CREATE TABLE or CREATE VIEW read as \(dialect.rawValue) DDL in \(statements) statement(s)"
    let ignoredCount = ignored.values.reduce(0, +)
    if ignoredCount > 0 { text += ", \(ignoredCount) ignored" }
    if let first = skipped.first {
      text += ", \(skipped.count) skipped (the first at line \(first.location.line): \(first.reason))"
    }
    return text + "; is this SQL DDL? (--dialect picks the dialect, --verbose lists every statement)"
  }
}

/// Byte offsets to lines and columns, in time proportional to the log of the line count.
struct LineIndex {
  let bytes: [UInt8]
  /// Where every `stride`-th line starts (lines 1, 1 + stride, …); a location is found from the
  /// nearest one by counting at most `stride` lines. Every line's start was 8 bytes a line: 34 MB
  /// for 100 MB of DDL.
  private let checkpoints: [Int]
  private static let stride = 32

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var checkpoints = [0]
    var line = 0
    for (i, b) in bytes.enumerated() where b == 0x0A {
      line += 1
      if line % Self.stride == 0 { checkpoints.append(i + 1) }
    }
    self.checkpoints = checkpoints
  }

  func location(of offset: Int) -> TextLocation {
    let offset = max(0, min(offset, bytes.count))
    var low = 0
    var high = checkpoints.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if checkpoints[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    var line = low * Self.stride
    var lineStart = checkpoints[low]
    for i in lineStart..<offset where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    var lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
    if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
    let column = bytes[lineStart..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    return TextLocation(
      line: line + 1, column: column,
      lineText: String(decoding: bytes[lineStart..<max(lineStart, lineEnd)], as: UTF8.self))
  }

  /// The first line of the text at `range`, shortened, to name a statement in messages.
  func summary(of range: Range<Int>) -> String {
    let clipped = max(0, range.lowerBound)..<min(bytes.count, range.upperBound)
    var text = Substring(String(decoding: bytes[clipped], as: UTF8.self))
    // Leading comments belong to no statement: a provider's `-- Create model Author` above one.
    while true {
      text = text.drop { $0.isWhitespace }
      if text.hasPrefix("--") {
        text = text.drop { $0 != "\n" }
      } else if text.hasPrefix("/*"), let end = text.range(of: "*/") {
        text = text[end.upperBound...]
      } else {
        break
      }
    }
    var line = String(text).trimmingSpaces()
    if let newline = line.firstIndex(of: "\n") { line = String(line[..<newline]).trimmingSpaces() + " …" }
    if line.count > 72 { line = String(line.prefix(70)) + " …" }
    return line
  }
}
