import Foundation

/// Reads a whole file or stdin into memory, mapping failures to `InspectError`.
public enum InputReader {
  public static func readFile(_ path: String) throws(InspectError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .inputMissing(path)
    }
    guard !isDirectory.boolValue else { throw .inputUnreadable(path, reason: "is a directory") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .inputUnreadable(path, reason: "permission denied")
    }
    defer { try? handle.close() }
    do {
      return Array(try handle.readToEnd() ?? Data())
    } catch {
      throw .inputUnreadable(path, reason: error.localizedDescription)
    }
  }

  public static func readStandardInput() throws(InspectError) -> [UInt8] {
    do {
      return Array(try FileHandle.standardInput.readToEnd() ?? Data())
    } catch {
      throw .inputUnreadable("stdin", reason: error.localizedDescription)
    }
  }

  /// Whether `path` is a regular file, which can be read twice; a FIFO (`<(git show …)`), a
  /// device or a socket gives its bytes once.
  public static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
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
}
