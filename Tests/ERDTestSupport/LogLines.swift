import ERDInspect
import Foundation

/// Collects what an inspector logs, for tests that check its warnings and progress lines.
public final class LogLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  public let verbose: Bool

  public init(verbose: Bool = true) { self.verbose = verbose }

  public var log: Log {
    Log(verbose: verbose) { [self] line in
      lock.lock()
      lines.append(line)
      lock.unlock()
    }
  }

  public var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return lines
  }
}
