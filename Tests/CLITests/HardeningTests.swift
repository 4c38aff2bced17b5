import ERDTestSupport
import Foundation
import Testing

/// No crash, no hang, nothing lost: failing writes, endless or unrereadable inputs, outputs that
/// are links, a full disk in the middle of a run. Each case runs the built binary from a shell,
/// with the redirections a user would type.
@Suite struct HardeningTests {
  static func shell(_ script: String, in dir: URL? = nil) throws -> RunResult {
    let directory = try dir ?? Paths.temporaryDirectory()
    let sql = try String(contentsOf: Paths.samples.appendingPathComponent("shop.sql"), encoding: .utf8)
    let db = directory.appendingPathComponent("shop.db")
    if !FileManager.default.fileExists(atPath: db.path) { try SQLiteFixture.create(at: db, sql: sql) }
    return try run(
      URL(fileURLWithPath: "/bin/bash"), ["-c", script], environment: ["ERDVIZ": Paths.binary.path], in: directory)
  }

  @Test(arguments: [
    ("\"$ERDVIZ\" inspect shop.db -f json > /dev/full", 73, "cannot write stdout"),
    ("\"$ERDVIZ\" inspect shop.db -f json >&-", 73, "cannot write stdout"),
    ("\"$ERDVIZ\" share shop.db > /dev/full", 73, "cannot write stdout"),
    ("\"$ERDVIZ\" inspect nosuch.db 2>/dev/full", 66, ""),
    ("\"$ERDVIZ\" inspect shop.db -v -o x.svg 2>/dev/full", 73, ""),
  ])
  func aFailingStdoutOrStderrIsAnErrorNotATrap(script: String, status: Int32, message: String) throws {
    let result = try Self.shell(script)
    #expect(result.status == status, "\(script): \(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"), "\(script): \(result.stderr)")
    if !message.isEmpty {
      #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(message), "\(result.stderr)")
    }
  }

  @Test func aClosedPipeEndsQuietly() throws {
    let result = try Self.shell("\"$ERDVIZ\" inspect shop.db -f html | head -c 10 > /dev/null; echo ${PIPESTATUS[0]}")
    let status = result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(["0", "141", "73"].contains(status), "exit \(status): \(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"))
  }

  @Test func endlessBinaryInputStopsAtOnce() throws {
    let result = try Self.shell("timeout 20 \"$ERDVIZ\" inspect /dev/zero")
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("binary data"), "\(result.stderr)")
  }

  @Test func inputPastTheLimitIsRefusedAndTheLimitCanBeRaised() throws {
    let ddl = "head -c 3000000 /dev/zero | tr '\\0' ' '; echo 'CREATE TABLE t (id int);'"
    let refused = try Self.shell("(\(ddl)) | \"$ERDVIZ\" inspect --max-input-size 2 -")
    #expect(refused.status == 65 && refused.stderr.contains("--max-input-size"), "\(refused.stderr)")
    let raised = try Self.shell("(\(ddl)) | \"$ERDVIZ\" inspect --max-input-size 4 - -f json")
    #expect(raised.status == 0, "\(raised.stderr)")
  }

  /// A process substitution or a FIFO is read once: nothing is lost to a peek.
  @Test func pipesGivenAsPathsAreReadOnce() throws {
    let pagila = "CREATE TABLE film (film_id integer PRIMARY KEY, title text NOT NULL);"
    let substitution = try Self.shell("\"$ERDVIZ\" inspect <(echo '\(pagila)') -f json")
    #expect(substitution.status == 0, "\(substitution.stderr)")
    #expect(substitution.stdoutText.contains("\"film\""))
    let fifo = try Self.shell("mkfifo f; cat shop.db > f & \"$ERDVIZ\" inspect f -f json; wait")
    #expect(fifo.status == 0, "\(fifo.stderr)")
    #expect(fifo.stdoutText.contains("\"order_line\""), "an SQLite image through a FIFO")
    let abandoned = try Self.shell("mkfifo g; timeout 20 \"$ERDVIZ\" inspect g")
    #expect(abandoned.status == 65, "a FIFO with no writer is empty input, not a hang: \(abandoned.stderr)")
  }

  /// A write that fails midway (here a file-size limit) leaves every output as it was.
  @Test func aFailedWriteLeavesEveryOutputAsItWas() throws {
    let result = try Self.shell(
      "echo old-svg > good.svg; echo old-html > big.html; ulimit -f 100; \"$ERDVIZ\" inspect shop.db -o good.svg -o big.html; "
        + "echo status=$?; cat good.svg big.html; ls -a | grep -c erdviz- || true")
    #expect(result.stdoutText.contains("status=73"), "\(result.stdoutText)\(result.stderr)")
    #expect(result.stdoutText.contains("old-svg\nold-html\n0"), "\(result.stdoutText)")
  }

  /// An output that is a symbolic link: its target is replaced and keeps its mode; the link stays.
  @Test func aLinkedOutputReplacesItsTarget() throws {
    let result = try Self.shell(
      "mkdir real; echo old > real/erd.svg; chmod 640 real/erd.svg; ln -s real/erd.svg erd.svg; umask 022; "
        + "\"$ERDVIZ\" inspect shop.db -o erd.svg -o new.mmd && test -L erd.svg && stat -c '%a' real/erd.svg new.mmd "
        + "&& head -c 5 real/erd.svg")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutText.hasPrefix("640\n644\n<?xml"), "\(result.stdoutText)")
  }

  /// A name of 20,000 characters still makes DOT that Graphviz reads, and every format.
  @Test func aVeryLongNameDrawsEverywhere() throws {
    let name = String(repeating: "n", count: 20_000)
    let ddl = "CREATE TABLE \"\(name)\" (id integer PRIMARY KEY, \"\(name)x\" integer REFERENCES \"\(name)\"(id));"
    let dir = try Paths.temporaryDirectory()
    try Data(ddl.utf8).write(to: dir.appendingPathComponent("long.sql"))
    let result = try Self.shell(
      "\"$ERDVIZ\" inspect long.sql --dialect sqlite -o x.svg -o x.dot -o x.mmd -o x.html -o x.md -o x.dbml "
        + "&& dot -Tsvg x.dot -o /dev/null", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
  }
}
