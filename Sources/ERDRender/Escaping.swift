/// Each format's escaping of a name next to the reading its parser does, so that a property
/// test or a fuzzer can check that what erdviz writes reads back as the name.
///
/// The readings are those of the formats' grammars (DOT's quoted strings and XML entities in
/// HTML-like labels, Mermaid's entity codes, DBML's quoted names, Markdown's backslash escapes),
/// written small and separately from the escapers they check.
public enum Escaping {
  /// The escapers whose output does not read back as `name`, by name; empty when all do.
  public static func failures(_ name: String) -> [String] {
    var failed: [String] = []
    let oneLine = String(
      String.UnicodeScalarView(name.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    let dot = DOTRenderer()
    let quoted = dot.quote(name)
    if readDOTString(quoted) != dotExpected(name) { failed.append("dot-quote") }
    let cutLine = DOTRenderer.cut(name).unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }
    if readXML(dot.html(name)) != String(String.UnicodeScalarView(cutLine.filter(xmlAllowed))) {
      failed.append("dot-html")
    }
    let printable = String(
      String.UnicodeScalarView(oneLine.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    if readMermaid(MermaidRenderer.text(name)) != printable { failed.append("mermaid-text") }
    let comment = MermaidRenderer.commentText(name)
    if comment.contains("%%") || comment.contains("{") || comment.contains(where: \.isNewline) {
      failed.append("mermaid-comment")
    }
    if readDBMLName(DBMLText.name(name)) != DBMLText.representable(name) && DBMLText.name(name) != name {
      failed.append("dbml-name")
    }
    if readMarkdown(MarkdownText.text(name)) != MarkdownText.oneLine(name) { failed.append("markdown-text") }
    if MarkdownText.cell(MarkdownText.code(name)).contains(where: \.isNewline) { failed.append("markdown-cell") }
    return failed
  }

  private static func dotExpected(_ name: String) -> String {
    String(
      String.UnicodeScalarView(
        DOTRenderer.cut(name).unicodeScalars.compactMap { c -> Unicode.Scalar? in
          if c == "\r" || c == "\t" { return " " }
          return c == "\n" || c.value >= 0x20 ? c : nil
        }))
  }

  private static func xmlAllowed(_ c: Unicode.Scalar) -> Bool {
    c.value >= 0x20 && c.value != 0x7F && c.value != 0xFFFE && c.value != 0xFFFF
  }

  /// A DOT double-quoted string as Graphviz reads it, byte by byte: `\"` is a quote, `\\` a
  /// backslash, `\n` a line break (in a label).
  static func readDOTString(_ s: String) -> String? {
    let scalars = Array(s.unicodeScalars)
    guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
    var out = String.UnicodeScalarView()
    var escaped = false
    for c in scalars.dropFirst().dropLast() {
      if escaped {
        out.append(c == "n" ? "\n" : c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == "\"" {
        return nil
      } else {
        out.append(c)
      }
    }
    return escaped ? nil : String(out)
  }

  /// XML text: the five entities back to their characters; a bare `<` or `>` is not text.
  static func readXML(_ s: String) -> String? {
    let scalars = Array(s.unicodeScalars)
    if scalars.contains("<") || scalars.contains(">") { return nil }
    let entities: [(String, Unicode.Scalar)] = [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ]
    return readEntities(scalars, opener: "&") { code in entities.first { $0.0 == "&" + code + ";" }?.1 }
  }

  /// Mermaid text: only entity codes (`#quot;`, `#35;`) may carry the characters its grammar
  /// reads, and Mermaid reads them in code units, whatever combining marks follow.
  static func readMermaid(_ s: String) -> String? {
    let scalars = Array(s.unicodeScalars)
    let named: [String: Unicode.Scalar] = ["quot": "\"", "lt": "<", "gt": ">", "amp": "&"]
    return readEntities(scalars, opener: "#", forbidden: "\"%<>\\`[]{}|*~") { code in
      named[code] ?? UInt32(code).flatMap(Unicode.Scalar.init)
    }
  }

  /// Scalars with `opener…;` codes decoded by `decode`; nil when a code does not decode or a
  /// forbidden scalar stands bare.
  private static func readEntities(
    _ scalars: [Unicode.Scalar], opener: Unicode.Scalar, forbidden: String = "",
    decode: (String) -> Unicode.Scalar?
  ) -> String? {
    let bare = Set(forbidden.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if c == opener {
        guard let semi = scalars[i...].firstIndex(of: ";"),
          let decoded = decode(String(String.UnicodeScalarView(scalars[(i + 1)..<semi])))
        else { return nil }
        out.append(decoded)
        i = semi + 1
      } else {
        if bare.contains(c) || (!bare.isEmpty && c == ";") { return nil }
        out.append(c)
        i += 1
      }
    }
    return String(out)
  }

  /// A DBML quoted name: what is between the quotes, which may hold no quote or line break.
  static func readDBMLName(_ s: String) -> String? {
    let scalars = Array(s.unicodeScalars)
    guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
    let inner = scalars.dropFirst().dropLast()
    if inner.contains("\"") || inner.contains(where: { $0 == "\n" || $0 == "\r" }) { return nil }
    return String(String.UnicodeScalarView(inner))
  }

  /// Markdown inline text: a backslash before ASCII punctuation is the punctuation.
  static func readMarkdown(_ s: String) -> String {
    var out = ""
    var escaped = false
    for c in s.unicodeScalars {
      if escaped || c != "\\" {
        out.unicodeScalars.append(c)
        escaped = false
      } else {
        escaped = true
      }
    }
    return out
  }
}
