/// Whether a Graphviz SVG stays readable on a screen: shown `screenWidth` pixels wide (never
/// enlarged), its smallest text must be at least `minimumText` pixels.
public struct Readability: Sendable {
  public static let screenWidth = 1_600.0
  public static let minimumText = 8.0

  /// The drawing's width in points, and the smallest font size in it, in points.
  public var width: Double
  public var smallestFont: Double

  /// Reads `<svg width="…pt"` and every `font-size="…"` of Graphviz's SVG; nil when it has no text.
  public init?(svg bytes: [UInt8]) {
    guard let width = Self.number(after: Array("<svg width=\"".utf8), in: bytes, from: 0).first else { return nil }
    let fonts = Self.number(after: Array("font-size=\"".utf8), in: bytes, from: 0)
    guard let smallest = fonts.min() else { return nil }
    self.width = width
    self.smallestFont = smallest
  }

  /// How much a screen `screenWidth` pixels wide shrinks the drawing (1: not at all).
  public var scale: Double { min(1, Self.screenWidth / (width * 4 / 3)) }

  /// The smallest text in pixels at that scale (a point is 4/3 of a CSS pixel).
  public var smallestText: Double { smallestFont * 4 / 3 * scale }

  public var isReadable: Bool { smallestText >= Self.minimumText }

  /// What to say when the drawing is too wide to read, and what to use instead.
  public var advice: String {
    let text = (smallestText * 10).rounded() / 10
    return "the drawing is \(Int(width.rounded())) pt wide: shown \(Int(Self.screenWidth)) px wide its smallest text is "
      + "\(text) px (under \(Int(Self.minimumText))); for a readable drawing use --columns keys, --focus TABLE or "
      + "--split group -o FOLDER/, or the HTML page (zoom and search)"
  }

  /// Every number that follows `marker` (an attribute's opening), in order.
  private static func number(after marker: [UInt8], in bytes: [UInt8], from start: Int) -> [Double] {
    var out: [Double] = []
    var i = start
    while let at = bytes.firstIndex(of: marker, from: i) {
      var j = at + marker.count
      var digits = ""
      while j < bytes.count, bytes[j] == UInt8(ascii: ".") || (bytes[j] >= 0x30 && bytes[j] <= 0x39) {
        digits.unicodeScalars.append(Unicode.Scalar(bytes[j]))
        j += 1
      }
      if let value = Double(digits) { out.append(value) }
      i = j
      if marker.first == UInt8(ascii: "<") { break }
    }
    return out
  }
}
