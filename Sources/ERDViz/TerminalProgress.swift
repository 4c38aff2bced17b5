import Dispatch
import ERDInspect
import Glibc
import Synchronization

/// The phases of a long run on stderr, when stderr is a terminal: a phase that lasts over a
/// second shows as one `erdviz: inspecting …` line that its updates rewrite, and stays with its
/// time when it ends; shorter phases show nothing. Diagnostics written meanwhile go above it.
public final class TerminalProgress: ProgressDisplay {
  private struct State {
    var phase: String?
    var started = ContinuousClock.now
    var generation = 0
    var shown = false
  }

  private let state = Mutex(State())
  private let delayMilliseconds: Int
  private let width: Int

  init(delayMilliseconds: Int = 1_000, width: Int) {
    self.delayMilliseconds = delayMilliseconds
    self.width = max(20, width)
  }

  /// A display for stderr when it is a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
  public static func forStandardError() -> TerminalProgress? {
    guard isatty(STDERR_FILENO) == 1, getenv("NO_COLOR").map({ $0.pointee == 0 }) ?? true,
      getenv("TERM").map({ String(cString: $0) != "dumb" }) ?? true
    else { return nil }
    var size = winsize()
    let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    return TerminalProgress(width: columns)
  }

  public func begin(_ phase: String) {
    let generation = state.withLock { state in
      if state.shown { Self.write(finished(state)) }
      state = State(phase: phase, generation: state.generation + 1)
      return state.generation
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(delayMilliseconds)) {
      self.show(generation)
    }
  }

  public func update(_ phase: String) {
    state.withLock { state in
      state.phase = phase
      if state.shown { Self.write("\r\u{1B}[K" + line(phase)) }
    }
  }

  public func end() {
    state.withLock { state in
      if state.shown { Self.write(finished(state)) }
      state = State(generation: state.generation + 1)
    }
  }

  /// Writes a diagnostic line above the phase's line.
  public func diagnostic(_ text: String) {
    state.withLock { state in
      guard state.shown, let phase = state.phase else { return Self.write(text + "\n") }
      Self.write("\r\u{1B}[K" + text + "\n" + line(phase))
    }
  }

  private func show(_ generation: Int) {
    state.withLock { state in
      guard state.generation == generation, !state.shown, let phase = state.phase else { return }
      state.shown = true
      Self.write(line(phase))
    }
  }

  /// The phase's last line, with the time it took, and a line break.
  private func finished(_ state: State) -> String {
    let tenths = Int(((ContinuousClock.now - state.started) / .milliseconds(100)).rounded())
    return "\r\u{1B}[K" + line(state.phase ?? "", suffix: " \(tenths / 10).\(tenths % 10) s") + "\n"
  }

  /// `erdviz: PHASE…`, cut to the terminal's width so that `\r` can rewrite it.
  private func line(_ phase: String, suffix: String = "") -> String {
    let room = width - 1 - "erdviz: ".count - 1 - suffix.count
    let text = phase.count > room ? String(phase.prefix(max(0, room - 1))) + "…" : phase
    return "erdviz: \(text)…\(suffix)"
  }

  private static func write(_ text: String) { StandardStreams.writeStandardError(text) }
}

extension Log {
  /// Diagnostics on stderr, one line each prefixed with the program's name (none when `quiet`),
  /// and the run's phases on the terminal when stderr is one.
  public static func standardError(verbose: Bool, quiet: Bool = false) -> Log {
    let progress = quiet ? nil : TerminalProgress.forStandardError()
    return Log(verbose: verbose, progress: progress) { line in
      guard !quiet else { return }
      if let progress {
        progress.diagnostic("erdviz: \(line)")
      } else {
        StandardStreams.writeDiagnostic("erdviz: \(line)")
      }
    }
  }
}
