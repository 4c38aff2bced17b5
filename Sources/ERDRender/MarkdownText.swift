/// Text made safe for GitHub-flavoured Markdown: it renders as itself, never as markup or HTML.
enum MarkdownText {
  /// What GFM reads as syntax inside a line: emphasis, code, links, HTML, entities, tables,
  /// strikethrough, a heading's closing `#`s, and GitHub's `$` maths and `@` mentions.
  /// (CommonMark lets any ASCII punctuation be backslash-escaped.)
  private static let special = Set("\\`*_[]<>#!|~&$@".unicodeScalars)

  /// Plain text inside a line (a heading, a cell, a list item): syntax escaped, breaks as spaces.
  static func text(_ s: String) -> String {
    var out = ""
    let scalars = Array(oneLine(s).unicodeScalars)
    for (i, c) in scalars.enumerated() {
      // An `_` inside a word never opens emphasis in GFM: `order_line` stays readable.
      let intraword = c == "_" && i > 0 && i + 1 < scalars.count && isWord(scalars[i - 1]) && isWord(scalars[i + 1])
      if special.contains(c) && !intraword { out.append("\\") }
      out.unicodeScalars.append(c)
    }
    return out
  }

  private static func isWord(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic || ("0"..."9").contains(c)
  }

  /// Plain text that starts a line (a paragraph): also never a list item, quote or heading rule.
  static func paragraph(_ s: String) -> String {
    var out = text(String(oneLine(s).drop { $0 == " " }))
    let lead = out.prefix { $0.isASCII && $0.isNumber }
    if let first = out.first, "-+=".contains(first) {
      out.insert("\\", at: out.startIndex)
    } else if !lead.isEmpty, let marker = out.dropFirst(lead.count).first, marker == "." || marker == ")" {
      out.insert("\\", at: out.index(out.startIndex, offsetBy: lead.count))
    }
    return out
  }

  /// An inline code span (names, types, SQL): the text verbatim, in a fence of backticks longer
  /// than any run inside it.
  static func code(_ s: String) -> String {
    var text = oneLine(s)
    if text.isEmpty { text = " " }
    let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
    // A leading or trailing backtick would join the fence; a space on both sides would be eaten
    // (unless the span is nothing but spaces).
    let spaced = text.hasPrefix(" ") && text.hasSuffix(" ") && text.contains { $0 != " " }
    let pad = text.hasPrefix("`") || text.hasSuffix("`") || spaced
    return pad ? "\(fence) \(text) \(fence)" : "\(fence)\(text)\(fence)"
  }

  /// A table cell: GFM splits rows at `|` before reading code spans, so every `|` is escaped.
  static func cell(_ markdown: String) -> String {
    markdown.replacingOccurrences(of: "|", with: "\\|")
  }

  /// A fenced code block that no line of `body` can close.
  static func fenced(_ body: String, language: String) -> String {
    let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: body) + 1))
    let text = body.hasSuffix("\n") ? body : body + "\n"
    return "\(fence)\(language)\n\(text)\(fence)\n"
  }

  static func oneLine(_ s: String) -> String {
    var out = ""
    var lastWasBreak = false
    for c in s.unicodeScalars {
      switch c {
      case "\n", "\r", "\t", "\u{85}", "\u{2028}", "\u{2029}":
        if !lastWasBreak { out.append(" ") }
        lastWasBreak = true
        continue
      default:
        if c.value >= 0x20 && c.value != 0x7F { out.unicodeScalars.append(c) }
      }
      lastWasBreak = false
    }
    return out
  }

  private static func longestRun(of character: Character, in s: String) -> Int {
    var best = 0
    var run = 0
    for c in s {
      run = c == character ? run + 1 : 0
      best = max(best, run)
    }
    return best
  }
}
