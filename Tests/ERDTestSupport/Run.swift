import Foundation

/// The result of running a program to completion.
public struct RunResult: Sendable {
  public var status: Int32
  public var stdout: [UInt8]
  public var stderr: String

  public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs a program with the given stdin and collects its output through files, so large outputs
/// cannot deadlock on a pipe.
public func run(
  _ executable: URL, _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:],
  in directory: URL? = nil
) throws -> RunResult {
  let scratch = try Paths.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: scratch) }
  let outURL = scratch.appendingPathComponent("stdout")
  let errURL = scratch.appendingPathComponent("stderr")
  _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
  _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  var env = ProcessInfo.processInfo.environment
  for (k, v) in environment { env[k] = v }
  process.environment = env
  let out = try FileHandle(forWritingTo: outURL)
  let err = try FileHandle(forWritingTo: errURL)
  process.standardOutput = out
  process.standardError = err
  if let stdin {
    let inURL = scratch.appendingPathComponent("stdin")
    _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(stdin))
    process.standardInput = try FileHandle(forReadingFrom: inURL)
  } else {
    process.standardInput = FileHandle.nullDevice
  }
  try process.run()
  process.waitUntilExit()
  try out.close()
  try err.close()
  return RunResult(
    status: process.terminationStatus,
    stdout: Array(try Data(contentsOf: outURL)),
    stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// Runs the built erdviz.
public func erdviz(
  _ arguments: String..., stdin: [UInt8]? = nil, environment: [String: String] = [:], in directory: URL? = nil
) throws -> RunResult {
  try run(Paths.binary, arguments, stdin: stdin, environment: environment, in: directory)
}
