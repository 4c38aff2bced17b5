import Foundation

/// Gives a PDF the same creation date on every run: cairo writes the time of rendering, so two
/// renders of the same diagram would differ in their bytes.
///
/// The date becomes `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else the
/// epoch itself. It is replaced in place, digit for digit, so every byte offset in the PDF's
/// cross-reference table stays right.
enum PDFDate {
  /// Runs the body with the process's time zone set to UTC, so cairo's date always ends in `Z`
  /// and has the same length; restores the time zone after. Called under the Graphviz lock.
  static func inUTC<T>(_ enabled: Bool, _ body: () -> T) -> T {
    guard enabled else { return body() }
    let saved = getenv("TZ").map { String(cString: $0) }
    setenv("TZ", "UTC", 1)
    tzset()
    defer {
      if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
      tzset()
    }
    return body()
  }

  /// The PDF with every `/CreationDate (D:YYYYMMDDHHmmSS` date set to the fixed date.
  static func fixed(_ pdf: [UInt8]) -> [UInt8] {
    let marker = Array("/CreationDate (D:".utf8)
    let date = Array(stamp.utf8)
    var out = pdf
    var i = 0
    while i + marker.count + date.count <= out.count {
      if out[i..<(i + marker.count)].elementsEqual(marker),
        out[(i + marker.count)..<(i + marker.count + date.count)].allSatisfy({ (0x30...0x39).contains($0) })
      {
        out.replaceSubrange((i + marker.count)..<(i + marker.count + date.count), with: date)
        i += marker.count + date.count
      } else {
        i += 1
      }
    }
    return out
  }

  /// `YYYYMMDDHHmmSS` in UTC of `SOURCE_DATE_EPOCH`, or of 0.
  static var stamp: String {
    let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? 0
    var time = time_t(epoch)
    var parts = tm()
    gmtime_r(&time, &parts)
    return String(
      format: "%04d%02d%02d%02d%02d%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
  }
}
