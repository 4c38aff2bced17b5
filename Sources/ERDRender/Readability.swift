/// Whether a Graphviz SVG stays readable on a screen: shown `screenWidth` pixels wide (never
/// enlarged), its text (the size most of its text has: column names and types) must be at
/// least `minimumText` pixels. Badges and notes are smaller by design.
public struct Readability: Sendable {
  public static let screenWidth = 1_600.0
  public static let minimumText = 8.0

  /// The drawing's width in points, and the font size most of its text has, in points.
  public var width: Double
  public var textFont: Double

  /// Reads `<svg width="…pt"` and every `font-size="…"` of Graphviz's SVG; nil when it has no text.
  public init?(svg bytes: [UInt8]) {
    guard let width = Self.number(after: Array("<svg width=\"".utf8), in: bytes, from: 0).first else { return nil }
    var counts: [Double: Int] = [:]
    for size in Self.number(after: Array("font-size=\"".utf8), in: bytes, from: 0) { counts[size, default: 0] += 1 }
    guard let common = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
    self.width = width
    self.textFont = common
  }

  /// How much a screen `screenWidth` pixels wide shrinks the drawing (1: not at all).
  public var scale: Double { min(1, Self.screenWidth / (width * 4 / 3)) }

  /// The text in pixels at that scale (a point is 4/3 of a CSS pixel).
  public var text: Double { textFont * 4 / 3 * scale }

  public var isReadable: Bool { text >= Self.minimumText }

  /// What to say when the drawing is too wide to read, and what to use instead.
  public var advice: String {
    let pixels = (text * 10).rounded() / 10
    return "the drawing is \(Int(width.rounded())) pt wide: shown \(Int(Self.screenWidth)) px wide its text is "
      + "\(pixels) px (under \(Int(Self.minimumText))); for a readable drawing use --split group -o FOLDER/, "
      + "--focus TABLE or --columns none, or the HTML page (zoom and search)"
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
