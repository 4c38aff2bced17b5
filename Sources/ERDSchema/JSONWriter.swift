/// Writes a `JSONValue` as indented text with a stable layout.
public struct JSONWriter: Sendable {
  /// Escape `<`, `>`, `&`, U+2028 and U+2029 too, so the text is inert inside an HTML `<script>`.
  public var htmlSafe: Bool
  /// Indent with two spaces per level; when false, the output is one line.
  public var pretty: Bool

  public init(htmlSafe: Bool = false, pretty: Bool = true) {
    self.htmlSafe = htmlSafe
    self.pretty = pretty
  }

  public func string(_ value: JSONValue) -> String {
    var out = ""
    out.reserveCapacity(4096)
    write(value, indent: 0, into: &out)
    if pretty { out.append("\n") }
    return out
  }

  private func write(_ value: JSONValue, indent: Int, into out: inout String) {
    switch value {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .int(let i): out.append(String(i))
    case .double(let d): out.append(d.isFinite ? String(d) : "null")
    case .string(let s): writeString(s, into: &out)
    case .array(let items):
      guard !items.isEmpty else { return out.append("[]") }
      // Arrays of scalars stay on one line: column lists read better that way.
      let inline = !pretty || items.allSatisfy(\.isScalar)
      out.append("[")
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(inline && pretty ? ", " : ",") }
        if !inline { newline(indent + 1, into: &out) }
        write(item, indent: indent + 1, into: &out)
      }
      if !inline { newline(indent, into: &out) }
      out.append("]")
    case .object(let members):
      guard !members.isEmpty else { return out.append("{}") }
      out.append("{")
      for (i, member) in members.enumerated() {
        if i > 0 { out.append(",") }
        newline(indent + 1, into: &out)
        writeString(member.key, into: &out)
        out.append(pretty ? ": " : ":")
        write(member.value, indent: indent + 1, into: &out)
      }
      newline(indent, into: &out)
      out.append("}")
    }
  }

  private func newline(_ indent: Int, into out: inout String) {
    guard pretty else { return }
    out.append("\n")
    out.append(String(repeating: "  ", count: indent))
  }

  private func writeString(_ s: String, into out: inout String) {
    out.append("\"")
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      case "<" where htmlSafe, ">" where htmlSafe, "&" where htmlSafe,
        "\u{2028}", "\u{2029}":
        out.append(Self.unicodeEscape(scalar.value))
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out.append(Self.unicodeEscape(scalar.value))
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}

extension JSONValue {
  fileprivate var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }
}
