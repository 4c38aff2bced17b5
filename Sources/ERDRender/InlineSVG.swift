/// Graphviz's SVG document made into markup for inside an HTML page.
enum InlineSVG {
  /// Drops what HTML does not want inline: the XML declaration and doctype before `<svg`, the
  /// comments (they only repeat node names), and the namespace declarations, which the HTML parser
  /// supplies itself and which would read like external URLs to a reviewer.
  static func markup(_ bytes: [UInt8]) -> String {
    var svg = String(decoding: bytes, as: UTF8.self)
    if let start = svg.range(of: "<svg") { svg = String(svg[start.lowerBound...]) }
    svg = removingComments(svg)
    for namespace in [
      " xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
    ] {
      if let range = svg.range(of: namespace) { svg.removeSubrange(range) }
    }
    while svg.hasSuffix("\n") { svg.removeLast() }
    return svg
  }

  /// Graphviz escapes `<` in every text and attribute, so `<!--` can only open a real comment.
  private static func removingComments(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    var rest = Substring(s)
    while let open = rest.range(of: "<!--") {
      out += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
      rest = rest[close.upperBound...]
      if rest.first == "\n" { rest = rest.dropFirst() }
    }
    out += rest
    return out
  }
}
