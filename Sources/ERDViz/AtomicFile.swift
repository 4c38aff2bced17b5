import Foundation

import Glibc

/// Writes files so that a reader sees the old bytes or the new, never a mix or an empty file:
/// write a temporary file beside the target, flush it to disk, then rename it over the target.
public enum AtomicFile {
  /// Fails when `path` could not be replaced: its folder is missing or read-only, or it is a folder.
  /// Checked for every output before any is written.
  public static func checkWritable(_ path: String) throws(OutputError) {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .cannotWrite(path, reason: "no such directory: \(directory)")
    }
    guard access(directory, W_OK) == 0 else { throw .cannotWrite(path, reason: "directory is not writable") }
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw .cannotWrite(path, reason: "is a directory")
    }
  }

  public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
    try checkWritable(path)
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let temporary = "\(directory)/.\(url.lastPathComponent).erdviz-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o644))
    guard fd >= 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
    var failure: String?
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count, let base = raw.baseAddress {
        let n = Glibc.write(fd, base + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += n
      }
    }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    // Keep the permissions of the file being replaced.
    if failure == nil, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let mode = attributes[.posixPermissions] as? NSNumber
    {
      fchmod(fd, mode_t(mode.uint16Value))
    }
    close(fd)
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw .cannotWrite(path, reason: failure)
    }
  }
}

/// An output that could not be written.
public enum OutputError: Error, Hashable, Sendable, CustomStringConvertible {
  case cannotWrite(String, reason: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
    }
  }
}
