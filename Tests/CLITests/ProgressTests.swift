import ERDTestSupport
import Foundation
import Testing

/// On a terminal, a phase that lasts over a second shows on stderr with its time; never when
/// stderr is not a terminal, and never with `NO_COLOR`.
@Suite struct ProgressTests {
  /// A provider that takes 1.5 s to print one table.
  static let slowProvider = ["--exec", "--", "sh", "-c", "sleep 1.5; echo 'CREATE TABLE t (a int);'"]

  /// Runs erdviz under `script`, which gives it a pseudo-terminal for stdin, stdout and stderr,
  /// with `NO_COLOR` set or not (the test runner sets it).
  func onATerminal(_ arguments: [String], noColor: Bool) throws -> RunResult {
    let env = ["/usr/bin/env"] + (noColor ? ["NO_COLOR=1"] : ["-u", "NO_COLOR"]) + ["TERM=xterm"]
    let command = (env + [Paths.binary.path] + arguments).map(Self.shellQuoted).joined(separator: " ")
    return try run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
  }

  static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  @Test func aLongPhaseShowsOnATerminal() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      return print("skipped: no /usr/bin/script for a pseudo-terminal")
    }
    let out = try Paths.temporaryDirectory().appendingPathComponent("t.json")
    let shown = try onATerminal(["inspect", "-o", out.path] + Self.slowProvider, noColor: false)
    #expect(shown.status == 0, "\(shown.stdoutText) \(shown.stderr)")
    #expect(shown.stdoutText.contains("erdviz: reading sh -c"), "\(shown.stdoutText.debugDescription) \(shown.stderr)")
    let timed = /erdviz: reading sh -c .*… [0-9]+\.[0-9] s/
    #expect(shown.stdoutText.contains(timed), "\(shown.stdoutText.debugDescription)")
    let plain = try onATerminal(["inspect", "-o", out.path] + Self.slowProvider, noColor: true)
    #expect(plain.status == 0 && !plain.stdoutText.contains("reading"), "\(plain.stdoutText.debugDescription)")
  }

  @Test func nothingShowsWhenStderrIsNotATerminal() throws {
    let out = try Paths.temporaryDirectory().appendingPathComponent("t.json")
    let result = try run(Paths.binary, ["inspect", "-o", out.path] + Self.slowProvider)
    #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
  }
}
