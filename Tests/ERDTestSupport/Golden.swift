import Foundation

/// Golden files: renderer output compared byte for byte with a file checked in next to the test.
///
/// Run the tests with `ERDVIZ_RECORD=1` (or `make golden`) to write the current output as the new
/// golden files; review the diff before committing it.
public enum Golden {
  public static var recording: Bool { ProcessInfo.processInfo.environment["ERDVIZ_RECORD"] == "1" }

  /// Nil when `actual` matches `directory/name`, else a message with the first difference.
  public static func compare(_ actual: String, to name: String, in directory: URL) -> String? {
    let url = directory.appendingPathComponent(name)
    if recording {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try? Data(actual.utf8).write(to: url)
      return nil
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      return "golden file \(name) is missing; run with ERDVIZ_RECORD=1 to create it"
    }
    guard expected != actual else { return nil }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, e.count) {
      let al = i < a.count ? String(a[i]) : "<end>"
      let el = i < e.count ? String(e[i]) : "<end>"
      if al != el {
        return "\(name) differs at line \(i + 1):\n  expected: \(el)\n  actual:   \(al)\n(ERDVIZ_RECORD=1 re-records)"
      }
    }
    return "\(name) differs"
  }

  /// The `__Golden__` folder beside a test file.
  public static func directory(for testFile: String = #filePath) -> URL {
    URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("__Golden__")
  }
}
