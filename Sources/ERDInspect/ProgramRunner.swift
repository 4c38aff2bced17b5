import Foundation

/// A provider program to run for its DDL: `python manage.py atlas-provider-django --dialect mysql`.
public struct ProgramCommand: Hashable, Sendable {
  /// The program and its arguments; no shell sees them.
  public var arguments: [String]
  /// Seconds to wait before the program is stopped.
  public var timeout: Double

  public static let defaultTimeout: Double = 600

  public init(arguments: [String], timeout: Double = ProgramCommand.defaultTimeout) {
    self.arguments = arguments
    self.timeout = timeout
  }

  /// The command line as messages show it, shortened.
  public var label: String {
    let text = arguments.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
    return text.count > 80 ? String(text.prefix(77)) + "…" : text
  }
}

/// Runs a provider program without a shell: its stdout is the input, its stderr passes through
/// to ours as it comes (and its tail is kept for the error when it fails).
public enum ProgramRunner {
  public static func run(_ command: ProgramCommand) throws(InspectError) -> [UInt8] {
    guard let name = command.arguments.first, !name.isEmpty else {
      throw .usage("--exec needs a program after --, e.g. erdviz inspect --exec -- python manage.py atlas-provider-django")
    }
    let executable = try locate(name, label: command.label)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = Array(command.arguments.dropFirst())
    process.standardInput = FileHandle.nullDevice
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }

    let output = Collected()
    let tail = Collected(limit: 4096)
    let readers = DispatchGroup()
    read(stdout.fileHandleForReading, into: output, group: readers)
    read(stderr.fileHandleForReading, into: tail, group: readers, echo: FileHandle.standardError)
    do {
      try process.run()
    } catch {
      try? stdout.fileHandleForWriting.close()
      try? stderr.fileHandleForWriting.close()
      throw .unavailable(command.label, reason: "cannot run \(executable): \(error.localizedDescription)")
    }
    // The parent's copies of the write ends must close, or the readers never see the end.
    try? stdout.fileHandleForWriting.close()
    try? stderr.fileHandleForWriting.close()

    if exited.wait(timeout: .now() + command.timeout) == .timedOut {
      stop(process, exited: exited)
      readers.wait()
      throw .unavailable(command.label, reason: "timed out after \(Int(command.timeout)) s (--exec-timeout) and was stopped")
    }
    readers.wait()
    guard process.terminationReason == .exit else {
      throw .unavailable(command.label, reason: "was killed by signal \(process.terminationStatus)\(lastLine(of: tail))")
    }
    guard process.terminationStatus == 0 else {
      throw .unavailable(command.label, reason: "exited with status \(process.terminationStatus)\(lastLine(of: tail))")
    }
    return output.bytes
  }

  /// The program's path: as given when it has a slash, else the first match on `$PATH`.
  private static func locate(_ name: String, label: String) throws(InspectError) -> String {
    let manager = FileManager.default
    if name.contains("/") {
      guard manager.fileExists(atPath: name) else { throw .unavailable(label, reason: "no such program: \(name)") }
      guard manager.isExecutableFile(atPath: name) else { throw .unavailable(label, reason: "\(name) is not executable") }
      return name
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(name)"
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
        manager.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
    }
    throw .unavailable(label, reason: "no program named \(name) on PATH")
  }

  /// Reads a pipe to its end on a background thread.
  private static func read(_ handle: FileHandle, into sink: Collected, group: DispatchGroup, echo: FileHandle? = nil) {
    group.enter()
    Thread.detachNewThread {
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        echo?.write(chunk)
        sink.append(chunk)
      }
      group.leave()
    }
  }

  /// SIGTERM, then SIGKILL if it is still running two seconds later.
  private static func stop(_ process: Process, exited: DispatchSemaphore) {
    process.terminate()
    if exited.wait(timeout: .now() + 2) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      _ = exited.wait(timeout: .now() + 2)
    }
  }

  private static func lastLine(of tail: Collected) -> String {
    let text = String(decoding: tail.bytes, as: UTF8.self)
    guard let line = text.split(whereSeparator: \.isNewline).last?.trimmingCharacters(in: .whitespaces), !line.isEmpty
    else { return " (its stderr was empty)" }
    return "; its stderr ended with: \(line.count > 200 ? String(line.prefix(197)) + "…" : line)"
  }
}

/// Bytes collected from a reader thread; with a limit, only the last `limit` bytes are kept.
private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var buffer: [UInt8] = []
  private let limit: Int?

  init(limit: Int? = nil) { self.limit = limit }

  func append(_ data: Data) {
    lock.lock()
    defer { lock.unlock() }
    buffer.append(contentsOf: data)
    if let limit, buffer.count > limit { buffer.removeFirst(buffer.count - limit) }
  }

  var bytes: [UInt8] {
    lock.lock()
    defer { lock.unlock() }
    return buffer
  }
}
