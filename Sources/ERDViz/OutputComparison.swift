import ERDRender
import Glibc

/// Compares rendered outputs with the files on disk, for `--check`.
enum OutputComparison {
  /// The files that are missing or hold other bytes, in the order given.
  static func stale(_ files: [(path: String, content: OutputContent)]) -> [StaleOutput] {
    files.compactMap { file in
      let fd = open(file.path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return StaleOutput(path: file.path, reason: .missing) }
      defer { close(fd) }
      return holds(fd, file.content) ? nil : StaleOutput(path: file.path, reason: .changed)
    }
  }

  /// Whether the file holds exactly the content, read piece by piece beside it as it is made.
  private static func holds(_ fd: Int32, _ content: OutputContent) -> Bool {
    content.write { piece in read(fd, count: piece.count) == piece } && read(fd, count: 1).isEmpty
  }

  /// The next `count` bytes, fewer at the end of the file or at a read error.
  private static func read(_ fd: Int32, count: Int) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count) { storage, initialized in
      initialized = 0
      while initialized < count {
        let n = Glibc.read(fd, storage.baseAddress.map { $0 + initialized }, count - initialized)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { break }
        initialized += n
      }
    }
  }
}
