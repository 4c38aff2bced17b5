import ERDTestSupport
import Foundation
import Testing

/// Reading an SQLite file changes nothing and leaves nothing beside it, reads what a folder the
/// user cannot write holds, and waits a bounded time for a writer's lock: the built binary.
@Suite struct SQLiteFileSafetyTests {
  static let schema = "PRAGMA journal_mode=WAL; CREATE TABLE a (id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1);"

  private func listing(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  @Test func aWALDatabaseWithNoOtherConnectionGetsNoWALOrSHMFiles() throws {
    let dir = try Paths.temporaryDirectory()
    let db = dir.appendingPathComponent("w.db")
    try SQLiteFixture.create(at: db, sql: Self.schema)
    #expect(try listing(dir) == ["w.db"])
    let before = try Data(contentsOf: db)
    let result = try erdviz("inspect", db.path, "-f", "json", "-v")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutText.contains("\"name\": \"a\""))
    #expect(try listing(dir) == ["w.db"])
    #expect(try Data(contentsOf: db) == before)
  }

  /// With a writer connected, committed work still in its `-wal` is read too.
  @Test func aWALDatabaseWithAWriterIsReadThroughItsWAL() throws {
    let dir = try Paths.temporaryDirectory()
    let db = dir.appendingPathComponent("w.db")
    let writer = try SQLiteHeldConnection(db, sql: Self.schema + "CREATE TABLE late (id INTEGER);")
    defer { writer.close() }
    let result = try erdviz("inspect", db.path, "-f", "json")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutText.contains("\"name\": \"late\""), "\(result.stdoutText)")
  }

  /// Mode 444 files in a 555 folder, read by a user who owns neither: with no `-wal` (read
  /// immutable) and with the `-wal` and `-shm` a writer left (read through them).
  @Test(arguments: [false, true])
  func aReadOnlyWALDatabaseInAReadOnlyFolderStillReads(withWAL: Bool) throws {
    let dir = try Paths.temporaryDirectory().appendingPathComponent("ro")
    let source = try Paths.temporaryDirectory()
    let db = source.appendingPathComponent("w.db")
    let writer = try SQLiteHeldConnection(db, sql: Self.schema + "CREATE TABLE late (id INTEGER);")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let files = withWAL ? ["w.db", "w.db-wal", "w.db-shm"] : ["w.db"]
    if !withWAL { writer.close() }
    for file in files {
      try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: dir.appendingPathComponent(file))
      try FileManager.default.setAttributes(
        [.posixPermissions: 0o444], ofItemAtPath: dir.appendingPathComponent(file).path)
    }
    if withWAL { writer.close() }
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path) }

    let arguments = ["inspect", dir.appendingPathComponent("w.db").path, "-f", "json"]
    let result: RunResult
    if getuid() == 0 {
      // Root ignores file modes: read as an unprivileged user, as the case is met in life.
      let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
      guard FileManager.default.isExecutableFile(atPath: setpriv.path) else {
        print("skipping: running as root and /usr/bin/setpriv is missing, so the read-only case cannot be met")
        return
      }
      result = try run(setpriv, ["--reuid=nobody", "--regid=nogroup", "--clear-groups", Paths.binary.path] + arguments)
    } else {
      result = try run(Paths.binary, arguments)
    }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutText.contains("\"name\": \"late\""), "\(result.stderr)")
    #expect(try listing(dir) == files.sorted())
  }

  @Test func aRollbackJournalDatabaseLockedByAWriterFailsAfterTheBusyTimeout() throws {
    let dir = try Paths.temporaryDirectory()
    let db = dir.appendingPathComponent("r.db")
    try SQLiteFixture.create(at: db, sql: "CREATE TABLE a (id INTEGER PRIMARY KEY);")
    let writer = try SQLiteHeldConnection(db, sql: "BEGIN EXCLUSIVE; INSERT INTO a VALUES (1);")
    defer { writer.close() }
    let start = Date()
    let result = try erdviz("inspect", db.path, "--lock-timeout", "1", "-f", "json")
    let elapsed = Date().timeIntervalSince(start)
    #expect(result.status == 69, "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("the database is locked by another connection"), "\(result.stderr)")
    #expect(result.stderr.contains("waited 1 s (--lock-timeout)"), "\(result.stderr)")
    #expect(elapsed >= 1 && elapsed < 8, "took \(elapsed) s")
  }
}
