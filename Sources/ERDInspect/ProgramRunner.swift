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
      throw .usage(
        "--exec needs a program after --, e.g. erdviz inspect --exec -- python manage.py atlas-provider-django")
    }
    let executable = try locate(name, label: command.label)
    let start = DispatchTime.now()
    let child: ChildProcess
    do {
      child = try ChildProcess(executable: executable, arguments: Array(command.arguments.dropFirst()))
    } catch {
      throw .unavailable(command.label, reason: "cannot run \(executable): \(error.message)")
    }
    let output = Collected()
    let tail = Collected(limit: 4096)
    let readers = DispatchGroup()
    read(child.stdout, into: output, group: readers)
    read(child.stderr, into: tail, group: readers, echo: FileHandle.standardError)

    // The output is complete when the program has exited and its pipes are closed: a process it
    // started in the background may hold them open past its exit, and counts against the timeout.
    let deadline = start + command.timeout
    guard child.waitForExit(until: deadline), readers.wait(timeout: deadline) == .success else {
      let programExited = child.hasExited
      child.stopGroup { child.hasExited && readers.wait(timeout: .now()) == .success }
      _ = readers.wait(timeout: .now() + 2)
      let waited = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
      let limit = "--exec-timeout \(seconds(command.timeout)) s"
      let what =
        programExited
        ? "exited, but a process it started still held its output open at \(limit)"
        : "did not finish within \(limit)"
      throw .unavailable(
        command.label, reason: "\(what); stopped it and all it started after \(String(format: "%.1f", waited)) s")
    }
    return try result(of: child, output: output, tail: tail, label: command.label)
  }

  private static func result(
    of child: ChildProcess, output: Collected, tail: Collected, label: String
  ) throws(InspectError) -> [UInt8] {
    let (status, signal) = child.termination
    if let signal { throw .unavailable(label, reason: "was killed by signal \(signal)\(lastLine(of: tail))") }
    guard status == 0 else {
      throw .unavailable(label, reason: "exited with status \(status ?? -1)\(lastLine(of: tail))")
    }
    return output.bytes
  }

  /// `2`, `0.5`: a timeout as the user wrote it.
  private static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  /// The program's path: as given when it has a slash, else the first match on `$PATH`.
  private static func locate(_ name: String, label: String) throws(InspectError) -> String {
    let manager = FileManager.default
    if name.contains("/") {
      guard manager.fileExists(atPath: name) else { throw .unavailable(label, reason: "no such program: \(name)") }
      guard manager.isExecutableFile(atPath: name) else {
        throw .unavailable(label, reason: "\(name) is not executable")
      }
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
