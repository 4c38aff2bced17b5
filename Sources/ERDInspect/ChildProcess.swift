import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program started in a process group of its own, its stdin `/dev/null`, its stdout and
/// stderr pipes: so that a timeout can stop it together with everything it started, even a
/// background process that still holds the pipe open after the program itself has exited
/// (`sh -c 'sleep 100 & echo …'`). Foundation's `Process` cannot set the process group.
final class ChildProcess: @unchecked Sendable {
  let pid: pid_t
  let stdout: FileHandle
  let stderr: FileHandle
  private let exited = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var waitStatus: Int32?

  /// Why spawning failed: `posix_spawn`'s error number.
  struct SpawnError: Error {
    var code: Int32
    var message: String { String(cString: strerror(code)) }
  }

  init(executable: String, arguments: [String]) throws(SpawnError) {
    var out: [Int32] = [-1, -1]
    var err: [Int32] = [-1, -1]
    guard pipe(&out) == 0 else { throw SpawnError(code: errno) }
    guard pipe(&err) == 0 else {
      close(out[0])
      close(out[1])
      throw SpawnError(code: errno)
    }
    defer {
      close(out[1])
      close(err[1])
    }
    var pid: pid_t = 0
    let rc = Self.spawn(executable, arguments, stdout: out, stderr: err, pid: &pid)
    guard rc == 0 else {
      close(out[0])
      close(err[0])
      throw SpawnError(code: rc)
    }
    self.pid = pid
    stdout = FileHandle(fileDescriptor: out[0], closeOnDealloc: true)
    stderr = FileHandle(fileDescriptor: err[0], closeOnDealloc: true)
    Thread.detachNewThread { [self] in reap() }
  }

  private static func spawn(
    _ executable: String, _ arguments: [String], stdout: [Int32], stderr: [Int32], pid: inout pid_t
  ) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
    posix_spawn_file_actions_adddup2(&actions, stderr[1], 2)
    for fd in stdout + stderr { posix_spawn_file_actions_addclose(&actions, fd) }
    // Process group 0: a new group whose id is the child's pid.
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    return withCStrings([executable] + arguments) { argv in
      withCStrings(environment) { envp in posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
    }
  }

  /// Waits for the program itself (not what it started) on a thread of its own.
  private func reap() {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    lock.lock()
    waitStatus = status
    lock.unlock()
    exited.signal()
  }

  /// Waits until the program has exited, or `deadline`; true when it has.
  func waitForExit(until deadline: DispatchTime) -> Bool {
    guard exited.wait(timeout: deadline) == .success else { return false }
    exited.signal()  // later waits see it too
    return true
  }

  var hasExited: Bool {
    lock.lock()
    defer { lock.unlock() }
    return waitStatus != nil
  }

  /// How it ended: its exit status, or the signal that killed it.
  var termination: (exitStatus: Int32?, signal: Int32?) {
    lock.lock()
    defer { lock.unlock() }
    guard let status = waitStatus else { return (nil, nil) }
    let signal = status & 0x7F
    return signal == 0 ? ((status >> 8) & 0xFF, nil) : (nil, signal)
  }

  /// SIGTERM to the whole group, then SIGKILL to whatever is left two seconds later.
  func stopGroup(until done: () -> Bool) {
    kill(-pid, SIGTERM)
    let grace = Date().addingTimeInterval(2)
    while !done() && Date() < grace { usleep(20_000) }
    kill(-pid, SIGKILL)
  }
}

/// Runs `body` with a NULL-terminated C array of C strings that lives as long as the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
  var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  pointers.append(nil)
  defer { for p in pointers { free(p) } }
  return body(pointers)
}
