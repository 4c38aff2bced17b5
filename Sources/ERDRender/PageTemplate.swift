/// Fills `{{name}}` placeholders in a template, and escapes text for HTML.
enum PageTemplate {
  /// Replaces every `{{name}}` in one pass, so a value that itself holds `{{…}}` (a table comment,
  /// say) is never read as a placeholder. Unknown names are left as they are.
  static func fill(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    out.reserveCapacity(template.utf8.count + values.values.reduce(0) { $0 + $1.utf8.count })
    var rest = Substring(template)
    while let open = rest.range(of: "{{") {
      out += rest[..<open.lowerBound]
      let after = rest[open.upperBound...]
      guard let close = after.range(of: "}}"), let value = values[String(after[..<close.lowerBound])] else {
        out += "{{"
        rest = after
        continue
      }
      out += value
      rest = after[close.upperBound...]
    }
    out += rest
    return out
  }

  /// Text for HTML element content or a quoted attribute value: the escaping of DOT's HTML-like
  /// labels (`&<>"'`, on one line, without control characters) serves the page too.
  static func escape(_ s: String) -> String { DOTRenderer().html(s) }
}
