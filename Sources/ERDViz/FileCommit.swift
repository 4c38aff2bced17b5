import ERDRender
import Foundation
import Glibc

/// Replaces a set of files all or none: every new content is written to a temporary file beside
/// its target and flushed to disk first, and only when all are written are they renamed over
/// their targets. A reader sees each file's old bytes or its new ones, never a mix or an empty file.
enum FileCommit {
  /// Fails when an output could not be written, checked for every output before anything is read.
  /// With `makingFolders`, a missing folder is made when written, as for a folder output.
  static func checkWritable(_ target: OutputTarget, makingFolders: Bool = false) throws(OutputError) {
    switch target {
    case .file(let path, _) where makingFolders:
      try checkWritable(.folder(URL(fileURLWithPath: path).deletingLastPathComponent().path))
      try checkWritable(path, folderMayBeMissing: true)
    case .file(let path, _): try checkWritable(path)
    case .standardOutput: break
    case .folder(let path):
      // The folder, or the nearest folder above it that exists, must take new files.
      var folder = URL(fileURLWithPath: path)
      var isDirectory: ObjCBool = false
      while !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
        folder = folder.deletingLastPathComponent()
      }
      guard isDirectory.boolValue else { throw .cannotWrite(path, reason: "\(folder.path) is not a folder") }
      guard access(folder.path, W_OK) == 0 else { throw .cannotWrite(path, reason: "\(folder.path) is not writable") }
    }
  }

  /// Fails when `path` could not be replaced: its folder is missing or read-only, or it is a folder.
  static func checkWritable(_ path: String, folderMayBeMissing: Bool = false) throws(OutputError) {
    let target = try resolved(path)
    let directory = URL(fileURLWithPath: target).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    if folderMayBeMissing && !FileManager.default.fileExists(atPath: directory) { return }
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .cannotWrite(path, reason: "no such directory: \(directory)")
    }
    guard access(directory, W_OK) == 0 else { throw .cannotWrite(path, reason: "directory is not writable") }
    if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
      throw .cannotWrite(path, reason: "is a directory")
    }
  }

  /// Writes every file, or leaves every existing file as it was; then removes `obsolete` files.
  /// The folders of a folder output are made as needed.
  static func write(_ files: [(path: String, bytes: [UInt8])]) throws(OutputError) {
    try write(files.map { ($0.path, .held($0.bytes)) })
  }

  /// Writes every file, made as it is written, or leaves every existing file as it was; then
  /// removes `obsolete` files. Returns the size of each file written.
  @discardableResult
  static func write(
    _ files: [(path: String, content: OutputContent)], removing obsolete: [String] = []
  ) throws(OutputError) -> [Int] {
    var staged: [(temporary: String, target: String, path: String)] = []
    var sizes: [Int] = []
    do {
      for file in files {
        try makeFolder(of: file.path)
        let target = try resolved(file.path)
        let (temporary, size) = try stage(file.content, beside: target, for: file.path)
        staged.append((temporary, target, file.path))
        sizes.append(size)
      }
    } catch {
      for s in staged { unlink(s.temporary) }
      throw error
    }
    for (i, s) in staged.enumerated() where rename(s.temporary, s.target) != 0 {
      let reason = String(cString: strerror(errno))
      for rest in staged[i...] { unlink(rest.temporary) }
      throw .cannotWrite(s.path, reason: reason)
    }
    for path in obsolete where unlink(path) != 0 && errno != ENOENT {
      throw .cannotWrite(path, reason: "cannot remove: " + String(cString: strerror(errno)))
    }
    return sizes
  }

  private static func makeFolder(of path: String) throws(OutputError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    guard !FileManager.default.fileExists(atPath: folder.path) else { return }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path, reason: "cannot create its folder: \(error.localizedDescription)")
    }
  }

  /// The file a path names: a symbolic link is followed, so its target is replaced and the link kept.
  static func resolved(_ path: String) throws(OutputError) -> String {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
    guard let real = realpath(path, nil) else {
      throw .cannotWrite(path, reason: "a symbolic link to a file that cannot be reached")
    }
    defer { free(real) }
    return String(cString: real)
  }

  /// Writes the content to a new temporary file beside `target`, with the mode of the file it will
  /// replace (a new file gets 0666 less the umask), and returns its path and size.
  private static func stage(
    _ content: OutputContent, beside target: String, for path: String
  ) throws(OutputError) -> (temporary: String, size: Int) {
    let url = URL(fileURLWithPath: target)
    let directory = url.deletingLastPathComponent().path
    let temporary = "\(directory)/.\(url.lastPathComponent).erdviz-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o666))
    guard fd >= 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
    let written = writeAll(content, to: fd)
    var failure = written.failure
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    var existing = stat()
    if failure == nil, stat(target, &existing) == 0 { fchmod(fd, existing.st_mode & 0o7777) }
    close(fd)
    if let failure {
      unlink(temporary)
      throw .cannotWrite(path, reason: failure)
    }
    return (temporary, written.size)
  }

  /// Writes the content to a descriptor piece by piece as it is made, stopping at the first
  /// failed write: the error's text, if one failed, and how many bytes were written.
  static func writeAll(_ content: OutputContent, to fd: Int32) -> (failure: String?, size: Int) {
    var failure: String?
    var size = 0
    _ = content.write { piece in
      failure = writeAll(piece, to: fd)
      if failure == nil { size += piece.count }
      return failure == nil
    }
    return (failure, size)
  }

  /// Writes every byte to a descriptor, retrying short writes; the error's text when one fails.
  static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
    bytes.withUnsafeBytes { raw -> String? in
      var offset = 0
      while offset < raw.count, let base = raw.baseAddress {
        let n = Glibc.write(fd, base + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        offset += n
      }
      return nil
    }
  }
}
