/// Graphviz's SVG document made into markup for inside an HTML page.
enum InlineSVG {
  /// Drops what HTML does not want inline: the XML declaration and doctype before `<svg`, the
  /// comments (they only repeat node names), and the namespace declarations, which the HTML parser
  /// supplies itself and which would read like external URLs to a reviewer.
  ///
  /// Works on bytes: Foundation's `range(of:)` on a large string costs a UTF-16 index walk per call.
  static func markup(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = bytes.firstIndex(of: Array("<svg".utf8), from: 0) ?? 0
    let namespaces = [" xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\""]
      .map { Array($0.utf8) }
    let open = Array("<!--".utf8)
    let close = Array("-->".utf8)
    // Graphviz escapes `<` in every text and attribute, so `<!--` can only open a real comment.
    while i < bytes.count {
      if bytes.hasPrefix(open, at: i) {
        guard let end = bytes.firstIndex(of: close, from: i + open.count) else { break }
        i = end + close.count
        if i < bytes.count && bytes[i] == UInt8(ascii: "\n") { i += 1 }
      } else if bytes[i] == UInt8(ascii: " "), let namespace = namespaces.first(where: { bytes.hasPrefix($0, at: i) }) {
        i += namespace.count
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    while out.last == UInt8(ascii: "\n") { out.removeLast() }
    return String(decoding: out, as: UTF8.self)
  }
}

extension Array where Element == UInt8 {
  /// Whether `prefix` occurs at `index`.
  func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
    guard index + prefix.count <= count else { return false }
    for j in 0..<prefix.count where self[index + j] != prefix[j] { return false }
    return true
  }

  /// The first index at or after `start` where `needle` occurs.
  func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, needle.count <= count else { return nil }
    var i = start
    while i + needle.count <= count {
      if self[i] == first && hasPrefix(needle, at: i) { return i }
      i += 1
    }
    return nil
  }
}
