import Foundation
import Glibc

/// Reads a file, a pipe or stdin into memory exactly once, mapping failures to `InspectError`.
///
/// Pipes, FIFOs and `<(…)` cannot be read twice, so everything is read into one buffer that is
/// then sniffed. The first bytes are sniffed as they arrive: binary data that is no SQLite
/// database stops the read at once (`/dev/zero` never ends), and past `limit` bytes the read
/// stops with an error.
public enum InputReader {
  /// The most erdviz reads from one input unless told otherwise (`--max-input-size`).
  public static let defaultLimit = 256 << 20
  private static let sniffLength = 4096

  /// A whole file or FIFO, opened once.
  public static func readFile(_ path: String, limit: Int = defaultLimit) throws(InspectError) -> [UInt8] {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { throw .inputMissing(path) }
      throw .inputUnreadable(path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT != S_IFDIR else { throw .inputUnreadable(path, reason: "is a directory") }
    // A FIFO opened without O_NONBLOCK waits for a writer that may already have gone.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw .inputUnreadable(path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return try read(fd, label: path, limit: limit)
  }

  public static func readStandardInput(limit: Int = defaultLimit) throws(InspectError) -> [UInt8] {
    try read(STDIN_FILENO, label: "stdin", limit: limit)
  }

  /// The first `count` bytes of a regular file (fewer if it is shorter); nil for anything else
  /// (a FIFO, a device), whose bytes must not be consumed by a peek.
  public static func regularFilePrefix(_ path: String, count: Int) throws(InspectError) -> [UInt8]? {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { throw .inputMissing(path) }
      throw .inputUnreadable(path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT == S_IFREG else { return nil }
    return try readPrefix(path, count: count)
  }

  /// The first `count` bytes of a file (fewer if it is shorter), without reading the rest.
  public static func readPrefix(_ path: String, count: Int) throws(InspectError) -> [UInt8] {
    guard FileManager.default.fileExists(atPath: path) else { throw .inputMissing(path) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .inputUnreadable(path, reason: "permission denied")
    }
    defer { try? handle.close() }
    return Array((try? handle.read(upToCount: count)) ?? Data())
  }

  /// Reads a descriptor to its end, stopping early on binary data or past `limit`.
  static func read(_ fd: Int32, label: String, limit: Int) throws(InspectError) -> [UInt8] {
    var bytes: [UInt8] = []
    // A regular file (also as stdin, `< schema.sql`) says its size: reserved, the text is held
    // once, not in storage grown by doubling to nearly twice its size.
    var info = stat()
    if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 {
      bytes.reserveCapacity(min(Int(info.st_size), limit) + 1)
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var sniffed = false
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .inputUnreadable(label, reason: String(cString: strerror(errno)))
      }
      if n == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<n])
      if !sniffed && bytes.count >= sniffLength {
        sniffed = true
        if InputKind.sniff(bytes.prefix(sniffLength)) == .binary {
          throw .invalidInput(
            label, reason: "binary data that is not an SQLite database (stopped reading after \(bytes.count) bytes)")
        }
      }
      if bytes.count > limit {
        throw .invalidInput(
          label, reason: "more than \(limit >> 20) MiB of input, past erdviz's limit (--max-input-size MiB raises it)")
      }
    }
  }
}
