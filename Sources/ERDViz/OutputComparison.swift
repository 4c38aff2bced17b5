import Foundation

/// Compares rendered outputs with the files on disk, for `--check`.
enum OutputComparison {
  /// The files that are missing or hold other bytes, in the order given.
  static func stale(_ files: [(path: String, bytes: [UInt8])]) -> [StaleOutput] {
    files.compactMap { file in
      guard let data = FileManager.default.contents(atPath: file.path) else {
        return StaleOutput(path: file.path, reason: .missing)
      }
      return Array(data) == file.bytes ? nil : StaleOutput(path: file.path, reason: .changed)
    }
  }
}
